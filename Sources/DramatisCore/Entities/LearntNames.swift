import Foundation

// Entity recognition: names the learnt tagger finds where the rules found none.
extension RecognitionPass {
    /// Runs of capitalised words that the rules left unnamed ("Names the gazetteers don't know"):
    /// the tagger reads them in context, with the rules' labels of the words around as features,
    /// and a span it is sure of becomes a mention (persons through the surname merging of `addPerson`).
    mutating func addModelNames() {
        let n = tokens.count
        var i = 0
        var casing: [SentenceCasing]? = nil
        var rule: [String]? = nil
        // Transcript labels ("MR. TRUMP:") are resolved as speakers after this; party tags "(R-S.C.)" are no names.
        var labelled = Set<Int>()
        for label in doc.speakerLabels { for t in label { labelled.insert(t) } }
        func free(_ t: Int) -> Bool { isCapWord(t) && claimed[t] == nil && !labelled.contains(t) && !isPartyTag(t) }
        while i < n {
            guard free(i), !(tokens[i].isAllCaps && tokens[i].text.unicodeScalars.count <= 1) else { i += 1; continue }
            var j = i + 1
            while j < n, free(j), doc.sentenceOfToken[j] == doc.sentenceOfToken[i] { j += 1 }
            // A lone common word ("The", "But", "Government") is never taken from the tagger.
            // nor a lone word opening a sentence (the rules' reading of those stands).
            if j == i + 1, res.isCommonWord(tokens[i].text) || res.stopwords.contains(tokens[i].lower) || isSentenceInitial(i) { i = j; continue }
            if casing == nil {
                casing = [SentenceCasing](repeating: .normal, count: doc.sentences.count)
                var labels = [String](repeating: "O", count: n)
                for (t, d) in claimed where t < n {
                    labels[t] = (t > 0 && claimed[t - 1] == d ? "I-" : "B-") + drafts[d].type.rawValue
                }
                rule = labels
            }
            for span in res.entityTagger.tag(doc, range: i..<j, casing: casing!, rule: rule, res: res) where span.margin >= RecognitionPass.modelMargin {
                let r = span.tokens
                guard r.allSatisfy({ claimed[$0] == nil && isCapWord($0) && !tokens[$0].text.contains("’") && !tokens[$0].text.contains("'") }) else { continue }
                // A title alone ("the Attorney General") is a role description, not a name.
                if r.contains(where: { roleMatch(at: $0, limit: r.upperBound) == r.upperBound - $0 }) || roleOnly.contains(where: { $0.tokens.overlaps(r) }) { continue }
                if r.allSatisfy({ res.honorifics[tokens[$0].text] != nil }) { continue }
                // A single common word ("Group", "Cabinet") needs a person reading, and never opens a sentence.
                if r.count == 1, res.isCommonWord(tokens[r.lowerBound].text) || res.stopwords.contains(tokens[r.lowerBound].lower) { continue }
                // "the Butler inquiry": the name and its event or institution noun are one entity.
                let n = r.upperBound
                if span.type != .person, n < tokens.count, tokens[n].kind == .word, !tokens[n].isCapitalized,
                   let type = res.eventNouns[tokens[n].lower], r.lowerBound > 0,
                   ["the", "a", "this", "last", "that"].contains(tokens[r.lowerBound - 1].lower) {
                    let phrase = r.lowerBound..<(n + 1)
                    addEntity(key: "\(type.rawValue):\(text(phrase).lowercased())", name: text(phrase), type: type, tokens: phrase)
                    continue
                }
                if span.type == .person {
                    addPerson(NameCandidate(tokens: r), r)
                } else {
                    let name = text(r)
                    addEntity(key: "\(span.type.rawValue):\(name.lowercased())", name: name, type: span.type, tokens: r)
                }
            }
            i = j
        }
    }
}
