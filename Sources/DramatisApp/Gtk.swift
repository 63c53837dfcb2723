import CGtk
import CGtkShim
import DramatisCore
import Foundation

// Small typed helpers so window code reads like Swift. GTK owns the widgets (the tree holds the
// references); these are handles, not owners.

typealias Widget = UnsafeMutablePointer<GtkWidget>

/// Reinterprets a GObject pointer as another GObject type (the C `GTK_FOO()` casts, unchecked).
@inline(__always) func cast<T>(_ p: some PointerConvertible) -> UnsafeMutablePointer<T> {
    p.raw.assumingMemoryBound(to: T.self)
}
@inline(__always) func opaque(_ p: some PointerConvertible) -> OpaquePointer { OpaquePointer(p.raw) }
@inline(__always) func widget(_ p: some PointerConvertible) -> Widget { cast(p) }

extension UnsafeMutablePointer where Pointee == GtkWidget {
    @discardableResult func css(_ classes: String...) -> Widget {
        for c in classes { gtk_widget_add_css_class(self, c) }
        return self
    }
    func removeCSS(_ c: String) { gtk_widget_remove_css_class(self, c) }
    @discardableResult func margins(_ all: Int32) -> Widget { margins(top: all, bottom: all, start: all, end: all) }
    @discardableResult func margins(top: Int32 = 0, bottom: Int32 = 0, start: Int32 = 0, end: Int32 = 0) -> Widget {
        gtk_widget_set_margin_top(self, top); gtk_widget_set_margin_bottom(self, bottom)
        gtk_widget_set_margin_start(self, start); gtk_widget_set_margin_end(self, end)
        return self
    }
    @discardableResult func expand(h: Bool? = nil, v: Bool? = nil) -> Widget {
        if let h { gtk_widget_set_hexpand(self, h ? 1 : 0) }
        if let v { gtk_widget_set_vexpand(self, v ? 1 : 0) }
        return self
    }
    @discardableResult func align(h: GtkAlign? = nil, v: GtkAlign? = nil) -> Widget {
        if let h { gtk_widget_set_halign(self, h) }
        if let v { gtk_widget_set_valign(self, v) }
        return self
    }
    var isVisible: Bool {
        get { gtk_widget_get_visible(self) != 0 }
        nonmutating set { gtk_widget_set_visible(self, newValue ? 1 : 0) }
    }
    /// A plain-text tooltip, answered when asked for. (GTK 4.8's gtk_widget_set_tooltip_text asks
    /// the X server where the pointer is at every call: one round trip per widget while a window
    /// is being built.) Screen readers get the text as the accessible description, as with GTK's.
    @MainActor func tooltip(_ text: String?) {
        if let text {
            g_object_set_data_full(cast(self), Self.tooltipKey, strdup(text), free)
        } else {
            g_object_set_data(cast(self), Self.tooltipKey, nil)
        }
        if g_object_get_data(cast(self), Self.tooltipHandlerKey) == nil {
            g_object_set_data(cast(self), Self.tooltipHandlerKey, UnsafeMutableRawPointer(bitPattern: 1))
            let widget = self
            Signal.onQueryTooltip(widget) { _, _, _, tooltip in
                guard let tooltip, let text = g_object_get_data(cast(widget), Self.tooltipKey) else { return false }
                gtk_tooltip_set_text(tooltip, text.assumingMemoryBound(to: CChar.self))
                return true
            }
        }
        gtk_widget_set_has_tooltip(self, text == nil ? 0 : 1)
        dr_accessible_set_description(self, text ?? "")
    }
    private static let tooltipKey = "dramatis-tooltip"
    private static let tooltipHandlerKey = "dramatis-tooltip-handler"
    /// The accessible name screen readers (and the GUI test) read.
    @discardableResult func accessibleLabel(_ text: String) -> Widget { dr_accessible_set_label(self, text); return self }
    func accessibleDescription(_ text: String) { dr_accessible_set_description(self, text) }
    func addController(_ controller: some PointerConvertible) { gtk_widget_add_controller(self, opaque(controller)) }
    func cursor(_ name: String?) { gtk_widget_set_cursor_from_name(self, name) }
}

// MARK: - Constructors

