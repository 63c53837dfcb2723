import ArgumentParser
import DramatisCore
import DramatisLibrary
import Foundation

/// `dramatis library add`: analyses on every core, each finished article written in its own
/// transaction by one writer, so a crash keeps every finished article and no half one.
struct LibraryAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add",
        abstract: "Analyse articles and add them to the library (the same article again replaces it).",
        discussion: """
            Inputs: article files (plain text, Markdown, HTML), folders of them (not recursive), \
            http(s) URLs, and JSON Lines files (.jsonl), one article a line: \
            {"id": "…", "text": "…" or "html": "…", "published": "YYYY-MM-DD", "url": "…", "title": "…"} \
            (only text or html is needed; a record with the id or url of a stored article replaces it).
            """)
    @OptionGroup var library: LibraryOptions
    @OptionGroup var options: ArticleOptions
    @Argument(help: "Files, folders, URLs or .jsonl files.") var inputs: [String]

    enum Item: Sendable {
        case location(String)
        case record(file: String, line: Int, text: String)
        var label: String {
            switch self {
            case .location(let l): l
            case .record(let file, let line, _): "\(file):\(line)"
            }
        }
    }

    func run() async throws {
        try runLibrary {
            let lib = try library.open()
            let analyzer = Analyzer()
            do { try analyzer.checkResources() } catch { throw LibraryFailure(error) }
            let items = try LibraryAdd.items(inputs)
            let published = options.published, limits = options.limits
            var tally = Tally()
            // Analysis on every core, in parallel; the writes on this thread, in input order (the
            // same inputs make the same library), one transaction per article.
            var next = 0
            OrderedPipeline<Item, (label: String, result: Result<(Analysis, String?), Error>)>.run(
                threads: min(Analyze.cores, items.count), window: Analyze.window,
                read: { () -> Item? in
                    guard next < items.count else { return nil }
                    next += 1
                    return items[next - 1]
                },
                transform: { item in
                    (item.label, Result { try LibraryAdd.analyse(item, analyzer: analyzer, published: published, limits: limits) })
                },
                write: { output in
                    do {
                        let (analysis, key) = try output.result.get()
                        tally.done(try lib.add(analysis, externalKey: key))
                    } catch {
                        tally.failed(output.label, error)
                    }
                })
            print("added \(tally.added) article\(tally.added == 1 ? "" : "s") (\(tally.replaced) replaced), \(tally.failures) failed: \(lib.path)")
            if tally.failures > 0 { throw ExitCode(1) }
        }
    }

    /// Files, folder contents, URLs and the lines of JSON Lines files, in input order.
    static func items(_ inputs: [String]) throws -> [Item] {
        var out: [Item] = []
        let fm = FileManager.default
        let jsonl = inputs.flatMap(jsonlFiles(in:))
        for input in ArticleInputs.expand(inputs, recursive: false, accept: ArticleInputs.isArticleName).paths + jsonl {
            var isDir: ObjCBool = false
            // A folder of JSON Lines files only: its files are in `jsonl`.
            if fm.fileExists(atPath: input, isDirectory: &isDir), isDir.boolValue, !jsonlFiles(in: input).isEmpty { continue }
            guard input.lowercased().hasSuffix(".jsonl"), ArticleLoader.remoteURL(input) == nil else {
                out.append(.location(input)); continue
            }
            guard let data = fm.contents(atPath: input) else { throw LibraryFailure(LibraryError.invalid("cannot read \(input)")) }
            var line = 0
            for raw in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
                line += 1
                // A blank line is no record (checked on the bytes: trimming a long line is slow).
                if raw.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) {
                    out.append(.record(file: input, line: line, text: String(decoding: raw, as: UTF8.self)))
                }
            }
        }
        if out.isEmpty { throw LibraryFailure(LibraryError.invalid("no articles to add")) }
        return out
    }

    /// The `.jsonl` files of a folder (`ArticleInputs.expand` takes its articles).
    static func jsonlFiles(in input: String) -> [String] {
        var isDir: ObjCBool = false
        guard ArticleLoader.remoteURL(input) == nil, FileManager.default.fileExists(atPath: input, isDirectory: &isDir), isDir.boolValue,
              let names = try? FileManager.default.contentsOfDirectory(atPath: input) else { return [] }
        return names.filter { $0.lowercased().hasSuffix(".jsonl") && !$0.hasPrefix(".") }.sorted()
            .map { (input as NSString).appendingPathComponent($0) }
    }

    static func analyse(_ item: Item, analyzer: Analyzer, published: String?, limits: ArticleLoader.Limits) throws -> (Analysis, String?) {
        switch item {
        case .location(let location):
            if let url = ArticleLoader.remoteURL(location) {
                return (analyzer.analyze(try ArticleLoader.load(url: url, published: published)), url.absoluteString)
            }
            return (try analyzer.analyze(path: location, published: published, limits: limits), nil)
        case .record(let file, let line, let text):
            let label = "\(file):\(line)"
            guard let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] else {
                throw LibraryError.invalid("\(label): not a JSON object")
            }
            func string(_ key: String) throws -> String? {
                switch object[key] {
                case nil, is NSNull: return nil
                case let s as String: return s
                case let n as NSNumber where key == "id": return n.stringValue
                default: throw LibraryError.invalid("\(label): \"\(key)\" must be a string")
                }
            }
            let id = try string("id"), url = try string("url")
            let source = url ?? label
            var article: Article
            if let body = try string("text") {
                article = try ArticleLoader.parsePlainText(body, source: source)
            } else if let html = try string("html") {
                article = try ArticleLoader.parse(data: Data(html.utf8), source: source, fileExtension: "html",
                                                  maximumTextLength: limits.maximumTextLength)
            } else {
                throw LibraryError.invalid("\(label): a record needs \"text\" or \"html\"")
            }
            if let title = try string("title") { article.title = title }
            if let date = try published ?? string("published") {
                do { _ = try ISODate.validated(date, field: "\"published\"") } catch { throw LibraryError.invalid("\(label): \(error)") }
                article.published = date
            }
            if let url { article.source = url }
            return (analyzer.analyze(article), id ?? url)
        }
    }
}

/// What `library add` counts as it writes.
struct Tally {
    private(set) var added = 0, replaced = 0, failures = 0

    mutating func done(_ result: AddResult) {
        added += 1
        if result.replaced { replaced += 1 }
    }

    mutating func failed(_ label: String, _ error: Error) {
        let text = (error as? LocalizedError)?.errorDescription ?? "\(error)"
        failures += 1
        FileHandle.standardError.write(Data("dramatis: \(label): \(text)\n".utf8))
    }
}
