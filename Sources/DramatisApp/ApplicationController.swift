import CGtk
import CGtkShim
import DramatisCore
import Foundation

/// Owns the AdwApplication: app-wide actions and shortcuts, the style sheet, and the windows.
@MainActor
final class ApplicationController {
    let options: LaunchOptions
    private(set) var app: Application!
    private var windows: [MainWindow] = []

    init(options: LaunchOptions) { self.options = options }

    func run(files: [String]) -> Int32 {
        app = Application(id: DramatisApplication.id, flags: options.applicationFlags)
        defer { unref(app) }
        Application.setName("Dramatis")
        Signal.on(app, "startup") { [unowned self] in startup() }
        Signal.on(app, "activate") { [unowned self] in
            let window = windows.last ?? newWindow()
            window.present()
            // Without a file there is nothing to analyse: the empty state is the first frame.
            if options.firstFrameExit, window.isEmpty, !window.isLoading { FirstFrame.exitAfterNextFrame(of: window.widget) }
        }
        // Local files by path; http(s) addresses as URIs (the core's loader fetches them).
        app.onOpen { [unowned self] paths in
            for path in paths {
                let existing = windows.first(where: { $0.isEmpty && !$0.isLoading })
                let window = existing ?? newWindow()
                // A new window is not on screen yet: waiting briefly for an analysis that is
                // under way (started before GTK) lets its first frame show the article whole.
                window.open(path: path, wait: existing == nil ? 0.3 : 0)
                window.present()
            }
        }
        return app.run(files: files)
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
        if options.firstFrameExit { FirstFrame.exitAfterNextFrame(of: window.widget) }
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
        Application.setDefaultIcon(DramatisApplication.id)
        Preferences.applyColorScheme()
        Preferences.observe { [unowned self] key in preferenceChanged(key) }
        // The style manager's dark state, for every window's accessible description.
        StyleManager.onDarkChanged { [unowned self] in
            for window in windows { window.updateStyleDescription() }
        }
        app.addAction("open") { [unowned self] in
            (windows.last(where: { $0.isActive }) ?? windows.last ?? newWindow()).chooseFile()
        }
        app.addAction("open-sample") { [unowned self] in
            guard let sample = DataDirectory.sampleArticle?.path else { return }
            let window = windows.last(where: { $0.isActive }) ?? windows.last ?? newWindow()
            window.present()
            window.open(path: sample)
        }
        app.addAction("new-window") { [unowned self] in newWindow().present() }
        app.addAction("quit") { [unowned self] in
            PreferencesWindow.close()
            for window in windows {
                Preferences.saveSize(window.widget)
                window.widget.destroy()
            }
            Preferences.sync()
            app.quit()
        }
        app.addAction("about") { [unowned self] in showAbout() }
        app.addAction("preferences") { [unowned self] in
            PreferencesWindow.present(parent: (windows.last(where: { $0.isActive }) ?? windows.last)?.widget)
        }
        // `app.color-scheme` ("default", "light", "dark"): radio items in the primary menu.
        app.addStateAction("color-scheme", state: Preferences.colorScheme, accept: Preferences.colorSchemes.contains) { scheme in
            Preferences.colorScheme = scheme
        }
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
        for (action, keys) in accels { app.setAccels(action, keys) }
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
            app.setState("color-scheme", Preferences.colorScheme)
        default: break
        }
    }

    private func showAbout() {
        let about = AboutWindow(name: "Dramatis", icon: DramatisApplication.id, version: DramatisVersion.string,
                                comments: "Who is in a news article, what each said, what each is for or against, and when things happened.",
                                developer: "The Dramatis contributors", license: GTK_LICENSE_GPL_3_0)
        if let parent = windows.last(where: { $0.isActive }) ?? windows.last { about.setParent(parent.widget) }
        about.present()
    }
}

/// The application style sheet `Resources/dramatis.css` (highlight colours, chips, timeline).
@MainActor
enum Style {
    static func load() {
        // The entity highlight colours come from the core's table (`EntityStyle`), which the
        // exports read too; the style sheet refers to them by name (@dramatis_person, …).
        guard let colours = StyleSheet() else { return }
        colours.load(css: EntityStyle.gtkColorDefinitions)
        if let url = cssURL() { StyleSheet()?.load(path: url.path) }
        reloadFont()
    }

    /// The `article-font` setting as its own provider, replaced when the setting changes.
    private static var fontProvider: StyleSheet?

    static func reloadFont() {
        if fontProvider == nil { fontProvider = StyleSheet(priorityAboveApplication: 1) }
        fontProvider?.load(css: Preferences.articleFontCSS() ?? "")
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
        guard let icons = resourcesURL?.appendingPathComponent("icons"),
              FileManager.default.fileExists(atPath: icons.path) else { return }
        StyleSheet.addIconSearchPath(icons.path)
    }
}
