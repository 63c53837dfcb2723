import Foundation

/// Runs the pipeline's components in order — text → entities → statements → timeline → topics →
/// positions (`docs/architecture.md`) — over one `AnnotatedDocument` and assembles the `Analysis`.
/// Each component is a type with one job in its own folder.
public struct Analyzer: Sendable {
    public let resources: Resources
    public let components: [any Component]

    public init(resources: Resources = .shared) {
        self.resources = resources
        components = Analyzer.standardComponents(resources)
    }

    /// An analyser of other components (a learnt tagger in place of a rule stage); throws when
    /// one requires what no earlier component produces.
    public init(resources: Resources, components: [any Component]) throws {
        try components.checkOrder()
        self.resources = resources
        self.components = components
    }

    public static func standardComponents(_ resources: Resources) -> [any Component] {
        [Stage.text(resources), Stage.entities(resources), Stage.statements(resources),
         Stage.timeline(resources), Stage.topics(resources), Stage.positions(resources)]
    }

    public func analyze(_ article: Article) -> Analysis {
        annotate(article).analysis
    }

    /// The analysis within `budget`: throws `AnalysisStopped` when its time runs out or it is
    /// cancelled (checked by the stages' loops and between stages), never a partial analysis.
    public func analyze(_ article: Article, budget: AnalysisBudget) throws -> Analysis {
        try annotate(article, budget: budget).analysis
    }

    /// Every annotation of the article, for a caller that re-analyses part of it later.
    public func annotate(_ article: Article) -> AnnotatedDocument {
        // Without a budget no stage stops early and nothing throws.
        var doc = AnnotatedDocument(article: article)
        try! run(components, on: &doc, budget: nil)
        return doc
    }

    public func annotate(_ article: Article, budget: AnalysisBudget) throws -> AnnotatedDocument {
        try AnalysisBudget.$current.withValue(budget) {
            var doc = AnnotatedDocument(article: article)
            try run(components, on: &doc, budget: budget)
            return doc
        }
    }

    /// The same document with another publication date (nil: none): only the components that
    /// depend on the date (and on what they produce) run again; the others' annotations stay.
    public func reanalyze(_ previous: AnnotatedDocument, published: String?) -> AnnotatedDocument {
        var doc = previous
        doc.article.published = published
        try! run(components.affected(by: [.published]), on: &doc, budget: nil)
        return doc
    }

    private func run(_ components: [any Component], on doc: inout AnnotatedDocument, budget: AnalysisBudget?) throws {
        for component in components {
            component.apply(&doc)
            try budget?.check()
        }
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
