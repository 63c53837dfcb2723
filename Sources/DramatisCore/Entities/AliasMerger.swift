import Foundation

// Entity recognition: persons, and the merging of their short forms (surname, given name, near miss, transcript label).
extension RecognitionPass {
    mutating func addPerson(_ c: NameCandidate, _ r0: Range<Int>) {
        var r = r0
        while r.count > 1, res.postnominals.contains(tokens[r.upperBound - 1].text) { r = r.lowerBound..<(r.upperBound - 1) }
        let name = text(r)
        let key = "person:\(name.lowercased())"
        let idx: Int
        if let existing = byKey[key] {
            idx = existing
        } else if let (existing, _) = personBySurname(tokens[r.upperBound - 1].text, before: r.lowerBound, gender: c.honorificGender),
                  compatibleName(existing, r) {
            idx = existing
        } else {
            idx = drafts.count
            var d = EntityDraft(key: key, name: name, type: .person)
            d.surname = tokens[r.upperBound - 1].lower
            if r.count > 1 { d.givenName = tokens[r.lowerBound].text; draftsByGivenName[tokens[r.lowerBound].text, default: []].insert(idx) }
            let surname = d.surname!, id: Int
            if let known = surnameIDs[surname] { id = known } else {
                surnameIndex.insert(surname)
                id = surnameMentions.count
                surnameIDs[surname] = id
                surnameMentions.append(SurnameMentions())
            }
            d.surnameSlot = (id, surnameMentions[id].drafts.count)
            surnameMentions[id].drafts.append(idx)
            drafts.append(d)
            byKey[key] = idx
        }
        // Keep the fullest form as the canonical name.
        if r.count > drafts[idx].name.split(separator: " ").count {
            drafts[idx].name = name
            drafts[idx].givenName = tokens[r.lowerBound].text
            draftsByGivenName[tokens[r.lowerBound].text, default: []].insert(idx)
        }
        let mentionRange = (c.mentionStart ?? r.lowerBound)..<r.upperBound
        addMention(idx, mentionRange, c.role != nil || c.honorificGender != nil || r.count > 1 ? .name : .alias)
        applyPersonFacts(idx, c, r)
    }

    /// Whether the full name at `r` can be the person `existing` of the same surname: a surname
    /// alone always can; "Peter Goldsmith" can be "Lord Goldsmith" (no given name known yet);
    /// "George W. Bush" can be "George Bush"; "Jane Smith" is not "John Smith", and "George H. W.
    /// Bush" is not "George W. Bush".
    func compatibleName(_ existing: Int, _ r: Range<Int>) -> Bool {
        if r.count == 1 { return true }
        let words = r.map { tokens[$0].text }
        let known = drafts[existing].name.split(separator: " ").map(String.init)
        guard let given = drafts[existing].givenName, known.count > 1 else { return true }
        let first = words[0]
        let sameGiven = given == first
            || (RecognitionPass.isInitials(given) || RecognitionPass.isInitials(first)) && given.first == first.first
        guard sameGiven else { return false }
        let middleNew = Array(words.dropFirst().dropLast()), middleOld = Array(known.dropFirst().dropLast())
        return middleNew.isEmpty || middleOld.isEmpty || middleNew == middleOld
    }

    /// The person of surname `word` with the latest mention before token `before` (the first
    /// such in creation order), with that mention's first token; or the first person of that
    /// surname with -1 when none is mentioned before it. With an honorific's gender ("Mrs.
    /// Clinton"), only a person whose known gender agrees (Hillary, not Bill).
    func personBySurname(_ word: String, before: Int, gender: String? = nil) -> (Int, Int)? {
        let w = word.lowercased()
        guard let id = surnameIDs[w] else { return nil }
        let list = surnameMentions[id].drafts
        let wanted = gender ?? "?"
        let eligible = { (pos: Int) in
            let d = drafts[list[pos]]
            return d.type == .person && d.surname == w && (wanted == "?" || d.gender == "?" || d.gender == wanted)
        }
        if let hit = surnameMentions[id].latest(before: before, eligible: eligible) { return (list[hit.pos], hit.start) }
        return list.indices.first(where: eligible).map { (list[$0], -1) }
    }

