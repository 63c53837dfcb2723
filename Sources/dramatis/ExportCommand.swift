import ArgumentParser
import DramatisCore
import DramatisPDF
import Foundation

extension ExportFormat: ExpressibleByArgument {
    public init?(argument: String) {
        guard let f = ExportFormat.from(name: argument) else { return nil }
        self = f
    }
    public static var allValueStrings: [String] { ["markdown", "md", "html", "json", "pdf"] }
}

/// `dramatis export FILE… -o OUT` — analyse articles and write one summary file per article
/// through the shared `Export` table (atomic writes).
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Analyse articles and write summaries as Markdown, HTML, JSON or PDF.",
        discussion: """
            The format comes from the output's extension (.md/.markdown, .html/.htm, .json, .pdf) \
            or from --format. With several inputs, -o names a folder (created when missing) and each \
            summary is named after its article (seed.txt → seed.pdf). Without -o, files are written \
            to the current folder under derived names, as Markdown unless --format says otherwise. \
            A folder given as input is exported file by file (with --recursive, its subfolders too). \
            An input may also be a saved \
            dramatis.analysis/1 JSON document, which is exported without analysing again.
            Files are replaced only by complete new files.
            """)

    @OptionGroup var options: ArticleOptions
    @Option(name: [.short, .customLong("output")],
            help: ArgumentHelp("Output file, or folder for several inputs.", valueName: "path"))
    var output: String?
    @Option(name: .long, help: "Format: markdown (md), html, json or pdf; default: from the output's extension, else markdown.")
    var format: ExportFormat?
    @Argument(help: "Article files (plain text, Markdown or HTML), folders of articles, or dramatis JSON documents.")
    var inputs: [String]

    func validate() throws {
        if let output, format == nil, inputs.count == 1, !isFolder(output),
           ExportFormat.from(extension: (output as NSString).pathExtension) == nil {
            throw ValidationError("cannot tell the format from '\(output)': use a .md, .html, .json or .pdf name, or --format")
        }
    }

    func run() async throws {
        AtomicFile.removeTemporaryFileOnSignal()
        // Any file in a folder may be an article or a saved analysis; sidecars are metadata.
        let (files, emptyFolders) = ArticleInputs.expand(inputs, recursive: options.recursive) { !$0.hasSuffix(".meta.json") }
        for folder in emptyFolders { FileHandle.standardError.write(Data("dramatis: \(folder)\n".utf8)) }
        if files.isEmpty { throw ExitCode(1) }
        let plan = try destinations(for: files)
        let analyzer = Analyzer()
        var failed = !emptyFolders.isEmpty
        for (input, destination, fmt) in plan {
            do {
                let analysis = try ExportCommand.load(input, analyzer: analyzer, published: options.published, limits: options.limits,
                                                      budget: options.budget())
                try Export.write(analysis, to: destination, as: fmt)
                print(destination.path)
            } catch {
                FileHandle.standardError.write(Data(ArticleInputs.errorLine(input: input, error).utf8))
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }

    /// An article to analyse, or a saved `dramatis.analysis/1` document (re-analysed only when
    /// `--published` changes its date).
    static func load(_ input: String, analyzer: Analyzer, published: String?,
                     limits: ArticleLoader.Limits = .interactive, budget: AnalysisBudget? = nil) throws -> Analysis {
        if let analysis = LoadedDocument.savedAnalysis(atPath: input) {
            guard let published, published != analysis.article.published else { return analysis }
            var article = analysis.article
            article.published = published
            return try budget.map { try analyzer.analyze(article, budget: $0) } ?? analyzer.analyze(article)
        }
        return try analyzer.analyze(path: input, published: published, limits: limits, budget: budget)
    }

    private func isFolder(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return path.hasSuffix("/") || (FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue)
    }

    private func destinations(for files: [String]) throws -> [(String, URL, ExportFormat)] {
        let single = files.count == 1
        let folder: URL
        if let output {
            if isFolder(output) || !single {
                if !single, !isFolder(output), ExportFormat.from(extension: (output as NSString).pathExtension) != nil {
                    throw ValidationError("with several inputs, -o names a folder, not '\(output)'")
                }
                folder = URL(fileURLWithPath: output, isDirectory: true)
            } else {
                let file = URL(fileURLWithPath: output)
                return [(files[0], file, try Exporters.format(for: file, explicit: format))]
            }
        } else {
            folder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        }
        // Markdown by default: it needs no viewer and is what `--help` promises.
        let fmt = format ?? output.flatMap({ ExportFormat.from(extension: ($0 as NSString).pathExtension) }) ?? .markdown
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var used: Set<String> = []
        return files.map { input in
            var base = ((URL(string: input)?.scheme?.hasPrefix("http") == true ? URL(string: input)!.lastPathComponent
                        : (input as NSString).lastPathComponent) as NSString).deletingPathExtension
            if base.hasSuffix(".analysis") { base = String(base.dropLast(".analysis".count)) }
            if base.isEmpty || base == "/" { base = "article" }
            var name = "\(base).\(fmt.fileExtension)"
            var n = 2
            while used.contains(name) { name = "\(base)-\(n).\(fmt.fileExtension)"; n += 1 }
            used.insert(name)
            return (input, folder.appendingPathComponent(name), fmt)
        }
    }
}
