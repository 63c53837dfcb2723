import Foundation

/// Runs the pipeline stages in order — text → entities → statements → timeline → positions —
/// and assembles the `Analysis`. Each stage is a type with one job in its own folder.
public struct Analyzer: Sendable {
    public let resources: Resources

    public init(resources: Resources = .shared) {
        self.resources = resources
    }

    public func analyze(_ article: Article) -> Analysis {
        let document = TextDocument(article.text)
        let entityResult = EntityRecognizer(resources: resources).recognize(document)
        let statements = StatementExtractor(resources: resources)
            .extract(document, entities: entityResult)
        let published = article.published.flatMap(ISODate.init)
        let timeline = TimelineExtractor(resources: resources)
            .extract(document, published: published, entities: entityResult)
        let topics = TopicFinder(resources: resources).find(document, entities: entityResult)
        let positions = PositionStage(resources: resources)
            .run(document, entities: entityResult, statements: statements, found: topics, title: article.title)
        return Analysis(article: article,
                        entities: entityResult.entities,
                        statements: statements,
                        positions: positions.positions,
                        topics: positions.topics,
                        timeline: timeline)
    }

    /// Loads and analyses a file (plain text, Markdown, HTML by content) in one call.
    public func analyze(path: String, published: String? = nil, limits: ArticleLoader.Limits = .interactive) throws -> Analysis {
        try checkResources()
        return analyze(try ArticleLoader.load(path: path, published: published, limits: limits))
    }

    /// Refuses to analyse without the lexicons: the result would look plausible and be wrong.
    public func checkResources() throws {
        if !resources.missingFiles.isEmpty {
            throw LoadError.unsupported("data", detail: "data files not found (\(resources.missingFiles.prefix(3).joined(separator: ", "))…); "
                + "set \(DataDirectory.environmentVariable) to the folder holding lexicons/ and gazetteer/")
        }
    }
}
