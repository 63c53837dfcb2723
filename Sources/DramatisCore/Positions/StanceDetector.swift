import Foundation

public struct StanceCue: Sendable {
    init?(row: [String]) { return nil }
}

public struct FoundTopic: Sendable { public var id: String; public var mentions: Int }

public struct TopicFinder: Sendable {
    let resources: Resources
    public init(resources: Resources) { self.resources = resources }
    public func find(_ document: TextDocument) -> [FoundTopic] { [] }
}

public struct StanceDetector: Sendable {
    let resources: Resources
    public init(resources: Resources) { self.resources = resources }
    public func detect(_ document: TextDocument, entities: EntityResult, statements: [Statement], topics: [FoundTopic]) -> [Position] { [] }
}
