import CGtk
import CGtkShim
import Foundation

// Windows and dialogs: the main window, preferences, the Open Location dialog, native file choosers.

/// Any GtkWindow.
protocol WindowHandle: WidgetHandle {}
extension WindowHandle {
    private var window: UnsafeMutablePointer<GtkWindow> { cast(widget) }
    func present() { gtk_window_present(window) }
    func close() { gtk_window_close(window) }
    func destroy() { gtk_window_destroy(window) }
    var title: String {
        get { gtk_window_get_title(window).map { String(cString: $0) } ?? "" }
        nonmutating set { gtk_window_set_title(window, newValue) }
    }
    var defaultSize: (width: Int32, height: Int32) {
        get {
            var width: Int32 = 0, height: Int32 = 0
            gtk_window_get_default_size(window, &width, &height)
            return (width, height)
        }
        nonmutating set { gtk_window_set_default_size(window, newValue.width, newValue.height) }
    }
    var isActive: Bool { gtk_window_is_active(window) != 0 }
    var isMaximized: Bool { gtk_window_is_maximized(window) != 0 }
    func maximize() { gtk_window_maximize(window) }
    /// Transient for `parent` (nil: detached).
    func setParent(_ parent: (any WindowHandle)?, modal: Bool = false, destroyWithParent: Bool = false) {
        gtk_window_set_transient_for(window, parent.map { cast($0.widget) })
        if modal { gtk_window_set_modal(window, 1) }
        if destroyWithParent { gtk_window_set_destroy_with_parent(window, 1) }
    }
    /// The parent's application, so its actions (`app.…`) reach this window's widgets.
    func setApplication(of other: some WindowHandle) {
        gtk_window_set_application(window, gtk_window_get_application(cast(other.widget)))
    }
}

/// A top-level window of any kind (the shortcuts window, the about window…).
struct Window: WindowHandle {
    let widget: Widget
    init(_ widget: Widget) { self.widget = widget }
}

struct ApplicationWindow: WindowHandle, ActionMap {
    let widget: Widget
    init(application: Application) { widget = adw_application_window_new(cast(application.app))! }
    func setContent(_ content: some WidgetHandle) { adw_application_window_set_content(cast(widget), content.widget) }
    var actionMap: OpaquePointer { opaque(widget) }
}

/// AdwPreferencesWindow (named after its libadwaita 1.5 successor, AdwPreferencesDialog, so the
/// app's `PreferencesWindow` keeps its name).
struct PreferencesDialog: WindowHandle {
    let widget: Widget
    init(title: String, width: Int32, height: Int32) {
        widget = adw_preferences_window_new()!
        self.title = title
        defaultSize = (width, height)
        adw_preferences_window_set_search_enabled(cast(widget), 0)
    }
    func add(_ page: PreferencesPage) { adw_preferences_window_add(cast(widget), cast(page.widget)) }
}

struct PreferencesPage: WidgetHandle {
    let widget: Widget
    init(title: String, icon: String) {
        widget = adw_preferences_page_new()!
        adw_preferences_page_set_title(cast(widget), title)
        adw_preferences_page_set_icon_name(cast(widget), icon)
    }
    func add(_ group: PreferencesGroup) { adw_preferences_page_add(cast(widget), cast(group.widget)) }
}

struct PreferencesGroup: WidgetHandle {
    let widget: Widget
    init(title: String, description: String? = nil) {
        widget = adw_preferences_group_new()!
        adw_preferences_group_set_title(cast(widget), title)
        if let description { adw_preferences_group_set_description(cast(widget), description) }
    }
    func add(_ child: some WidgetHandle) { adw_preferences_group_add(cast(widget), child.widget) }
}

/// AdwActionRow with a plain-text title and subtitle (rows take markup by default in 1.2).
struct ActionRow: WidgetHandle {
    let widget: Widget
    init(title: String, subtitle: String? = nil, titleLines: Int32? = nil, activatable: Bool = false) {
        widget = adw_action_row_new()!
        adw_preferences_row_set_use_markup(cast(widget), 0)
        adw_preferences_row_set_title(cast(widget), title)
        if let subtitle { adw_action_row_set_subtitle(cast(widget), subtitle) }
        if let titleLines { adw_action_row_set_title_lines(cast(widget), titleLines) }
        if activatable { gtk_list_box_row_set_activatable(cast(widget), 1) }
    }
    func addPrefix(_ child: some WidgetHandle) { adw_action_row_add_prefix(cast(widget), child.widget) }
    /// `child` at the end; with `activates`, activating the row activates it (a switch, a button).
    func addSuffix(_ child: some WidgetHandle, activates: Bool = false) {
        adw_action_row_add_suffix(cast(widget), child.widget)
        if activates { adw_action_row_set_activatable_widget(cast(widget), child.widget) }
    }
    func setActivatableWidget(_ child: some WidgetHandle) { adw_action_row_set_activatable_widget(cast(widget), child.widget) }
}

