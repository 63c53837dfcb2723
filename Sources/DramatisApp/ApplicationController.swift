import CGtk
import CGtkShim
import DramatisCore
import Foundation

/// Owns the AdwApplication: app-wide actions and shortcuts, the style sheet, and the windows.
@MainActor
final class ApplicationController {
    let options: LaunchOptions
    private(set) var app: UnsafeMutablePointer<AdwApplication>!
    private var windows: [MainWindow] = []

    init(options: LaunchOptions) { self.options = options }

    func run(files: [String]) -> Int32 {
        app = adw_application_new(DramatisApplication.id, options.applicationFlags)
        defer { unref(app) }
        g_set_application_name("Dramatis")
        Signal.on(app, "startup") { [unowned self] in startup() }
        Signal.on(app, "activate") { [unowned self] in
            let window = windows.last ?? newWindow()
            window.present()
            // Without a file there is nothing to analyse: the empty state is the first frame.
            if options.firstFrameExit, window.isEmpty, !window.isLoading { FirstFrame.exitAfterNextFrame(of: window.widget.widget) }
        }
        Signal.onOpen(app) { [unowned self] files in
            for file in files {
                // Local files by path; http(s) addresses as URIs (the core's loader fetches them).
                guard let path = takeString(g_file_get_path(file)) ?? takeString(g_file_get_uri(file)) else { continue }
                let existing = windows.first(where: { $0.isEmpty && !$0.isLoading })
                let window = existing ?? newWindow()
                // A new window is not on screen yet: waiting briefly for an analysis that is
                // under way (started before GTK) lets its first frame show the article whole.
                window.open(path: path, wait: existing == nil ? 0.3 : 0)
                window.present()
            }
        }
        return runApplication(app, files: files)
    }

    @discardableResult
    func newWindow() -> MainWindow {
        let window = MainWindow(app: self)
        windows.append(window)
        return window
    }

    func windowClosed(_ window: MainWindow) {
        windows.removeAll { $0 === window }
    }

    /// Called by a window once an analysed article is on screen.
    func documentShown(in window: MainWindow) {
        if options.firstFrameExit { FirstFrame.exitAfterNextFrame(of: window.widget.widget) }
    }

    /// A benchmark run must not wait forever for a frame that will never come.
    func documentFailed(in window: MainWindow, message: String) {
        guard options.firstFrameExit else { return }
        FileHandle.standardError.write(Data("dramatis: \(message)\n".utf8))
        exit(1)
    }

    private func startup() {
        StartupTrace.mark("startup")
        Style.load()
        Style.addIconSearchPath()
        gtk_window_set_default_icon_name(DramatisApplication.id)
        Preferences.applyColorScheme()
        Preferences.observe { [unowned self] key in preferenceChanged(key) }
        // The style manager's dark state, for every window's accessible description.
        Signal.onPointer(adw_style_manager_get_default(), "notify::dark") { [unowned self] _ in
            for window in windows { window.updateStyleDescription() }
        }
        addAction("open") { [unowned self] in
            (windows.last(where: { $0.isActive }) ?? windows.last ?? newWindow()).chooseFile()
        }
        addAction("open-sample") { [unowned self] in
            guard let sample = DataDirectory.sampleArticle?.path else { return }
            let window = windows.last(where: { $0.isActive }) ?? windows.last ?? newWindow()
            window.present()
            window.open(path: sample)
        }
        addAction("new-window") { [unowned self] in newWindow().present() }
        addAction("quit") { [unowned self] in
            PreferencesWindow.close()
            for window in windows {
                Preferences.saveSize(window.widget)
                gtk_window_destroy(cast(window.widget))
            }
            Preferences.sync()
            g_application_quit(cast(app))
        }
        addAction("about") { [unowned self] in showAbout() }
        addAction("preferences") { [unowned self] in
            PreferencesWindow.present(parent: (windows.last(where: { $0.isActive }) ?? windows.last)?.widget)
        }
        addColorSchemeAction()
        let accels: [(String, [String])] = [
            ("app.open", ["<Control>o"]),
            ("app.new-window", ["<Control>n"]),
            ("app.preferences", ["<Control>comma"]),
            ("win.open-location", ["<Control>l"]),
            ("win.export-menu", ["<Control>e"]),
            ("app.quit", ["<Control>q"]),
            ("win.close", ["<Control>w"]),
            ("win.find", ["<Control>f"]),
            ("win.show-article", ["<Alt>1"]),
            ("win.show-timeline", ["<Alt>2"]),
            ("win.show-positions", ["<Alt>3"]),
            ("win.show-help-overlay", ["<Control>question"]),
        ]
        for (action, keys) in accels { setAccels(action, keys) }
        StartupTrace.mark("startup done")
    }

