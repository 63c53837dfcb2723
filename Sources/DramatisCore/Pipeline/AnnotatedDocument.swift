import Foundation

/// The article and every annotation the components have added so far, each located by token
/// range in the one `TextDocument`. The text is never changed.
public struct AnnotatedDocument: Sendable {
    public internal(set) var article: Article
    /// Tokens, sentences, paragraphs, quotations and transcript labels (the `text` component's).
    public internal(set) var document: TextDocument?
    /// Entities and their located mentions.
    public internal(set) var entities: EntityResult?
    public internal(set) var statements: [Statement]?
    public internal(set) var timeline: [TimelineItem]?
    /// Salient phrases, before positions pick the issues among them.
    public internal(set) var foundTopics: [FoundTopic]?
    /// Positions and the issues they are taken on.
    public internal(set) var positions: PositionStage.Result?

    public init(article: Article) { self.article = article }

    /// The publication date as a date (nil when unknown or not a valid `YYYY-MM-DD`).
    public var published: ISODate? { article.published.flatMap(ISODate.init) }

    /// The annotation a component declared it requires; the analyser checked the order, so a
    /// missing one is a programming error.
    func required<T>(_ value: T?, _ annotation: Annotation, by component: String) -> T {
        guard let value else { preconditionFailure("component '\(component)' ran before '\(annotation.rawValue)' was produced") }
        return value
    }

    /// The text and the located mentions, which most components read.
    func textAndMentions(for component: String) -> (TextDocument, EntityResult) {
        (required(document, .tokens, by: component), required(entities, .mentions, by: component))
    }

    /// The contract's document, from the annotations (absent ones are empty).
    public var analysis: Analysis {
        Analysis(article: article,
                 entities: entities?.entities ?? [],
                 statements: statements ?? [],
                 positions: positions?.positions ?? [],
                 topics: positions?.topics ?? [],
                 timeline: timeline ?? [],
                 sentences: document?.sentences.map(\.span),
                 paragraphs: document?.paragraphs)
    }
}
