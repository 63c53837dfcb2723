import DramatisCore
import Foundation

/// Opens a file for a window in two stages, both off the main thread: the article text first
/// (shown at once), then its analysis by the core. A file is an article (plain text, Markdown,
/// HTML, an http(s) address: the core's loader decides) or a `dramatis.analysis/1` JSON document
/// saved by `dramatis analyze --format json`, which needs no analysis.
struct PendingDocument: Sendable {
    let text: Task<LoadedDocument, Error>
    let analysis: Task<AnalysedDocument, Error>
    /// The analysis's outcome, readable without `await` once it is there.
    let outcome: Outcome

    func cancel() { text.cancel(); analysis.cancel() }

    /// The finished analysis (or its error), waiting at most `timeout` seconds for it; nil if it
    /// is still running. Lets a window show an article that is already analysed in its first
    /// frame, without a progress page flashing by.
    func finished(waitingUpTo timeout: Double = 0) -> Result<AnalysedDocument, Error>? {
        outcome.value(waitingUpTo: timeout)
    }

    /// Set once by the analysis task; waited on with a timeout.
    final class Outcome: @unchecked Sendable {
        private let lock = NSLock()
        private let done = DispatchGroup()
        private var result: Result<AnalysedDocument, Error>?

        init() { done.enter() }

        func set(_ result: Result<AnalysedDocument, Error>) {
            lock.withLock { self.result = result }
            done.leave()
        }

        func value(waitingUpTo timeout: Double) -> Result<AnalysedDocument, Error>? {
            _ = done.wait(timeout: .now() + max(0, timeout))
            return lock.withLock { result }
        }
    }
}

/// An analysis and, when the core computed it here (not a saved document), the annotations it
/// came from: a new publication date then re-runs only the date-dependent components on them.
struct AnalysedDocument: Sendable {
    let analysis: Analysis
    let annotated: AnnotatedDocument?

    init(_ annotated: AnnotatedDocument) { analysis = annotated.analysis; self.annotated = annotated }
    init(saved: Analysis) { analysis = saved; annotated = nil }
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
        let text = Task.detached(priority: .userInitiated) { () throws -> LoadedDocument in
            .article(try await ArticleLoader.open(location: location))
        }
        return document(text: text)
    }

    private static func document(text: Task<LoadedDocument, Error>) -> PendingDocument {
        let outcome = PendingDocument.Outcome()
        let analysis = Task.detached(priority: .userInitiated) { () throws -> AnalysedDocument in
            do {
                let analysis: AnalysedDocument
                switch try await text.value {
                case .saved(let saved): analysis = AnalysedDocument(saved: saved)
                // Within the interactive time limit, and stopped by Cancel (the task's cancellation).
                case .article(let article):
                    analysis = AnalysedDocument(try Analyzer().annotate(article, budget: AnalysisBudget(seconds: AnalysisBudget.interactiveSeconds)))
                }
                StartupTrace.mark("analysed (worker thread)")
                outcome.set(.success(analysis))
                return analysis
            } catch {
                outcome.set(.failure(error))
                throw error
            }
        }
        return PendingDocument(text: text, analysis: analysis, outcome: outcome)
    }

    /// The article analysed (again) with the publication date `published` (nil: none), so the core
    /// resolves relative dates anew; the window derives no dates itself.
    static func analyse(_ article: Article, published: String?) -> Task<AnalysedDocument, Never> {
        var article = article
        article.published = published
        return Task.detached(priority: .userInitiated) { AnalysedDocument(Analyzer().annotate(article)) }
    }

    /// The document shown with another publication date: the core's `Analyzer.reanalyze` re-runs
    /// only the components that depend on the date on its annotations (a full analysis when there
    /// are none: a saved document).
    static func reanalyse(_ shown: AnalysedDocument, published: String?) -> Task<AnalysedDocument, Never> {
        guard let annotated = shown.annotated else { return analyse(shown.analysis.article, published: published) }
        return Task.detached(priority: .userInitiated) { AnalysedDocument(Analyzer().reanalyze(annotated, published: published)) }
    }

    private static func start(_ path: String) -> PendingDocument {
        document(text: Task.detached(priority: .userInitiated) { try firstStage(path) })
    }

    private static func key(_ path: String) -> String {
        path.contains("://") ? path : URL(fileURLWithPath: path).standardizedFileURL.path
    }

    nonisolated static func firstStage(_ path: String) throws -> LoadedDocument {
        try LoadedDocument.load(path: path)
    }
}