    /// Settings apply at once to every open window (from the Preferences window, the menu or
    /// `gsettings set`).
    private func preferenceChanged(_ key: String) {
        switch key {
        case "article-font": Style.reloadFont()
        case "highlight-types": for window in windows { window.refreshHighlights() }
        case "positions-minimum-confidence": for window in windows { window.refreshPositions() }
        case "color-scheme":
            Preferences.applyColorScheme()
            if let action = g_action_map_lookup_action(opaque(app), "color-scheme") {
                g_simple_action_set_state(opaque(action), g_variant_new_string(Preferences.colorScheme))
            }
        default: break
        }
    }

    private func addAction(_ name: String, _ handler: @escaping @MainActor () -> Void) {
        let action = g_simple_action_new(name, nil)!
        Signal.onPointer(action, "activate") { _ in handler() }
        g_action_map_add_action(opaque(app), opaque(action))
        unref(action)
    }

    /// `app.color-scheme` ("default", "light", "dark"): radio items in the primary menu.
    private func addColorSchemeAction() {
        let type = g_variant_type_new("s")
        let action = g_simple_action_new_stateful("color-scheme", type, g_variant_new_string(Preferences.colorScheme))!
        g_variant_type_free(type)
        Signal.onPointer(action, "change-state") { value in
            guard let value else { return }
            let variant = OpaquePointer(value)
            let scheme = String(cString: g_variant_get_string(variant, nil))
            guard Preferences.colorSchemes.contains(scheme) else { return }
            g_simple_action_set_state(action, variant)
            Preferences.colorScheme = scheme
        }
        g_action_map_add_action(opaque(app), opaque(action))
        unref(action)
    }

    private func setAccels(_ action: String, _ keys: [String]) {
        let c = keys.map { strdup($0) }
        defer { c.forEach { free($0) } }
        var list: [UnsafePointer<CChar>?] = c.map { UnsafePointer($0) } + [nil]
        list.withUnsafeMutableBufferPointer { gtk_application_set_accels_for_action(cast(app), action, $0.baseAddress) }
    }

    private func showAbout() {
        let about = adw_about_window_new()!
        let a: OpaquePointer = opaque(about)
        adw_about_window_set_application_name(a, "Dramatis")
        adw_about_window_set_application_icon(a, DramatisApplication.id)
        adw_about_window_set_version(a, DramatisVersion.string)
        adw_about_window_set_comments(a, "Who is in a news article, what each said, what each is for or against, and when things happened.")
        adw_about_window_set_license_type(a, GTK_LICENSE_GPL_3_0)
        adw_about_window_set_developer_name(a, "The Dramatis contributors")
        if let parent = windows.last(where: { $0.isActive }) ?? windows.last {
            gtk_window_set_transient_for(cast(about), cast(parent.widget))
        }
        gtk_window_present(cast(about))
    }
}

/// The application style sheet `Resources/dramatis.css` (highlight colours, chips, timeline).
@MainActor
enum Style {
    static func load() {
        guard let display = gdk_display_get_default() else { return }
        // The entity highlight colours come from the core's table (`EntityStyle`), which the
        // exports read too; the style sheet refers to them by name (@dramatis_person, …).
        let colours = gtk_css_provider_new()!
        gtk_css_provider_load_from_data(colours, EntityStyle.gtkColorDefinitions, -1)
        gtk_style_context_add_provider_for_display(display, opaque(colours), UInt32(GTK_STYLE_PROVIDER_PRIORITY_APPLICATION))
        unref(colours)
        if let url = cssURL() {
            let provider = gtk_css_provider_new()!
            gtk_css_provider_load_from_path(provider, url.path)
            gtk_style_context_add_provider_for_display(display, opaque(provider), UInt32(GTK_STYLE_PROVIDER_PRIORITY_APPLICATION))
            unref(provider)
        }
        reloadFont()
    }

    /// The `article-font` setting as its own provider, replaced when the setting changes.
    private static var fontProvider: UnsafeMutablePointer<GtkCssProvider>?

    static func reloadFont() {
        guard let display = gdk_display_get_default() else { return }
        if fontProvider == nil {
            fontProvider = gtk_css_provider_new()
            gtk_style_context_add_provider_for_display(display, opaque(fontProvider!), UInt32(GTK_STYLE_PROVIDER_PRIORITY_APPLICATION) + 1)
        }
        gtk_css_provider_load_from_data(fontProvider, Preferences.articleFontCSS() ?? "", -1)
    }

    /// `<data>/../Resources`: the source tree, or `share/dramatis/Resources` when installed.
    static var resourcesURL: URL? {
        DataDirectory.shared?.deletingLastPathComponent().appendingPathComponent("Resources")
    }

    static func cssURL() -> URL? {
        guard let url = resourcesURL?.appendingPathComponent("dramatis.css") else { return nil }
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// Run from the source tree, the app icon is not installed yet: look for it in Resources/icons.
    static func addIconSearchPath() {
        guard let display = gdk_display_get_default(),
              let icons = resourcesURL?.appendingPathComponent("icons"),
              FileManager.default.fileExists(atPath: icons.path) else { return }
        gtk_icon_theme_add_search_path(gtk_icon_theme_get_for_display(display), icons.path)
    }
}
