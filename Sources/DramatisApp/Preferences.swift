import CGtk
import CGtkShim
import DramatisCore
import Foundation

/// The app's GSettings (`io.github.dramatis.Dramatis`), when its schema is installed; run from the
/// source tree without it, the defaults apply and nothing is saved.
@MainActor
enum Preferences {
    static let settings = Settings(schema: DramatisApplication.id)

    /// The nicks of the `color-scheme` key, in the order of its enum values.
    static let colorSchemes = ["default", "light", "dark"]

    /// `color-scheme`: default follows the system, light and dark force the style. Without the
    /// schema the choice lasts for the session only.
    static var colorScheme: String = "default" {
        didSet {
            let adw = [ADW_COLOR_SCHEME_DEFAULT, ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK]
            let index = colorSchemes.firstIndex(of: colorScheme) ?? 0
            StyleManager.setColorScheme(adw[index])
            if let settings {
                if Int(settings.enumValue("color-scheme")) != index {
                    settings.setEnumValue("color-scheme", Int32(index))
                }
            } else if oldValue != colorScheme {
                changed("color-scheme")
            }
        }
    }

    /// Reads `color-scheme` from GSettings (at start-up, and when another process changed it).
    static func applyColorScheme() {
        guard let settings else { return }
        let value = Int(settings.enumValue("color-scheme"))
        let scheme = colorSchemes.indices.contains(value) ? colorSchemes[value] : "default"
        colorScheme = scheme
    }

    /// Writes pending changes (the keyfile backend in tests, dconf) before the process exits.
    static func sync() { if settings != nil { Settings.sync() } }

    static func restoreSize(_ window: some WindowHandle) {
        guard let settings else { return }
        window.defaultSize = (settings.int("window-width"), settings.int("window-height"))
        if settings.bool("window-maximized") { window.maximize() }
    }

    static func saveSize(_ window: some WindowHandle) {
        guard let settings else { return }
        let size = window.defaultSize
        settings.setInt("window-width", size.width)
        settings.setInt("window-height", size.height)
        settings.setBool("window-maximized", window.isMaximized)
    }

    /// Binds a widget property to a key both ways (`g_settings_bind`): the widget shows the
    /// stored value and writes each change. False without the schema: the caller then copies
    /// changes itself, to the session value.
    static func bind(_ key: String, to widget: some WidgetHandle, property: String) -> Bool {
        guard let settings else { return false }
        settings.bind(key, to: widget, property: property)
        return true
    }

    /// `article-font`: a Pango description such as "Serif 12". Without the schema the choice lasts
    /// for the session only.
    static var articleFont: String {
        get {
            guard let settings else { return sessionFont }
            return settings.string("article-font")
        }
        set {
            guard let settings else { sessionFont = newValue; changed("article-font"); return }
            if newValue != articleFont { settings.setString("article-font", newValue) }
        }
    }
    private static var sessionFont = "Serif 12"

    /// The article font as CSS for the article text, nil when unset or unparsable.
    static func articleFontCSS() -> String? {
        let value = articleFont
        guard !value.isEmpty, let font = pango_font_description_from_string(value) else { return nil }
        defer { pango_font_description_free(font) }
        var css = "textview.article-text {"
        if let family = pango_font_description_get_family(font) {
            let name = String(cString: family).replacingOccurrences(of: "\"", with: "").replacingOccurrences(of: "\\", with: "")
            css += " font-family: \"\(name)\";"
        }
        let size = pango_font_description_get_size(font)
        if size > 0 { css += " font-size: \(Double(size) / Double(PANGO_SCALE))pt;" }
        return css + " }"
    }

    /// `highlight-types`: the entity types whose mentions are coloured in the article.
    static var highlightedTypes: Set<EntityType> {
        get {
            guard let settings else { return sessionTypes }
            return Set(settings.strings("highlight-types").compactMap(EntityType.init(rawValue:)))
        }
        set {
            guard let settings else { sessionTypes = newValue; changed("highlight-types"); return }
            guard newValue != highlightedTypes else { return }
            // In the schema's order, so the stored value reads the same as the default.
            settings.setStrings("highlight-types", EntityType.allCases.filter(newValue.contains).map(\.rawValue))
        }
    }
    private static var sessionTypes = Set(EntityType.allCases)

    /// `positions-minimum-confidence`: positions below it are not shown (0: every position the
    /// analysis keeps, those above the model's own threshold). Without the schema the choice
    /// lasts for the session only.
    static var positionsMinimumConfidence: Double {
        get {
            guard let settings else { return sessionMinimumConfidence }
            return settings.double("positions-minimum-confidence")
        }
        set {
            let value = min(1, max(0, newValue))
            guard let settings else { sessionMinimumConfidence = value; changed("positions-minimum-confidence"); return }
            if value != positionsMinimumConfidence { settings.setDouble("positions-minimum-confidence", value) }
        }
    }
    private static var sessionMinimumConfidence = 0.0

    /// `library-add-opened`: whether an article shown in a window is added to the library.
    /// Without the schema, on for the session.
    static var libraryAddsOpened: Bool {
        get {
            guard let settings else { return sessionLibraryAdds }
            return settings.bool("library-add-opened")
        }
        set {
            guard let settings else { sessionLibraryAdds = newValue; return }
            settings.setBool("library-add-opened", newValue)
        }
    }
    private static var sessionLibraryAdds = true

    /// Whether the window shows position `p` under the current threshold.
    static func shows(_ p: Position) -> Bool { (p.confidence ?? 1) >= positionsMinimumConfidence }

    // MARK: Change notification

    private static var observers: [@MainActor (String) -> Void] = []
    private static var connected = false

    /// Calls `handler` with the key after every change of a setting (from this app or another
    /// process, such as `gsettings set`), so open windows follow at once.
    static func observe(_ handler: @escaping @MainActor (String) -> Void) {
        observers.append(handler)
        guard !connected, let settings else { return }
        connected = true
        settings.onChanged { key in changed(key) }
    }

    private static func changed(_ key: String) {
        for observer in observers { observer(key) }
    }

    /// `last-folder`: where the Open dialog starts.
    static var lastFolder: String? {
        get {
            guard let value = settings?.string("last-folder"), !value.isEmpty else { return nil }
            return value
        }
        set {
            guard let settings else { return }
            settings.setString("last-folder", newValue ?? "")
        }
    }
}
