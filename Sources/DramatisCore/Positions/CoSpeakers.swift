import Foundation

/// Speakers named together with a statement's speaker: "The Conservatives and Liberal Democrats
/// say they want …", "Sens. Jeff Merkley (D-Ore.), Sherrod Brown (D-Ohio) and Robert Menendez
/// (D-N.J.) all suggested …". The statement stage gives the statement to one of them; each holds
/// the side the statement takes, so the speaker's readings are copied to the others
/// (`co_speaker` marks them; the learnt models weigh them like the speaker's own).
struct CoSpeakers {
    let resources: Resources
    static let prepositions: Set<String> = ["in", "at", "on", "from", "for", "by", "with", "of", "to", "about", "against", "like", "than", "between"]

    /// Entity indexes coordinated with the speaker of each statement (empty when none).
    func of(_ document: TextDocument, entities: EntityResult, statements: [Statement]) -> [[Int]] {
        let tokens = document.tokens
        var entityIndex: [String: Int] = [:]
        for (i, e) in entities.entities.enumerated() where entityIndex[e.id] == nil { entityIndex[e.id] = i }
        let kinds: Set<EntityType> = [.place, .organization, .group, .person]
        func holder(_ t: Int) -> LocatedMention? {
            guard let m = entities.mention(atToken: t), m.kind != .pronoun, !m.possessive, !m.quoted,
                  kinds.contains(entities.entities[m.entity].type) else { return nil }
            let e = entities.entities[m.entity]
            if resources.newsOutlets.isOutlet(name: e.name, type: e.type) { return nil }
            return m
        }
        // A parenthesis of a few tokens ("(D-Ore.)") after `t`: the token after it.
        func skipParenthesis(forward t: Int, limit: Int) -> Int {
            guard t < limit, tokens[t].text == "(" else { return t }
            var j = t + 1
            while j < limit, j - t <= 6, tokens[j].text != ")" { j += 1 }
            return j < limit && tokens[j].text == ")" ? j + 1 : t
        }
        func skipParenthesis(backward t: Int, limit: Int) -> Int {
            guard t > limit, tokens[t - 1].text == ")" else { return t }
            var j = t - 2
            while j > limit, t - j <= 7, tokens[j].text != "(" { j -= 1 }
            return j >= limit && tokens[j].text == "(" ? j : t
        }
        return statements.map { st -> [Int] in
            guard let sid = st.speaker, let speaker = entityIndex[sid], tokens.count > 0 else { return [] }
            let first = document.tokenIndex(atOrAfter: st.start)
            guard first < tokens.count else { return [] }
            var last = first
            while last < tokens.count, tokens[last].start < st.end { last += 1 }
            let sentence = document.sentences[document.sentenceOfToken[first]].tokenRange
            // The speaker's mention nearest the statement, outside it, in its sentence (within 60
            // tokens each side, so a giant sentence of statements stays linear).
            var best: LocatedMention? = nil
            var bestDistance = Int.max
            let window = max(sentence.lowerBound, first - 60)..<min(sentence.upperBound, last + 60)
            for t in window where t < first || t >= last {
                guard let m = entities.mention(atToken: t), m.tokens.lowerBound == t, m.entity == speaker, m.kind != .pronoun else { continue }
                let d = t < first ? first - m.tokens.upperBound : t - last
                if d < bestDistance { best = m; bestDistance = d }
            }
            guard let anchor = best else { return [] }
            // Walk the list both ways: mentions separated by commas and one "and".
            var members: [Int] = []
            var sawAnd = false
            var lower = anchor.tokens.lowerBound
            while true {
                let p = skipParenthesis(backward: lower, limit: sentence.lowerBound)
                guard p - 1 > sentence.lowerBound, [",", "and", "&"].contains(tokens[p - 1].lower) else { break }
                let sep = tokens[p - 1].lower
                // Commas before the "and", not after it ("A, B and C"): the left side has one "and" at most.
                if sep != "," && (sawAnd || !members.isEmpty) { break }
                let q = skipParenthesis(backward: p - 1, limit: sentence.lowerBound)
                guard q - 1 >= sentence.lowerBound, let m = holder(q - 1) else { break }
                if sep != "," { sawAnd = true }
                members.append(m.entity)
                lower = m.tokens.lowerBound
            }
            var upper = anchor.tokens.upperBound
            // Forward, when the speaker is not the list's last: commas, then the closing "and".
            var pendingComma: [Int] = []
            while !sawAnd {
                let p = skipParenthesis(forward: upper, limit: sentence.upperBound)
                guard p + 1 < sentence.upperBound, [",", "and", "&"].contains(tokens[p].lower), let m = holder(p + 1) else { break }
                if tokens[p].lower == "," { pendingComma.append(m.entity) } else { members += pendingComma + [m.entity]; sawAnd = true }
                upper = m.tokens.upperBound
            }
            // A comma list counts only when an "and" closes it ("A, a spokeswoman for B" is apposition),
            // and when it opens its clause ("In Washington, Smith and Jones said": Washington is no speaker).
            guard sawAnd else { return [] }
            if lower > sentence.lowerBound, CoSpeakers.prepositions.contains(tokens[lower - 1].lower) { return [] }
            // The list is the subject of the statement's cue: it ends where the statement or its verb begins.
            let end = skipParenthesis(forward: upper, limit: sentence.upperBound)
            guard end <= first || lower >= last else { return [] }
            var seen = Set([speaker])
            return members.filter { seen.insert($0).inserted }
        }
    }
}
