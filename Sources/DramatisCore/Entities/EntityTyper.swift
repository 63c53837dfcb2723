import Foundation

// Entity recognition: types a name candidate (gazetteer, keyword, person evidence) and places it.
extension RecognitionPass {
    mutating func classify(_ c: NameCandidate) {
        let r = c.tokens
        let single = r.count == 1
        if !c.personEvidence {
            if let hit = gazetteer(r) { place(hit, r); return }
            // A town, unless the word is the surname of someone already named ("Engels").
            if let town = towns.town(named: text(r)),
               r.count > 1 || !personDrafts(surname: tokens[r.lowerBound].lower).contains(where: { drafts[$0].type == .person }) {
                addEntity(key: "place:\(town.lowercased())", name: town, type: .place, tokens: r)
                return
            }
        }
        let words = r.map { tokens[$0].text }
        // Keyword typing: "Audit Commission", "Budapest Memorandum", "Black Sea", "World War II".
        let numeral = words.count > 2 && res.postnominals.contains(words.last!) || words.last.map { $0.allSatisfy(\.isNumber) } == true
        if !c.personEvidence, let last = numeral ? words.dropLast().last : words.last {
            if let kw = res.entityKeywords[last], kw.position != "first", r.count > 1 || kw.type == .organization && false {
                addEntity(key: "\(kw.type.rawValue):\(text(r).lowercased())", name: text(r), type: kw.type, tokens: r)
                return
            }
            if let kwAny = words.compactMap({ res.entityKeywords[$0] }).first(where: { $0.position == "any" }), r.count > 1 {
                addEntity(key: "\(kwAny.type.rawValue):\(text(r).lowercased())", name: text(r), type: kwAny.type, tokens: r)
                return
            }
        }
        // Demonym + group noun: "European leaders", "European Leaders".
        if !c.personEvidence, r.count <= 2, isDemonym(r.lowerBound) {
            let nounIndex = r.count == 2 ? r.upperBound - 1 : r.upperBound
            if nounIndex < tokens.count, res.groupNouns.contains(tokens[nounIndex].lower) {
                let span = r.lowerBound..<(nounIndex + 1)
                addEntity(key: "group:\(text(span).lowercased())", name: text(span), type: .group, tokens: span)
                return
            }
            if single { return } // an adjective is not a mention
        }
        // A given name and a surname: "Clare Short", though Clare is also a county.
        let lastWord = words[words.count - 1]
        if r.count >= 2, res.givenNames[words[0]] != nil, res.countryNames[lastWord] == nil, res.regions[lastWord] == nil,
           res.organizations[lastWord] == nil, gazetteer(r.lowerBound..<(r.lowerBound + 1)).map({ if case .country = $0 { return false }; return true }) ?? true {
            addPerson(c, r)
            return
        }
        // Sub-spans that are known places or organisations ("Germany France", "US Congress").
        if !c.personEvidence, r.count > 1, splitKnown(r) { return }
        // Acronyms: defined earlier in parentheses, or an organisation.
        if single, tokens[r.lowerBound].isAllCaps, tokens[r.lowerBound].text.count >= 2, !c.personEvidence {
            let t = tokens[r.lowerBound].text.replacingOccurrences(of: ".", with: "")
            if let d = acronymDefinitions[t] { addMention(d, r, .alias); return }
            // Common acronyms that are not bodies (HIV, GDP, TV) are frequent words.
            if res.isCommonWord(t) { return }
            addEntity(key: "organization:\(t.lowercased())", name: t, type: .organization, tokens: r)
            return
        }
        let first = words.first ?? ""
        let givenGender = res.givenNames[first]
        if r.count >= 2 && (c.personEvidence || givenGender != nil || followedBySpeech(r.upperBound) || rolePhraseBefore(r.lowerBound) != nil
                            // Rare words make a name, but not after "the": "the Red Wedding", "the Bay Area".
                            || words.allSatisfy({ res.zipf($0) < 3.0 && !$0.contains(".") }) && !(r.lowerBound > 0 && tokens[r.lowerBound - 1].text == "the")
                            || (RecognitionPass.isInitials(words[0]) && words.dropFirst().allSatisfy { res.zipf($0) < 4.0 })
                            || RecognitionPass.hasMiddleInitial(words)) {
            addPerson(c, r)
            return
        }
        if single {
            pendingSingles.append(c)
            return
        }
        // Several capitalised common words with no evidence ("New Year"): not a name.
    }

    func followedBySpeech(_ i: Int) -> Bool {
        var j = i
        if j < tokens.count, tokens[j].text == "," { return false }
        while j < tokens.count, j - i < 3, res.speechModifiers.contains(tokens[j].lower) { j += 1 }
        return j < tokens.count && res.speechVerbs[tokens[j].lower]?.isSpeech == true
    }

