import DramatisCore
import Foundation
import GRDB

public struct ArticleSummary: Sendable, Equatable, Codable {
    public var id: Int64
    public var title: String?
    public var outlet: String?
    public var url: String?
    public var published: String?
    public var statements: Int
}

public struct ActorSummary: Sendable, Equatable, Codable {
    public var id: Int64
    public var name: String
    public var type: String
    public var articles: Int
}

/// One stored article: enough to open it in the window and point at a sentence.
public struct StoredArticle: Sendable, Equatable {
    public var id: Int64
    public var title: String?
    public var outlet: String?
    public var url: String?
    public var published: String?
    public var text: String

    public var article: Article { Article(title: title, published: published, source: url, text: text, siteName: outlet) }
}

/// Where an item of an actor's record came from: the article and the span of its sentence.
public struct SourceRef: Sendable, Equatable, Codable {
    public var article: Int64
    public var title: String?
    public var outlet: String?
    public var url: String?
    public var published: String?
    public var start: Int
    public var end: Int
}

public struct RecordStatement: Sendable, Equatable, Codable {
    public var source: SourceRef
    /// The statement's id in the article's analysis ("s3").
    public var statement: String
    public var kind: String
    public var text: String
    public var cue: String?
}

public struct RecordPosition: Sendable, Equatable, Codable {
    public var source: SourceRef
    public var topic: String
    public var stance: String
    public var summary: String
    /// True when this position takes another side on the topic than the actor's previous one.
    public var changed: Bool
}

/// An actor's record across the library, in time order (undated articles last): all of it, or
/// a page of its statements and positions (`RecordPage`) with the totals.
public struct ActorRecord: Sendable, Equatable, Codable {
    public var actor: ActorSummary
    public var aliases: [String]
    public var statements: [RecordStatement]
    /// Grouped by topic (topics by name), each topic's positions in time order.
    public var positions: [RecordPosition]
    /// How many statements and positions the whole record holds.
    public var statementCount: Int
    public var positionCount: Int
    /// Where `statements` and `positions` start in the whole record (0: the first).
    public var statementOffset: Int
    public var positionOffset: Int
}

public struct SearchHit: Sendable, Equatable, Codable {
    public var source: SourceRef
    /// "article" (the title or text matched) or "statement".
    public var kind: String
    public var speaker: String?
    public var snippet: String
}

extension Library {
    /// Articles newest first (undated last), then by outlet and title.
    public func articles(limit: Int = Int.max) throws -> [ArticleSummary] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, title, outlet, url, published, statement_count FROM article
                ORDER BY published IS NULL, published DESC, outlet, title, id LIMIT ?
                """, arguments: [min(limit, Int(Int32.max))]).map {
                ArticleSummary(id: $0["id"], title: $0["title"], outlet: $0["outlet"], url: $0["url"],
                               published: $0["published"], statements: $0["statement_count"])
            }
        }
    }

    public func article(_ id: Int64) throws -> StoredArticle? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT id, title, outlet, url, published, text FROM article WHERE id = ?", arguments: [id]).map {
                StoredArticle(id: $0["id"], title: $0["title"], outlet: $0["outlet"], url: $0["url"], published: $0["published"], text: $0["text"])
            }
        }
    }

    /// Counts of what the library holds.
    public func counts() throws -> (articles: Int, actors: Int, statements: Int) {
        try pool.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM actor") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM statement") ?? 0)
        }
    }

    /// Actors a name can mean: `#12` by id; else the actors with that whole name (any type),
    /// else those whose surname it is; the most-seen first.
    public func actors(named name: String) throws -> [ActorSummary] {
        try pool.read { db in
            let select = """
                SELECT a.id, a.name, a.type, (SELECT COUNT(DISTINCT article_id) FROM mention m WHERE m.actor_id = a.id) AS n FROM actor a
                """
            func fetch(_ sql: String, _ args: StatementArguments) throws -> [ActorSummary] {
                try Row.fetchAll(db, sql: select + " " + sql + " ORDER BY n DESC, a.id", arguments: args).map {
                    ActorSummary(id: $0["id"], name: $0["name"], type: $0["type"], articles: $0["n"])
                }
            }
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("#"), let id = Int64(trimmed.dropFirst()) {
                return try fetch("WHERE a.id = ?", [id])
            }
            var found: [ActorSummary] = []
            for type in EntityType.allCases {
                let key = rules.key(trimmed, type: type)
                guard !key.isEmpty else { continue }
                found += try fetch("WHERE a.type = ? AND a.id IN (SELECT actor_id FROM actor_alias WHERE key = ?)", [type.rawValue, key.full])
            }
            if found.isEmpty {
                let key = rules.key(trimmed, type: .person)
                if key.given == nil, !key.isEmpty {
                    found = try fetch("WHERE a.type = 'person' AND a.id IN (SELECT actor_id FROM actor_alias WHERE type = 'person' AND surname = ?)", [key.surname])
                }
            }
            return found.sorted { ($0.articles, -$0.id) > ($1.articles, -$1.id) }
        }
    }

    /// The one actor `name` means, or an error that lists the candidates.
    public func actor(named name: String) throws -> ActorSummary {
        let found = try actors(named: name)
        guard let first = found.first else { throw LibraryError.noSuchActor(name) }
        if found.count > 1 {
            throw LibraryError.ambiguousActor(name, candidates: found.map { "#\($0.id) \($0.name) (\($0.type), \($0.articles) articles)" })
        }
        return first
    }

    /// Full-text search over article titles and texts and over statements: every word of the
    /// query must occur (FTS5, best matches first).
    public func search(_ query: String, limit: Int = 50) throws -> [SearchHit] {
        guard let pattern = FTS5Pattern(matchingAllTokensIn: query) else { return [] }
        return try pool.read { db in
            let statements = try Row.fetchAll(db, sql: """
                SELECT s.article_id, s.start, s."end", s.text, a.title, a.outlet, a.url, a.published,
                       (SELECT ac.name FROM mention m JOIN actor ac ON ac.id = m.actor_id WHERE m.id = s.mention_id) AS speaker
                FROM statement_search f JOIN statement s ON s.id = f.rowid JOIN article a ON a.id = s.article_id
                WHERE statement_search MATCH ? ORDER BY f.rank LIMIT ?
                """, arguments: [pattern, limit]).map {
                SearchHit(source: SourceRef(article: $0["article_id"], title: $0["title"], outlet: $0["outlet"], url: $0["url"],
                                            published: $0["published"], start: $0["start"], end: $0["end"]),
                          kind: "statement", speaker: $0["speaker"], snippet: $0["text"])
            }
            let articles = try Row.fetchAll(db, sql: """
                SELECT a.id, a.title, a.outlet, a.url, a.published, snippet(article_search, 1, '[', ']', '…', 12) AS snip
                FROM article_search f JOIN article a ON a.id = f.rowid
                WHERE article_search MATCH ? ORDER BY f.rank LIMIT ?
                """, arguments: [pattern, limit]).map {
                SearchHit(source: SourceRef(article: $0["id"], title: $0["title"], outlet: $0["outlet"], url: $0["url"],
                                            published: $0["published"], start: 0, end: 0),
                          kind: "article", speaker: nil, snippet: $0["snip"])
            }
            return articles + statements
        }
    }
}