@MainActor
enum UI {
    /// A plain-text label. `wrap` for vertical containers only: a wrapping label beside another
    /// widget in a horizontal box is measured by bisection, hundreds of layouts a frame; use
    /// `ellipsize` there.
    static func label(_ text: String = "", _ classes: String..., wrap: Bool = false, ellipsize: Bool = false,
                      xalign: Float = 0, selectable: Bool = false) -> Widget {
        let l = gtk_label_new(nil)!
        gtk_label_set_text(opaque(l), text) // plain text: never markup
        gtk_label_set_xalign(opaque(l), xalign)
        if wrap {
            gtk_label_set_wrap(opaque(l), 1)
            gtk_label_set_wrap_mode(opaque(l), PANGO_WRAP_WORD_CHAR)
        } else if ellipsize {
            gtk_label_set_ellipsize(opaque(l), PANGO_ELLIPSIZE_END)
        }
        if selectable { gtk_label_set_selectable(opaque(l), 1) }
        for c in classes { gtk_widget_add_css_class(l, c) }
        return l
    }
    static func setText(_ label: Widget, _ text: String) { gtk_label_set_text(opaque(label), text) }

    /// A position's list row opens its evidence when activated, and is inert without one.
    @MainActor static func linkToEvidence(_ row: Widget, _ evidence: DramatisCore.Statement?) {
        gtk_list_box_row_set_activatable(cast(row), evidence == nil ? 0 : 1)
        if evidence != nil { row.tooltip("Show the evidence in the article") }
    }

    /// A stack sized by its visible page only: a homogeneous stack (GTK's default) measures every
    /// hidden page in every layout.
    static func stack(crossfade: Bool = false) -> Widget {
        let stack = gtk_stack_new()!
        gtk_stack_set_hhomogeneous(opaque(stack), 0)
        gtk_stack_set_vhomogeneous(opaque(stack), 0)
        if crossfade { gtk_stack_set_transition_type(opaque(stack), GTK_STACK_TRANSITION_TYPE_CROSSFADE) }
        return stack
    }

    static func box(_ orientation: GtkOrientation, spacing: Int32 = 0, _ children: [Widget] = []) -> Widget {
        let b = gtk_box_new(orientation, spacing)!
        for c in children { gtk_box_append(cast(b), c) }
        return b
    }
    static func vbox(spacing: Int32 = 0, _ children: [Widget] = []) -> Widget { box(GTK_ORIENTATION_VERTICAL, spacing: spacing, children) }
    static func hbox(spacing: Int32 = 0, _ children: [Widget] = []) -> Widget { box(GTK_ORIENTATION_HORIZONTAL, spacing: spacing, children) }
    static func append(_ box: Widget, _ child: Widget) { gtk_box_append(cast(box), child) }
    static func clear(_ box: Widget) {
        while let child = gtk_widget_get_first_child(box) { gtk_box_remove(cast(box), child) }
    }

    static func button(label: String? = nil, icon: String? = nil, tooltip: String? = nil, action: String? = nil,
                       _ classes: String...) -> Widget {
        let b: Widget
        if let icon, label == nil { b = gtk_button_new_from_icon_name(icon) } else { b = gtk_button_new_with_mnemonic(label ?? "") }
        if let tooltip { b.tooltip(tooltip) }
        // GTK 4.8 names buttons "GtkImage" or "_Open Open" on the accessibility bus otherwise.
        if let name = label?.replacingOccurrences(of: "_", with: "") ?? tooltip?.components(separatedBy: " (").first {
            dr_accessible_set_label(b, name)
        }
        if let action { gtk_actionable_set_action_name(opaque(b), action) }
        for c in classes { gtk_widget_add_css_class(b, c) }
        return b
    }

    static func scrolled(_ child: Widget, hPolicy: GtkPolicyType = GTK_POLICY_NEVER) -> Widget {
        let s = gtk_scrolled_window_new()!
        gtk_scrolled_window_set_policy(opaque(s), hPolicy, GTK_POLICY_AUTOMATIC)
        gtk_scrolled_window_set_child(opaque(s), child)
        return s
    }

    static func listBox(_ classes: String...) -> Widget {
        let l = gtk_list_box_new()!
        for c in classes { gtk_widget_add_css_class(l, c) }
        return l
    }
    static func clearList(_ list: Widget) {
        while let child = gtk_widget_get_first_child(list) { gtk_list_box_remove(opaque(list), child) }
    }
    static func image(_ icon: String, size: Int32 = 16) -> Widget {
        let i = gtk_image_new_from_icon_name(icon)!
        gtk_image_set_pixel_size(opaque(i), size)
        return i
    }
}

/// GLib strings handed to Swift (g_free'd here).
func takeString(_ p: UnsafeMutablePointer<CChar>?) -> String? {
    guard let p else { return nil }
    defer { g_free(p) }
    return String(cString: p)
}

/// Escapes text for APIs that only take Pango markup (AdwToast titles in libadwaita 1.2).
func markupEscaped(_ text: String) -> String {
    takeString(g_markup_escape_text(text, -1)) ?? ""
}

/// Drops a GObject reference.
func unref(_ p: some PointerConvertible) { g_object_unref(p.raw) }
