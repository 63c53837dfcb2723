import CGtk
import CGtkShim
import Foundation

/// "Open Location…" (win.open-location, Ctrl+L): an AdwMessageDialog with an entry for the address
/// of a web article. Open is enabled only for an http(s) address; Enter in the entry opens it.
@MainActor
enum LocationDialog {
    static func present(parent: some WindowHandle, open: @escaping @MainActor (String) -> Void) {
        let dialog = MessageDialog(parent: parent, heading: "Open Location", body: "Enter the address of a web article.")
        dialog.addResponse("cancel", "_Cancel")
        dialog.addResponse("open", "_Open", suggested: true)
        dialog.setResponses(default: "open", close: "cancel")
        dialog.setEnabled("open", false)

        let entry = Entry(placeholder: "https://example.com/news/article.html", purpose: GTK_INPUT_PURPOSE_URL)
        entry.accessibleLabel("Article address").size(width: 360)
        dialog.setExtraChild(entry)

        func current() -> String? { address(entry.text) }
        Signal.on(entry, "changed") { dialog.setEnabled("open", current() != nil) }
        Signal.on(entry, "activate") {
            if current() != nil { dialog.respond("open") }
        }
        dialog.onResponse { response in
            guard response == "open", let location = current() else { return }
            open(location)
        }
        dialog.present()
        entry.grabFocus()
    }

    /// The http(s) address typed, or nil. An address without a scheme ("example.com/a") gets https.
    nonisolated static func address(_ typed: String) -> String? {
        var text = typed.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, !text.contains(where: \.isWhitespace) else { return nil }
        if !text.contains("://") {
            guard text.contains("."), !text.hasPrefix("/"), !text.hasPrefix(".") else { return nil }
            text = "https://" + text
        }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty else { return nil }
        return text
    }
}
