import Foundation

extension Analysis {
    /// The entities, most prominent first: a statement counts three, a position two, a mention
    /// one; ties by first mention, then by order in `entities`. The one ranking the window's actor
    /// panel and the exported summary both list actors by.
    public func entitiesByProminence() -> [Entity] {
        var statements: [String: Int] = [:], positions: [String: Int] = [:]
        for s in self.statements { if let id = s.speaker { statements[id, default: 0] += 1 } }
        for p in self.positions { positions[p.actor, default: 0] += 1 }
        func prominence(_ e: Entity) -> Int { (statements[e.id] ?? 0) * 3 + (positions[e.id] ?? 0) * 2 + e.mentions.count }
        let firstMention = entities.map { $0.mentions.map(\.start).min() ?? Int.max }
        let score = entities.map(prominence)
        return entities.indices.sorted { a, b in
            if score[a] != score[b] { return score[a] > score[b] }
            if firstMention[a] != firstMention[b] { return firstMention[a] < firstMention[b] }
            return a < b
        }.map { entities[$0] }
    }
}
