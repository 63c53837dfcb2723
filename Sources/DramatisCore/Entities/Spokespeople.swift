import Foundation

// Entity recognition: spokespeople and the person or body they speak for.
extension RecognitionPass {
    /// Unnamed speakers: "the Prime Minister’s official spokesman", "Keir Starmer’s spokesman".
    mutating func findSpokespeople() {
        let spokes: Set<String> = ["spokesman", "spokeswoman", "spokesperson"]
        for i in tokens.indices where spokes.contains(tokens[i].lower) {
            // Named: "spokeswoman Mao Nin" — the person carries the role instead.
            if i + 1 < tokens.count, isCapWord(i + 1), claimed[i + 1] != nil, drafts[claimed[i + 1]!].type == .person { continue }
            var s = i
            while s > 0, tokens[s - 1].kind == .word, !isPossessive(s - 1), !res.stopwords.contains(tokens[s - 1].lower),
                  claimed[s - 1] == nil, !isCapWord(s - 1), i - s < 3 { s -= 1 }
            var ownerRange: Range<Int>? = nil
            var ownerDraft: Int? = nil
            var ownerRole: String? = nil
            if s > 0, isPossessive(s - 1) {
                let o = s - 2
                if o >= 0, let d = claimed[o] {
                    ownerDraft = d
                    let m = drafts[d].mentions.first(where: { $0.tokens.contains(o) })?.tokens ?? (o..<(o + 1))
                    ownerRange = m
                } else if let ro = roleOnly.first(where: { $0.tokens.upperBound == s - 1 }) {
                    ownerRange = ro.tokens
                    ownerRole = ro.role
                }
            } else if s > 0, let d = claimed[s - 1], drafts[d].type != .person {
                ownerDraft = d
                ownerRange = drafts[d].mentions.first(where: { $0.tokens.contains(s - 1) })?.tokens
            }
            // "a spokesperson for the Department of Health", "a spokeswoman for Amazon".
            // (Not in an apposition: "Angelique Brunner, a developer and spokeswoman for the
            // EB-5 Investment Coalition," is Brunner.)
            var b = s - 1
            while b > 0, s - b < 8, tokens[b].text != ",", tokens[b].text != "." { b -= 1 }
            let apposition = b > 0 && tokens[b].text == "," && claimed[b - 1].map { drafts[$0].type == .person } == true
            if ownerRange == nil, !apposition, i + 2 < tokens.count, tokens[i + 1].lower == "for" {
                let o = tokens[i + 2].lower == "the" && i + 3 < tokens.count ? i + 3 : i + 2
                // An unknown name there is the body the spokesperson speaks for ("for Amazon").
                if claimed[o] == nil, isCapWord(o) {
                    var e = o
                    while e < tokens.count, isCapWord(e), claimed[e] == nil, doc.sentenceOfToken[e] == doc.sentenceOfToken[o] { e += 1 }
                    addEntity(key: "organization:\(text(o..<e).lowercased())", name: text(o..<e), type: .organization, tokens: o..<e)
                }
                if let d = claimed[o], drafts[d].type != .person,
                   let owner = drafts[d].mentions.first(where: { $0.tokens.contains(o) })?.tokens {
                    let key = "spokes:\(drafts[d].name.lowercased())"
                    let phrase = i..<owner.upperBound
                    if let existing = byKey[key] {
                        drafts[existing].mentions.append(((s..<(i + 2)), .alias))
                        for t in s..<(i + 2) { claimed[t] = existing }
                    } else {
                        var draft = spokesDraft(key: key, name: text(phrase), word: i, owner: d)
                        draft.mentions.append((s..<(i + 2), .name))
                        byKey[key] = drafts.count
                        for t in s..<(i + 2) { claimed[t] = drafts.count }
                        drafts.append(draft)
                    }
                    continue
                }
            }
            guard let or = ownerRange else { continue }
            // "Rhodri Glyn Thomas, Plaid Cymru health spokesman said": an apposition, not a new speaker.
            if or.lowerBound >= 2, tokens[or.lowerBound - 1].text == ",", let d = claimed[or.lowerBound - 2], drafts[d].type == .person { continue }
            var start = or.lowerBound
            // Include the role before a named owner: "UK Prime Minister Keir Starmer’s spokesman".
            if ownerDraft != nil, let ro = roleOnly.first(where: { $0.tokens.upperBound == or.lowerBound }) { start = ro.tokens.lowerBound }
            if ownerDraft != nil, drafts[ownerDraft!].type == .person {
                var k = or.lowerBound - 1
                while k >= 0, isCapWord(k) || (claimed[k] != nil && drafts[claimed[k]!].type == .place) { k -= 1 }
                start = k + 1
            }
            if start > 0, tokens[start - 1].lower == "the" { start -= 1 }
            let phrase = start..<(i + 1)
            let ownerName = ownerDraft.map { drafts[$0].name } ?? ownerRole ?? text(or)
            let key = "spokes:\(ownerRole?.lowercased() ?? ownerName.lowercased())"
            let nameStart = tokens[start].lower == "the" ? start + 1 : start
            let idx: Int
            if let existing = byKey[key] ?? spokespersonMatching(ownerDraft: ownerDraft, ownerRole: ownerRole) {
                idx = existing
                drafts[idx].mentions.append((phrase, .alias))
            } else {
                idx = drafts.count
                var d = spokesDraft(key: key, name: text(nameStart..<(i + 1)), word: i, owner: ownerDraft)
                d.mentions.append((phrase, .name))
                drafts.append(d)
                byKey[key] = idx
                pendingSpokesOwners.append((idx, ownerRole, or))
            }
            for t in (ownerDraft == nil ? phrase : or.upperBound..<(i + 1)) { claimed[t] = idx }
        }
    }

