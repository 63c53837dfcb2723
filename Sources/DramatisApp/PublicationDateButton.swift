import CGtk
import CGtkShim
import DramatisCore
import Foundation

/// The publication date in the article header: "18 August 2025" (or "Set publication date…")
/// opening a popover with a calendar, Set and Clear. The window re-runs the core's analysis with
/// the new date, so relative dates ("on Friday", "last year") are resolved again.
@MainActor
final class PublicationDateButton {
    let widget: MenuButton
    private let label: Label
    // The popover (a calendar: dozens of widgets) is built the first time it opens.
    private var calendar: Calendar!
    private var clearButton: Button!
    private var popover: Popover!
    private var published: String?

    /// Called with the chosen ISO date (`YYYY-MM-DD`), or nil for Clear.
    var onChanged: ((String?) -> Void)?

    init() {
        label = UI.label("")
        let icon = UI.image("document-edit-symbolic")
        widget = MenuButton(child: UI.hbox(spacing: 6, [label, icon]))
        widget.css("flat", "publication-date")
        widget.align(h: GTK_ALIGN_START)

        widget.buildPopoverOnFirstOpen { [unowned self] in buildPopover() }
        show(nil)
    }

    private func buildPopover() {
        calendar = Calendar()
        calendar.accessibleLabel("Publication date calendar")
        let set = UI.button(label: "_Set Date", "suggested-action")
        clearButton = UI.button(label: "_Clear")
        let buttons = UI.hbox(spacing: 6, [clearButton, set.expand(h: true)])
        let heading = UI.label("Publication date", "heading")
        let hint = UI.label("Relative dates such as “on Friday” are resolved from it.", "caption", "dim-label", wrap: true).maxWidthChars(30)
        let box = UI.vbox(spacing: 8, [heading, hint, calendar, buttons]).margins(6)
        popover = Popover(box)
        widget.setPopover(popover)

        Signal.on(set, "clicked") { [unowned self] in
            popover.popdown()
            let day = calendar.selectedDay
            let iso = String(format: "%04d-%02d-%02d", day.year, day.month, day.day)
            if iso != published { onChanged?(iso) }
        }
        Signal.on(clearButton, "clicked") { [unowned self] in
            popover.popdown()
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
        label.text = text
        widget.tooltip(iso == nil ? "Set the publication date, to resolve relative dates" : "Change the publication date")
        widget.accessibleLabel(iso == nil ? "Set publication date" : "Publication date: \(text)")
        updateClearButton()
    }

    private func updateClearButton() { clearButton?.isVisible = published != nil }

    var isSensitive: Bool {
        get { widget.isSensitive }
        set { widget.isSensitive = newValue }
    }

    private func selectCalendarDay() {
        let parts = (published ?? "").split(separator: "-").compactMap { Int32($0) }
        if parts.count >= 1 {
            calendar.select(year: parts[0], month: parts.count > 1 ? parts[1] : 1, day: parts.count > 2 ? parts[2] : 1)
        } else {
            calendar.selectToday()
        }
    }
}
