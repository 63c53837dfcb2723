import CGtk
import CGtkShim
import Foundation

/// A GSettings object of an installed schema; nil when the schema is not installed (run from the
/// source tree), so callers fall back to session values.
struct Settings {
    let settings: UnsafeMutablePointer<GSettings>

    init?(schema id: String) {
        guard let source = g_settings_schema_source_get_default(),
              let schema = g_settings_schema_source_lookup(source, id, 1) else { return nil }
        g_settings_schema_unref(schema)
        settings = g_settings_new(id)
    }

    func string(_ key: String) -> String { takeString(g_settings_get_string(settings, key)) ?? "" }
    func setString(_ key: String, _ value: String) { g_settings_set_string(settings, key, value) }
    func int(_ key: String) -> Int32 { g_settings_get_int(settings, key) }
    func setInt(_ key: String, _ value: Int32) { g_settings_set_int(settings, key, value) }
    func bool(_ key: String) -> Bool { g_settings_get_boolean(settings, key) != 0 }
    func setBool(_ key: String, _ value: Bool) { g_settings_set_boolean(settings, key, value ? 1 : 0) }
    func double(_ key: String) -> Double { g_settings_get_double(settings, key) }
    func setDouble(_ key: String, _ value: Double) { g_settings_set_double(settings, key, value) }
    /// An enum key as its value's index.
    func enumValue(_ key: String) -> Int32 { g_settings_get_enum(settings, key) }
    func setEnumValue(_ key: String, _ value: Int32) { g_settings_set_enum(settings, key, value) }
    func strings(_ key: String) -> [String] {
        guard let strv = g_settings_get_strv(settings, key) else { return [] }
        defer { g_strfreev(strv) }
        var values: [String] = []
        var i = 0
        while let item = strv[i] { values.append(String(cString: item)); i += 1 }
        return values
    }
    func setStrings(_ key: String, _ values: [String]) {
        let copies = values.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        var list: [UnsafePointer<CChar>?] = copies.map { UnsafePointer($0) } + [nil]
        list.withUnsafeMutableBufferPointer { _ = g_settings_set_strv(settings, key, $0.baseAddress) }
    }

    /// Keeps a GObject property and the key equal both ways (`g_settings_bind`): the widget shows
    /// the key's value, a change of either is copied to the other.
    func bind(_ key: String, to object: some PointerConvertible, property: String) {
        g_settings_bind(settings, key, object.raw, property, G_SETTINGS_BIND_DEFAULT)
    }

    /// Called with the key after every change (from this process or another, such as `gsettings set`).
    @MainActor func onChanged(_ handler: @escaping @MainActor (String) -> Void) {
        Signal.onPointer(settings, "changed") { key in
            guard let key else { return }
            handler(String(cString: key.assumingMemoryBound(to: CChar.self)))
        }
    }

    /// Writes pending changes (the keyfile backend in tests, dconf) before the process exits.
    static func sync() { g_settings_sync() }
}