    /// A spokesperson entity named by the word at `word` ("spokeswoman": role and gender).
    func spokesDraft(key: String, name: String, word: Int, owner: Int?) -> EntityDraft {
        var d = EntityDraft(key: key, name: name, type: .person)
        d.role = tokens[word].lower
        d.gender = tokens[word].lower == "spokeswoman" ? "f" : tokens[word].lower == "spokesman" ? "m" : "?"
        d.affiliationDraft = owner
        return d
    }

    func spokespersonMatching(ownerDraft: Int?, ownerRole: String?) -> Int? {
        for (i, d) in drafts.enumerated() where d.key.hasPrefix("spokes:") {
            if let o = ownerDraft, d.affiliationDraft == o { return i }
            if let role = ownerRole, d.affiliationDraft == nil, d.key == "spokes:\(role.lowercased())" { return i }
            if let o = ownerDraft, let aff = d.affiliationDraft, aff == o { return i }
            if let o = ownerDraft, d.affiliationDraft == nil,
               let ownerRoleText = drafts[o].role, d.key.hasPrefix("spokes:"),
               ownerRoleText.lowercased().contains(String(d.key.dropFirst(7))) { return i }
        }
        return nil
    }

    /// "the Prime Minister" in "the Prime Minister’s spokesman": the person holding that title,
    /// preferring one whose country is named in the same sentence.
    mutating func resolveRoleOwners() {
        for (spokes, role, ownerTokens) in pendingSpokesOwners {
            guard let role, drafts[spokes].affiliationDraft == nil else { continue }
            if let person = personHolding(role: role, near: ownerTokens.lowerBound) {
                drafts[spokes].affiliationDraft = person
                drafts[person].mentions.append((ownerTokens, .role))
            }
        }
        // Merge spokespeople whose owners turned out to be the same person.
        var seen: [Int: Int] = [:]
        for i in drafts.indices where drafts[i].key.hasPrefix("spokes:") {
            guard let owner = drafts[i].affiliationDraft else { continue }
            if let first = seen[owner] {
                drafts[first].mentions += drafts[i].mentions
                drafts[i].mentions = []
                for (t, d) in claimed where d == i { claimed[t] = first }
            } else {
                seen[owner] = i
            }
        }
    }

    func personHolding(role: String, near i: Int) -> Int? {
        let candidates = drafts.indices.filter { drafts[$0].type == .person && !drafts[$0].key.hasPrefix("spokes:")
            && (drafts[$0].role?.localizedCaseInsensitiveContains(role) ?? false) }
        if candidates.count <= 1 { return candidates.first }
        let s = doc.sentences[doc.sentenceOfToken[i]].tokenRange
        let countriesHere = Set(s.compactMap { claimed[$0] }.filter { drafts[$0].type == .place }.map { drafts[$0].name })
        if let c = candidates.first(where: { drafts[$0].roleCountry.map(countriesHere.contains) ?? false }) { return c }
        return candidates.min { abs(drafts[$0].firstToken - i) < abs(drafts[$1].firstToken - i) }
    }
}