/// AdwMessageDialog (AdwAlertDialog is libadwaita 1.5).
struct MessageDialog: WindowHandle {
    let widget: Widget
    private var dialog: UnsafeMutablePointer<AdwMessageDialog> { cast(widget) }
    init(parent: some WindowHandle, heading: String, body: String) {
        widget = adw_message_dialog_new(cast(parent.widget), heading, body)!
    }
    func addResponse(_ id: String, _ label: String, suggested: Bool = false) {
        adw_message_dialog_add_response(dialog, id, label)
        if suggested { adw_message_dialog_set_response_appearance(dialog, id, ADW_RESPONSE_SUGGESTED) }
    }
    func setResponses(default defaultID: String, close closeID: String) {
        adw_message_dialog_set_default_response(dialog, defaultID)
        adw_message_dialog_set_close_response(dialog, closeID)
    }
    func setEnabled(_ id: String, _ enabled: Bool) { adw_message_dialog_set_response_enabled(dialog, id, enabled ? 1 : 0) }
    func setExtraChild(_ child: some WidgetHandle) { adw_message_dialog_set_extra_child(dialog, child.widget) }
    func respond(_ id: String) { adw_message_dialog_response(dialog, id) }
    /// `handler` gets the id of the response chosen.
    @MainActor func onResponse(_ handler: @escaping @MainActor (String) -> Void) {
        Signal.onPointer(widget, "response") { response in
            guard let response else { return }
            handler(String(cString: response.assumingMemoryBound(to: CChar.self)))
        }
    }
}

/// GtkFileChooserNative (GtkFileDialog is GTK 4.10): modal, starting in `folder`; `completion`
/// gets the chosen path, not called on Cancel. The chooser frees itself when answered.
@MainActor
enum FileChooser {
    struct Filter {
        let name: String
        var mimeTypes: [String] = []
        var patterns: [String] = []
        var suffixes: [String] = []
    }

    static func present(title: String, parent: some WindowHandle, save: Bool, accept: String,
                        filters: [Filter], folder: String?, suggestedName: String? = nil,
                        completion: @escaping @MainActor (String) -> Void) {
        let chooser = gtk_file_chooser_native_new(title, cast(parent.widget),
                                                  save ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                                  accept, "_Cancel")!
        if let suggestedName { gtk_file_chooser_set_current_name(opaque(chooser), suggestedName) }
        for f in filters {
            let filter = gtk_file_filter_new()!
            gtk_file_filter_set_name(filter, f.name)
            for m in f.mimeTypes { gtk_file_filter_add_mime_type(filter, m) }
            for p in f.patterns { gtk_file_filter_add_pattern(filter, p) }
            for s in f.suffixes { gtk_file_filter_add_suffix(filter, s) }
            gtk_file_chooser_add_filter(opaque(chooser), filter)
            unref(filter)
        }
        if let folder, let file = g_file_new_for_path(folder) {
            gtk_file_chooser_set_current_folder(opaque(chooser), file, nil)
            unref(file)
        }
        gtk_native_dialog_set_modal(cast(chooser), 1)
        Signal.onInt(chooser, "response") { response in
            var chosen: String?
            if response == GTK_RESPONSE_ACCEPT.rawValue, let file = gtk_file_chooser_get_file(opaque(chooser)) {
                chosen = takeString(g_file_get_path(file))
                unref(file)
            }
            gtk_native_dialog_destroy(cast(chooser))
            unref(chooser)
            if let chosen { completion(chosen) }
        }
        gtk_native_dialog_show(cast(chooser))
    }
}

extension Window {
    /// A window built from a GtkBuilder description, with a reference of its own (the caller
    /// drops it with `unref` once the window is shown).
    init(builderObject name: String, from ui: String) {
        let builder = gtk_builder_new_from_string(ui, -1)!
        defer { unref(builder) }
        widget = cast(gtk_builder_get_object(builder, name)!)
        g_object_ref(widget)
    }
}
