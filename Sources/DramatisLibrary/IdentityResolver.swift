import DramatisCore
import GRDB

/// Which library actor an article's entity is: the evidence is the name (surname and given
/// name after `NameRules` folding), the entity type, which must agree, and the context the
/// analysis gives (role, affiliation) against the context the actor has been seen with.
extension LibraryStore {
    /// How an entity compares with one existing actor; nil when they cannot be the same.
    struct Match: Comparable {
        var actor: Int64
        var score: Int
        /// The actor this article's entity had before it was re-analysed: keeps ids stable.
        var previous: Bool
        var mentions: Int
        static func < (a: Match, b: Match) -> Bool {
            (a.score, a.previous ? 1 : 0, a.mentions, -a.actor) < (b.score, b.previous ? 1 : 0, b.mentions, -b.actor)
        }
    }

    /// The actor for `entity`: a split the user made for this very mention, else the best
    /// matching actor not already taken by another entity of the article, else a new actor.
    /// `splits`: the article's split decisions, the latest for each name key (`splitDecisions`).
    func resolve(_ entity: Entity, key: NameKey, splits: [String: Int64], excluding claimed: Set<Int64>,
                 previous: Set<Int64>) throws -> Int64 {
        let context = rules.contextWords(entity.role).union(rules.contextWords(entity.affiliation))
        let actor: Int64
        if let decision = splits[key.full] {
            if let pinned = try db.one(Int64.self, "SELECT id FROM actor WHERE decision_id = ?", [decision]) {
                actor = pinned
            } else {
                actor = try createActor(name: entity.name, type: entity.type, decision: decision)
            }
        } else if let best = try candidates(key: key, type: entity.type, context: context, excluding: claimed, previous: previous).max() {
            actor = best.actor
        } else {
            actor = try createActor(name: entity.name, type: entity.type)
        }
        try addAlias(actor, name: entity.name, key: key, type: entity.type)
        try LibraryStore.addContext(db, actor: actor, role: entity.role, affiliation: entity.affiliation, rules: rules)
        return actor
    }

    /// The user's splits of this article's mentions: name key → the latest decision. One query an
    /// article rather than one an entity.
    func splitDecisions(articleHash: String) throws -> [String: Int64] {
        var out: [String: Int64] = [:]
        for row in try db.rows("SELECT key, MAX(id) FROM identity_decision WHERE kind = 'split' AND article_hash = ? GROUP BY key", [articleHash]) {
            out[row[0]] = row[1]
        }
        return out
    }

    func candidates(key: NameKey, type: EntityType, context: Set<String>, excluding claimed: Set<Int64>,
                    previous: Set<Int64>) throws -> [Match] {
        // People share a surname with their candidates; anything else must share its whole name.
        // An actor a split made only ever holds the mention it was split for (and merges).
        let rows = try db.rows("""
            SELECT l.actor_id, l.key FROM actor_alias l JOIN actor a ON a.id = l.actor_id
            WHERE l.type = ? AND l.surname = ? AND a.decision_id IS NULL
            """, [type.rawValue, type == .person ? key.surname : key.full])
        var keys: [Int64: [String]] = [:]
        for row in rows {
            let actor: Int64 = row[0]
            if !claimed.contains(actor) { keys[actor, default: []].append(row[1]) }
        }
        var out: [Match] = []
        for (actor, aliasKeys) in keys {
            guard let score = try score(key: key, type: type, context: context, actor: actor, aliasKeys: aliasKeys) else { continue }
            out.append(Match(actor: actor, score: score, previous: previous.contains(actor), mentions: 0))
        }
        // Only a tie needs the (dearer) count of what each actor has been seen in.
        if let top = out.map(\.score).max(), out.filter({ $0.score == top }).count > 1 {
            for i in out.indices where out[i].score == top {
                out[i].mentions = try db.one(Int.self, "SELECT COUNT(*) FROM mention WHERE actor_id = ?", [out[i].actor]) ?? 0
            }
        }
        return out
    }

    /// 2 for the whole name, 1 for a surname alone; +2 when the contexts share a word, −3 when
    /// both have context and share none. Given names must agree; nil below 1.
    func score(key: NameKey, type: EntityType, context: Set<String>, actor: Int64, aliasKeys: [String]) throws -> Int? {
        var score: Int
        if type == .person {
            let givens = aliasKeys.compactMap { k -> String? in
                let words = k.split(separator: " ")
                return words.count > 1 ? String(words[0]) : nil
            }
            if let given = key.given, !givens.isEmpty, !givens.contains(where: { NameRules.givenNamesAgree(given, $0) }) {
                return nil
            }
            score = aliasKeys.contains(key.full) && key.given != nil ? 2 : 1
        } else {
            score = 2
        }
        if !context.isEmpty {
            let known = Set(try db.all(String.self, "SELECT word FROM actor_context WHERE actor_id = ?", [actor]))
            if !known.isEmpty { score += known.isDisjoint(with: context) ? -3 : 2 }
        }
        return score >= 1 ? score : nil
    }
}
