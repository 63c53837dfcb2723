import Foundation

public struct StatementExtractor: Sendable {
    let resources: Resources
    public init(resources: Resources) { self.resources = resources }
    public func extract(_ document: TextDocument, entities: EntityResult) -> [Statement] { [] }
}
