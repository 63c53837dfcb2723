import Foundation

public struct TemporalLexicon: Sendable {
    init(rows: [[String]]) {}
}

public struct TimelineExtractor: Sendable {
    let resources: Resources
    public init(resources: Resources) { self.resources = resources }
    public func extract(_ document: TextDocument, published: ISODate?, entities: EntityResult) -> [TimelineItem] { [] }
}
