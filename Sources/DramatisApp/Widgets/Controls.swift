import CGtk
import CGtkShim
import Foundation

// Labels, buttons, entries and the other leaf widgets.

/// A plain-text label (never markup).
struct Label: WidgetHandle {
    let widget: Widget
    /// `wrap` for vertical containers only: a wrapping label beside another widget in a
    /// horizontal box is measured by bisection, hundreds of layouts a frame; use `ellipsize` there.
    init(_ text: String = "", _ classes: [String] = [], wrap: Bool = false, ellipsize: Bool = false,
         xalign: Float = 0, selectable: Bool = false) {
        widget = gtk_label_new(nil)!
        self.text = text
        gtk_label_set_xalign(opaque(widget), xalign)
        if wrap {
            gtk_label_set_wrap(opaque(widget), 1)
            gtk_label_set_wrap_mode(opaque(widget), PANGO_WRAP_WORD_CHAR)
        } else if ellipsize {
            gtk_label_set_ellipsize(opaque(widget), PANGO_ELLIPSIZE_END)
        }
        if selectable { gtk_label_set_selectable(opaque(widget), 1) }
        for c in classes { gtk_widget_add_css_class(widget, c) }
    }
    var text: String {
        get { String(cString: gtk_label_get_text(opaque(widget))) }
        nonmutating set { gtk_label_set_text(opaque(widget), newValue) }
    }
    @discardableResult func maxWidthChars(_ n: Int32) -> Self { gtk_label_set_max_width_chars(opaque(widget), n); return self }
    @discardableResult func centred() -> Self { gtk_label_set_justify(opaque(widget), GTK_JUSTIFY_CENTER); return self }
}

struct Button: WidgetHandle {
    let widget: Widget
    /// A button with a mnemonic label, or an icon alone; the accessible name is the label without
    /// its underscore, or the tooltip up to " (" (GTK 4.8 names buttons "GtkImage" or "_Open Open"
    /// on the accessibility bus otherwise).
    @MainActor init(label: String? = nil, icon: String? = nil, tooltip: String? = nil, action: String? = nil,
                    _ classes: [String] = []) {
        if let icon, label == nil { widget = gtk_button_new_from_icon_name(icon) } else { widget = gtk_button_new_with_mnemonic(label ?? "") }
        if let tooltip { self.tooltip(tooltip) }
        if let name = label?.replacingOccurrences(of: "_", with: "") ?? tooltip?.components(separatedBy: " (").first {
            accessibleLabel(name)
        }
        if let action { gtk_actionable_set_action_name(opaque(widget), action) }
        for c in classes { gtk_widget_add_css_class(widget, c) }
    }
    var label: String {
        get { gtk_button_get_label(cast(widget)).map { String(cString: $0) } ?? "" }
        nonmutating set { gtk_button_set_label(cast(widget), newValue) }
    }
}

struct MenuButton: WidgetHandle {
    let widget: Widget
    init() { widget = gtk_menu_button_new()! }
    init(icon: String, primary: Bool = false) {
        self.init()
        gtk_menu_button_set_icon_name(opaque(widget), icon)
        if primary { gtk_menu_button_set_primary(opaque(widget), 1) }
    }
    init(mnemonic: String) {
        self.init()
        gtk_menu_button_set_label(opaque(widget), mnemonic)
        gtk_menu_button_set_use_underline(opaque(widget), 1)
    }
    init(child: some WidgetHandle) {
        self.init()
        gtk_menu_button_set_child(opaque(widget), child.widget)
    }
    func setMenu(_ menu: Menu) { gtk_menu_button_set_menu_model(opaque(widget), cast(menu.menu)) }
    func setPopover(_ popover: Popover) { gtk_menu_button_set_popover(opaque(widget), popover.widget) }
    func popup() { gtk_menu_button_popup(opaque(widget)) }
    /// Builds the popover (`build` calls `setMenu` or `setPopover`) the first time it opens: no
    /// first frame pays for it.
    @MainActor func buildPopoverOnFirstOpen(_ build: @escaping @MainActor () -> Void) {
        Callback.buildPopoverOnFirstOpen(widget, build)
    }
}

struct Spinner: WidgetHandle {
    let widget: Widget
    init() { widget = gtk_spinner_new()! }
    var isSpinning: Bool {
        get { gtk_spinner_get_spinning(opaque(widget)) != 0 }
        nonmutating set { if newValue { gtk_spinner_start(opaque(widget)) } else { gtk_spinner_stop(opaque(widget)) } }
    }
}

