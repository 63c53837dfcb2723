import CGtk
import CGtkShim

// Containers: boxes, stacks, lists, clamps, panes. Children are any `WidgetHandle`.

struct Box: WidgetHandle {
    let widget: Widget
    init(_ orientation: GtkOrientation, spacing: Int32 = 0, _ children: [any WidgetHandle] = []) {
        widget = gtk_box_new(orientation, spacing)!
        for c in children { append(c) }
    }
    func append(_ child: some WidgetHandle) { gtk_box_append(cast(widget), child.widget) }
    func remove(_ child: some WidgetHandle) { gtk_box_remove(cast(widget), child.widget) }
    func removeAll() { while let child = gtk_widget_get_first_child(widget) { gtk_box_remove(cast(widget), child) } }
}

/// GtkStack: pages by name, one visible.
struct Stack: WidgetHandle {
    let widget: Widget
    /// Sized by its visible page only: a homogeneous stack (GTK's default) measures every hidden
    /// page in every layout.
    init(crossfade: Bool = false) {
        widget = gtk_stack_new()!
        gtk_stack_set_hhomogeneous(opaque(widget), 0)
        gtk_stack_set_vhomogeneous(opaque(widget), 0)
        if crossfade { gtk_stack_set_transition_type(opaque(widget), GTK_STACK_TRANSITION_TYPE_CROSSFADE) }
    }
    func add(_ child: some WidgetHandle, name: String) { gtk_stack_add_named(opaque(widget), child.widget, name) }
    var visibleChild: String {
        get { gtk_stack_get_visible_child_name(opaque(widget)).map { String(cString: $0) } ?? "" }
        nonmutating set { gtk_stack_set_visible_child_name(opaque(widget), newValue) }
    }
}

/// AdwViewStack: titled pages with icons, switched by AdwViewSwitcherTitle/Bar.
struct ViewStack: WidgetHandle {
    let widget: Widget
    init() {
        widget = adw_view_stack_new()!
        // Sized by the page shown: measuring the hidden one too doubles every layout.
        adw_view_stack_set_hhomogeneous(opaque(widget), 0)
        adw_view_stack_set_vhomogeneous(opaque(widget), 0)
    }
    func add(_ child: some WidgetHandle, name: String, title: String, icon: String) {
        let page = adw_view_stack_add_titled(opaque(widget), child.widget, name, title)
        adw_view_stack_page_set_icon_name(page, icon)
    }
    var visibleChild: String {
        get { adw_view_stack_get_visible_child_name(opaque(widget)).map { String(cString: $0) } ?? "" }
        nonmutating set { adw_view_stack_set_visible_child_name(opaque(widget), newValue) }
    }
}

struct ViewSwitcherTitle: WidgetHandle {
    let widget: Widget
    init(stack: ViewStack) {
        widget = adw_view_switcher_title_new()!
        adw_view_switcher_title_set_stack(opaque(widget), opaque(stack))
    }
    func setTitle(_ title: String, subtitle: String? = nil) {
        adw_view_switcher_title_set_title(opaque(widget), title)
        if let subtitle { adw_view_switcher_title_set_subtitle(opaque(widget), subtitle) }
    }
    /// True when the header is too narrow for the switcher and shows the title instead.
    var isTitleVisible: Bool { adw_view_switcher_title_get_title_visible(opaque(widget)) != 0 }
    var isSwitcherEnabled: Bool {
        get { adw_view_switcher_title_get_view_switcher_enabled(opaque(widget)) != 0 }
        nonmutating set { adw_view_switcher_title_set_view_switcher_enabled(opaque(widget), newValue ? 1 : 0) }
    }
}

struct ViewSwitcherBar: WidgetHandle {
    let widget: Widget
    init(stack: ViewStack) {
        widget = adw_view_switcher_bar_new()!
        adw_view_switcher_bar_set_stack(opaque(widget), opaque(stack))
    }
    var reveal: Bool {
        get { adw_view_switcher_bar_get_reveal(opaque(widget)) != 0 }
        nonmutating set { adw_view_switcher_bar_set_reveal(opaque(widget), newValue ? 1 : 0) }
    }
}

struct HeaderBar: WidgetHandle {
    let widget: Widget
    init() { widget = adw_header_bar_new()! }
    func packStart(_ child: some WidgetHandle) { adw_header_bar_pack_start(opaque(widget), child.widget) }
    func packEnd(_ child: some WidgetHandle) { adw_header_bar_pack_end(opaque(widget), child.widget) }
    func setTitleWidget(_ child: some WidgetHandle) { adw_header_bar_set_title_widget(opaque(widget), child.widget) }
}

