import ArgumentParser
import DramatisCore
import DramatisLibrary
import Foundation

/// `dramatis library …`: the persistent library of analysed articles and the actors across them.
struct LibraryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "library",
        abstract: "Keep analysed articles in a library and follow each actor across them.",
        discussion: """
            The library is one SQLite file: --library PATH, else $\(Library.environmentVariable), else \
            $XDG_DATA_HOME/dramatis/library.sqlite (~/.local/share/dramatis/library.sqlite).
            An actor is named by name ("Volodymyr Zelensky", "Zelenskyy") or by number (#12).
            """,
        subcommands: [LibraryAdd.self, LibraryList.self, LibraryActor.self, LibrarySearch.self,
                      LibraryExport.self, LibraryRemove.self, LibraryMerge.self, LibrarySplit.self])
}

struct LibraryOptions: ParsableArguments {
    @Option(name: .customLong("library"), help: ArgumentHelp("The library file.", valueName: "path"))
    var path: String?

    func open() throws -> Library {
        do { return try Library(path: path) } catch { throw LibraryFailure(error) }
    }
}

/// A library error as `dramatis: …` on standard error and exit status 1.
struct LibraryFailure: Error, CustomStringConvertible {
    let message: String
    init(_ error: Error) { message = (error as? LocalizedError)?.errorDescription ?? "\(error)" }
    var description: String { message }
}

func runLibrary(_ body: () throws -> Void) throws {
    do { try body() } catch let failure as LibraryFailure {
        FileHandle.standardError.write(Data("dramatis: \(failure.message)\n".utf8))
        throw ExitCode(1)
    } catch let error as LibraryError {
        FileHandle.standardError.write(Data("dramatis: \(LibraryFailure(error).message)\n".utf8))
        throw ExitCode(1)
    }
}

/// Milliseconds `body` took, printed to standard error when asked (`--timing`).
func timed<T>(_ enabled: Bool, _ what: String, _ body: () throws -> T) rethrows -> T {
    let clock = ContinuousClock(), start = clock.now
    let value = try body()
    if enabled {
        let d = clock.now - start
        let ms = Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
        FileHandle.standardError.write(Data(String(format: "%@: %.1f ms\n", what, ms).utf8))
    }
    return value
}

enum ListFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

func printJSON<T: Encodable>(_ value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    FileHandle.standardOutput.write(try encoder.encode(value) + Data("\n".utf8))
}

struct LibraryList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the articles, newest first.")
    @OptionGroup var library: LibraryOptions
    @Option(help: "Output: text or json.") var format: ListFormat = .text
    @Option(help: "At most this many articles.") var limit: Int = Int.max

    func run() async throws {
        try runLibrary {
            let articles = try library.open().articles(limit: limit)
            if format == .json { return try printJSON(articles) }
            for a in articles {
                print([String(a.id), a.published ?? "undated", a.outlet ?? "-", a.title ?? "(untitled)",
                       "\(a.statements) statements"].joined(separator: "\t"))
            }
        }
    }
}

struct LibraryActor: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "actor",
        abstract: "An actor's statements and positions across the library, by date, a page at a time.")
    @OptionGroup var library: LibraryOptions
    @Option(help: "Output: text or json.") var format: ListFormat = .text
    @Option(help: "Which page of statements and positions (1 is the earliest).") var page: Int = 1
    @Option(help: "Statements and positions a page.") var pageSize: Int = 50
    @Flag(help: "The whole record, not a page.") var all = false
    @Flag(help: "Print how long the query took to standard error.") var timing = false
    @Argument(help: "The actor's name, or #number.") var name: [String]

    func validate() throws {
        if page < 1 { throw ValidationError("--page counts from 1") }
        if pageSize < 1 { throw ValidationError("--page-size must be at least 1") }
    }

    func run() async throws {
        try runLibrary {
            let lib = try library.open()
            let (from, size) = all ? (0, Int.max) : ((page - 1).multipliedReportingOverflow(by: pageSize).partialValue, pageSize)
            let request = RecordPage(statementOffset: from, statementLimit: size, positionOffset: from, positionLimit: size)
            let record = try timed(timing, "actor page") { () -> ActorRecord? in
                try lib.record(of: try lib.actor(named: name.joined(separator: " ")).id, page: request)
            }
            guard let record else { throw LibraryError.noSuchActor(name.joined(separator: " ")) }
            if format == .json { return try printJSON(record) }
            print("#\(record.actor.id) \(record.actor.name) (\(record.actor.type), \(record.actor.articles) articles)")
            if record.aliases.count > 1 { print("also: \(record.aliases.filter { $0 != record.actor.name }.joined(separator: ", "))") }
            print("\nStatements \(Self.range(record.statementOffset, record.statements.count, of: record.statementCount))")
            for s in record.statements {
                print("  \(s.source.published ?? "undated")  [\(s.source.article)] \(s.source.title ?? "(untitled)")")
                print("    “\(s.text)”")
            }
            print("\nPositions \(Self.range(record.positionOffset, record.positions.count, of: record.positionCount))")
            for p in record.positions {
                print("  \(p.topic)\t\(p.source.published ?? "undated")\t\(p.stance)\(p.changed ? " (changed)" : "")\t[\(p.source.article)] \(p.source.title ?? "")")
            }
            let shown = max(record.statementOffset + record.statements.count, record.positionOffset + record.positions.count)
            if shown < max(record.statementCount, record.positionCount) {
                print("\nmore: --page \(page + 1) (or --all)")
            }
        }
    }

    /// "1–50 of 19945", "(none)".
    static func range(_ offset: Int, _ count: Int, of total: Int) -> String {
        if total == 0 { return "(none)" }
        if count == 0 { return "(none on this page, of \(total))" }
        return offset == 0 && count == total ? "(\(total))" : "\(offset + 1)–\(offset + count) of \(total)"
    }
}