    /// "PENCE:" is a mention of the person named Pence in the article, or a new person
    /// ("WALLACE:" → Wallace) when the article never names them in full.
    mutating func resolveSpeakerLabels() {
        for label in doc.speakerLabels {
            let words = label.map { tokens[$0].text }.filter { word in
                let titled = String(word.prefix(1)) + word.dropFirst().lowercased()
                return res.honorifics[titled] == nil && res.roles[titled] == nil
            }
            guard let last = words.last?.lowercased() else { continue }
            let nameTokens = (label.upperBound - words.count)..<label.upperBound
            if let idx = drafts.indices.first(where: { drafts[$0].type == .person && drafts[$0].surname == last }) {
                addMention(idx, nameTokens, .name)
            } else {
                let name = words.map { String($0.prefix(1)) + $0.dropFirst().lowercased() }.joined(separator: " ")
                let idx = addEntity(key: "person:\(name.lowercased())", name: name, type: .person, tokens: nameTokens)
                drafts[idx].surname = last
            }
        }
    }

    mutating func resolveSingles() {
        for (ci, c) in pendingSingles.enumerated() {
            if ci & 255 == 0, AnalysisBudget.stopRequested { break }
            let r = c.tokens
            let w = tokens[r.lowerBound].text
            if claimed[r.lowerBound] != nil { continue }
            let mentionRange = (c.mentionStart ?? r.lowerBound)..<r.upperBound
            if let (p, _) = personBySurname(w, before: r.lowerBound, gender: c.honorificGender) {
                addMention(p, mentionRange, .alias)
                applyPersonFacts(p, c, r)
                continue
            }
            if c.personEvidence || followedBySpeech(r.upperBound), let p = nearMiss(w) {
                addMention(p, mentionRange, .alias)
                applyPersonFacts(p, c, r)
                continue
            }
            if let p = personByGivenName(w) { addMention(p, r, .alias); continue }
            if c.personEvidence || (followedBySpeech(r.upperBound) && !res.isCommonWord(w)) {
                addPerson(c, r)
            }
        }
    }

    /// A person whose surname is one edit away ("Zelenskky" for "Zelenskyy").
    func nearMiss(_ word: String) -> Int? {
        let w = Array(word.lowercased())
        guard w.count >= 5 else { return nil }
        var best: Int? = nil
        let limit = w.count >= 9 ? 2 : 1
        for surname in surnameIndex.candidates(w, limit: limit) where abs(surname.count - w.count) <= 1 {
            guard let first = personDrafts(surname: surname).first(where: { drafts[$0].type == .person }), best == nil || first < best! else { continue }
            if editDistance(Array(surname), w, limit: limit) { best = first }
        }
        return best
    }

    func personByGivenName(_ word: String) -> Int? {
        let matches = (draftsByGivenName[word] ?? []).filter { drafts[$0].type == .person && drafts[$0].givenName == word }.sorted()
        return matches.count == 1 ? matches[0] : nil
    }

    /// "Vann R. Newkirk", "Charles E. Grassley": a single-letter initial between two words.
    static func hasMiddleInitial(_ words: [String]) -> Bool {
        guard words.count >= 3 else { return false }
        return words.dropFirst().dropLast().contains { w in
            let u = Array(w.unicodeScalars)
            return u.count == 2 && u[0].properties.isUppercase && u[1] == "."
        }
    }

    /// "G.K." or "J." — initials before a surname.
    static func isInitials(_ w: String) -> Bool {
        let scalars = Array(w.unicodeScalars)
        guard scalars.count >= 2, scalars.count % 2 == 0 else { return false }
        return stride(from: 0, to: scalars.count, by: 2).allSatisfy { scalars[$0].properties.isUppercase && scalars[$0 + 1] == "." }
    }
}

/// True when `a` and `b` are within `limit` edits (Levenshtein), in O(len·limit).
func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Bool {
    if abs(a.count - b.count) > limit { return false }
    var prev = Array(0...b.count)
    for i in 1...max(1, a.count) where !a.isEmpty {
        var cur = [i] + Array(repeating: 0, count: b.count)
        var rowMin = cur[0]
        for j in 1...max(1, b.count) where !b.isEmpty {
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            rowMin = min(rowMin, cur[j])
        }
        if rowMin > limit { return false }
        prev = cur
    }
    return prev[b.count] <= limit
}
