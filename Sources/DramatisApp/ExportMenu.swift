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
    let widget: MenuButton

    /// Test-only: when set, exports go to this path without the save dialog (the native file
    /// chooser cannot be driven over AT-SPI). Never set it outside tests.
    static let testPathVariable = "DRAMATIS_EXPORT_PATH"

    init() {
        widget = MenuButton(mnemonic: "_Export")
        widget.buildPopoverOnFirstOpen { [widget] in widget.setMenu(Self.menu()) }
        widget.tooltip("Export the Analysis (Ctrl+E)")
        widget.accessibleLabel("Export")
    }

    private static func menu() -> Menu {
        Menu(items: ExportFormat.allCases.map { ("\($0.displayName)…", "win.export::\($0.rawValue)") })
    }

    func popup() { widget.popup() }

    var isSensitive: Bool {
        get { widget.isSensitive }
        set { widget.isSensitive = newValue }
    }

    /// The native save dialog with the suggested name and a filter for the format; `completion`
    /// gets the chosen file (not called on Cancel).
    static func chooseDestination(parent: some WindowHandle, analysis: Analysis, format: ExportFormat,
                                  completion: @escaping @MainActor (URL) -> Void) {
        let filter = FileChooser.Filter(name: format.displayName, mimeTypes: [format.mimeType], suffixes: format.fileExtensions)
        FileChooser.present(title: "Export as \(format.displayName)", parent: parent, save: true, accept: "_Export",
                            filters: [filter], folder: Preferences.lastFolder,
                            suggestedName: Export.suggestedFileName(for: analysis, as: format)) { path in
            completion(URL(fileURLWithPath: path))
        }
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
