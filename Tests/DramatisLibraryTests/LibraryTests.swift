import DramatisCore
@testable import DramatisLibrary
import Foundation
import GRDB
import Testing

/// A person quoted in a made-up article: what the analysis would give.
struct Quoted {
    var name: String
    var type: EntityType = .person
    var role: String? = nil
    var affiliation: String? = nil
    var said: String = "It is fine."
    var topic: String? = nil
    var stance: Stance = .supports
}

/// A made-up analysed article: each quoted actor says one sentence.
func analysis(_ title: String, published: String?, _ people: [Quoted], source: String? = nil) -> Analysis {
    var text = "\(title).\n\n"
    var entities: [Entity] = [], statements: [DramatisCore.Statement] = [], positions: [Position] = []
    for (i, p) in people.enumerated() {
        let nameStart = text.unicodeScalars.count
        text += p.name
        let nameEnd = text.unicodeScalars.count
        text += " said: “"
        let start = text.unicodeScalars.count
        text += p.said
        let end = text.unicodeScalars.count
        text += "”\n\n"
        entities.append(Entity(id: "e\(i + 1)", name: p.name, type: p.type, role: p.role, affiliation: p.affiliation,
                               mentions: [Mention(start: nameStart, end: nameEnd, text: p.name, kind: "name")]))
        statements.append(DramatisCore.Statement(id: "s\(i + 1)", speaker: "e\(i + 1)", kind: .direct, text: p.said, start: start, end: end,
                                    cue: "said", channel: nil))
        if let topic = p.topic {
            positions.append(Position(actor: "e\(i + 1)", topic: topic, stance: p.stance, summary: "\(p.stance.rawValue) \(topic)", evidence: ["s\(i + 1)"]))
        }
    }
    return Analysis(article: Article(title: title, published: published, source: source, text: text),
                    entities: entities, statements: statements, positions: positions)
}

func temporaryLibrary() throws -> (Library, URL) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dramatis-library-\(UUID().uuidString)")
    let library = try Library(path: folder.appendingPathComponent("library.sqlite").path)
    return (library, folder)
}

@Suite struct LibraryStorageTests {
    @Test func defaultPathFollowsTheEnvironment() {
        #expect(Library.defaultPath(environment: ["DRAMATIS_LIBRARY": "/x/l.sqlite", "HOME": "/h"]) == "/x/l.sqlite")
        #expect(Library.defaultPath(environment: ["XDG_DATA_HOME": "/d", "HOME": "/h"]) == "/d/dramatis/library.sqlite")
        #expect(Library.defaultPath(environment: ["XDG_DATA_HOME": "relative", "HOME": "/h"]) == "/h/.local/share/dramatis/library.sqlite")
        #expect(Library.defaultPath(environment: ["HOME": "/h"]) == "/h/.local/share/dramatis/library.sqlite")
    }

