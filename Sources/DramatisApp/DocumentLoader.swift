import DramatisCore
import Foundation

/// Opens a file for a window in two stages, both off the main thread: the article text first
/// (shown at once), then its analysis by the core. A file is an article (plain text, Markdown,
/// HTML, an http(s) address: the core's loader decides) or a `dramatis.analysis/1` JSON document
/// saved by `dramatis analyze --format json`, which needs no analysis.
struct PendingDocument: Sendable {
    let text: Task<FirstStage, Error>
    let analysis: Task<Analysis, Error>

    func cancel() { text.cancel(); analysis.cancel() }
}

enum FirstStage: Sendable {
    case article(Article)
    case saved(Analysis)

    var article: Article {
        switch self {
        case .article(let article): article
        case .saved(let analysis): analysis.article
        }
    }
}

@MainActor
enum DocumentLoader {
    /// Documents started before GTK is up (files from the command line), by path.
    private static var started: [String: PendingDocument] = [:]

    /// Starts loading and analysing the command-line files at once, overlapping GTK start-up.
    static func prefetch(_ paths: [String]) {
        for path in paths where started[key(path)] == nil { started[key(path)] = start(path) }
    }

    /// The prefetched document for `path` if there is one, else a new one.
    static func open(_ path: String) -> PendingDocument {
        started.removeValue(forKey: key(path)) ?? start(path)
    }

    /// An address typed in Open Location…: fetched with the core's async loader (cancelling the
    /// document's tasks cancels the fetch), then analysed.
    static func openLocation(_ location: String) -> PendingDocument {
        let text = Task.detached(priority: .userInitiated) { () throws -> FirstStage in
            .article(try await ArticleLoader.open(location: location))
        }
        return PendingDocument(text: text, analysis: analysisTask(after: text))
    }

    private static func analysisTask(after text: Task<FirstStage, Error>) -> Task<Analysis, Error> {
        Task.detached(priority: .userInitiated) { () throws -> Analysis in
            switch try await text.value {
            case .saved(let analysis): return analysis
            case .article(let article): return Analyzer().analyze(article)
            }
        }
    }

    /// The same article analysed again with another publication date (nil: none), so the core
    /// resolves relative dates anew; the window derives no dates itself.
    static func reanalyse(_ article: Article, published: String?) -> Task<Analysis, Never> {
        var article = article
        article.published = published
        return Task.detached(priority: .userInitiated) { Analyzer().analyze(article) }
    }

    private static func start(_ path: String) -> PendingDocument {
        let text = Task.detached(priority: .userInitiated) { try firstStage(path) }
        return PendingDocument(text: text, analysis: analysisTask(after: text))
    }

    private static func key(_ path: String) -> String {
        path.contains("://") ? path : URL(fileURLWithPath: path).standardizedFileURL.path
    }

    nonisolated static func firstStage(_ path: String) throws -> FirstStage {
        if path.lowercased().hasSuffix(".json") {
            let data = try ArticleLoader.readFile(path: path)
            if let analysis = try? Analysis.decode(from: data), analysis.schema == Analysis.schemaName {
                return .saved(analysis)
            }
        }
        return .article(try ArticleLoader.load(path: path))
    }
}
