import Foundation

public struct EntityResult: Sendable {
    public var entities: [Entity]
    public init(entities: [Entity]) { self.entities = entities }
}

public struct EntityRecognizer: Sendable {
    let resources: Resources
    public init(resources: Resources) { self.resources = resources }
    public func recognize(_ document: TextDocument) -> EntityResult { EntityResult(entities: []) }
}
