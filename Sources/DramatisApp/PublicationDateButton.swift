import CGtk
import CGtkShim
import DramatisCore
import Foundation

/// The publication date in the article header: "18 August 2025" (or "Set publication date…")
/// opening a popover with a calendar, Set and Clear. The window re-runs the core's analysis with
/// the new date, so relative dates ("on Friday", "last year") are resolved again.
@MainActor
final class PublicationDateButton {
    let widget: Widget
    private let label: Widget
    // The popover (a calendar: dozens of widgets) is built the first time it opens.
    private var calendar: Widget!
    private var clearButton: Widget!
    private var popover: Widget!
    private var published: String?

    /// Called with the chosen ISO date (`YYYY-MM-DD`), or nil for Clear.
    var onChanged: ((String?) -> Void)?

    init() {
        label = UI.label("")
        let icon = UI.image("document-edit-symbolic")
        widget = gtk_menu_button_new()!
        gtk_menu_button_set_child(opaque(widget), UI.hbox(spacing: 6, [label, icon]))
        widget.css("flat", "publication-date")
        widget.align(h: GTK_ALIGN_START)

        Callback.buildPopoverOnFirstOpen(widget) { [unowned self] in buildPopover() }
        show(nil)
    }

    private func buildPopover() {
        calendar = gtk_calendar_new()!
        calendar.accessibleLabel("Publication date calendar")
        let set = UI.button(label: "_Set Date", "suggested-action")
        clearButton = UI.button(label: "_Clear")
        let buttons = UI.hbox(spacing: 6, [clearButton, set.expand(h: true)])
        let heading = UI.label("Publication date", "heading")
        let hint = UI.label("Relative dates such as “on Friday” are resolved from it.", "caption", "dim-label", wrap: true)
        gtk_label_set_max_width_chars(opaque(hint), 30)
        let box = UI.vbox(spacing: 8, [heading, hint, calendar, buttons]).margins(6)
        popover = gtk_popover_new()!
        gtk_popover_set_child(cast(popover), box)
        gtk_menu_button_set_popover(opaque(widget), popover)

        Signal.on(set, "clicked") { [unowned self] in
            gtk_popover_popdown(cast(popover))
            let date = gtk_calendar_get_date(opaque(calendar))!
            defer { g_date_time_unref(date) }
            let iso = String(format: "%04d-%02d-%02d", g_date_time_get_year(date), g_date_time_get_month(date),
                             g_date_time_get_day_of_month(date))
            if iso != published { onChanged?(iso) }
        }
        Signal.on(clearButton, "clicked") { [unowned self] in
            gtk_popover_popdown(cast(popover))
            if published != nil { onChanged?(nil) }
        }
        // The calendar opens on the current date, or today.
        Signal.on(popover, "show") { [unowned self] in selectCalendarDay() }
        updateClearButton()
    }

    /// Shows the article's date (ISO `YYYY-MM-DD`, `YYYY-MM` or `YYYY`), or the invitation to set one.
    func show(_ iso: String?) {
        published = iso
        let text = iso.map(DateText.readable) ?? "Set publication date…"
        UI.setText(label, text)
        widget.tooltip(iso == nil ? "Set the publication date, to resolve relative dates" : "Change the publication date")
        widget.accessibleLabel(iso == nil ? "Set publication date" : "Publication date: \(text)")
        updateClearButton()
    }

    private func updateClearButton() { clearButton?.isVisible = published != nil }

    var isSensitive: Bool {
        get { gtk_widget_get_sensitive(widget) != 0 }
        set { gtk_widget_set_sensitive(widget, newValue ? 1 : 0) }
    }

    private func selectCalendarDay() {
        let parts = (published ?? "").split(separator: "-").compactMap { Int32($0) }
        let date: OpaquePointer?
        if parts.count >= 1 {
            date = g_date_time_new_local(parts[0], parts.count > 1 ? parts[1] : 1, parts.count > 2 ? parts[2] : 1, 0, 0, 0)
        } else {
            date = g_date_time_new_now_local()
        }
        guard let date else { return }
        gtk_calendar_select_day(opaque(calendar), date)
        g_date_time_unref(date)
    }
}
