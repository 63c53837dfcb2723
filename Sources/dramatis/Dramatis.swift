import ArgumentParser
import DramatisApp
import DramatisCore
import Foundation

/// `dramatis FILE…` opens windows; `dramatis analyze|export|bench` work without a display.
@main
struct Dramatis {
    static let subcommands: Set<String> = ["analyze", "export", "bench", "help", "--help", "-h", "--version"]

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
        subcommands: [Analyze.self, ExportCommand.self, Bench.self])
}

/// Options every command that reads articles shares.
struct ArticleOptions: ParsableArguments {
    @Option(name: .long, help: "Publication date (YYYY-MM-DD); sets or overrides the article's metadata.")
    var published: String?

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
        var failed = false
        for input in inputs {
            do {
                let analysis = try analyzer.analyze(path: input, published: options.published)
                let data = try Renderer.render(analysis, format: format)
                FileHandle.standardOutput.write(data)
                if format == .jsonl || format == .json { FileHandle.standardOutput.write(Data("\n".utf8)) }
            } catch {
                FileHandle.standardError.write(Data("dramatis: \(error.localizedDescription)\n".utf8))
                failed = true
            }
        }
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
        abstract: "Time the whole analysis over a corpus and print words per second (use a release build).")

    @Option(name: .long, help: "Minimum number of words to analyse in total.")
    var words: Int = 1_000_000
    @Argument(help: "Articles to analyse, each as a separate document (default: the sample article).")
    var files: [String] = []

    func run() async throws {
        let paths = files.isEmpty ? [DataDirectory.sampleArticle?.path].compactMap { $0 } : files
        let articles = try paths.map { try ArticleLoader.load(path: $0) }
        let wordsEach = articles.map { $0.text.split(whereSeparator: { $0 == " " || $0 == "\n" }).count }
        let perRound = max(1, wordsEach.reduce(0, +))
        let analyzer = Analyzer()
        _ = analyzer.analyze(articles[0]) // warm-up: loads lexicons
        var total = 0, documents = 0
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            while total < words {
                for a in articles { _ = analyzer.analyze(a); documents += 1 }
                total += perRound
            }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print(String(format: "%d words in %d documents: %.3f s, %.0f words/s", total, documents, seconds,
                     Double(total) / seconds))
    }
}