struct LibrarySearch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "search",
        abstract: "Search article texts and statements (every word must occur).")
    @OptionGroup var library: LibraryOptions
    @Option(help: "Output: text or json.") var format: ListFormat = .text
    @Option(help: "At most this many hits of each kind.") var limit: Int = 50
    @Flag(help: "Print how long the query took to standard error.") var timing = false
    @Argument(help: "Words to look for.") var query: [String]

    func run() async throws {
        try runLibrary {
            let lib = try library.open()
            let hits = try timed(timing, "search") { try lib.search(query.joined(separator: " "), limit: limit) }
            if format == .json { return try printJSON(hits) }
            for h in hits {
                let who = h.speaker.map { "\($0): " } ?? ""
                print("[\(h.source.article)] \(h.source.published ?? "undated") \(h.source.title ?? "(untitled)")\t\(h.kind)\t\(who)\(h.snippet)")
            }
        }
    }
}

struct LibraryExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export",
        abstract: "Write an actor's record across the library as Markdown, HTML or JSON, with sources.",
        discussion: "The file is replaced only by a complete new file.")
    @OptionGroup var library: LibraryOptions
    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Output file (.md, .html or .json).", valueName: "path"))
    var output: String
    @Option(help: "Format: markdown (md), html or json; default: from the output's extension.") var format: ExportFormat?
    @Argument(help: "The actor's name, or #number.") var name: [String]

    func validate() throws {
        let fmt = format ?? ExportFormat.from(extension: (output as NSString).pathExtension)
        guard let fmt else { throw ValidationError("cannot tell the format from '\(output)': use a .md, .html or .json name, or --format") }
        if fmt == .pdf { throw ValidationError("an actor's record exports as Markdown, HTML or JSON") }
    }

    func run() async throws {
        AtomicFile.removeTemporaryFileOnSignal()
        try runLibrary {
            let lib = try library.open()
            guard let record = try lib.record(of: try lib.actor(named: name.joined(separator: " ")).id) else {
                throw LibraryError.noSuchActor(name.joined(separator: " "))
            }
            let fmt = format ?? ExportFormat.from(extension: (output as NSString).pathExtension) ?? .markdown
            do { try ActorExport.write(record, to: URL(fileURLWithPath: output), as: fmt) } catch { throw LibraryFailure(error) }
            print(output)
        }
    }
}

struct LibraryRemove: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove articles (by the numbers `list` shows).")
    @OptionGroup var library: LibraryOptions
    @Argument(help: "Article numbers.") var articles: [Int64]

    func run() async throws {
        try runLibrary {
            let lib = try library.open()
            let missing = try articles.filter { try lib.article($0) == nil }
            let n = try lib.remove(articles: articles)
            print("removed \(n) article\(n == 1 ? "" : "s")")
            if !missing.isEmpty { throw LibraryError.noSuchArticle(missing.map(String.init).joined(separator: ", ")) }
        }
    }
}

struct LibraryMerge: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "merge",
        abstract: "Make two actors one (the second joins the first); kept when articles are analysed again.")
    @OptionGroup var library: LibraryOptions
    @Argument(help: "The actor to keep (name or #number).") var actor: String
    @Argument(help: "The actor that joins it.") var other: String

    func run() async throws {
        try runLibrary {
            let lib = try library.open()
            let keep = try lib.actor(named: actor), join = try lib.actor(named: other)
            try lib.merge(join.id, into: keep.id)
            print("merged #\(join.id) \(join.name) into #\(keep.id) \(keep.name)")
        }
    }
}

struct LibrarySplit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "split",
        abstract: "Give an actor's mention in one article an actor of its own; kept when articles are analysed again.")
    @OptionGroup var library: LibraryOptions
    @Option(help: "The article (number from `list`) whose mention is someone else.") var article: Int64
    @Argument(help: "The actor (name or #number).") var actor: [String]

    func run() async throws {
        try runLibrary {
            let lib = try library.open()
            let from = try lib.actor(named: actor.joined(separator: " "))
            let fresh = try lib.split(from.id, article: article)
            print("split article \(article)'s \(from.name) into #\(fresh)")
        }
    }
}
