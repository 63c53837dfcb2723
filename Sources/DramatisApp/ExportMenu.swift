import CGtk
import CGtkShim
import DramatisCore
import DramatisPDF
import Foundation

/// The Export menu button of the header bar (Ctrl+E opens it): Markdown, HTML, JSON and PDF, each
/// the detailed action `win.export::<format>`. The window asks for a destination with the native
/// save dialog (`chooseDestination`), writes off the main thread (`write`) and reports in a toast.
@MainActor
final class ExportMenu {
    let widget: Widget

    /// Test-only: when set, exports go to this path without the save dialog (the native file
    /// chooser cannot be driven over AT-SPI). Never set it outside tests.
    static let testPathVariable = "DRAMATIS_EXPORT_PATH"

    init() {
        widget = gtk_menu_button_new()!
        gtk_menu_button_set_label(opaque(widget), "_Export")
        gtk_menu_button_set_use_underline(opaque(widget), 1)
        Callback.buildPopoverOnFirstOpen(widget) { [widget] in
            gtk_menu_button_set_menu_model(opaque(widget), Self.menu())
        }
        widget.tooltip("Export the Analysis (Ctrl+E)")
        widget.accessibleLabel("Export")
    }

    private static func menu() -> UnsafeMutablePointer<GMenuModel> {
        let menu = g_menu_new()!
        for format in ExportFormat.allCases {
            g_menu_append(menu, "\(format.displayName)…", "win.export::\(format.rawValue)")
        }
        return cast(menu)
    }

    func popup() { gtk_menu_button_popup(opaque(widget)) }

    var isSensitive: Bool {
        get { gtk_widget_get_sensitive(widget) != 0 }
        set { gtk_widget_set_sensitive(widget, newValue ? 1 : 0) }
    }

    /// The native save dialog with the suggested name and a filter for the format; `completion`
    /// gets the chosen file (not called on Cancel).
    static func chooseDestination(parent: Widget, analysis: Analysis, format: ExportFormat,
                                  completion: @escaping @MainActor (URL) -> Void) {
        let chooser = gtk_file_chooser_native_new("Export as \(format.displayName)", cast(parent),
                                                  GTK_FILE_CHOOSER_ACTION_SAVE, "_Export", "_Cancel")!
        gtk_file_chooser_set_current_name(opaque(chooser), Export.suggestedFileName(for: analysis, as: format))
        let filter = gtk_file_filter_new()!
        gtk_file_filter_set_name(filter, format.displayName)
        gtk_file_filter_add_mime_type(filter, format.mimeType)
        for ext in format.fileExtensions { gtk_file_filter_add_suffix(filter, ext) }
        gtk_file_chooser_add_filter(opaque(chooser), filter)
        unref(filter)
        if let folder = Preferences.lastFolder, let file = g_file_new_for_path(folder) {
            gtk_file_chooser_set_current_folder(opaque(chooser), file, nil)
            unref(file)
        }
        gtk_native_dialog_set_modal(cast(chooser), 1)
        Signal.onInt(chooser, "response") { response in
            var chosen: URL?
            if response == GTK_RESPONSE_ACCEPT.rawValue, let file = gtk_file_chooser_get_file(opaque(chooser)) {
                if let path = takeString(g_file_get_path(file)) { chosen = URL(fileURLWithPath: path) }
                unref(file)
            }
            gtk_native_dialog_destroy(cast(chooser))
            unref(chooser)
            if let chosen { completion(chosen) }
        }
        gtk_native_dialog_show(cast(chooser))
    }

    /// Renders and writes atomically on a background thread (`Export.write`, PDF included).
    static func write(_ analysis: Analysis, to url: URL, as format: ExportFormat) async -> Result<URL, Error> {
        await Task.detached(priority: .userInitiated) { () -> Result<URL, Error> in
            Result { try Export.write(analysis, to: url, as: format); return url }
        }.value
    }

    /// "Exported to NAME" or the export error's sentence.
    static func message(for result: Result<URL, Error>) -> String {
        switch result {
        case .success(let url): "Exported to \(url.lastPathComponent)"
        case .failure(let error): "Could not export: \((error as? ExportError)?.description ?? error.localizedDescription)"
        }
    }
}
