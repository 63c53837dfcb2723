import Foundation

/// An annotation of an `AnnotatedDocument`: what a component reads or adds.
public enum Annotation: String, Sendable, CaseIterable, Comparable {
    // From the article itself.
    case text, title, published
    // The text component's.
    case tokens, sentences, paragraphs, quotes, speakerLabels
    case entities, mentions
    case statements
    case timeline
    case foundTopics
    case positions, topics

    /// Annotations every document has before any component runs.
    public static let fromArticle: Set<Annotation> = [.text, .title, .published]

    public static func < (a: Annotation, b: Annotation) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// One stage of the pipeline. It reads only what it `requires` of the document and adds only
/// what it `produces`, so the analyser can check an order once and re-run a part of it.
public protocol Component: Sendable {
    var name: String { get }
    var requires: Set<Annotation> { get }
    var produces: Set<Annotation> { get }
    func apply(_ doc: inout AnnotatedDocument)
}

public enum PipelineError: Error, Equatable, CustomStringConvertible {
    /// A component requires an annotation no earlier component produces.
    case unmet(component: String, missing: [Annotation])

    public var description: String {
        switch self {
        case .unmet(let component, let missing):
            "component '\(component)' requires \(missing.map(\.rawValue).joined(separator: ", ")), which no earlier component produces"
        }
    }
}

extension Array where Element == any Component {
    /// Throws when a component comes before one that produces what it requires.
    func checkOrder() throws {
        var available = Annotation.fromArticle
        for c in self {
            let missing = c.requires.subtracting(available)
            if !missing.isEmpty { throw PipelineError.unmet(component: c.name, missing: missing.sorted()) }
            available.formUnion(c.produces)
        }
    }

    /// The components to run again when `changed` annotations changed: those that require one
    /// of them, and, transitively, those that require what a re-run component produces.
    func affected(by changed: Set<Annotation>) -> [any Component] {
        var dirty = changed
        var result: [any Component] = []
        for c in self where !c.requires.isDisjoint(with: dirty) {
            result.append(c)
            dirty.formUnion(c.produces)
        }
        return result
    }
}
