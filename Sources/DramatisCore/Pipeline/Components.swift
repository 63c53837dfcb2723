import Foundation

/// A component made of a name, its declared annotations and the work it does: the six standard
/// stages are built this way (a learnt component can be its own type conforming to `Component`).
public struct Stage: Component {
    public let name: String
    public let requires: Set<Annotation>
    public let produces: Set<Annotation>
    let work: @Sendable (inout AnnotatedDocument) -> Void

    public init(_ name: String, requires: Set<Annotation>, produces: Set<Annotation>,
                _ work: @escaping @Sendable (inout AnnotatedDocument) -> Void) {
        self.name = name
        self.requires = requires
        self.produces = produces
        self.work = work
    }

    public func apply(_ doc: inout AnnotatedDocument) { work(&doc) }
}

extension Stage {
    /// Tokens, sentences, paragraphs; quotations and transcript labels are computed once here for
    /// the entity and statement components.
    public static func text(_ resources: Resources) -> Stage {
        Stage("text", requires: [.text], produces: [.tokens, .sentences, .paragraphs, .quotes, .speakerLabels]) { doc in
            doc.document = TextDocument(doc.article.text, rules: resources.textRules)
        }
    }

    public static func entities(_ resources: Resources) -> Stage {
        Stage("entities", requires: [.tokens, .sentences, .quotes, .speakerLabels], produces: [.entities, .mentions]) { doc in
            doc.entities = EntityRecognizer(resources: resources).recognize(doc.required(doc.document, .tokens, by: "entities"))
        }
    }

    public static func statements(_ resources: Resources) -> Stage {
        Stage("statements", requires: [.tokens, .sentences, .quotes, .speakerLabels, .mentions], produces: [.statements]) { doc in
            let (text, entities) = doc.textAndMentions(for: "statements")
            doc.statements = StatementExtractor(resources: resources).extract(text, entities: entities)
        }
    }

    /// The only component that reads the publication date (relative dates resolve against it).
    public static func timeline(_ resources: Resources) -> Stage {
        Stage("timeline", requires: [.tokens, .sentences, .mentions, .published], produces: [.timeline]) { doc in
            let (text, entities) = doc.textAndMentions(for: "timeline")
            doc.timeline = TimelineExtractor(resources: resources).extract(text, published: doc.published, entities: entities)
        }
    }

    public static func topics(_ resources: Resources) -> Stage {
        Stage("topics", requires: [.tokens, .sentences, .mentions], produces: [.foundTopics]) { doc in
            let (text, entities) = doc.textAndMentions(for: "topics")
            doc.foundTopics = TopicFinder(resources: resources).find(text, entities: entities)
        }
    }

    public static func positions(_ resources: Resources) -> Stage {
        Stage("positions", requires: [.tokens, .sentences, .mentions, .statements, .foundTopics, .title],
              produces: [.positions, .topics]) { doc in
            let (text, entities) = doc.textAndMentions(for: "positions")
            doc.positions = PositionStage(resources: resources)
                .run(text, entities: entities, statements: doc.required(doc.statements, .statements, by: "positions"),
                     found: doc.required(doc.foundTopics, .foundTopics, by: "positions"), title: doc.article.title)
        }
    }
}
