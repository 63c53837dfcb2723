import Foundation

/// Runs the pipeline stages in order — text → entities → statements → timeline → positions —
/// and assembles the `Analysis`. Each stage is a type with one job in its own folder.
public struct Analyzer: Sendable {
    public let resources: Resources

    public init(resources: Resources = .shared) {
        self.resources = resources
    }

    public func analyze(_ article: Article) -> Analysis {
        // Without a budget no stage stops early and nothing throws.
        try! run(article, budget: nil)
    }

    /// The analysis within `budget`: throws `AnalysisStopped` when its time runs out or it is
    /// cancelled (checked by the stages' loops and between stages), never a partial analysis.
    public func analyze(_ article: Article, budget: AnalysisBudget) throws -> Analysis {
        try AnalysisBudget.$current.withValue(budget) { try run(article, budget: budget) }
    }

    private func run(_ article: Article, budget: AnalysisBudget?) throws -> Analysis {
        let document = TextDocument(article.text)
        try budget?.check()
        let entityResult = EntityRecognizer(resources: resources).recognize(document)
        try budget?.check()
        let statements = StatementExtractor(resources: resources)
            .extract(document, entities: entityResult)
        try budget?.check()
        let published = article.published.flatMap(ISODate.init)
        let timeline = TimelineExtractor(resources: resources)
            .extract(document, published: published, entities: entityResult)
        try budget?.check()
        let topics = TopicFinder(resources: resources).find(document, entities: entityResult)
        try budget?.check()
        let positions = PositionStage(resources: resources)
            .run(document, entities: entityResult, statements: statements, found: topics, title: article.title)
        try budget?.check()
        return Analysis(article: article,
                        entities: entityResult.entities,
                        statements: statements,
                        positions: positions.positions,
                        topics: positions.topics,
                        timeline: timeline)
    }

    /// Loads and analyses a file (plain text, Markdown, HTML by content) in one call.
    public func analyze(path: String, published: String? = nil, limits: ArticleLoader.Limits = .interactive,
                        budget: AnalysisBudget? = nil) throws -> Analysis {
        try checkResources()
        let article = try ArticleLoader.load(path: path, published: published, limits: limits)
        guard let budget else { return analyze(article) }
        return try analyze(article, budget: budget)
    }

    /// Refuses to analyse without the lexicons: the result would look plausible and be wrong.
    public func checkResources() throws {
        if !resources.missingFiles.isEmpty {
            throw LoadError.unsupported("data", detail: "data files not found (\(resources.missingFiles.prefix(3).joined(separator: ", "))…); "
                + "set \(DataDirectory.environmentVariable) to the folder holding lexicons/ and gazetteer/")
        }
    }
}
