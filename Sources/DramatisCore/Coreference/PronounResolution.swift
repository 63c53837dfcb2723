import Foundation

// Coreference: he/she/him/his/her to the nearest compatible person.
extension RecognitionPass {
    /// he/she/him/his/her → the nearest compatible person mentioned before, outside quotes,
    /// within the paragraph or the one before; a possessive owner of a person ("Starmer’s
    /// spokesman") is skipped.
    mutating func resolvePronouns() {
        // Person mentions in token order.
        var personAt: [(token: Int, draft: Int)] = []
        for (d, draft) in drafts.enumerated() where draft.type == .person {
            for m in draft.mentions where !quoted[m.tokens.lowerBound] {
                let after = m.tokens.upperBound
                // (Only when a person follows, who is the likelier antecedent: "Starmer’s
                // spokesman … he"; "The president's Pacific roots … he" is the president.)
                if after + 1 < tokens.count, isPossessive(after), let next = claimed[after + 1], next != d, drafts[next].type == .person { continue }
                personAt.append((m.tokens.lowerBound, d))
            }
        }
        personAt.sort { $0.token < $1.token }
        var cursor = 0
        var recent: [(token: Int, draft: Int)] = []
        for i in tokens.indices {
            while cursor < personAt.count, personAt[cursor].token < i {
                recent.append(personAt[cursor]); cursor += 1
                if recent.count > 12 { recent.removeFirst(recent.count - 12) }
            }
            guard tokens[i].kind == .word, !quoted[i], let p = res.pronouns[tokens[i].lower], p.number == "s" else { continue }
            let paragraph = doc.sentences[doc.sentenceOfToken[i]].paragraph
            var compatible: [(token: Int, draft: Int)] = []
            for candidate in recent.reversed() {
                let cp = doc.sentences[doc.sentenceOfToken[candidate.token]].paragraph
                if paragraph - cp > 1 { break }
                let g = drafts[candidate.draft].gender
                if g != "?" && g != p.gender { continue }
                compatible.append(candidate)
            }
            guard var chosen = compatible.first else { continue }
            // Centering: a person named after a preposition ("… under President Barack Obama")
            // is less likely the next "he" than the person the clause was about ("Ham made it
            // clear …"), when such a person is also in reach.
            let obliqueSentence = doc.sentenceOfToken[chosen.token]
            if isOblique(chosen.token),
               let subject = compatible.first(where: { $0.draft != chosen.draft && !isOblique($0.token) && doc.sentenceOfToken[$0.token] == obliqueSentence }) {
                chosen = subject
            }
            // Centering across sentences: the first pronoun of a sentence that refers back to an
            // earlier one continues that sentence's subject (its first person named outside a
            // prepositional phrase), not whoever it named last ("Fowler noted that … as
            // McGovern's nominee. … he said" → Fowler).
            let sentence = doc.sentenceOfToken[i]
            if obliqueSentence != sentence,
               !compatible.contains(where: { doc.sentenceOfToken[$0.token] == sentence }),
               let subject = compatible.last(where: { doc.sentenceOfToken[$0.token] == obliqueSentence && !isOblique($0.token) }) {
                chosen = subject
            }
            if drafts[chosen.draft].gender == "?" { drafts[chosen.draft].gender = p.gender }
            drafts[chosen.draft].mentions.append((i..<(i + 1), .pronoun))
            recent.append((i, chosen.draft))
        }
    }

    /// A mention after a preposition, over the title words before a name ("under President
    /// Barack Obama", "with Rusty Humphries"): an oblique, not a subject (the other person of
    /// its sentence is preferred for the next pronoun).
    func isOblique(_ t: Int) -> Bool {
        // Within the sentence only, and a capitalised preposition counts ("For his part, …").
        let lo = doc.sentences[doc.sentenceOfToken[t]].tokenRange.lowerBound
        var j = t - 1, steps = 0
        while j >= lo, steps < 4, claimed[j] == nil, !res.prepositions.contains(tokens[j].lower),
              tokens[j].isCapitalized || res.honorifics[tokens[j].text] != nil || tokens[j].text == "." {
            j -= 1; steps += 1
        }
        return j >= lo && res.prepositions.contains(tokens[j].lower)
    }
}
