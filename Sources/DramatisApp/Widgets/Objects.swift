import CGtk
import CGtkShim
import Foundation

// GObjects that are not widgets: menus, actions, event controllers, settings, the style manager.

/// A GMenu of sections; items are (label, detailed action name).
struct Menu {
    let menu: OpaquePointer
    init(sections: [[(String, String)]]) {
        menu = g_menu_new()!
        for items in sections {
            let section = g_menu_new()!
            for (label, action) in items { g_menu_append(section, label, action) }
            g_menu_append_section(menu, nil, cast(section))
            unref(section)
        }
    }
    init(items: [(String, String)]) {
        menu = g_menu_new()!
        for (label, action) in items { g_menu_append(menu, label, action) }
    }
}

/// Anything that holds GActions: the application, an application window.
protocol ActionMap {
    var actionMap: OpaquePointer { get }
}

extension ActionMap {
    @MainActor func addAction(_ name: String, _ handler: @escaping @MainActor () -> Void) {
        let action = g_simple_action_new(name, nil)!
        Signal.onPointer(action, "activate") { _ in handler() }
        g_action_map_add_action(actionMap, opaque(action))
        unref(action)
    }
    /// An action with a string parameter (`win.export::pdf`, toast buttons).
    @MainActor func addStringAction(_ name: String, _ handler: @escaping @MainActor (String) -> Void) {
        let type = g_variant_type_new("s")
        let action = g_simple_action_new(name, type)!
        g_variant_type_free(type)
        Signal.onPointer(action, "activate") { parameter in
            guard let parameter else { return }
            handler(String(cString: g_variant_get_string(OpaquePointer(parameter), nil)))
        }
        g_action_map_add_action(actionMap, opaque(action))
        unref(action)
    }
    /// A string-valued stateful action (radio items: `app.color-scheme::dark`). `handler` gets
    /// each value asked for that `accept` takes; the state follows it.
    @MainActor func addStateAction(_ name: String, state: String, accept: @escaping @MainActor (String) -> Bool,
                                   _ handler: @escaping @MainActor (String) -> Void) {
        let type = g_variant_type_new("s")
        let action = g_simple_action_new_stateful(name, type, g_variant_new_string(state))!
        g_variant_type_free(type)
        Signal.onPointer(action, "change-state") { value in
            guard let value else { return }
            let variant = OpaquePointer(value)
            let string = String(cString: g_variant_get_string(variant, nil))
            guard accept(string) else { return }
            g_simple_action_set_state(action, variant)
            handler(string)
        }
        g_action_map_add_action(actionMap, opaque(action))
        unref(action)
    }
    /// Sets the state of a stateful string action added here.
    func setState(_ name: String, _ value: String) {
        if let action = g_action_map_lookup_action(actionMap, name) {
            g_simple_action_set_state(opaque(action), g_variant_new_string(value))
        }
    }
    func setEnabled(_ name: String, _ enabled: Bool) {
        if let action = g_action_map_lookup_action(actionMap, name) {
            g_simple_action_set_enabled(opaque(action), enabled ? 1 : 0)
        }
    }
}

// MARK: - Event controllers

protocol EventController: PointerConvertible {}

struct GestureClick: EventController {
    let raw: UnsafeMutableRawPointer
    /// Primary button; `capture`: sees presses before the widget's own handlers.
    init(capture: Bool = false) {
        raw = UnsafeMutableRawPointer(gtk_gesture_click_new()!)
        gtk_gesture_single_set_button(opaque(raw), 1)
        if capture { gtk_event_controller_set_propagation_phase(opaque(raw), GTK_PHASE_CAPTURE) }
    }
    /// Claims the press (like a link), so the widget starts no selection and the release comes here.
    func claim() { gtk_gesture_set_state(opaque(raw), GTK_EVENT_SEQUENCE_CLAIMED) }
    @MainActor func onPressed(_ handler: @escaping Signal.Pressed) { Signal.onPressed(raw, "pressed", handler) }
    @MainActor func onReleased(_ handler: @escaping Signal.Pressed) { Signal.onPressed(raw, "released", handler) }
}

struct MotionController: EventController {
    let raw: UnsafeMutableRawPointer
    init() { raw = UnsafeMutableRawPointer(gtk_event_controller_motion_new()!) }
    @MainActor func onMotion(_ handler: @escaping Signal.Motion) { Signal.onMotion(raw, "motion", handler) }
    @MainActor func onLeave(_ handler: @escaping Signal.Void0) { Signal.on(raw, "leave", handler) }
}

struct FocusController: EventController {
    let raw: UnsafeMutableRawPointer
    init() { raw = UnsafeMutableRawPointer(gtk_event_controller_focus_new()!) }
    @MainActor func onEnter(_ handler: @escaping Signal.Void0) { Signal.on(raw, "enter", handler) }
    @MainActor func onLeave(_ handler: @escaping Signal.Void0) { Signal.on(raw, "leave", handler) }
}

struct KeyController: EventController {
    let raw: UnsafeMutableRawPointer
    init() { raw = UnsafeMutableRawPointer(gtk_event_controller_key_new()!) }
    @MainActor func onKeyPressed(_ handler: @escaping Signal.Key) { Signal.onKeyPressed(raw, handler) }
}

/// Files dropped on a widget, as local paths.
struct FileDropTarget: EventController {
    let raw: UnsafeMutableRawPointer
    @MainActor init(_ handler: @escaping @MainActor ([String]) -> Bool) {
        raw = UnsafeMutableRawPointer(gtk_drop_target_new(dr_type_file_list(), GDK_ACTION_COPY)!)
        Signal.onDrop(raw) { value, _, _ in
            guard let value, let boxed = g_value_get_boxed(value) else { return false }
            var paths: [String] = []
            var node: UnsafeMutablePointer<GSList>? = boxed.assumingMemoryBound(to: GSList.self)
            while let n = node {
                if let file = n.pointee.data, let path = takeString(g_file_get_path(OpaquePointer(file))) { paths.append(path) }
                node = n.pointee.next
            }
            return handler(paths)
        }
    }
}

// MARK: - Style, files, URIs

@MainActor
enum StyleManager {
    static var isDark: Bool { adw_style_manager_get_dark(adw_style_manager_get_default()) != 0 }
    static func setColorScheme(_ scheme: AdwColorScheme) {
        adw_style_manager_set_color_scheme(adw_style_manager_get_default(), scheme)
    }
    /// Called when the style turns dark or light (the system's, or the app's choice).
    static func onDarkChanged(_ handler: @escaping @MainActor () -> Void) {
        Signal.onPointer(adw_style_manager_get_default(), "notify::dark") { _ in handler() }
    }
}

enum FileURI {
    /// `file:///…` for a local path; nil for an address or an invalid path.
    static func of(path: String) -> String? { takeString(g_filename_to_uri(path, nil, nil)) }
    /// Adds the file to GtkRecentManager (the empty state's recent list, the desktop's).
    static func addRecent(path: String) {
        if let uri = of(path: path) { gtk_recent_manager_add_item(gtk_recent_manager_get_default(), uri) }
    }
    /// Opens the URI with the desktop's default application.
    static func show(_ uri: String, parent: some WindowHandle) {
        gtk_show_uri(cast(parent.widget), uri, 0) // GDK_CURRENT_TIME
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
