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
    @Flag(name: .long, help: "Also read the articles in the subfolders of a folder.")
    var recursive = false

    @Option(name: .long, help: ArgumentHelp("Stop an analysis that takes longer than this many seconds, with a message (0: no limit; default: 2, or none with --no-size-limit).", valueName: "seconds"))
    var timeLimit: Double?

    var limits: ArticleLoader.Limits { noSizeLimit ? .unlimited : .interactive }

    /// A new budget for one article (its clock starts now), or nil for none.
    func budget() -> AnalysisBudget? {
        let seconds = timeLimit ?? (noSizeLimit ? 0 : AnalysisBudget.interactiveSeconds)
        return seconds > 0 ? AnalysisBudget(seconds: seconds) : nil
    }

    func validate() throws {
        if let timeLimit, !(timeLimit >= 0) || !timeLimit.isFinite {
            throw ValidationError("--time-limit must be a number of seconds (0 for no limit), not '\(timeLimit)'")
        }
        if let published {
            do { _ = try ISODate.validated(published, field: "--published") } catch { throw ValidationError("\(error)") }
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
    @Flag(name: .long, help: ArgumentHelp(
        "Read JSON Lines records from standard input and write one line per record, in order (with --format jsonl).",
        discussion: "A record is {\"id\", \"text\" | \"html\", \"published\", \"url\", \"title\"}; its line is the analysis "
            + "with the record's id, or {\"id\", \"line\", \"error\"} for a record that cannot be analysed."))
    var stdin = false
    @Argument(help: "Article files (plain text, Markdown or HTML), folders of articles (their .txt, .md, .markdown, .html and .htm files; with --recursive, their subfolders' too), or http(s) URLs.")
    var inputs: [String] = []

    func validate() throws {
        if stdin {
            guard inputs.isEmpty else { throw ValidationError("--stdin reads records from standard input: give no files as well") }
            guard format == .jsonl else { throw ValidationError("--stdin writes JSON Lines: use --format jsonl") }
        } else if inputs.isEmpty {
            throw ValidationError("give article files, folders or URLs, or --stdin")
        }
    }

    /// Articles at a time between reading and writing: enough to keep every core busy while one
    /// long article holds up the output, few enough for flat memory.
    static var window: Int { cores * 4 }
    static var cores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    func run() async throws {
        let analyzer = Analyzer()
        let published = options.published, format = format, limits = options.limits
        if stdin {
            try analyzer.checkResources()
            let reader = RecordStream.LineReader(fd: 0, maximumBytes: limits.maximumBytes)
            var failed = 0
            OrderedPipeline<RecordStream.Line, RecordStream.Output>.run(
                threads: Analyze.cores, window: Analyze.window, read: { reader.next() },
                transform: { RecordStream.process($0, analyzer: analyzer, published: published, limits: limits) },
                write: { output in
                    if output.failed { failed += 1 }
                    FileHandle.standardOutput.write(Data(output.bytes))
                })
            if failed > 0 {
                FileHandle.standardError.write(Data("dramatis: \(failed) record(s) could not be analysed (error lines in the output)\n".utf8))
            }
            return
        }
        let (paths, emptyFolders) = ArticleInputs.expand(inputs, recursive: options.recursive,
                                                         accept: ArticleInputs.isArticleName)
        let options = options
        var failed = !emptyFolders.isEmpty
        for folder in emptyFolders { FileHandle.standardError.write(Data("dramatis: \(folder)\n".utf8)) }
        // Several articles (a folder): analysed on every core, printed in input order.
        var next = 0
        OrderedPipeline<String, Result<Data, Error>>.run(
            threads: paths.count > 1 ? Analyze.cores : 1, window: Analyze.window,
            read: { () -> String? in
                guard next < paths.count else { return nil }
                next += 1
                return paths[next - 1]
            },
            transform: { input in
                Result {
                    let analysis: Analysis
                    do {
                        analysis = try analyzer.analyze(path: input, published: published, limits: limits, budget: options.budget())
                    } catch let stopped as AnalysisStopped {
                        throw LoadError.unsupported(input, detail: stopped.localizedDescription)
                    }
                    if let notice = analysis.article.notice {
                        FileHandle.standardError.write(Data("dramatis: \(input): note: \(notice)\n".utf8))
                    }
                    var data = try Renderer.render(analysis, format: format)
                    if format == .jsonl || format == .json { data.append(contentsOf: Array("\n".utf8)) }
                    return data
                }
            },
            write: { r in
                switch r {
                case .success(let data): FileHandle.standardOutput.write(data)
                case .failure(let error):
                    FileHandle.standardError.write(Data("dramatis: \(error.localizedDescription)\n".utf8))
                    failed = true
                }
            })
        if failed { throw ExitCode(1) }
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
