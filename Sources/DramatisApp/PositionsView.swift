import CGtk
import CGtkShim
import DramatisCore
import Foundation

/// The Positions page: who stands where on each issue of the article. One boxed list per topic,
/// its actors grouped For, Against, Conditional and Neutral; each row names the actor, the
/// summary and the confidence, and activating it shows its evidence sentence in the article.
/// Only positions at or above the Preferences threshold are shown.
@MainActor
final class PositionsView {
    let widget: Stack
    private let content: Box
    private let stack: Stack
    private let emptyPage: StatusPage
    private var analysis: Analysis?
    private var rowEvidence: [UnsafeMutableRawPointer: Statement] = [:]
    var onEvidenceActivated: ((Statement) -> Void)?

    static let groups: [(Stance, String)] = [(.supports, "For"), (.opposes, "Against"), (.conditional, "Conditional"), (.neutral, "Neutral")]

    init() {
        content = UI.vbox(spacing: 18).margins(top: 18, bottom: 24, start: 18, end: 18)
        let clamp = Clamp(content, maximumSize: 900)
        emptyPage = StatusPage(title: "No Positions")
        stack = UI.stack()
        stack.add(UI.scrolled(clamp), name: "positions")
        stack.add(emptyPage, name: "empty")
        widget = stack
    }

    func show(_ analysis: Analysis) {
        self.analysis = analysis
        refresh()
    }

    /// Rebuilds the page (a new analysis, or a new threshold).
    func refresh() {
        guard let analysis else { return }
        content.removeAll()
        rowEvidence = [:]
        let shown = analysis.positions.filter(Preferences.shows)
        // The issues most actors take a side on first, then as `topics` lists them (most mentioned).
        var order = analysis.topics.map(\.id)
        for p in shown where !order.contains(p.topic) { order.append(p.topic) }
        let rank = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var count: [String: Int] = [:]
        for p in shown { count[p.topic, default: 0] += 1 }
        order.sort { (count[$0] ?? 0) != (count[$1] ?? 0) ? (count[$0] ?? 0) > (count[$1] ?? 0) : rank[$0]! < rank[$1]! }
        for topic in order {
            let onTopic = shown.filter { $0.topic == topic }
            guard !onTopic.isEmpty else { continue }
            let heading = UI.label(topic, "title-4", wrap: true)
            let counts = Self.groups.compactMap { stance, name -> String? in
                let n = onTopic.filter { $0.stance == stance }.count
                return n == 0 ? nil : "\(n) \(name.lowercased())"
            }.joined(separator: " · ")
            let caption = UI.label(counts, "caption", "dim-label")
            let list = UI.listBox("boxed-list", selectable: false)
            list.accessibleLabel("Positions on \(topic)")
            Signal.onPointer(list, "row-activated") { [unowned self] row in
                if let row, let statement = rowEvidence[row] { onEvidenceActivated?(statement) }
            }
            for (stance, name) in Self.groups {
                let inGroup = onTopic.filter { $0.stance == stance }
                    .sorted { ($0.confidence ?? 0) != ($1.confidence ?? 0) ? ($0.confidence ?? 0) > ($1.confidence ?? 0) : $0.actor < $1.actor }
                for p in inGroup { append(p, group: name, to: list, analysis: analysis) }
            }
            content.append(UI.vbox(spacing: 6, [heading, caption, list]))
        }
        if shown.isEmpty {
            emptyPage.icon = "dialog-information-symbolic"
            emptyPage.description = (analysis.positions.isEmpty
                ? "No one in this article takes a side the analysis is confident about."
                : "Every position is below the minimum confidence set in Preferences.")
        }
        stack.visibleChild = shown.isEmpty ? "empty" : "positions"
    }

    private func append(_ p: Position, group: String, to list: ListBox, analysis: Analysis) {
        let actor = analysis.entity(id: p.actor)?.name ?? p.actor
        let name = UI.label(actor, "heading", ellipsize: true).expand(h: true)
        let chip = UI.label(group, "stance-chip", p.stance.rawValue)
        var captionParts = [p.summary]
        if let s = p.shift { captionParts.append("changed from \(s.from.rawValue) to \(s.to.rawValue)") }
        if let c = p.confidence { captionParts.append(String(format: "confidence %.2f", c)) }
        captionParts.append(p.evidence.count == 1 ? "1 statement" : "\(p.evidence.count) statements")
        let caption = UI.label(captionParts.joined(separator: " · "), "caption", "dim-label", wrap: true)
        let box = UI.vbox(spacing: 4, [UI.hbox(spacing: 6, [name, chip]), caption]).margins(top: 8, bottom: 8, start: 12, end: 12)
        let row = ListBoxRow(box)
        // The first evidence statement in the text is one click away.
        let evidence = analysis.firstEvidence(of: p)
        UI.linkToEvidence(row, evidence)
        row.accessibleLabel("\(actor), \(group.lowercased()): \(p.summary)")
        list.append(row)
        rowEvidence[row.raw] = evidence
    }
}