struct Paned: WidgetHandle {
    let widget: Widget
    /// Neither child shrinks below its minimum size; only the start child takes extra space when
    /// `resizeEnd` is false.
    init(_ orientation: GtkOrientation, start: some WidgetHandle, end: some WidgetHandle, position: Int32, resizeEnd: Bool = true) {
        widget = gtk_paned_new(orientation)!
        gtk_paned_set_start_child(opaque(widget), start.widget)
        gtk_paned_set_end_child(opaque(widget), end.widget)
        if !resizeEnd { gtk_paned_set_resize_end_child(opaque(widget), 0) }
        gtk_paned_set_shrink_start_child(opaque(widget), 0)
        gtk_paned_set_shrink_end_child(opaque(widget), 0)
        gtk_paned_set_position(opaque(widget), position)
    }
}

/// AdwClamp: the child no wider than `maximumSize`.
struct Clamp: WidgetHandle {
    let widget: Widget
    init(_ child: some WidgetHandle, maximumSize: Int32, tighteningThreshold: Int32? = nil) {
        widget = adw_clamp_new()!
        adw_clamp_set_maximum_size(opaque(widget), maximumSize)
        if let tighteningThreshold { adw_clamp_set_tightening_threshold(opaque(widget), tighteningThreshold) }
        adw_clamp_set_child(opaque(widget), child.widget)
    }
}

/// AdwClampScrollable: a clamp for a scrollable child (a text view) inside a scrolled window.
struct ClampScrollable: WidgetHandle {
    let widget: Widget
    init(_ child: some WidgetHandle, maximumSize: Int32, tighteningThreshold: Int32) {
        widget = adw_clamp_scrollable_new()!
        adw_clamp_scrollable_set_maximum_size(opaque(widget), maximumSize)
        adw_clamp_scrollable_set_tightening_threshold(opaque(widget), tighteningThreshold)
        adw_clamp_scrollable_set_child(opaque(widget), child.widget)
    }
}

struct ScrolledWindow: WidgetHandle {
    let widget: Widget
    init(_ child: some WidgetHandle, hPolicy: GtkPolicyType = GTK_POLICY_NEVER) {
        widget = gtk_scrolled_window_new()!
        gtk_scrolled_window_set_policy(opaque(widget), hPolicy, GTK_POLICY_AUTOMATIC)
        gtk_scrolled_window_set_child(opaque(widget), child.widget)
    }
    /// Scrolls vertically just enough to show `top ..< top + height` (content coordinates).
    func scrollToShow(top y: Double, height: Double) {
        guard let adjustment = gtk_scrolled_window_get_vadjustment(opaque(widget)) else { return }
        let top = gtk_adjustment_get_value(adjustment)
        let page = gtk_adjustment_get_page_size(adjustment)
        if y < top {
            gtk_adjustment_set_value(adjustment, y)
        } else if y + height > top + page {
            gtk_adjustment_set_value(adjustment, y + height - page)
        }
    }
}

struct ListBox: WidgetHandle {
    let widget: Widget
    init(_ classes: String..., selection: GtkSelectionMode = GTK_SELECTION_SINGLE) {
        widget = gtk_list_box_new()!
        for c in classes { gtk_widget_add_css_class(widget, c) }
        if selection != GTK_SELECTION_SINGLE { gtk_list_box_set_selection_mode(opaque(widget), selection) }
    }
    func append(_ row: some WidgetHandle) { gtk_list_box_append(opaque(widget), row.widget) }
    func removeAll() { while let child = gtk_widget_get_first_child(widget) { gtk_list_box_remove(opaque(widget), child) } }
    func setPlaceholder(_ child: some WidgetHandle) { gtk_list_box_set_placeholder(opaque(widget), child.widget) }
    func select(_ row: some WidgetHandle) { gtk_list_box_select_row(opaque(widget), cast(row)) }
    func unselectAll() { gtk_list_box_unselect_all(opaque(widget)) }
    /// Rows for which `filter` is false are hidden; `invalidateFilter` asks again.
    @MainActor func setFilter(_ filter: @escaping @MainActor (_ row: UnsafeMutableRawPointer) -> Bool) {
        Callback.setFilter(opaque(widget)) { row in filter(UnsafeMutableRawPointer(row)) }
    }
    func invalidateFilter() { gtk_list_box_invalidate_filter(opaque(widget)) }
}

