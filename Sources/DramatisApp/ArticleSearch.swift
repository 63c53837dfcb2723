import CGtk
import CGtkShim
import Foundation

/// Ctrl+F in the article: a search bar that highlights every match and steps through them.
@MainActor
final class ArticleSearch {
    let bar: SearchBar
    private let entry: SearchEntry
    private let countLabel: Label
    private let textView: TextView
    var matchTag: TextTag!
    var currentTag: TextTag!
    private var matches: [(Int32, Int32)] = []
    private var current = -1
    static let maximumMatches = 10_000

    init(textView: TextView) {
        self.textView = textView
        entry = SearchEntry(placeholder: "Search the article").size(width: 280)
        entry.accessibleLabel("Search the article")
        countLabel = UI.label("", "dim-label", "numeric")
        let previous = UI.button(icon: "go-up-symbolic", tooltip: "Previous Match (Shift+Ctrl+G)")
        let next = UI.button(icon: "go-down-symbolic", tooltip: "Next Match (Ctrl+G)")
        let buttons = UI.hbox(spacing: 0, [previous, next]).css("linked")
        let content = UI.hbox(spacing: 8, [entry, buttons, countLabel])
        bar = SearchBar(content, entry: entry)

        Signal.on(entry, "search-changed") { [unowned self] in run() }
        Signal.on(entry, "activate") { [unowned self] in step(1) }
        Signal.on(entry, "next-match") { [unowned self] in step(1) }
        Signal.on(entry, "previous-match") { [unowned self] in step(-1) }
        Signal.on(previous, "clicked") { [unowned self] in step(-1) }
        Signal.on(next, "clicked") { [unowned self] in step(1) }
    }

    private var buffer: TextBuffer { textView.buffer }

    func toggle() {
        let open = bar.isOpen
        bar.isOpen = !open
        if !open { entry.grabFocus() }
    }

    func reset() {
        entry.text = ""
        clear()
    }

    private func clear() {
        buffer.removeEverywhere(matchTag)
        buffer.removeEverywhere(currentTag)
        matches = []
        current = -1
        countLabel.text = ""
    }

    private func run() {
        clear()
        let query = entry.text
        guard !query.isEmpty else { return }
        let flags = GtkTextSearchFlags(GTK_TEXT_SEARCH_CASE_INSENSITIVE.rawValue | GTK_TEXT_SEARCH_VISIBLE_ONLY.rawValue)
        matches = buffer.find(query, flags: flags, limit: Self.maximumMatches)
        for (s, e) in matches { buffer.apply(matchTag, from: s, to: e) }
        if matches.isEmpty {
            countLabel.text = "No matches"
            entry.css("error")
        } else {
            entry.removeCSS("error")
            // Start at the first match after the visible cursor position.
            step(1)
        }
    }

    private func step(_ delta: Int) {
        guard !matches.isEmpty else { return }
        if current >= 0 { buffer.remove(currentTag, from: matches[current].0, to: matches[current].1) }
        current = current < 0 ? 0 : (current + delta + matches.count) % matches.count
        buffer.apply(currentTag, from: matches[current].0, to: matches[current].1)
        buffer.placeCursor(at: matches[current].0)
        textView.scrollToCursor(within: 0.1)
        let capped = matches.count >= Self.maximumMatches ? "+" : ""
        countLabel.text = "\(current + 1) of \(matches.count)\(capped)"
    }
}
