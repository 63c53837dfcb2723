import Foundation

/// Readings of the thing a statement's own cue verb governs when it stands *before* the statement:
/// "Tony Beddow called the new targets “reasonably impressive”", "Kirsty Williams called the new
/// target “hugely unambitious”", "Richard Lewis welcomed the new targets “to make further …”". The
/// statement is only the quoted words, so `PositionReader` (which reads inside a statement, and a
/// few words before an indirect one) does not see the object. Here the object between the verb
/// and the statement is the issue; the side is the verb's (welcomed, rejected) or, after a naming
/// verb (called, described as), the evaluative words of the statement. The features are the
/// reader's, so the learnt models weigh these readings like the others; `intro_object` marks them.
struct IntroducedObjectReader {
    let resources: Resources

    func candidates(_ document: TextDocument, entities: EntityResult, statements: [Statement]) -> [PositionCandidate] {
        let tokens = document.tokens
        guard !tokens.isEmpty else { return [] }
        let lex = resources.positionCues
        let reader = PositionReader(resources: resources)
        var entityIndex: [String: Int] = [:]
        for (i, e) in entities.entities.enumerated() where entityIndex[e.id] == nil { entityIndex[e.id] = i }
        var out: [PositionCandidate] = []
        // Once per speaker, not per statement: one speaker of thousands of statements has thousands of mentions.
        var outlet: [Int: Bool] = [:]
        for (si, st) in statements.enumerated() {
            guard let sid = st.speaker, let speaker = entityIndex[sid], let cueWord = st.cue?.lowercased().split(separator: " ").first.map(String.init),
                  !st.text.contains("?") else { continue }
            let e = entities.entities[speaker]
            if outlet[speaker] == nil {
                outlet[speaker] = resources.newsOutlets.isOutlet(name: e.name, type: e.type, forms: e.mentions.filter { $0.kind != "pronoun" }.map(\.text))
            }
            if outlet[speaker] == true { continue }
            let first = document.tokenIndex(atOrAfter: st.start)
            guard first < tokens.count else { continue }
            var last = first
            while last < tokens.count, tokens[last].start < st.end { last += 1 }
            let sentence = document.sentences[document.sentenceOfToken[first]].tokenRange
            // The cue verb, at most ten tokens before the statement, in its sentence.
            guard let v = stride(from: first - 1, through: max(sentence.lowerBound, first - 10), by: -1).first(where: { tokens[$0].lower == cueWord }) else { continue }
            let naming = PositionReader.namingVerbs.contains(cueWord)
            let sideCue = naming ? nil : lex.match(at: v, in: v..<first, tokens: tokens, classes: [.for, .against])
            guard naming || sideCue != nil else { continue }
            var objectEnd = first
            while objectEnd > v, tokens[objectEnd - 1].isQuote || ["as", "a", "an"].contains(tokens[objectEnd - 1].lower) { objectEnd -= 1 }
            let objectStart = v + (sideCue?.words.count ?? 1)
            guard objectStart < objectEnd, objectEnd - objectStart <= 8,
                  !(objectStart..<objectEnd).contains(where: { tokens[$0].kind == .punctuation && !["'", "’", "-", "'s", "’s"].contains(tokens[$0].text) || tokens[$0].kind == .dash }),
                  let topic = reader.topicPhrase(objectStart..<objectEnd, tokens: tokens, document: document) else { continue }
            let key = TopicKey.of(topic)
            guard !key.isEmpty, !key.isSubset(of: TopicKey.of(e.name)) else { continue }
            // The side: the verb's own, else the evaluative words of the statement taken together.
            var cue: PositionCueLexicon.Cue
            var polarity: Double
            let negated: Bool
            if let c = sideCue {
                cue = c
                negated = reader.isNegated(before: v, from: sentence.lowerBound, tokens: tokens, lex: lex)
                polarity = (c.cls == .for ? 1 : -1) * (negated ? -1 : 1)
            } else {
                var sum = 0.0, strongest: PositionCueLexicon.Cue? = nil
                var k = first
                while k < last {
                    guard let c = lex.match(at: k, in: first..<last, tokens: tokens, classes: [.evalpos, .evalneg]) else { k += 1; continue }
                    let p: Double = c.cls == .evalpos ? 1 : -1
                    sum += reader.isNegated(before: k, from: first, tokens: tokens, lex: lex) ? -p : p
                    if strongest == nil { strongest = c }
                    k += c.words.count
                }
                guard sum != 0, let s = strongest else { continue }
                cue = s
                polarity = sum > 0 ? 1 : -1
                negated = (s.cls == .evalpos) != (polarity > 0)
            }
            let cls = cue.cls.rawValue
            var f: Features = ["bias": 1, "intro_object": 1, "cue=\(cls)": 1, "polarity": polarity]
            if negated { f["negated_side"] = 1; f["neg"] = 1 }
            if st.kind == .direct { f["direct"] = 1 }
            if naming { f["eval_object"] = 1 } else { f["cueverb"] = 1; f["cue=\(cls)&cueverb"] = 1 }
            let rarity = key.map { max(0, 6.5 - resources.zipf($0)) }.max() ?? 0
            f["rarity"] = min(4, rarity) / 4
            if key.allSatisfy({ resources.zipf($0) > 5.0 }) { f["common_only"] = 1 }
            f["tlen=\(min(3, key.count))"] = 1
            if (objectStart..<objectEnd).contains(where: { entities.mention(atToken: $0).map { $0.kind != .pronoun } ?? false }) { f["topic_named"] = 1 }
            if e.name.first?.isLowercase == true { f["actor_unnamed"] = 1 }
            let cueText = (negated && sideCue != nil ? "not " : "") + cue.words.joined(separator: " ")
            out.append(PositionCandidate(actor: speaker, statement: si, topic: topic, key: key, features: f,
                                         cue: cueText, condition: nil, offset: tokens[objectStart].start))
        }
        return out
    }
}
