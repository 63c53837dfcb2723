import CGtk
import CGtkShim
import Foundation

/// The articles this app opened recently (GtkRecentManager), for the empty state.
@MainActor
enum RecentArticles {
    struct Item { var path: String; var name: String; var folder: String }

    static func items(limit: Int = 5) -> [Item] {
        guard let manager = gtk_recent_manager_get_default() else { return [] }
        let list = gtk_recent_manager_get_items(manager)
        defer { g_list_free_full(list) { gtk_recent_info_unref(OpaquePointer($0)) } }
        var found: [(item: Item, modified: Int)] = []
        var node = list
        while let n = node {
            defer { node = n.pointee.next }
            guard let raw = n.pointee.data else { continue }
            let info = OpaquePointer(raw)
            guard gtk_recent_info_has_application(info, g_get_application_name()) != 0,
                  gtk_recent_info_is_local(info) != 0, gtk_recent_info_exists(info) != 0,
                  let uri = gtk_recent_info_get_uri(info),
                  let path = takeString(g_filename_from_uri(uri, nil, nil)) else { continue }
            let modified = gtk_recent_info_get_modified(info).map { g_date_time_to_unix($0) } ?? 0
            found.append((Item(path: path, name: (path as NSString).lastPathComponent,
                               folder: displayFolder((path as NSString).deletingLastPathComponent)), modified))
        }
        return found.sorted { $0.modified > $1.modified }.prefix(limit).map(\.item)
    }

    /// The folder with the home folder shown as "~".
    static func displayFolder(_ folder: String) -> String {
        let home = String(cString: g_get_home_dir())
        if folder == home { return "~" }
        if folder.hasPrefix(home + "/") { return "~" + folder.dropFirst(home.count) }
        return folder
    }
}
