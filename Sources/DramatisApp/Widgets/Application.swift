import CGtk
import CGtkShim
import Foundation

// The AdwApplication, its style sheets and icons, the about window, frame clocks.

struct Application: ActionMap, PointerConvertible {
    let app: UnsafeMutablePointer<AdwApplication>
    var raw: UnsafeMutableRawPointer { UnsafeMutableRawPointer(app) }
    var actionMap: OpaquePointer { opaque(app) }

    /// A new application (the caller drops it with `unref` after `run`).
    init(id: String, flags: GApplicationFlags) { app = adw_application_new(id, flags)! }

    /// Initialises libadwaita before an application exists (the benchmark baseline).
    static func initialize() { adw_init() }
    static func setName(_ name: String) { g_set_application_name(name) }
    /// The name set with `setName` (GLib's program name otherwise).
    static var name: String { g_get_application_name().map { String(cString: $0) } ?? "" }
    static func setDefaultIcon(_ name: String) { gtk_window_set_default_icon_name(name) }

    /// Runs the main loop with the given file arguments (argv built from Swift strings).
    @MainActor func run(files: [String]) -> Int32 {
        let argv = ([CommandLine.arguments.first ?? "dramatis"] + files).map { strdup($0) }
        defer { argv.forEach { free($0) } }
        var cArgs: [UnsafeMutablePointer<CChar>?] = argv + [nil]
        return cArgs.withUnsafeMutableBufferPointer { buffer in
            g_application_run(cast(app), Int32(files.count + 1), buffer.baseAddress)
        }
    }
    func quit() { g_application_quit(cast(app)) }

    /// GApplication::open with the files as local paths, or as URIs when they have none (http(s)).
    @MainActor func onOpen(_ handler: @escaping @MainActor ([String]) -> Void) {
        Signal.onOpen(app) { files in
            handler(files.compactMap { takeString(g_file_get_path($0)) ?? takeString(g_file_get_uri($0)) })
        }
    }

    func setAccels(_ action: String, _ keys: [String]) {
        let c = keys.map { strdup($0) }
        defer { c.forEach { free($0) } }
        var list: [UnsafePointer<CChar>?] = c.map { UnsafePointer($0) } + [nil]
        list.withUnsafeMutableBufferPointer { gtk_application_set_accels_for_action(cast(app), action, $0.baseAddress) }
    }
}

/// AdwAboutWindow (AdwAboutDialog is libadwaita 1.5).
struct AboutWindow: WindowHandle {
    let widget: Widget
    init(name: String, icon: String, version: String, comments: String, developer: String, license: GtkLicense) {
        widget = adw_about_window_new()!
        let a: OpaquePointer = opaque(widget)
        adw_about_window_set_application_name(a, name)
        adw_about_window_set_application_icon(a, icon)
        adw_about_window_set_version(a, version)
        adw_about_window_set_comments(a, comments)
        adw_about_window_set_license_type(a, license)
        adw_about_window_set_developer_name(a, developer)
    }
}

/// A CSS provider for the whole display.
struct StyleSheet {
    let provider: UnsafeMutablePointer<GtkCssProvider>

    /// A provider added to the default display at `priority` above the application's; nil
    /// without a display.
    init?(priorityAboveApplication: UInt32 = 0) {
        guard let display = gdk_display_get_default() else { return nil }
        provider = gtk_css_provider_new()!
        gtk_style_context_add_provider_for_display(display, opaque(provider),
                                                   UInt32(GTK_STYLE_PROVIDER_PRIORITY_APPLICATION) + priorityAboveApplication)
        unref(provider) // the display keeps it
    }
    func load(css: String) { gtk_css_provider_load_from_data(provider, css, -1) }
    func load(path: String) { gtk_css_provider_load_from_path(provider, path) }

    /// Icons looked up in `path` too (the source tree's, before installation).
    static func addIconSearchPath(_ path: String) {
        guard let display = gdk_display_get_default() else { return }
        gtk_icon_theme_add_search_path(gtk_icon_theme_get_for_display(display), path)
    }
}

extension WidgetHandle {
    /// The widget's frame clock, nil before it is realized.
    var frameClock: UnsafeMutableRawPointer? { gtk_widget_get_frame_clock(widget).map { UnsafeMutableRawPointer($0) } }
    /// The GType name of the widget ("GtkLabel").
    var typeName: String {
        String(cString: g_type_name_from_instance(UnsafeMutableRawPointer(widget).assumingMemoryBound(to: GTypeInstance.self)))
    }
}