    @Test func opensInWALModeWithEveryMigration() throws {
        let (library, folder) = try temporaryLibrary()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try library.appliedMigrations() == [LibrarySchema.first, LibrarySchema.second, LibrarySchema.third])
        let mode = try library.pool.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }

    @Test func reAddingTheSameArticleReplacesIt() throws {
        let (library, folder) = try temporaryLibrary()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = analysis("Budget passes", published: "2025-03-01", [Quoted(name: "Anna Weber", said: "We won.")])
        let first = try library.add(a, externalKey: "record-1")
        let second = try library.add(a)
        #expect(!first.replaced && second.replaced && first.article == second.article)
        let counts = try library.counts()
        #expect(counts.articles == 1 && counts.actors == 1 && counts.statements == 1)
        // The same record key with an edited text is the same article, updated.
        var edited = a
        edited.article.text += "Update: the vote was close.\n"
        let third = try library.add(edited, externalKey: "record-1")
        #expect(third.replaced && third.article == first.article)
        #expect(try library.article(first.article)?.text == edited.article.text)
        var other = a
        other.article.text += "A different article.\n"
        #expect(try library.add(other, externalKey: "record-2").replaced == false)
        #expect(try library.counts().articles == 2)
        #expect(try library.integrityProblems().isEmpty)
    }

    @Test func removeDropsTheArticleAndActorsOnlyItHad() throws {
        let (library, folder) = try temporaryLibrary()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = try library.add(analysis("One", published: "2025-01-01", [Quoted(name: "Anna Weber"), Quoted(name: "Karl Brandt")]))
        _ = try library.add(analysis("Two", published: "2025-01-02", [Quoted(name: "Anna Weber")]))
        #expect(try library.counts().actors == 2)
        #expect(try library.remove(articles: [a.article]) == 1)
        #expect(try library.remove(articles: [a.article]) == 0)
        let counts = try library.counts()
        #expect(counts.articles == 1 && counts.actors == 1 && counts.statements == 1)
        #expect(try library.actors(named: "Karl Brandt").isEmpty)
        #expect(try library.actors(named: "Anna Weber").count == 1)
    }

    @Test func searchFindsStatementsAndArticles() throws {
        let (library, folder) = try temporaryLibrary()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try library.add(analysis("Harbour plan approved", published: "2025-01-01",
                                     [Quoted(name: "Anna Weber", said: "The harbour will be rebuilt by spring.")]))
        _ = try library.add(analysis("Schools reopen", published: "2025-01-02", [Quoted(name: "Karl Brandt", said: "Pupils are back.")]))
        let hits = try library.search("harbour rebuilt")
        let statement = try #require(hits.first { $0.kind == "statement" })
        #expect(statement.speaker == "Anna Weber" && statement.source.title == "Harbour plan approved")
        #expect(hits.contains { $0.kind == "article" && $0.source.title == "Harbour plan approved" })
        #expect(!hits.contains { $0.source.title == "Schools reopen" })
        // FTS syntax in the user's words is searched for, not parsed.
        #expect(try library.search("\"harbour (").isEmpty == false)
        #expect(try library.search("  ").isEmpty)
    }

    @Test func actorRecordIsInTimeOrderWithPositionChangesMarked() throws {
        let (library, folder) = try temporaryLibrary()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try library.add(analysis("Later", published: "2025-06-01", [Quoted(name: "Anna Weber", said: "No tax.", topic: "tax", stance: .opposes)]))
        _ = try library.add(analysis("Earlier", published: "2025-02-01", [Quoted(name: "Anna Weber", said: "A tax.", topic: "tax", stance: .supports)]))
        _ = try library.add(analysis("Undated", published: nil, [Quoted(name: "Weber", said: "Maybe.")]))
        let actor = try library.actor(named: "anna weber")
        let record = try #require(try library.record(of: actor.id))
        #expect(record.statements.map(\.text) == ["A tax.", "No tax.", "Maybe."])
        #expect(record.positions.map(\.stance) == ["supports", "opposes"])
        #expect(record.positions.map(\.changed) == [false, true])
        // A page is the same record in slices; the page's first position still knows it changed.
        let first = try #require(try library.record(of: actor.id, page: RecordPage(statementLimit: 2, positionLimit: 1)))
        #expect(first.statements.map(\.text) == ["A tax.", "No tax."] && first.statementCount == 3 && first.positionCount == 2)
        #expect(first.positions.map(\.changed) == [false])
        #expect(try library.statements(of: actor.id, offset: 2, limit: 50).map(\.text) == ["Maybe."])
        let rest = try library.positions(of: actor.id, offset: 1, limit: 50)
        #expect(rest.map(\.stance) == ["opposes"] && rest.map(\.changed) == [true])
        let stored = try #require(try library.article(record.statements[0].source.article))
        let scalars = Array(stored.text.unicodeScalars)
        let span = String(String.UnicodeScalarView(scalars[record.statements[0].source.start..<record.statements[0].source.end]))
        #expect(span == "A tax.")
    }

    @Test func exportsCarryTheSourcesAndEscapeArticleText() throws {
        let (library, folder) = try temporaryLibrary()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try library.add(analysis("Fish <b>rules</b>", published: "2025-02-01",
                                     [Quoted(name: "Anna Weber", said: "<script>alert(1)</script> fish", topic: "fishing")],
                                     source: "https://news.example.org/fish"))
        let record = try #require(try library.record(of: try library.actor(named: "Anna Weber").id))
        let html = String(decoding: try ActorExport.render(record, as: .html), as: UTF8.self)
        #expect(!html.contains("<script>") && html.contains("&lt;script&gt;"))
        #expect(html.contains("https://news.example.org/fish") && html.contains("2025-02-01"))
        let md = String(decoding: try ActorExport.render(record, as: .markdown), as: UTF8.self)
        #expect(md.contains("# Anna Weber") && md.contains("news.example.org") && md.contains("### fishing"))
        let json = try JSONSerialization.jsonObject(with: try ActorExport.render(record, as: .json)) as? [String: Any]
        let inner = try #require(json?["record"] as? [String: Any])
        let statements = try #require(inner["statements"] as? [[String: Any]])
        #expect((statements.first?["source"] as? [String: Any])?["url"] as? String == "https://news.example.org/fish")
        #expect(throws: LibraryError.self) { try ActorExport.render(record, as: .pdf) }
        let out = folder.appendingPathComponent("anna.md")
        try ActorExport.write(record, to: out, as: .markdown)
        #expect(try String(contentsOf: out, encoding: .utf8) == md)
    }
}

