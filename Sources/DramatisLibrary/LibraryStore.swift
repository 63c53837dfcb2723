import DramatisCore
import Foundation
import GRDB

/// The library's writes, inside one write transaction (`Library` opens it).
struct LibraryStore {
    let db: Database
    let rules: NameRules

    static func now() -> String { Date().formatted(.iso8601) }

    func add(_ analysis: Analysis, externalKey: String?) throws -> AddResult {
        let article = analysis.article
        let hash = ContentHash.of(article.text)
        // The same text, or the same record/URL with a new text (an updated article): replace it.
        var existing = try db.one(Int64.self, "SELECT id FROM article WHERE content_hash = ?", [hash])
        if existing == nil, let externalKey {
            existing = try db.one(Int64.self, "SELECT id FROM article WHERE external_key = ?", [externalKey])
        }
        var touched: Set<Int64> = []
        var storedKey = externalKey ?? article.source
        if let existing {
            // A re-add without a key keeps the key the article was added under.
            if storedKey == nil { storedKey = try db.one(String.self, "SELECT external_key FROM article WHERE id = ?", [existing]) }
            touched = Set(try db.all(Int64.self, "SELECT actor_id FROM mention WHERE article_id = ?", [existing]))
            try db.run("DELETE FROM article WHERE id = ?", [existing])
        }
        let url = article.source.flatMap { ArticleLoader.remoteURL($0) != nil ? $0 : nil }
        let outlet = article.siteName ?? url.flatMap { URL(string: $0)?.host }.map { $0.hasPrefix("www.") ? String($0.dropFirst(4)) : $0 }
        try db.run("""
            INSERT INTO article (id, content_hash, external_key, title, outlet, url, published, text, added, statement_count)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [existing, hash, storedKey, article.title, outlet, url,
                             article.published, article.text, LibraryStore.now(), analysis.statements.count])
        let articleID = db.lastInsertedRowID

        // Entities with the most mentions claim their actor first: one library actor per
        // article entity, and never two entities of one article on the same actor.
        let splits = try splitDecisions(articleHash: hash)
        var claimed: Set<Int64> = []
        var mentionRow: [String: Int64] = [:]
        let order = analysis.entities.indices.sorted {
            (analysis.entities[$0].mentions.count, -$0) > (analysis.entities[$1].mentions.count, -$1)
        }
        for i in order {
            let entity = analysis.entities[i]
            let key = rules.key(entity.name, type: entity.type)
            guard !key.isEmpty else { continue }
            let actor = try resolve(entity, key: key, splits: splits, excluding: claimed, previous: touched)
            claimed.insert(actor)
            let first = entity.mentions.min { $0.start < $1.start }
            try db.run("""
                INSERT INTO mention (article_id, entity, name, key, type, role, affiliation, mentions, first_start, first_end, actor_id, published)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [articleID, entity.id, entity.name, key.full, entity.type.rawValue, entity.role,
                                 entity.affiliation, entity.mentions.count, first?.start ?? 0, first?.end ?? 0, actor, article.published])
            mentionRow[entity.id] = db.lastInsertedRowID
        }
        let statementRow = try insertStatements(analysis.statements, article: articleID, mentions: mentionRow)
        for p in analysis.positions {
            guard let mention = mentionRow[p.actor] else { continue }
            let evidence = analysis.firstEvidence(of: p).flatMap { statementRow[$0.id] }
            try db.run("""
                INSERT INTO position (article_id, mention_id, topic, stance, summary, evidence_statement_id, confidence)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [articleID, mention, p.topic, p.stance.rawValue, p.summary, evidence, p.confidence])
        }
        try applyMergeDecisions(articleHash: hash)
        try removeOrphans(touched)
        return AddResult(article: articleID, replaced: existing != nil, statements: analysis.statements.count)
    }

    /// The article's statements, a hundred rows an INSERT; their row ids by statement id. Few
    /// statements matter: SQLite (3.40) makes FTS5 write its pending terms out as a new segment
    /// at the start of every statement in the transaction, so a row at a time cost one search
    /// index segment per row.
    func insertStatements(_ statements: [DramatisCore.Statement], article: Int64, mentions: [String: Int64]) throws -> [String: Int64] {
        var rows: [String: Int64] = [:]
        var start = statements.startIndex
        while start < statements.endIndex {
            let chunk = statements[start..<min(start + 100, statements.endIndex)]
            start = chunk.endIndex
            var arguments = StatementArguments()
            for s in chunk {
                arguments += [article, s.id, s.speaker.flatMap { mentions[$0] }, s.kind.rawValue, s.text, s.start, s.end, s.cue, s.confidence]
            }
            let values = Array(repeating: "(?, ?, ?, ?, ?, ?, ?, ?, ?)", count: chunk.count).joined(separator: ", ")
            // RETURNING rows come in no set order: each carries its statement id.
            for row in try db.rows("""
                INSERT INTO statement (article_id, statement, mention_id, kind, text, start, "end", cue, confidence)
                VALUES \(values) RETURNING id, statement
                """, arguments) {
                rows[row[1]] = row[0]
            }
        }
        return rows
    }

    /// Deletes an article; actors it alone mentioned go with it.
    func removeArticle(_ id: Int64) throws -> Bool {
        let touched = Set(try db.all(Int64.self, "SELECT actor_id FROM mention WHERE article_id = ?", [id]))
        try db.run("DELETE FROM article WHERE id = ?", [id])
        guard db.changesCount > 0 else { return false }
        try removeOrphans(touched)
        return true
    }

    func removeOrphans(_ actors: Set<Int64>) throws {
        for actor in actors {
            try db.run("DELETE FROM actor WHERE id = ? AND NOT EXISTS (SELECT 1 FROM mention WHERE actor_id = ?)",
                           [actor, actor])
        }
    }

    // MARK: Actors

    func createActor(name: String, type: EntityType, decision: Int64? = nil) throws -> Int64 {
        try db.run("INSERT INTO actor (name, type, decision_id) VALUES (?, ?, ?)", [name, type.rawValue, decision])
        return db.lastInsertedRowID
    }

    /// Records `name` as one of the actor's aliases; a fuller name becomes the display name.
    func addAlias(_ actor: Int64, name: String, key: NameKey, type: EntityType) throws {
        try db.run("INSERT OR IGNORE INTO actor_alias (actor_id, alias, key, surname, type) VALUES (?, ?, ?, ?, ?)",
                       [actor, name, key.full, key.surname, type.rawValue])
        guard db.changesCount > 0, let current = try db.one(String.self, "SELECT name FROM actor WHERE id = ?", [actor]) else { return }
        if rules.key(current, type: type).full.split(separator: " ").count < key.full.split(separator: " ").count {
            try db.run("UPDATE actor SET name = ? WHERE id = ?", [name, actor])
        }
    }

    static func addContext(_ db: Database, actor: Int64, role: String?, affiliation: String?, rules: NameRules) throws {
        for (kind, text) in [("role", role), ("affiliation", affiliation)] {
            for word in rules.contextWords(text) {
                try db.run("INSERT OR IGNORE INTO actor_context (actor_id, kind, word) VALUES (?, ?, ?)",
                               [actor, kind, word])
            }
        }
    }

    /// Moves everything of `other` onto `actor` and deletes `other`.
    func mergeActors(_ other: Int64, into actor: Int64) throws {
        guard other != actor else { return }
        try db.run("UPDATE mention SET actor_id = ? WHERE actor_id = ?", [actor, other])
        try db.run("INSERT OR IGNORE INTO actor_alias (actor_id, alias, key, surname, type) SELECT ?, alias, key, surname, type FROM actor_alias WHERE actor_id = ?",
                       [actor, other])
        try db.run("INSERT OR IGNORE INTO actor_context (actor_id, kind, word) SELECT ?, kind, word FROM actor_context WHERE actor_id = ?",
                       [actor, other])
        try db.run("DELETE FROM actor WHERE id = ?", [other])
    }

    // MARK: The user's decisions

    /// A mention of an actor that survives re-analysis: its article's hash and its name key.
    func anchor(of actor: Int64, preferring article: Int64? = nil) throws -> (hash: String, key: String)? {
        let row = try db.row("""
            SELECT a.content_hash, m.key FROM mention m JOIN article a ON a.id = m.article_id
            WHERE m.actor_id = ? ORDER BY (m.article_id = ?) DESC, m.mentions DESC, m.id LIMIT 1
            """, [actor, article ?? -1])
        return row.map { ($0[0], $0[1]) }
    }

    func recordMerge(_ other: Int64, into actor: Int64) throws {
        guard other != actor else { throw LibraryError.invalid("an actor cannot be merged with itself") }
        guard let a = try anchor(of: actor) else { throw LibraryError.noSuchActor("#\(actor)") }
        guard let b = try anchor(of: other) else { throw LibraryError.noSuchActor("#\(other)") }
        try db.run("INSERT INTO identity_decision (kind, article_hash, key, other_article_hash, other_key, made) VALUES ('merge', ?, ?, ?, ?, ?)",
                       [a.hash, a.key, b.hash, b.key, LibraryStore.now()])
        try mergeActors(other, into: actor)
    }

    func recordSplit(_ actor: Int64, article: Int64) throws -> Int64 {
        guard let row = try db.row("""
            SELECT m.id, m.name, m.type, m.key, m.role, m.affiliation, a.content_hash FROM mention m JOIN article a ON a.id = m.article_id
            WHERE m.actor_id = ? AND m.article_id = ?
            """, [actor, article]) else {
            throw LibraryError.invalid("actor #\(actor) is not in article \(article)")
        }
        let others = try db.one(Int.self, "SELECT COUNT(*) FROM mention WHERE actor_id = ? AND article_id != ?", [actor, article]) ?? 0
        guard others > 0 else { throw LibraryError.invalid("actor #\(actor) is only in article \(article): nothing to split from") }
        try db.run("INSERT INTO identity_decision (kind, article_hash, key, made) VALUES ('split', ?, ?, ?)",
                       [row["content_hash"] as String, row["key"] as String, LibraryStore.now()])
        let decision = db.lastInsertedRowID
        let type = EntityType(rawValue: row["type"]) ?? .person
        let name: String = row["name"]
        let fresh = try createActor(name: name, type: type, decision: decision)
        try addAlias(fresh, name: name, key: rules.key(name, type: type), type: type)
        try LibraryStore.addContext(db, actor: fresh, role: row["role"], affiliation: row["affiliation"], rules: rules)
        try db.run("UPDATE mention SET actor_id = ? WHERE id = ?", [fresh, row["id"] as Int64])
        // Merges anchored on the mention split off now hold on another mention of the actor,
        // so that re-applying them does not undo the split.
        let hash: String = row["content_hash"], key: String = row["key"]
        let rest = try anchor(of: actor)
        for (h, k) in [("article_hash", "key"), ("other_article_hash", "other_key")] {
            if let rest {
                try db.run("UPDATE identity_decision SET \(h) = ?, \(k) = ? WHERE kind = 'merge' AND \(h) = ? AND \(k) = ?",
                               [rest.hash, rest.key, hash, key])
            } else {
                try db.run("DELETE FROM identity_decision WHERE kind = 'merge' AND \(h) = ? AND \(k) = ?", [hash, key])
            }
        }
        try db.run("DELETE FROM identity_decision WHERE kind = 'merge' AND article_hash = other_article_hash AND key = other_key")
        return fresh
    }

    /// Re-applies the merges that name a mention of this article: both sides' current actors become one.
    func applyMergeDecisions(articleHash: String) throws {
        let rows = try db.rows("""
            SELECT article_hash, key, other_article_hash, other_key FROM identity_decision
            WHERE kind = 'merge' AND (article_hash = ? OR other_article_hash = ?) ORDER BY id
            """, [articleHash, articleHash])
        for row in rows {
            let sql = "SELECT m.actor_id FROM mention m JOIN article a ON a.id = m.article_id WHERE a.content_hash = ? AND m.key = ?"
            guard let a = try db.one(Int64.self, sql, [row[0] as String, row[1] as String]),
                  let b = try db.one(Int64.self, sql, [row[2] as String, row[3] as String]) else { continue }
            try mergeActors(b, into: a)
        }
    }
}
