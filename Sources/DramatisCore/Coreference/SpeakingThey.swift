import Foundation

// Coreference: a "they" that speaks, to the group that spoke or was named just before.
extension RecognitionPass {
    /// "McConnell aides acknowledged … But they emphasized …": a "they" right before a verb of
    /// saying (over "also", "privately") is the nearest group named outside quotes in its
    /// sentence or the one before. Other "they"s stay unresolved: they are as often things
    /// ("the returns … they exposed") as people.
    mutating func resolveSpeakingThey() {
        var groupAt: [(token: Int, draft: Int)] = []
        for (d, draft) in drafts.enumerated() where draft.type == .group {
            for m in draft.mentions where m.kind != .pronoun && !quoted[m.tokens.lowerBound] {
                let after = m.tokens.upperBound
                if after < tokens.count, isPossessive(after) { continue }
                groupAt.append((m.tokens.lowerBound, d))
            }
        }
        guard !groupAt.isEmpty else { return }
        groupAt.sort { $0.token < $1.token }
        var cursor = 0
        var last: (token: Int, draft: Int)? = nil
        for i in tokens.indices {
            while cursor < groupAt.count, groupAt[cursor].token < i { last = groupAt[cursor]; cursor += 1 }
            guard tokens[i].lower == "they", !quoted[i], claimed[i] == nil, let g = last else { continue }
            var v = i + 1
            while v < tokens.count, v - i < 4, res.speechModifiers.contains(tokens[v].lower) || isLyAdverb(tokens[v].lower) { v += 1 }
            guard v < tokens.count, let verb = res.speechVerbs[tokens[v].lower], verb.isSpeech else { continue }
            let s = doc.sentenceOfToken[i], gs = doc.sentenceOfToken[g.token]
            guard s - gs <= 1 else { continue }
            drafts[g.draft].mentions.append((i..<(i + 1), .pronoun))
            claimed[i] = g.draft
        }
    }
}
