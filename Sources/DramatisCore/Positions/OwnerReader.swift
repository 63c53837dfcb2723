import Foundation

/// An issue named as someone's own initiative holds that someone's side: in "it cannot support
/// Mr Brown's International Finance Facility" the speaker opposes the facility and Mr Brown, whose
/// facility it is, supports it; so with "Clinton's tax plan", "the Obama administration's plans".
/// The initiative nouns are the `plan` class of `data/lexicons/position-cues.tsv`. Each reading of
/// a statement whose issue phrase opens with a possessive name (not the speaker's, not a pronoun)
/// followed within four words by such a noun gives the possessor a reading for the issue: polarity
/// +1, `holder_possessive` and `owner` marked; the learnt models weigh it like the others.
struct OwnerReader {
    let resources: Resources

    func candidates(_ document: TextDocument, entities: EntityResult, from readings: [PositionCandidate]) -> [PositionCandidate] {
        let tokens = document.tokens
        guard !tokens.isEmpty else { return [] }
        let lex = resources.positionCues
        let kinds: Set<EntityType> = [.place, .organization, .group, .person]
        var out: [PositionCandidate] = []
        var seen = Set<[Int]>()
        for c in readings where c.features["owner"] == nil {
            var t = document.tokenIndex(atOrAfter: c.offset)
            while t < tokens.count, tokens[t].isQuote || ["the", "a", "an"].contains(tokens[t].lower) { t += 1 }
            guard t < tokens.count, let m = entities.mention(atToken: t), m.tokens.lowerBound == t, m.possessive, m.kind != .pronoun,
                  m.entity != c.actor, kinds.contains(entities.entities[m.entity].type) else { continue }
            let e = entities.entities[m.entity]
            if resources.newsOutlets.isOutlet(name: e.name, type: e.type) { continue }
            // The possessive 's, then the initiative noun within four words.
            var j = m.tokens.upperBound
            if j < tokens.count, ["'s", "’s", "'", "’"].contains(tokens[j].lower) { j += 1 }
            let end = min(tokens.count, j + 4)
            guard (j..<end).contains(where: { lex.match(at: $0, in: $0..<end, tokens: tokens, classes: [.plan]) != nil }),
                  !(j..<end).prefix(while: { lex.match(at: $0, in: $0..<end, tokens: tokens, classes: [.plan]) == nil })
                      .contains(where: { tokens[$0].kind != .word }) else { continue }
            guard seen.insert([m.entity, c.statement, c.offset]).inserted else { continue }
            var r = c
            r.actor = m.entity
            var f: Features = ["bias": 1, "owner": 1, "holder_possessive": 1, "polarity": 1]
            for k in ["rarity", "common_only", "topic_named", "direct", "salient", "salient_frequent"] { if let v = c.features[k] { f[k] = v } }
            for (k, v) in c.features where k.hasPrefix("tlen=") { f[k] = v }
            r.features = f
            r.cue = nil
            r.condition = nil
            out.append(r)
        }
        return out
    }
}
