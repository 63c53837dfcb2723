import GRDB

/// The library's tables, one `DatabaseMigrator` step per schema version. A database made by an
/// older version is migrated in place, never dropped; steps are never edited once released.
enum LibrarySchema {
    static let first = "v1-articles-actors"
    static let second = "v2-search-context-decisions"
    static let third = "v3-paging-indexes"

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration(first, migrate: createArticlesAndActors)
        m.registerMigration(second, migrate: addSearchContextAndDecisions)
        m.registerMigration(third, migrate: addPagingAndIndexes)
        return m
    }

    /// v1: articles with their analysed parts, library actors and their aliases, article text search.
    static func createArticlesAndActors(_ db: Database) throws {
        try db.create(table: "article") { t in
            t.autoIncrementedPrimaryKey("id")
            // What makes re-adding the same article an update: the text's hash, or the
            // record id / URL it came from.
            t.column("content_hash", .text).notNull().unique()
            t.column("external_key", .text).indexed()
            t.column("title", .text)
            t.column("outlet", .text)
            t.column("url", .text)
            t.column("published", .text).indexed()
            t.column("text", .text).notNull()
            t.column("added", .text).notNull()
            // Written in the same transaction as the statements: a check that none is missing.
            t.column("statement_count", .integer).notNull()
        }
        try db.create(table: "actor") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull()
            t.column("type", .text).notNull()
        }
        try db.create(table: "actor_alias") { t in
            t.column("actor_id", .integer).notNull().references("actor", onDelete: .cascade)
            t.column("alias", .text).notNull()
            t.column("key", .text).notNull()
            t.column("surname", .text).notNull()
            t.column("type", .text).notNull()
            // Every spelling seen, even when two fold to one key ("Zelensky", "Zelenskiy").
            t.primaryKey(["actor_id", "alias"])
        }
        try db.create(index: "actor_alias_surname", on: "actor_alias", columns: ["type", "surname"])
        try db.create(index: "actor_alias_key", on: "actor_alias", columns: ["key"])
        // One row per entity of an article, linked to its library actor.
        try db.create(table: "mention") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("article_id", .integer).notNull().references("article", onDelete: .cascade)
            t.column("entity", .text).notNull()
            t.column("name", .text).notNull()
            t.column("key", .text).notNull()
            t.column("type", .text).notNull()
            t.column("role", .text)
            t.column("affiliation", .text)
            t.column("mentions", .integer).notNull()
            t.column("first_start", .integer).notNull()
            t.column("first_end", .integer).notNull()
            t.column("actor_id", .integer).notNull().references("actor").indexed()
            t.uniqueKey(["article_id", "entity"])
        }
        try db.create(table: "statement") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("article_id", .integer).notNull().references("article", onDelete: .cascade).indexed()
            t.column("statement", .text).notNull()
            t.column("mention_id", .integer).references("mention", onDelete: .cascade).indexed()
            t.column("kind", .text).notNull()
            t.column("text", .text).notNull()
            t.column("start", .integer).notNull()
            t.column("end", .integer).notNull()
            t.column("cue", .text)
            t.column("confidence", .double)
        }
        try db.create(table: "position") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("article_id", .integer).notNull().references("article", onDelete: .cascade).indexed()
            t.column("mention_id", .integer).notNull().references("mention", onDelete: .cascade).indexed()
            t.column("topic", .text).notNull()
            t.column("stance", .text).notNull()
            t.column("summary", .text).notNull()
            t.column("evidence_statement_id", .integer).references("statement", onDelete: .setNull)
            t.column("confidence", .double)
        }
        try db.create(virtualTable: "article_search", using: FTS5()) { t in
            t.synchronize(withTable: "article")
            t.tokenizer = .unicode61()
            t.column("title")
            t.column("text")
        }
    }

    /// v2: statement text search, the context (roles, affiliations) library actors are matched
    /// by, and the user's merge/split decisions, kept apart from what analysis derives so that
    /// re-analysis re-applies them.
    static func addSearchContextAndDecisions(_ db: Database) throws {
        try db.create(virtualTable: "statement_search", using: FTS5()) { t in
            t.synchronize(withTable: "statement")
            t.tokenizer = .unicode61()
            t.column("text")
        }
        try db.create(table: "actor_context") { t in
            t.column("actor_id", .integer).notNull().references("actor", onDelete: .cascade)
            t.column("kind", .text).notNull() // "role" or "affiliation"
            t.column("word", .text).notNull()
            t.primaryKey(["actor_id", "kind", "word"])
        }
        try db.alter(table: "actor") { t in
            // Set on an actor a split made: the decision that owns it.
            t.add(column: "decision_id", .integer)
        }
        try db.create(table: "identity_decision") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("kind", .text).notNull() // "merge" or "split"
            // The article-level mentions the decision is about, by what survives re-analysis:
            // the article's content hash and the entity's name key.
            t.column("article_hash", .text).notNull()
            t.column("key", .text).notNull()
            t.column("other_article_hash", .text)
            t.column("other_key", .text)
            t.column("made", .text).notNull()
        }
        try db.create(index: "identity_decision_mention", on: "identity_decision", columns: ["article_hash", "key"])
        // Actors of a v1 library get their context from the mentions already stored.
        let rules = NameRules.shared
        let rows = try Row.fetchAll(db, sql: "SELECT actor_id, role, affiliation FROM mention WHERE role IS NOT NULL OR affiliation IS NOT NULL")
        for row in rows {
            let actor: Int64 = row["actor_id"]
            try LibraryStore.addContext(db, actor: actor, role: row["role"], affiliation: row["affiliation"], rules: rules)
        }
    }

    /// v3: what keeps an actor page and the writer fast at ten thousand articles (each checked
    /// with EXPLAIN QUERY PLAN). Mentions carry their article's date, so that one index walks an
    /// actor's articles in time order and the first page of statements stops early; the
    /// lookups that deleting or re-adding an article and replaying decisions make get indexes.
    static func addPagingAndIndexes(_ db: Database) throws {
        try db.alter(table: "mention") { t in t.add(column: "published", .text) }
        try db.execute(sql: "UPDATE mention SET published = (SELECT published FROM article WHERE id = mention.article_id)")
        // Replaces the index on actor_id alone: also covers counting an actor's articles.
        try db.execute(sql: "CREATE INDEX mention_actor_time ON mention (actor_id, published IS NULL, published, article_id)")
        try db.drop(index: "mention_on_actor_id")
        // Deleting a statement sets its positions' evidence to NULL: without this, a scan of every position.
        try db.create(index: "position_evidence", on: "position", columns: ["evidence_statement_id"])
        // The merges naming an article are found by either side.
        try db.create(index: "identity_decision_other", on: "identity_decision", columns: ["other_article_hash", "other_key"])
        try db.create(index: "actor_decision", on: "actor", columns: ["decision_id"])
    }
}
