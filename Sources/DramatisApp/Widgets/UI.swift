import CGtk
import CGtkShim
import DramatisCore
import Foundation

// Short factories for the widgets the window builds most, over the typed handles of Widgets/.

@MainActor
enum UI {
    /// A plain-text label. `wrap` for vertical containers only: a wrapping label beside another
    /// widget in a horizontal box is measured by bisection, hundreds of layouts a frame; use
    /// `ellipsize` there.
    static func label(_ text: String = "", _ classes: String..., wrap: Bool = false, ellipsize: Bool = false,
                      xalign: Float = 0, selectable: Bool = false) -> Label {
        Label(text, classes, wrap: wrap, ellipsize: ellipsize, xalign: xalign, selectable: selectable)
    }

    /// A position's list row opens its evidence when activated, and is inert without one.
    static func linkToEvidence(_ row: ListBoxRow, _ evidence: DramatisCore.Statement?) {
        row.activatable = evidence != nil
        if evidence != nil { row.tooltip("Show the evidence in the article") }
    }

    /// A stack sized by its visible page only.
    static func stack(crossfade: Bool = false) -> Stack { Stack(crossfade: crossfade) }

    static func vbox(spacing: Int32 = 0, _ children: [any WidgetHandle] = []) -> Box { Box(GTK_ORIENTATION_VERTICAL, spacing: spacing, children) }
    static func hbox(spacing: Int32 = 0, _ children: [any WidgetHandle] = []) -> Box { Box(GTK_ORIENTATION_HORIZONTAL, spacing: spacing, children) }

    static func button(label: String? = nil, icon: String? = nil, tooltip: String? = nil, action: String? = nil,
                       _ classes: String...) -> Button {
        Button(label: label, icon: icon, tooltip: tooltip, action: action, classes)
    }

    static func scrolled(_ child: some WidgetHandle, hPolicy: GtkPolicyType = GTK_POLICY_NEVER) -> ScrolledWindow {
        ScrolledWindow(child, hPolicy: hPolicy)
    }

    /// A list; `selectable: false` for lists whose rows are activated, never selected.
    static func listBox(_ classes: String..., selectable: Bool = true) -> ListBox {
        let list = ListBox(selection: selectable ? GTK_SELECTION_SINGLE : GTK_SELECTION_NONE)
        for c in classes { list.css(c) }
        return list
    }
    static func image(_ icon: String, size: Int32 = 16) -> Image { Image(icon: icon, size: size) }
}
