import ArgumentParser
import DramatisApp
import DramatisCore
import Foundation

/// `dramatis FILE…` opens windows; `dramatis analyze|export|bench|library` work without a display.
@main
struct Dramatis {
    static let subcommands: Set<String> = ["analyze", "export", "bench", "train", "library", "help", "--help", "-h", "--version"]

    // Synchronous on purpose: an `async` main parks the main thread in `dispatch_main()` and runs
    // the main actor on a worker thread, where GTK's loop cannot feed the main queue.
    static func main() {
        let args = Array(CommandLine.arguments.dropFirst())
        if let first = args.first, subcommands.contains(first) {
            Task { await DramatisCommand.main(args); exit(0) }
            dispatchMain()
        } else {
            let code = MainActor.assumeIsolated {
                DramatisApplication.run(files: args.filter { !$0.hasPrefix("-") }, arguments: CommandLine.arguments)
            }
            exit(code)
        }
    }
}

struct DramatisCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dramatis",
        abstract: "Who is in a news article, what each said, what each is for or against, and when things happened.",
        discussion: "With no subcommand, `dramatis FILE…` opens each file in a window.",
        version: "dramatis \(DramatisVersion.string)",
        subcommands: [Analyze.self, ExportCommand.self, Bench.self, Train.self, LibraryCommand.self])
}

/// Options every command that reads articles shares.
struct ArticleOptions: ParsableArguments {
    @Option(name: .long, help: "Publication date (YYYY-MM-DD); sets or overrides the article's metadata.")
    var published: String?
    @Flag(name: .long, help: "Accept files over 20 MB and texts over a million characters (batch work, benchmarks).")
    var noSizeLimit = false

    var limits: ArticleLoader.Limits { noSizeLimit ? .unlimited : .interactive }

    func validate() throws {
        if let published, ISODate(published) == nil {
            throw ValidationError("--published must be a date like 2025-08-18, not '\(published)'")
        }
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case json, markdown, html, jsonl
}

struct Analyze: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Analyse articles and print the result (JSON, Markdown or HTML) to standard output.")

    @OptionGroup var options: ArticleOptions
    @Option(name: .long, help: "Output format: json, markdown, html, or jsonl (one compact JSON document per line).")
    var format: OutputFormat = .json
    @Argument(help: "Article files (plain text, Markdown or HTML), folders of articles, or http(s) URLs.")
    var inputs: [String]

    func run() async throws {
        let analyzer = Analyzer()
        let paths = Analyze.expand(inputs)
        let published = options.published, format = format, limits = options.limits
        var failed = false
        // Several articles (a folder): analysed on every core, printed in input order, a batch at a time.
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let batch = paths.count > 1 ? cores * 4 : 1
        var start = 0
        while start < paths.count {
            let chunk = Array(paths[start..<min(paths.count, start + batch)])
            let results = Analyze.concurrentMap(chunk, threads: cores) { input -> Result<Data, Error> in
                Result {
                    var data = try Renderer.render(try analyzer.analyze(path: input, published: published, limits: limits), format: format)
                    if format == .jsonl || format == .json { data.append(contentsOf: Array("\n".utf8)) }
                    return data
                }
            }
            for r in results {
                switch r {
                case .success(let data): FileHandle.standardOutput.write(data)
                case .failure(let error):
                    FileHandle.standardError.write(Data("dramatis: \(error.localizedDescription)\n".utf8))
                    failed = true
                }
            }
            start += batch
        }
        if failed { throw ExitCode(1) }
    }

    /// Folders become their `*.txt`, `*.md`, `*.markdown`, `*.html`, `*.htm` files (not recursive), sorted by name.
    static func expand(_ inputs: [String]) -> [String] {
        let fm = FileManager.default
        let extensions: Set<String> = ["txt", "md", "markdown", "html", "htm"]
        return inputs.flatMap { input -> [String] in
            var isDir: ObjCBool = false
            guard !input.contains("://"), fm.fileExists(atPath: input, isDirectory: &isDir), isDir.boolValue,
                  let names = try? fm.contentsOfDirectory(atPath: input) else { return [input] }
            let files = names.filter { extensions.contains(($0 as NSString).pathExtension.lowercased()) && !$0.hasPrefix(".") }.sorted()
            return files.isEmpty ? [input] : files.map { (input as NSString).appendingPathComponent($0) }
        }
    }

    /// `transform` over `items` on up to `threads` threads; results in input order.
    static func concurrentMap<T: Sendable>(_ items: [String], threads: Int, _ transform: @escaping @Sendable (String) -> T) -> [T] {
        let shared = OrderedResults<T>(items.count)
        DispatchQueue.concurrentPerform(iterations: min(threads, items.count)) { _ in
            while true {
                let i = shared.take()
                guard i < items.count else { return }
                shared.put(i, transform(items[i]))
            }
        }
        return shared.results.map { $0! }
    }
}

enum Renderer {
    static func render(_ analysis: Analysis, format: OutputFormat) throws -> Data {
        switch format {
        case .json: return try analysis.jsonData(pretty: true)
        case .jsonl: return try analysis.jsonData(pretty: false)
        case .markdown: return try Exporters.render(analysis, as: .markdown)
        case .html: return try Exporters.render(analysis, as: .html)
        }
    }
}

struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time the whole analysis over a corpus and print words per second (use a release build).",
        discussion: "Words are the whitespace-separated tokens of each analysed text. One untimed warm-up analysis; process start-up and file loading are not timed.")

    @Option(name: .long, help: "Minimum number of words to analyse in each round.")
    var words: Int = 1_000_000
    @Option(name: .long, help: "Timed rounds; with more than one, each round's figure and their median are printed.")
    var rounds: Int = 1
    @Argument(help: "Articles to analyse, each as a separate document (default: the sample article).")
    var files: [String] = []

    func run() async throws {
        let paths = files.isEmpty ? [DataDirectory.sampleArticle?.path].compactMap { $0 } : files
        let articles = try paths.map { try ArticleLoader.load(path: $0, limits: .unlimited) }
        let wordsEach = articles.map { $0.text.split(whereSeparator: { $0.isWhitespace }).count }
        let perRound = max(1, wordsEach.reduce(0, +))
        let analyzer = Analyzer()
        _ = analyzer.analyze(Article(title: nil, published: nil, source: nil, text: "Mr Smith said it was fine.")) // warm-up: loads lexicons
        var rates: [Double] = []
        for _ in 0..<max(1, rounds) {
            var total = 0, documents = 0
            let clock = ContinuousClock()
            let elapsed = clock.measure {
                while total < words {
                    for a in articles { _ = analyzer.analyze(a); documents += 1 }
                    total += perRound
                }
            }
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            rates.append(Double(total) / seconds)
            print(String(format: "%d words in %d documents: %.3f s, %.0f words/s", total, documents, seconds,
                         Double(total) / seconds))
        }
        if rates.count > 1 {
            print(String(format: "median: %.0f words/s", rates.sorted()[rates.count / 2]))
        }
    }
}

/// Results of a concurrent map, in input order, and the next index to take.
final class OrderedResults<T>: @unchecked Sendable {
    var results: [T?]
    var next = 0
    let lock = NSLock()
    init(_ n: Int) { results = Array(repeating: nil, count: n) }
    func take() -> Int { lock.lock(); defer { lock.unlock() }; next += 1; return next - 1 }
    func put(_ i: Int, _ r: T) { lock.lock(); results[i] = r; lock.unlock() }
}