    /// Lower-case role phrase right before a name: "health analyst Tony Beddow",
    /// "foreign ministry spokeswoman Mao Nin". Returns its token range.
    func rolePhraseBefore(_ i: Int) -> Range<Int>? {
        guard i > 0 else { return nil }
        let nounAt = i - 1
        let noun = tokens[nounAt].lower
        guard res.roleNouns[noun] != nil, tokens[nounAt].kind == .word, !isCapWord(nounAt) || res.roles[tokens[nounAt].text] == nil else { return nil }
        var s = nounAt
        let sentenceStart = doc.sentences[doc.sentenceOfToken[i]].tokenRange.lowerBound
        while s > sentenceStart, nounAt - s < 4 {
            let t = tokens[s - 1]
            guard t.kind == .word, !isPossessive(s - 1), !res.stopwords.contains(t.lower),
                  res.speechVerbs[t.lower] == nil, !t.lower.hasSuffix("ed") || t.isCapitalized else { break }
            s -= 1
        }
        return s..<(nounAt + 1)
    }

    /// Emits the longest gazetteer matches inside a multi-word run; true when it covered any.
    mutating func splitKnown(_ r: Range<Int>) -> Bool {
        var i = r.lowerBound
        var found = false
        var leftovers: [Range<Int>] = []
        var leftStart = i
        // No spelling has more than `gazetteerMaxSpaces` spaces: start each lookup at the longest
        // run of tokens within that many (trying every end made a long run of names cubic).
        let maxSpaces = res.gazetteerMaxSpaces
        var gapSpaces = [Int](repeating: 0, count: r.count)
        for k in r.dropFirst() {
            var o = tokens[k - 1].end, c = 0
            while o < tokens[k].start, c <= maxSpaces { if doc.scalars[o] == " " { c += 1 }; o += 1 }
            gapSpaces[k - r.lowerBound] = c
        }
        while i < r.upperBound {
            var matched = 0
            var j = i + 1, spaces = 0
            while j < r.upperBound, spaces + gapSpaces[j - r.lowerBound] <= maxSpaces { spaces += gapSpaces[j - r.lowerBound]; j += 1 }
            // The sub-runs past the first space of the longest start with its first word: when
            // that word matches no spelling's first word, only the shorter ones are looked up.
            let limit = gazetteerFirstWordsMiss(i..<j) ? tokens[i].start + firstWordLength(i..<j) : Int.max
            while j > i {
                if tokens[j - 1].end <= limit, gazetteer(i..<j) != nil { matched = j - i; break }
                j -= 1
            }
            if matched > 0 {
                if leftStart < i { leftovers.append(leftStart..<i) }
                place(gazetteer(i..<(i + matched))!, i..<(i + matched))
                found = true
                i += matched
                leftStart = i
            } else {
                i += 1
            }
        }
        guard found else { return false }
        if leftStart < r.upperBound { leftovers.append(leftStart..<r.upperBound) }
        for l in leftovers where l.count >= 2 {
            let words = l.map { tokens[$0].text }
            if res.givenNames[words[0]] != nil { addPerson(NameCandidate(tokens: l), l) }
        }
        for l in leftovers where l.count == 1 { pendingSingles.append(NameCandidate(tokens: l)) }
        return true
    }

    mutating func place(_ hit: GazetteerHit, _ r: Range<Int>) {
        switch hit {
        case .country(let c): addEntity(key: "place:\(c.lowercased())", name: c, type: .place, tokens: r, kind: text(r) == c ? .name : .alias)
        case .place(let p): addEntity(key: "place:\(p.lowercased())", name: p, type: .place, tokens: r)
        case .region(let g): addEntity(key: "place:\(g.lowercased())", name: g, type: .place, tokens: r, kind: text(r) == g ? .name : .alias)
        case .metonym(let m): addEntity(key: "place:\(m.lowercased())", name: m, type: .place, tokens: r)
        case .platform(let p): addEntity(key: "organization:\(p.lowercased())", name: p, type: .organization, tokens: r)
        case .org(let o, let type):
            let idx = addEntity(key: "\(type.rawValue):\(o.lowercased())", name: o, type: type, tokens: r, kind: text(r) == o ? .name : .alias)
            noteAcronymDefinition(after: r, entity: idx)
        }
    }

    /// A country named inside a title ("US President") is a mention of that country too.
    mutating func addNamed(_ r: Range<Int>) {
        if let hit = gazetteer(r) { place(hit, r) }
    }
}
