import DramatisCore
import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

public enum LibraryError: Error, LocalizedError, Equatable {
    case cannotOpen(path: String, reason: String)
    case noSuchArticle(String)
    case noSuchActor(String)
    case ambiguousActor(String, candidates: [String])
    case invalid(String)

    public var errorDescription: String? {
        switch self {
        case .cannotOpen(let path, let reason): "cannot open the library \(path): \(reason)"
        case .noSuchArticle(let a): "no article \(a) in the library"
        case .noSuchActor(let a): "no actor named '\(a)' in the library"
        case .ambiguousActor(let a, let c): "'\(a)' names several actors; pick one by number: \(c.joined(separator: ", "))"
        case .invalid(let text): text
        }
    }
}

/// A persistent library of analysed articles and the actors across them: one SQLite file
/// (WAL, so readers never block the writer and a second process can add at the same time).
public final class Library: Sendable {
    public static let environmentVariable = "DRAMATIS_LIBRARY"
    public let path: String
    let pool: DatabasePool
    let rules: NameRules

    /// The file the library lives in: `$DRAMATIS_LIBRARY`, else
    /// `$XDG_DATA_HOME/dramatis/library.sqlite`, else `~/.local/share/dramatis/library.sqlite`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = environment[environmentVariable], !path.isEmpty { return path }
        let base: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            base = xdg
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            base = (home as NSString).appendingPathComponent(".local/share")
        }
        return ((base as NSString).appendingPathComponent("dramatis") as NSString).appendingPathComponent("library.sqlite")
    }

    /// Opens (creating the folder and file when missing) and migrates the library at `path`.
    public init(path: String? = nil, rules: NameRules = .shared) throws {
        let path = path ?? Library.defaultPath()
        self.path = path
        self.rules = rules
        let folder = (path as NSString).deletingLastPathComponent
        do {
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            var config = Configuration()
            // Another process (the window, a second `library add`) may hold the write lock for
            // one article's transaction: wait for it rather than fail.
            config.busyMode = .timeout(30)
            config.prepareDatabase { db in
                // WAL + NORMAL: a committed article survives the process being killed; only a
                // power cut may lose the last commits, never corrupt the file.
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
            pool = try DatabasePool(path: path, configuration: config)
            try Library.migrate(pool, path: path)
        } catch let error as DatabaseError {
            throw LibraryError.cannotOpen(path: path, reason: error.message ?? "\(error)")
        } catch {
            throw LibraryError.cannotOpen(path: path, reason: error.localizedDescription)
        }
    }

    /// Brings the schema up to date. GRDB reads which migrations are applied before it starts
    /// them, so two processes opening a new library at once would both create the tables: an
    /// exclusive `flock` on a file beside the library makes the check and the migration one step.
    static func migrate(_ pool: DatabasePool, path: String) throws {
        let migrator = LibrarySchema.migrator
        if try pool.read({ try migrator.hasCompletedMigrations($0) }) { return }
        let fd = open(path + ".lock", O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw LibraryError.cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR { throw LibraryError.cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        }
        defer { flock(fd, LOCK_UN) }
        try migrator.migrate(pool)
    }

    /// The migrations applied to the file, oldest first.
    public func appliedMigrations() throws -> [String] {
        try pool.read { try LibrarySchema.migrator.appliedMigrations($0) }
    }

    /// SQLite's integrity check and the library's own: every article has all its statements.
    /// Empty when the file is sound.
    public func integrityProblems() throws -> [String] {
        try pool.read { db in
            var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            let short = try Row.fetchAll(db, sql: """
                SELECT a.id, a.statement_count, (SELECT COUNT(*) FROM statement s WHERE s.article_id = a.id) AS n
                FROM article a WHERE a.statement_count != (SELECT COUNT(*) FROM statement s WHERE s.article_id = a.id)
                """)
            for row in short {
                let id: Int64 = row["id"], want: Int = row["statement_count"], have: Int = row["n"]
                problems.append("article \(id) has \(have) of its \(want) statements")
            }
            return problems
        }
    }

    // MARK: Writing

    /// Adds one analysed article in one transaction, or replaces the stored one with the same
    /// text (or the same `externalKey`: a record id or URL) and re-applies the user's decisions.
    @discardableResult
    public func add(_ analysis: Analysis, externalKey: String? = nil) throws -> AddResult {
        try pool.write { db in try LibraryStore(db: db, rules: rules).add(analysis, externalKey: externalKey) }
    }

    /// Adds several analysed articles, still one transaction each: a crash keeps the finished ones.
    public func add(_ batch: [(Analysis, String?)]) throws -> [AddResult] {
        try batch.map { try add($0.0, externalKey: $0.1) }
    }

    /// Removes articles (by id); actors left without any article go too. Returns how many went.
    @discardableResult
    public func remove(articles ids: [Int64]) throws -> Int {
        try pool.write { db in
            let store = LibraryStore(db: db, rules: rules)
            var n = 0
            for id in ids where try store.removeArticle(id) { n += 1 }
            return n
        }
    }

    /// Makes `other` and `actor` one actor, and records the decision so that re-analysis keeps it.
    public func merge(_ other: Int64, into actor: Int64) throws {
        try pool.write { db in try LibraryStore(db: db, rules: rules).recordMerge(other, into: actor) }
    }

    /// Moves `actor`'s mention in `article` to an actor of its own, and records the decision.
    /// Returns the new actor's id.
    @discardableResult
    public func split(_ actor: Int64, article: Int64) throws -> Int64 {
        try pool.write { db in try LibraryStore(db: db, rules: rules).recordSplit(actor, article: article) }
    }
}

public struct AddResult: Sendable, Equatable {
    public var article: Int64
    /// True when an article with the same text or key was already there and was replaced.
    public var replaced: Bool
    public var statements: Int
}

/// A stable hash of an article's text, so the same text added twice is one article.
/// FNV-1a, 64 bits, plus the length: Foundation on Linux has no SHA, and a collision between
/// two different texts of the same length in one reader's library is not a practical risk.
enum ContentHash {
    static func of(_ text: String) -> String {
        var h: UInt64 = 0xcbf29ce484222325
        var n = 0
        for byte in text.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x100000001b3
            n += 1
        }
        return String(h, radix: 16) + "-" + String(n, radix: 16)
    }
}
