import CGtk
import CGtkShim

// Typed handles on GTK widgets, so window code reads like Swift: `label.text = …`,
// `stack.visibleChild = "loading"`. Each is a pointer wrapped in a struct; GTK owns the widgets (the
// tree holds the references), a handle owns nothing. The C calls of the window live in this folder.

typealias Widget = UnsafeMutablePointer<GtkWidget>

/// A GTK widget of some kind; the modifiers below work on any of them and return the handle, so
/// they chain: `UI.label("x").margins(6).align(h: GTK_ALIGN_START)`.
protocol WidgetHandle: PointerConvertible {
    var widget: Widget { get }
}

extension WidgetHandle {
    var raw: UnsafeMutableRawPointer { UnsafeMutableRawPointer(widget) }
}

extension UnsafeMutablePointer: WidgetHandle where Pointee == GtkWidget {
    var widget: Widget { self }
}

/// A widget of a kind no handle below covers (a row built by GtkBuilder, a flow box child…).
struct AnyWidget: WidgetHandle {
    let widget: Widget
    init(_ widget: Widget) { self.widget = widget }
    init(_ handle: some WidgetHandle) { widget = handle.widget }
}

/// Reinterprets a GObject pointer as another GObject type (the C `GTK_FOO()` casts, unchecked).
@inline(__always) func cast<T>(_ p: some PointerConvertible) -> UnsafeMutablePointer<T> {
    p.raw.assumingMemoryBound(to: T.self)
}
@inline(__always) func opaque(_ p: some PointerConvertible) -> OpaquePointer { OpaquePointer(p.raw) }

extension WidgetHandle {
    @discardableResult func css(_ classes: String...) -> Self {
        for c in classes { gtk_widget_add_css_class(widget, c) }
        return self
    }
    func removeCSS(_ c: String) { gtk_widget_remove_css_class(widget, c) }
    @discardableResult func margins(_ all: Int32) -> Self { margins(top: all, bottom: all, start: all, end: all) }
    @discardableResult func margins(top: Int32 = 0, bottom: Int32 = 0, start: Int32 = 0, end: Int32 = 0) -> Self {
        gtk_widget_set_margin_top(widget, top); gtk_widget_set_margin_bottom(widget, bottom)
        gtk_widget_set_margin_start(widget, start); gtk_widget_set_margin_end(widget, end)
        return self
    }
    @discardableResult func expand(h: Bool? = nil, v: Bool? = nil) -> Self {
        if let h { gtk_widget_set_hexpand(widget, h ? 1 : 0) }
        if let v { gtk_widget_set_vexpand(widget, v ? 1 : 0) }
        return self
    }
    @discardableResult func align(h: GtkAlign? = nil, v: GtkAlign? = nil) -> Self {
        if let h { gtk_widget_set_halign(widget, h) }
        if let v { gtk_widget_set_valign(widget, v) }
        return self
    }
    /// `gtk_widget_set_size_request`; -1 leaves a dimension to the widget.
    @discardableResult func size(width: Int32 = -1, height: Int32 = -1) -> Self {
        gtk_widget_set_size_request(widget, width, height)
        return self
    }
    var isVisible: Bool {
        get { gtk_widget_get_visible(widget) != 0 }
        nonmutating set { gtk_widget_set_visible(widget, newValue ? 1 : 0) }
    }
    var isSensitive: Bool {
        get { gtk_widget_get_sensitive(widget) != 0 }
        nonmutating set { gtk_widget_set_sensitive(widget, newValue ? 1 : 0) }
    }
    var isFocusable: Bool {
        get { gtk_widget_get_focusable(widget) != 0 }
        nonmutating set { gtk_widget_set_focusable(widget, newValue ? 1 : 0) }
    }
    /// Whether the widget receives pointer events (`gtk_widget_set_can_target`).
    var canTarget: Bool {
        get { gtk_widget_get_can_target(widget) != 0 }
        nonmutating set { gtk_widget_set_can_target(widget, newValue ? 1 : 0) }
    }
    /// Whether `query-tooltip` is emitted (a tooltip computed by the widget).
    var hasTooltip: Bool {
        get { gtk_widget_get_has_tooltip(widget) != 0 }
        nonmutating set { gtk_widget_set_has_tooltip(widget, newValue ? 1 : 0) }
    }
    var isMapped: Bool { gtk_widget_get_mapped(widget) != 0 }
    var height: Int32 { gtk_widget_get_height(widget) }
    var parent: AnyWidget? { gtk_widget_get_parent(widget).map(AnyWidget.init) }
    var firstChild: AnyWidget? { gtk_widget_get_first_child(widget).map(AnyWidget.init) }
    var nextSibling: AnyWidget? { gtk_widget_get_next_sibling(widget).map(AnyWidget.init) }
    func grabFocus() { gtk_widget_grab_focus(widget) }
    func queueDraw() { gtk_widget_queue_draw(widget) }
    /// The widget's origin in `other`'s coordinates, nil when they share no ancestor.
    func origin(in other: some WidgetHandle) -> (x: Double, y: Double)? {
        var x = 0.0, y = 0.0
        return gtk_widget_translate_coordinates(widget, other.widget, 0, 0, &x, &y) != 0 ? (x, y) : nil
    }

