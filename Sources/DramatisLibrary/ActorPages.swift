import DramatisCore
import GRDB

/// Which part of an actor's record to read. An actor quoted in thousands of articles has tens
/// of thousands of statements: a page is read in time proportional to its size and offset, not
/// to the whole record (the `mention_actor_time` index walks the actor's articles by date, and
/// the query stops at the page's end).
public struct RecordPage: Sendable, Equatable {
    public var statementOffset: Int
    public var statementLimit: Int
    public var positionOffset: Int
    public var positionLimit: Int

    public init(statementOffset: Int = 0, statementLimit: Int = .max, positionOffset: Int = 0, positionLimit: Int = .max) {
        self.statementOffset = max(0, statementOffset)
        self.statementLimit = max(0, statementLimit)
        self.positionOffset = max(0, positionOffset)
        self.positionLimit = max(0, positionLimit)
    }

    /// The whole record (an export).
    public static let all = RecordPage()

    /// The first `size` statements and positions (an actor page as it opens).
    public static func first(_ size: Int) -> RecordPage { RecordPage(statementLimit: size, positionLimit: size) }
}

extension Library {
    /// What the actor said and stood for across the library, by date: `page` says which part.
    public func record(of actor: Int64, page: RecordPage = .all) throws -> ActorRecord? {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT a.id, a.name, a.type, (SELECT COUNT(DISTINCT article_id) FROM mention m WHERE m.actor_id = a.id) AS n FROM actor a WHERE a.id = ?
                """, arguments: [actor]) else { return nil }
            let summary = ActorSummary(id: row["id"], name: row["name"], type: row["type"], articles: row["n"])
            let aliases = try String.fetchAll(db, sql: "SELECT alias FROM actor_alias WHERE actor_id = ? ORDER BY alias", arguments: [actor])
            let counts = try Row.fetchOne(db, sql: """
                SELECT (SELECT COUNT(*) FROM mention m JOIN statement s ON s.mention_id = m.id WHERE m.actor_id = ?1),
                       (SELECT COUNT(*) FROM mention m JOIN position p ON p.mention_id = m.id WHERE m.actor_id = ?1)
                """, arguments: [actor])
            return ActorRecord(actor: summary, aliases: aliases,
                               statements: try Library.statements(db, of: actor, offset: page.statementOffset, limit: page.statementLimit),
                               positions: try Library.positions(db, of: actor, offset: page.positionOffset, limit: page.positionLimit),
                               statementCount: counts?[0] ?? 0, positionCount: counts?[1] ?? 0,
                               statementOffset: page.statementOffset, positionOffset: page.positionOffset)
        }
    }

    /// The actor's statements `offset..<offset+limit` in time order (the rest of an actor page).
    public func statements(of actor: Int64, offset: Int, limit: Int) throws -> [RecordStatement] {
        try pool.read { try Library.statements($0, of: actor, offset: offset, limit: limit) }
    }

    /// The actor's positions `offset..<offset+limit`, by topic and then in time order.
    public func positions(of actor: Int64, offset: Int, limit: Int) throws -> [RecordPosition] {
        try pool.read { try Library.positions($0, of: actor, offset: offset, limit: limit) }
    }

    static func source(_ r: Row) -> SourceRef {
        SourceRef(article: r["article_id"], title: r["title"], outlet: r["outlet"], url: r["url"],
                  published: r["published"], start: r["start"] ?? 0, end: r["end"] ?? 0)
    }

    /// The arguments of `LIMIT ? OFFSET ?`, in that order; `Int.max` is no limit (SQLite's -1).
    static func bounds(_ offset: Int, _ limit: Int) -> StatementArguments {
        [limit == .max ? -1 : max(0, limit), max(0, offset)]
    }

    static func statements(_ db: Database, of actor: Int64, offset: Int, limit: Int) throws -> [RecordStatement] {
        // The ORDER BY's prefix is the index's order, so SQLite sorts only within an article
        // ("USE TEMP B-TREE FOR RIGHT PART OF ORDER BY") and stops after the page.
        try Row.fetchAll(db, sql: """
            SELECT s.article_id, s.statement, s.kind, s.text, s.start, s."end", s.cue, a.title, a.outlet, a.url, a.published
            FROM mention m JOIN statement s ON s.mention_id = m.id JOIN article a ON a.id = m.article_id
            WHERE m.actor_id = ? ORDER BY m.published IS NULL, m.published, m.article_id, s.start LIMIT ? OFFSET ?
            """, arguments: StatementArguments([actor]) + bounds(offset, limit)).map {
            RecordStatement(source: source($0), statement: $0["statement"], kind: $0["kind"], text: $0["text"], cue: $0["cue"])
        }
    }

    static func positions(_ db: Database, of actor: Int64, offset: Int, limit: Int) throws -> [RecordPosition] {
        guard limit > 0 else { return [] }
        // One position before the page too: whether the page's first one changed side.
        let from = max(0, offset - 1)
        // Ordering by topic sorts all the actor's positions: the inner query sorts them on the
        // mention and position rows alone, and only the page's rows join their (large) article rows.
        let order = "p.topic, m.published IS NULL, m.published, m.article_id, p.id"
        let rows = try Row.fetchAll(db, sql: """
            SELECT p.article_id, p.topic, p.stance, p.summary, s.start, s."end", a.title, a.outlet, a.url, a.published
            FROM (SELECT p.id FROM mention m JOIN position p ON p.mention_id = m.id WHERE m.actor_id = ?
                  ORDER BY \(order) LIMIT ? OFFSET ?) page
            JOIN position p ON p.id = page.id JOIN mention m ON m.id = p.mention_id JOIN article a ON a.id = m.article_id
            LEFT JOIN statement s ON s.id = p.evidence_statement_id
            ORDER BY \(order)
            """, arguments: StatementArguments([actor]) + bounds(from, limit == .max ? .max : limit + (offset - from)))
        var positions: [RecordPosition] = []
        var last: [String: String] = [:]
        for r in rows {
            let topic: String = r["topic"], stance: String = r["stance"]
            positions.append(RecordPosition(source: source(r), topic: topic, stance: stance, summary: r["summary"],
                                            changed: last[topic].map { $0 != stance } ?? false))
            last[topic] = stance
        }
        return Array(positions.dropFirst(offset - from))
    }
}
