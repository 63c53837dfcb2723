import Foundation

/// How a mention refers to its entity.
public enum MentionKind: String, Sendable, Codable {
    case name, alias, role, pronoun
}

/// One located mention, with the token range it covers.
public struct LocatedMention: Sendable {
    public var entity: Int
    public var tokens: Range<Int>
    public var span: Span
    public var kind: MentionKind
    /// Followed by a possessive ’s.
    public var possessive: Bool
    /// Inside a direct quotation.
    public var quoted: Bool
}

/// The entity stage's result: the entities of the contract plus the located mentions that
/// later stages (statements, timeline, positions) look up by token.
public struct EntityResult: Sendable {
    public var entities: [Entity]
    /// All mentions sorted by position.
    public var mentions: [LocatedMention]
    /// For each token, the index in `mentions` of the mention covering it, or -1.
    public var mentionAtToken: [Int]

    public init(entities: [Entity], mentions: [LocatedMention] = [], tokenCount: Int = 0) {
        self.entities = entities
        self.mentions = mentions
        var map = [Int](repeating: -1, count: tokenCount)
        for (i, m) in mentions.enumerated() {
            for t in m.tokens where t < tokenCount && map[t] == -1 { map[t] = i }
        }
        mentionAtToken = map
    }

    public func mention(atToken t: Int) -> LocatedMention? {
        guard t >= 0, t < mentionAtToken.count, mentionAtToken[t] >= 0 else { return nil }
        return mentions[mentionAtToken[t]]
    }

    public func id(of index: Int) -> String { entities[index].id }
}

/// Finds people, organisations, places, groups, events and laws; merges their aliases and
/// resolves role descriptions and pronouns. Runs in time linear in the number of tokens.
public struct EntityRecognizer: Sendable {
    let resources: Resources
    public init(resources: Resources) { self.resources = resources }

    public func recognize(_ document: TextDocument) -> EntityResult {
        // Sentences in capitals or title case are re-cased by the learnt tagger first, so the
        // rules read prose; the result maps back one to one (same tokens, same offsets).
        let casing = SentenceCasing.classify(document)
        if casing.contains(where: { $0 != .normal }), !resources.entityTagger.isEmpty,
           let scalars = Recaser.recase(document, casing: casing, tagger: resources.entityTagger, res: resources) {
            var pass = RecognitionPass(document: TextDocument(recasing: document, scalars: scalars), resources: resources)
            var result = pass.run()
            // Mentions quote the article as written.
            for e in result.entities.indices {
                for m in result.entities[e].mentions.indices {
                    let mention = result.entities[e].mentions[m]
                    result.entities[e].mentions[m].text = document.substring(mention.start, mention.end)
                }
            }
            return result
        }
        var pass = RecognitionPass(document: document, resources: resources)
        return pass.run()
    }
}