@Suite struct LibraryMigrationTests {
    /// A library written by the first schema only (what an older dramatis made) opens, keeps
    /// its articles and gains what the second schema adds, filled from the old rows.
    @Test func aFirstSchemaLibraryIsMigratedNotDropped() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dramatis-migrate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("old.sqlite").path
        do {
            let old = try DatabaseQueue(path: path)
            try LibrarySchema.migrator.migrate(old, upTo: LibrarySchema.first)
            try old.write { db in
                try db.execute(sql: """
                    INSERT INTO article (id, content_hash, title, published, text, added, statement_count)
                    VALUES (1, 'h1', 'Old article', '2024-05-01', 'Ms Anna Weber said the dam would hold.', '2024-05-01T00:00:00Z', 1);
                    INSERT INTO actor (id, name, type) VALUES (7, 'Anna Weber', 'person');
                    INSERT INTO actor_alias (actor_id, alias, key, surname, type) VALUES (7, 'Anna Weber', 'anna weber', 'weber', 'person');
                    INSERT INTO mention (id, article_id, entity, name, key, type, role, mentions, first_start, first_end, actor_id)
                    VALUES (1, 1, 'e1', 'Anna Weber', 'anna weber', 'person', 'the city engineer', 1, 3, 13, 7);
                    INSERT INTO statement (article_id, statement, mention_id, kind, text, start, "end", cue)
                    VALUES (1, 's1', 1, 'indirect', 'the dam would hold', 19, 37, 'said');
                    """)
            }
            #expect(try old.read { try LibrarySchema.migrator.appliedMigrations($0) } == [LibrarySchema.first])
        }
        let library = try Library(path: path)
        #expect(try library.appliedMigrations() == [LibrarySchema.first, LibrarySchema.second, LibrarySchema.third])
        #expect(try library.counts().articles == 1)
        // The third schema dates the old mentions, which the actor page's order relies on.
        #expect(try library.record(of: 7, page: .first(10))?.statements.map(\.source.published) == ["2024-05-01"])
        #expect(try library.pool.read { try String.fetchOne($0, sql: "SELECT published FROM mention WHERE id = 1") } == "2024-05-01")
        #expect(try library.search("dam hold").contains { $0.kind == "statement" && $0.speaker == "Anna Weber" })
        let words = try library.pool.read { try String.fetchAll($0, sql: "SELECT word FROM actor_context WHERE actor_id = 7 ORDER BY word") }
        #expect(words == ["city", "engineer"])
        // The migrated context is evidence at once: another engineer Weber is her, a judge Weber is not.
        _ = try library.add(analysis("New", published: "2025-01-01", [Quoted(name: "Anna Weber", role: "chief engineer")]))
        _ = try library.add(analysis("Other", published: "2025-01-02", [Quoted(name: "Anna Weber", role: "judge")]))
        #expect(try library.actors(named: "Anna Weber").map(\.articles).sorted() == [1, 2])
        #expect(try library.integrityProblems().isEmpty)
    }
}
