import CGtk
import CGtkShim
import DramatisCore
import Foundation

/// One actor's statements: the words (quoted when direct), then kind, cue and channel.
/// Activating a row asks the window to show the statement in the article.
@MainActor
final class StatementList {
    let widget: ListBox
    private var rows: [UnsafeMutableRawPointer: Statement] = [:]
    var onActivated: ((Statement) -> Void)?

    init() {
        widget = UI.listBox("boxed-list", selectable: false)
        widget.accessibleLabel("Statements")
        Signal.onPointer(widget, "row-activated") { [unowned self] row in
            guard let row, let statement = rows[row] else { return }
            onActivated?(statement)
        }
    }

    func show(_ statements: [Statement]) {
        widget.removeAll()
        rows = [:]
        for statement in statements.sorted(by: { $0.start < $1.start }) {
            let quoted = statement.kind == .direct ? "“\(statement.text)”" : statement.text
            let text = UI.label(quoted, "statement-text", statement.kind.rawValue, wrap: true)
            let caption = UI.label(Self.caption(statement), "caption", "dim-label", wrap: true)
            let box = UI.vbox(spacing: 4, [text, caption]).margins(top: 10, bottom: 10, start: 12, end: 12)
            let row = ListBoxRow(box, activatable: true)
            row.tooltip("Show in the article")
            row.accessibleLabel(quoted)
            row.accessibleDescription(Self.caption(statement))
            widget.append(row)
            rows[row.raw] = statement
        }
    }

    /// "Direct quote · stated on social media · uncertain speaker".
    static func caption(_ s: Statement) -> String {
        // Beliefs, intentions and findings ("believes", "a poll found") are shown apart from speech.
        var parts = [s.kind == .direct ? "Direct quote" : s.speech == false ? "Reported belief or finding" : "Reported speech"]
        // "said at a press conference", as the exports write it.
        let how = [CuePhrase.verb(s.cue), CuePhrase.channel(s.channel)].compactMap { $0 }.joined(separator: " ")
        if !how.isEmpty { parts.append(how) }
        if let c = s.confidence, c < 0.5 { parts.append("uncertain speaker") }
        return parts.joined(separator: " · ")
    }
}