    /// A plain-text tooltip, answered when asked for. (GTK 4.8's gtk_widget_set_tooltip_text asks
    /// the X server where the pointer is at every call: one round trip per widget while a window
    /// is being built.) Screen readers get the text as the accessible description, as with GTK's.
    @MainActor func tooltip(_ text: String?) {
        let widget = widget
        if let text {
            g_object_set_data_full(cast(widget), tooltipKey, strdup(text), free)
        } else {
            g_object_set_data(cast(widget), tooltipKey, nil)
        }
        if g_object_get_data(cast(widget), tooltipHandlerKey) == nil {
            g_object_set_data(cast(widget), tooltipHandlerKey, UnsafeMutableRawPointer(bitPattern: 1))
            Signal.onQueryTooltip(widget) { _, _, _, tooltip in
                guard let tooltip, let text = g_object_get_data(cast(widget), tooltipKey) else { return false }
                tooltip.setText(String(cString: text.assumingMemoryBound(to: CChar.self)))
                return true
            }
        }
        hasTooltip = text != nil
        dr_accessible_set_description(widget, text ?? "")
    }
    /// The accessible name screen readers (and the GUI test) read.
    @discardableResult func accessibleLabel(_ text: String) -> Self { dr_accessible_set_label(widget, text); return self }
    func accessibleDescription(_ text: String) { dr_accessible_set_description(widget, text) }
    func addController(_ controller: some EventController) { gtk_widget_add_controller(widget, opaque(controller)) }
    func cursor(_ name: String?) { gtk_widget_set_cursor_from_name(widget, name) }

    /// A colour of the style sheet (`@define-color name …`), nil when it defines none.
    func styleColor(_ name: String) -> GdkRGBA? {
        var rgba = GdkRGBA()
        return gtk_style_context_lookup_color(gtk_widget_get_style_context(widget), name, &rgba) != 0 ? rgba : nil
    }
    /// The foreground colour the style gives the widget.
    var foregroundColor: GdkRGBA {
        var rgba = GdkRGBA()
        gtk_style_context_get_color(gtk_widget_get_style_context(widget), &rgba)
        return rgba
    }
    /// A Pango layout in the widget's font (unref'd by the caller).
    func pangoLayout(_ text: String?) -> OpaquePointer { gtk_widget_create_pango_layout(widget, text)! }
}

private let tooltipKey = "dramatis-tooltip"
private let tooltipHandlerKey = "dramatis-tooltip-handler"

/// The GtkTooltip a `query-tooltip` handler fills.
struct Tooltip {
    let pointer: OpaquePointer
    func setText(_ text: String) { gtk_tooltip_set_text(pointer, text) }
}
