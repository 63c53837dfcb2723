import Foundation

// Entity recognition: a person's title, gender and affiliation, from the words around the name.
extension RecognitionPass {
    mutating func applyPersonFacts(_ idx: Int, _ c: NameCandidate, _ r: Range<Int>) {
        if drafts[idx].gender == "?" {
            if let g = c.honorificGender, g != "?" { drafts[idx].gender = g }
            else if let given = drafts[idx].givenName, let g = res.givenNames[given], g != "?" { drafts[idx].gender = g }
        }
        if var role = c.role, drafts[idx].role == nil || (drafts[idx].role?.count ?? 0) < role.count && c.roleCountry != nil {
            if let owner = c.possessiveOwnerRole, let country = possessiveOwner(before: r.lowerBound, word: owner) {
                role = "\(role) of \(country)"
                drafts[idx].roleCountry = country
            }
            // A bare honorific-like title ("President Trump") does not replace a fuller role.
            if drafts[idx].role == nil || c.roleCountry != nil || role.contains(" of ") {
                drafts[idx].role = role
            }
            drafts[idx].roleIsLeader = drafts[idx].roleIsLeader || c.roleIsLeader
        }
        if let country = c.roleCountry, drafts[idx].roleCountry == nil { drafts[idx].roleCountry = country }
        if drafts[idx].role == nil, let rp = rolePhraseBefore(r.lowerBound) {
            drafts[idx].role = text(rp)
            // "Oxfam senior policy adviser Max Lawson": a capitalised unknown name opening the
            // role is the body the person works for.
            var e = rp.lowerBound
            while e < rp.upperBound - 1, isCapWord(e), claimed[e] == nil, countryOf(e..<(e + 1)) == nil,
                  res.roles[tokens[e].text] == nil, !res.isCommonWord(tokens[e].text) { e += 1 }
            if e > rp.lowerBound {
                let orgRange = rp.lowerBound..<e
                let org = draftIndex(key: "organization:\(text(orgRange).lowercased())", name: text(orgRange), type: .organization)
                drafts[org].mentions.append((orgRange, .name))
                for t in orgRange { claimed[t] = org }
                drafts[idx].affiliationDraft = org
            }
            let noun = tokens[rp.upperBound - 1].lower
            drafts[idx].roleIsLeader = res.roleNouns[noun] == true
            if drafts[idx].gender == "?" { drafts[idx].gender = noun.hasSuffix("woman") ? "f" : noun.hasSuffix("man") ? "m" : "?" }
            // "China’s foreign ministry spokeswoman": the owner before the phrase.
            if rp.lowerBound >= 2, isPossessive(rp.lowerBound - 1) { drafts[idx].affiliationDraft = claimed[rp.lowerBound - 2] }
        }
        if drafts[idx].role == nil, let app = apposition(after: r.upperBound) {
            drafts[idx].role = text(app)
        }
    }

    /// ", Welsh secretary of the British Medical Association (BMA)," after a name.
    func apposition(after i: Int) -> Range<Int>? {
        guard i < tokens.count, tokens[i].text == "," else { return nil }
        var j = i + 1
        var hasRole = false
        while j < tokens.count, j - i <= 12 {
            let t = tokens[j]
            if t.text == "," || t.text == "." || t.text == "(" || t.text == ";" || t.kind == .dash || t.isQuote { break }
            if res.speechVerbs[t.lower] != nil || ["who", "which", "that", "is", "was", "has", "had"].contains(t.lower) { break }
            if res.roleNouns[t.lower] != nil || res.roles[t.text] != nil { hasRole = true }
            j += 1
        }
        guard hasRole, j > i + 1 else { return nil }
        var s = i + 1
        if tokens[s].lower == "the" || tokens[s].lower == "a" || tokens[s].lower == "an" { s += 1 }
        return s < j ? s..<j : nil
    }

    /// The country or organisation an "its"/"their" before a title refers to: the sentence's
    /// opening entity when the sentence starts with one, else the nearest one before.
    func possessiveOwner(before i: Int, word: String) -> String? {
        let s = doc.sentences[doc.sentenceOfToken[i]].tokenRange
        var first: Int? = nil
        var j = s.lowerBound
        while j < s.upperBound, !tokens[j].isWord { j += 1 }
        if let d = claimed[j], drafts[d].type == .place || drafts[d].type == .organization { first = d }
        if first == nil {
            var k = i - 1
            while k >= max(0, i - 60) {
                if let d = claimed[k], drafts[d].type == .place || drafts[d].type == .organization { first = d; break }
                k -= 1
            }
        }
        return first.map { drafts[$0].name }
    }

    mutating func assignAffiliations() {
        for i in drafts.indices where drafts[i].affiliationDraft == nil {
            if let c = drafts[i].roleCountry, let d = byKey["place:\(c.lowercased())"] { drafts[i].affiliationDraft = d; continue }
            // An organisation named in the role: "secretary of the British Medical Association".
            if drafts[i].type == .person, let role = drafts[i].role {
                let lower = role.lowercased()
                if let o = drafts.indices.first(where: { (drafts[$0].type == .organization) && lower.contains(drafts[$0].name.lowercased()) }) {
                    drafts[i].affiliationDraft = o
                } else if let c = drafts.indices.first(where: { drafts[$0].type == .place && lower.contains(drafts[$0].name.lowercased()) }) {
                    drafts[i].affiliationDraft = c
                } else if let dem = role.split(separator: " ").compactMap({ res.demonyms[String($0)] ?? res.extraDemonyms[String($0)] }).first,
                          let d = byKey["place:\(dem.lowercased())"] {
                    drafts[i].affiliationDraft = d
                }
            }
        }
    }
}
