import CGtk
import CGtkShim
import Foundation

/// "Open Location…" (win.open-location, Ctrl+L): an AdwMessageDialog with an entry for the address
/// of a web article. Open is enabled only for an http(s) address; Enter in the entry opens it.
@MainActor
enum LocationDialog {
    static func present(parent: Widget, open: @escaping @MainActor (String) -> Void) {
        let dialog = adw_message_dialog_new(cast(parent), "Open Location", "Enter the address of a web article.")!
        let d: UnsafeMutablePointer<AdwMessageDialog> = cast(dialog)
        adw_message_dialog_add_response(d, "cancel", "_Cancel")
        adw_message_dialog_add_response(d, "open", "_Open")
        adw_message_dialog_set_response_appearance(d, "open", ADW_RESPONSE_SUGGESTED)
        adw_message_dialog_set_default_response(d, "open")
        adw_message_dialog_set_close_response(d, "cancel")
        adw_message_dialog_set_response_enabled(d, "open", 0)

        let entry = gtk_entry_new()!
        dr_object_set_string(entry, "placeholder-text", "https://example.com/news/article.html")
        gtk_entry_set_input_purpose(cast(entry), GTK_INPUT_PURPOSE_URL)
        entry.accessibleLabel("Article address")
        gtk_widget_set_size_request(entry, 360, -1)
        adw_message_dialog_set_extra_child(d, entry)

        func current() -> String? { address(String(cString: gtk_editable_get_text(opaque(entry)))) }
        Signal.on(entry, "changed") {
            adw_message_dialog_set_response_enabled(d, "open", current() == nil ? 0 : 1)
        }
        Signal.on(entry, "activate") {
            if current() != nil { adw_message_dialog_response(d, "open") }
        }
        Signal.onPointer(dialog, "response") { response in
            guard let response, String(cString: response.assumingMemoryBound(to: CChar.self)) == "open",
                  let location = current() else { return }
            open(location)
        }
        gtk_window_present(cast(dialog))
        gtk_widget_grab_focus(entry)
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