struct Image: WidgetHandle {
    let widget: Widget
    init(icon: String, size: Int32 = 16) {
        widget = gtk_image_new_from_icon_name(icon)!
        gtk_image_set_pixel_size(opaque(widget), size)
    }
}

/// Anything with GtkEditable text: entries, search entries.
protocol Editable: WidgetHandle {}
extension Editable {
    var text: String {
        get { String(cString: gtk_editable_get_text(opaque(widget))) }
        nonmutating set { gtk_editable_set_text(opaque(widget), newValue) }
    }
}

struct SearchEntry: Editable {
    let widget: Widget
    init(placeholder: String? = nil) {
        widget = gtk_search_entry_new()!
        if let placeholder { dr_object_set_string(widget, "placeholder-text", placeholder) }
    }
}

struct Entry: Editable {
    let widget: Widget
    init(placeholder: String? = nil, purpose: GtkInputPurpose = GTK_INPUT_PURPOSE_FREE_FORM) {
        widget = gtk_entry_new()!
        if let placeholder { dr_object_set_string(widget, "placeholder-text", placeholder) }
        if purpose != GTK_INPUT_PURPOSE_FREE_FORM { gtk_entry_set_input_purpose(cast(widget), purpose) }
    }
}

struct Switch: WidgetHandle {
    let widget: Widget
    init() { widget = gtk_switch_new()! }
    var isOn: Bool {
        get { gtk_switch_get_active(opaque(widget)) != 0 }
        nonmutating set { gtk_switch_set_active(opaque(widget), newValue ? 1 : 0) }
    }
}

struct SpinButton: WidgetHandle {
    let widget: Widget
    init(range: ClosedRange<Double>, step: Double, digits: UInt32) {
        widget = gtk_spin_button_new_with_range(range.lowerBound, range.upperBound, step)!
        gtk_spin_button_set_digits(opaque(widget), digits)
    }
    var value: Double {
        get { gtk_spin_button_get_value(opaque(widget)) }
        nonmutating set { gtk_spin_button_set_value(opaque(widget), newValue) }
    }
}

/// A check button; in a group it is a radio button.
struct CheckButton: WidgetHandle {
    let widget: Widget
    /// `action`: a detailed action name (`app.color-scheme::dark`) whose state the button shows.
    init(action: String, group: CheckButton? = nil) {
        widget = gtk_check_button_new()!
        if let group { gtk_check_button_set_group(cast(widget), cast(group.widget)) }
        gtk_actionable_set_detailed_action_name(opaque(widget), action)
    }
}

/// GtkFontButton (GtkFontDialogButton is GTK 4.10), family and size only, its label in the font.
struct FontButton: WidgetHandle {
    let widget: Widget
    init(font: String) {
        widget = gtk_font_button_new_with_font(font)!
        gtk_font_chooser_set_level(opaque(widget), GtkFontChooserLevel(rawValue: GTK_FONT_CHOOSER_LEVEL_FAMILY.rawValue | GTK_FONT_CHOOSER_LEVEL_SIZE.rawValue))
        gtk_font_button_set_use_font(opaque(widget), 1)
        gtk_font_button_set_modal(opaque(widget), 1)
    }
    var font: String? { takeString(gtk_font_chooser_get_font(opaque(widget))) }
}

struct Calendar: WidgetHandle {
    let widget: Widget
    init() { widget = gtk_calendar_new()! }
    /// The selected day as (year, month 1–12, day).
    var selectedDay: (year: Int32, month: Int32, day: Int32) {
        let date = gtk_calendar_get_date(opaque(widget))!
        defer { g_date_time_unref(date) }
        return (g_date_time_get_year(date), g_date_time_get_month(date), g_date_time_get_day_of_month(date))
    }
    /// Selects a day (nothing happens for an invalid one).
    func select(year: Int32, month: Int32, day: Int32) {
        guard let date = g_date_time_new_local(year, month, day, 0, 0, 0) else { return }
        gtk_calendar_select_day(opaque(widget), date)
        g_date_time_unref(date)
    }
    func selectToday() {
        guard let date = g_date_time_new_now_local() else { return }
        gtk_calendar_select_day(opaque(widget), date)
        g_date_time_unref(date)
    }
}

struct DrawingArea: WidgetHandle {
    let widget: Widget
    init(contentHeight: Int32) {
        widget = gtk_drawing_area_new()!
        self.contentHeight = contentHeight
    }
    var contentHeight: Int32 {
        get { gtk_drawing_area_get_content_height(cast(widget)) }
        nonmutating set { gtk_drawing_area_set_content_height(cast(widget), newValue) }
    }
    @MainActor func setDraw(_ draw: @escaping Callback.Draw) { Callback.setDrawFunction(cast(widget), draw) }
}
