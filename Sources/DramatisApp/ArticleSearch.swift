import CGtk
import CGtkShim
import Foundation

/// Ctrl+F in the article: a search bar that highlights every match and steps through them.
@MainActor
final class ArticleSearch {
    let bar: Widget
    private let entry: Widget
    private let countLabel: Widget
    private let textView: Widget
    var matchTag: UnsafeMutablePointer<GtkTextTag>!
    var currentTag: UnsafeMutablePointer<GtkTextTag>!
    private var matches: [(Int32, Int32)] = []
    private var current = -1
    static let maximumMatches = 10_000

    init(textView: Widget) {
        self.textView = textView
        bar = gtk_search_bar_new()!
        entry = gtk_search_entry_new()!
        gtk_widget_set_size_request(entry, 280, -1)
        entry.accessibleLabel("Search the article")
        dr_object_set_string(entry, "placeholder-text", "Search the article")
        countLabel = UI.label("", "dim-label", "numeric")
        let previous = UI.button(icon: "go-up-symbolic", tooltip: "Previous Match (Shift+Ctrl+G)")
        let next = UI.button(icon: "go-down-symbolic", tooltip: "Next Match (Ctrl+G)")
        let buttons = UI.hbox(spacing: 0, [previous, next]).css("linked")
        let content = UI.hbox(spacing: 8, [entry, buttons, countLabel])
        gtk_search_bar_set_child(opaque(bar), content)
        gtk_search_bar_connect_entry(opaque(bar), opaque(entry))
        gtk_search_bar_set_show_close_button(opaque(bar), 1)

        Signal.on(entry, "search-changed") { [unowned self] in run() }
        Signal.on(entry, "activate") { [unowned self] in step(1) }
        Signal.on(entry, "next-match") { [unowned self] in step(1) }
        Signal.on(entry, "previous-match") { [unowned self] in step(-1) }
        Signal.on(previous, "clicked") { [unowned self] in step(-1) }
        Signal.on(next, "clicked") { [unowned self] in step(1) }
    }

    private var buffer: UnsafeMutablePointer<GtkTextBuffer> { gtk_text_view_get_buffer(cast(textView)) }

    func toggle() {
        let open = gtk_search_bar_get_search_mode(opaque(bar)) != 0
        gtk_search_bar_set_search_mode(opaque(bar), open ? 0 : 1)
        if !open { gtk_widget_grab_focus(entry) }
    }

    func reset() {
        gtk_editable_set_text(opaque(entry), "")
        clear()
    }

    private func clear() {
        var s = GtkTextIter(), e = GtkTextIter()
        gtk_text_buffer_get_bounds(buffer, &s, &e)
        gtk_text_buffer_remove_tag(buffer, matchTag, &s, &e)
        gtk_text_buffer_remove_tag(buffer, currentTag, &s, &e)
        matches = []
        current = -1
        UI.setText(countLabel, "")
    }

    private func run() {
        clear()
        let query = String(cString: gtk_editable_get_text(opaque(entry)))
        guard !query.isEmpty else { return }
        var iter = GtkTextIter(), s = GtkTextIter(), e = GtkTextIter()
        gtk_text_buffer_get_start_iter(buffer, &iter)
        let flags = GtkTextSearchFlags(GTK_TEXT_SEARCH_CASE_INSENSITIVE.rawValue | GTK_TEXT_SEARCH_VISIBLE_ONLY.rawValue)
        while matches.count < Self.maximumMatches,
              gtk_text_iter_forward_search(&iter, query, flags, &s, &e, nil) != 0 {
            gtk_text_buffer_apply_tag(buffer, matchTag, &s, &e)
            matches.append((gtk_text_iter_get_offset(&s), gtk_text_iter_get_offset(&e)))
            iter = e
        }
        if matches.isEmpty {
            UI.setText(countLabel, "No matches")
            entry.css("error")
        } else {
            entry.removeCSS("error")
            // Start at the first match after the visible cursor position.
            step(1)
        }
    }

    private func step(_ delta: Int) {
        guard !matches.isEmpty else { return }
        var s = GtkTextIter(), e = GtkTextIter()
        if current >= 0 {
            gtk_text_buffer_get_iter_at_offset(buffer, &s, matches[current].0)
            gtk_text_buffer_get_iter_at_offset(buffer, &e, matches[current].1)
            gtk_text_buffer_remove_tag(buffer, currentTag, &s, &e)
        }
        current = current < 0 ? 0 : (current + delta + matches.count) % matches.count
        gtk_text_buffer_get_iter_at_offset(buffer, &s, matches[current].0)
        gtk_text_buffer_get_iter_at_offset(buffer, &e, matches[current].1)
        gtk_text_buffer_apply_tag(buffer, currentTag, &s, &e)
        gtk_text_buffer_place_cursor(buffer, &s)
        gtk_text_view_scroll_to_mark(cast(textView), gtk_text_buffer_get_insert(buffer), 0.1, 0, 0, 0)
        let capped = matches.count >= Self.maximumMatches ? "+" : ""
        UI.setText(countLabel, "\(current + 1) of \(matches.count)\(capped)")
    }
}