struct ListBoxRow: WidgetHandle {
    let widget: Widget
    init(_ child: (any WidgetHandle)? = nil, activatable: Bool? = nil) {
        widget = gtk_list_box_row_new()!
        if let child { gtk_list_box_row_set_child(cast(widget), child.widget) }
        if let activatable { self.activatable = activatable }
    }
    var activatable: Bool {
        get { gtk_list_box_row_get_activatable(cast(widget)) != 0 }
        nonmutating set { gtk_list_box_row_set_activatable(cast(widget), newValue ? 1 : 0) }
    }
}

/// GtkFlowBox without selection, its children not focusable (chips, a legend).
struct FlowBox: WidgetHandle {
    let widget: Widget
    init(columnSpacing: UInt32, rowSpacing: UInt32, maxPerLine: UInt32, minPerLine: UInt32? = nil) {
        widget = gtk_flow_box_new()!
        gtk_flow_box_set_selection_mode(opaque(widget), GTK_SELECTION_NONE)
        gtk_flow_box_set_column_spacing(opaque(widget), columnSpacing)
        gtk_flow_box_set_row_spacing(opaque(widget), rowSpacing)
        gtk_flow_box_set_max_children_per_line(opaque(widget), maxPerLine)
        if let minPerLine { gtk_flow_box_set_min_children_per_line(opaque(widget), minPerLine) }
    }
    /// Appends `child`; the GtkFlowBoxChild around it takes no keyboard focus.
    func append(_ child: some WidgetHandle) {
        gtk_flow_box_append(opaque(widget), child.widget)
        child.parent?.isFocusable = false
    }
    func removeAll() { while let child = gtk_widget_get_first_child(widget) { gtk_flow_box_remove(opaque(widget), child) } }
}

struct StatusPage: WidgetHandle {
    let widget: Widget
    init(icon: String? = nil, title: String, description: String? = nil, child: (any WidgetHandle)? = nil) {
        widget = adw_status_page_new()!
        if let icon { self.icon = icon }
        adw_status_page_set_title(opaque(widget), title)
        if let description { self.description = description }
        if let child { adw_status_page_set_child(opaque(widget), child.widget) }
    }
    var icon: String {
        get { adw_status_page_get_icon_name(opaque(widget)).map { String(cString: $0) } ?? "" }
        nonmutating set { adw_status_page_set_icon_name(opaque(widget), newValue) }
    }
    var description: String {
        get { adw_status_page_get_description(opaque(widget)).map { String(cString: $0) } ?? "" }
        nonmutating set { adw_status_page_set_description(opaque(widget), newValue) }
    }
}

struct ToastOverlay: WidgetHandle {
    let widget: Widget
    init(_ child: some WidgetHandle) {
        widget = adw_toast_overlay_new()!
        adw_toast_overlay_set_child(opaque(widget), child.widget)
    }
    /// A toast; `title` is plain text (escaped here: AdwToast titles are markup in libadwaita
    /// 1.2). With `button`, the button activates `action` with a string target.
    func show(_ title: String, timeout: UInt32, button: (label: String, action: String, target: String)? = nil) {
        let toast = adw_toast_new(markupEscaped(title))!
        adw_toast_set_timeout(toast, timeout)
        if let button {
            adw_toast_set_button_label(toast, button.label)
            adw_toast_set_action_name(toast, button.action)
            adw_toast_set_action_target_value(toast, g_variant_new_string(button.target))
        }
        adw_toast_overlay_add_toast(opaque(widget), toast)
    }
}

struct Popover: WidgetHandle {
    let widget: Widget
    init(_ child: some WidgetHandle) {
        widget = gtk_popover_new()!
        gtk_popover_set_child(cast(widget), child.widget)
    }
    func popdown() { gtk_popover_popdown(cast(widget)) }
}

struct SearchBar: WidgetHandle {
    let widget: Widget
    /// A search bar with a close button around `child`, opened by typing into `entry`.
    init(_ child: some WidgetHandle, entry: SearchEntry) {
        widget = gtk_search_bar_new()!
        gtk_search_bar_set_child(opaque(widget), child.widget)
        gtk_search_bar_connect_entry(opaque(widget), opaque(entry))
        gtk_search_bar_set_show_close_button(opaque(widget), 1)
    }
    var isOpen: Bool {
        get { gtk_search_bar_get_search_mode(opaque(widget)) != 0 }
        nonmutating set { gtk_search_bar_set_search_mode(opaque(widget), newValue ? 1 : 0) }
    }
}
