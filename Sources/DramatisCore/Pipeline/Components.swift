import Foundation

/// Tokens, sentences, paragraphs; quotations and transcript labels are computed once here for
/// the entity and statement components.
public struct TextComponent: Component {
    let resources: Resources
    public init(resources: Resources) { self.resources = resources }
    public var name: String { "text" }
    public var requires: Set<Annotation> { [.text] }
    public var produces: Set<Annotation> { [.tokens, .sentences, .paragraphs, .quotes, .speakerLabels] }
    public func apply(_ doc: inout AnnotatedDocument) {
        doc.document = TextDocument(doc.article.text, rules: resources.textRules)
    }
}

public struct EntityComponent: Component {
    let resources: Resources
    public init(resources: Resources) { self.resources = resources }
    public var name: String { "entities" }
    public var requires: Set<Annotation> { [.tokens, .sentences, .quotes, .speakerLabels] }
    public var produces: Set<Annotation> { [.entities, .mentions] }
    public func apply(_ doc: inout AnnotatedDocument) {
        let text = doc.required(doc.document, .tokens, by: name)
        doc.entities = EntityRecognizer(resources: resources).recognize(text)
    }
}

public struct StatementComponent: Component {
    let resources: Resources
    public init(resources: Resources) { self.resources = resources }
    public var name: String { "statements" }
    public var requires: Set<Annotation> { [.tokens, .sentences, .quotes, .speakerLabels, .mentions] }
    public var produces: Set<Annotation> { [.statements] }
    public func apply(_ doc: inout AnnotatedDocument) {
        let text = doc.required(doc.document, .tokens, by: name), entities = doc.required(doc.entities, .mentions, by: name)
        doc.statements = StatementExtractor(resources: resources).extract(text, entities: entities)
    }
}

/// The only component that reads the publication date (relative dates resolve against it).
public struct TimelineComponent: Component {
    let resources: Resources
    public init(resources: Resources) { self.resources = resources }
    public var name: String { "timeline" }
    public var requires: Set<Annotation> { [.tokens, .sentences, .mentions, .published] }
    public var produces: Set<Annotation> { [.timeline] }
    public func apply(_ doc: inout AnnotatedDocument) {
        let text = doc.required(doc.document, .tokens, by: name), entities = doc.required(doc.entities, .mentions, by: name)
        doc.timeline = TimelineExtractor(resources: resources).extract(text, published: doc.published, entities: entities)
    }
}

public struct TopicComponent: Component {
    let resources: Resources
    public init(resources: Resources) { self.resources = resources }
    public var name: String { "topics" }
    public var requires: Set<Annotation> { [.tokens, .sentences, .mentions] }
    public var produces: Set<Annotation> { [.foundTopics] }
    public func apply(_ doc: inout AnnotatedDocument) {
        let text = doc.required(doc.document, .tokens, by: name), entities = doc.required(doc.entities, .mentions, by: name)
        doc.foundTopics = TopicFinder(resources: resources).find(text, entities: entities)
    }
}

public struct PositionComponent: Component {
    let resources: Resources
    public init(resources: Resources) { self.resources = resources }
    public var name: String { "positions" }
    public var requires: Set<Annotation> { [.tokens, .sentences, .mentions, .statements, .foundTopics, .title] }
    public var produces: Set<Annotation> { [.positions, .topics] }
    public func apply(_ doc: inout AnnotatedDocument) {
        let text = doc.required(doc.document, .tokens, by: name), entities = doc.required(doc.entities, .mentions, by: name)
        doc.positions = PositionStage(resources: resources)
            .run(text, entities: entities, statements: doc.required(doc.statements, .statements, by: name),
                 found: doc.required(doc.foundTopics, .foundTopics, by: name), title: doc.article.title)
    }
}
