import Foundation

/// What a path holds: an article to analyse, or a saved `dramatis.analysis/1` document (written
/// by `dramatis analyze --format json`) that needs no analysis. The one rule the CLI and the
/// window both use.
public enum LoadedDocument: Sendable {
    case saved(Analysis)
    case article(Article)

    public var article: Article {
        switch self {
        case .saved(let analysis): analysis.article
        case .article(let article): article
        }
    }

    public static func load(path: String, limits: ArticleLoader.Limits = .interactive) throws -> LoadedDocument {
        if let saved = savedAnalysis(atPath: path) { return .saved(saved) }
        return .article(try ArticleLoader.load(path: path, limits: limits))
    }

    /// The analysis saved at `path`: a `.json` file that decodes as one of this schema. Any other
    /// file (or one that cannot be read, which the article loader then reports) is nil.
    public static func savedAnalysis(atPath path: String) -> Analysis? {
        guard path.lowercased().hasSuffix(".json"), let data = try? ArticleLoader.readFile(path: path),
              let analysis = try? Analysis.decode(from: data), analysis.schema == Analysis.schemaName else { return nil }
        return analysis
    }
}
