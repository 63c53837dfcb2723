import Foundation

// Entity recognition: actors without a name ("a source said", "the Vermont senator"), events and institutions.
extension RecognitionPass {
    /// "the Alaska summit", "the Iraq war", "the UK government": a place or body's name and a
    /// lower-case event or institution noun name a new event or organisation.
    mutating func findNamedEventsAndGovernments() {
        let named = drafts.indices.flatMap { d in drafts[d].mentions.filter { $0.kind != .pronoun && $0.kind != .role }.map { (d, $0.tokens) } }
        for (d, r) in named where [.place, .organization, .person].contains(drafts[d].type) {
            let n = r.upperBound
            guard n < tokens.count, tokens[n].kind == .word, !tokens[n].isCapitalized, !isPossessive(n) else { continue }
            let noun = tokens[n].lower
            let isCountry = drafts[d].type == .place && res.countryNames[text(r)] != nil
            if let type = res.eventNouns[noun], drafts[d].type != .person || type == .organization {
                guard r.lowerBound > 0, ["the", "a", "this", "last", "that"].contains(tokens[r.lowerBound - 1].lower) else { continue }
                let span = r.lowerBound..<(n + 1)
                let idx = draftIndex(key: "\(type.rawValue):\(text(span).lowercased())", name: text(span), type: type)
                drafts[idx].mentions.append((span, .name)) // the place stays named inside it
                claimed[n] = idx
            } else if isCountry, ["government", "administration"].contains(noun) {
                let span = r.lowerBound..<(n + 1)
                let idx = draftIndex(key: "organization:\(text(span).lowercased())", name: text(span), type: .organization)
                drafts[idx].mentions.append((span, .name))
                drafts[idx].affiliationDraft = d
                claimed[n] = idx
            }
        }
    }

    /// The word where a speaker ends when token `v` is a verb of saying outside quotes (the
    /// lexicon's, or a learnt cue word that mostly introduced speech): the word before it, over
    /// "has", "also", "reportedly".
    /// Per token: a speech verb (or a word the attribution model reads as one) outside quotes,
    /// worked out once for the two scans that ask `speakerSlot` at every token.
    static func speakingVerbs(_ tokens: [Token], quoted: [Bool], _ res: Resources) -> [Bool] {
        tokens.indices.map { v in
            guard !quoted[v], tokens[v].kind == .word else { return false }
            let w = tokens[v].lower
            return res.speechVerbs[w]?.isSpeech == true || (res.attribution.words[w]?.speechRate ?? 0) >= 0.5
        }
    }

    func speakerSlot(beforeVerb v: Int) -> Int? {
        guard speakingVerbs[v] else { return nil }
        var h = v - 1
        // Over "has", "also", and any adverb ("some Democrats privately express").
        while h >= 0, res.speechModifiers.contains(tokens[h].lower) || claimed[h] == nil && !tokens[h].isCapitalized && isLyAdverb(tokens[h].lower) { h -= 1 }
        return h >= 0 && tokens[h].kind == .word ? h : nil
    }

    /// Unnamed speakers: "a source said", "The bank said that …", "top black lawmakers said",
    /// "BBC correspondents said". The noun phrase before a speech verb becomes an entity when its
    /// head is a speaker noun; a body that speaks is an organisation.
    mutating func findUnnamedSpeakers() {
        for v in tokens.indices {
            guard var h = speakerSlot(beforeVerb: v) else { continue }
            // "advisers to Mr. Obama say", "Republicans on the House Financial Services Committee
            // approved", "elected officials from both parties say": the head noun before a
            // prepositional phrase speaks, not the name or noun in it.
            let phraseEnd = h
            if let head = headBeforePrepositionalPhrase(endingAt: h) { h = head }
            let sentenceStart = doc.sentences[doc.sentenceOfToken[h]].tokenRange.lowerBound
            var s = h
            let type: EntityType
            var affiliation: Int? = nil
            if let group = groupName(at: h) {
                // A group's name speaks as that group ("Democrats say"), unless qualified: "some
                // Democrats", "many Republicans", "Republicans on the committee" are a part of it.
                let quantified = h > sentenceStart && RecognitionPass.quantifiers.contains(tokens[h - 1].lower)
                guard quantified || h < phraseEnd else { continue }
                if quantified { s = h - 1 }
                type = .group
                affiliation = group
            } else {
                guard claimed[h] == nil,
                      let t = res.speakerNouns[tokens[h].lower] ?? res.attribution.speakerNouns[tokens[h].lower] else { continue }
                type = t
                // Modifiers: adjectives, names and "and" ("Federal and state officials"), back to a determiner.
                while s > sentenceStart, h - s < 5 {
                    let t = tokens[s - 1]
                    if t.kind != .word || isPossessive(s - 1) { break }
                    // A name inside the phrase is taken whole ("the New York businessman").
                    if let owner = claimed[s - 1] {
                        while s > sentenceStart, claimed[s - 1] == owner { s -= 1 }
                        continue
                    }
                    // A determiner or possessive opens the phrase ("these voters", "his advisers").
                    if ["a", "an", "the", "another", "one", "two", "some", "many", "several", "other", "these", "those", "his", "her",
                        "their", "its", "our", "my", "your", "all", "most", "few", "both", "such"].contains(t.lower) { s -= 1; break }
                    if res.stopwords.contains(t.lower) && t.lower != "and" || res.speechVerbs[t.lower] != nil { break }
                    if t.lower.hasSuffix("ed") && !t.isCapitalized || t.lower.hasSuffix("ly") { break }
                    // "$20 million experts say": the amount is not part of who speaks.
                    if RecognitionPass.numberWords.contains(t.lower) { break }
                    s -= 1
                }
                // "…, and human rights groups warned": the conjunction joins clauses, not modifiers.
                while s < h, ["and", "or"].contains(tokens[s].lower) { s += 1 }
            }
            // A name owning the phrase ("BBC correspondents") stays its own mention inside it.
            let r = s..<(phraseEnd + 1)
            var nameStart = s
            if ["the"].contains(tokens[s].lower) { nameStart += 1 }
            guard nameStart <= h else { continue }
            let name = text(nameStart..<(phraseEnd + 1))
            let key = "\(type.rawValue):speaker:\(name.lowercased())"
            let idx = draftIndex(key: key, name: name, type: type)
            drafts[idx].mentions.append((r, .name))
            if let affiliation, affiliation != idx {
                // The group's one-word mention becomes part of the new speaker's.
                drafts[affiliation].mentions.removeAll { $0.tokens == h..<(h + 1) }
                if drafts[idx].affiliationDraft == nil { drafts[idx].affiliationDraft = affiliation }
            }
            for t in r where claimed[t] == nil { claimed[t] = idx }
            claimed[h] = idx
        }
    }

    static let quantifiers: Set<String> = ["some", "many", "most", "several", "few", "other", "all", "both", "fellow"]
    static let numberWords: Set<String> = ["hundred", "thousand", "million", "billion", "trillion", "dozen"]
    static let phrasePrepositions: Set<String> = ["of", "on", "in", "at", "to", "for", "from", "with"]

    /// The head noun before a prepositional phrase that ends at `h`, the word before a verb of
    /// saying: a speaker noun or a group's name ("Officials at Homeland Security
    /// Investigations", "Political observers in Virginia and around the country").
    func headBeforePrepositionalPhrase(endingAt h: Int) -> Int? {
        let lo = doc.sentences[doc.sentenceOfToken[h]].tokenRange.lowerBound
        var k = h - 1
        while k > lo, h - k < 10 {
            let t = tokens[k]
            guard t.kind == .word, !quoted[k] else { return nil }
            if RecognitionPass.phrasePrepositions.contains(t.lower) {
                let head = k - 1, w = tokens[head].lower
                let noun = claimed[head] == nil && tokens[head].kind == .word
                    && (res.speakerNouns[w] ?? res.attribution.speakerNouns[w]) != nil
                if noun || groupName(at: head) != nil { return head }
            } else if res.speechVerbs[t.lower] != nil || res.stopwords.contains(t.lower) && !["the", "a", "an", "and", "both", "all", "around"].contains(t.lower) && !res.prepositions.contains(t.lower) {
                return nil
            }
            k -= 1
        }
        return nil
    }

    /// The draft of a group named by one plural word ("Democrats", "Republicans"), when token
    /// `t` is that word.
    func groupName(at t: Int) -> Int? {
        guard let d = claimed[t], drafts[d].type == .group || drafts[d].type == .organization,
              tokens[t].isCapitalized, tokens[t].lower.hasSuffix("s"),
              drafts[d].mentions.contains(where: { $0.tokens == t..<(t + 1) }) else { return nil }
        return d
    }

    /// "The Vermont senator said", "a former Democratic National Committee chairman says": a
    /// description headed by a role noun that no earlier pass resolved to a named person speaks
    /// as itself (named by the description), rather than leaving the statement to whichever
    /// name is nearby ("Vermont").
    mutating func findDescribedSpeakers() {
        for v in tokens.indices {
            guard let h = speakerSlot(beforeVerb: v), h > 0, !tokens[h].isCapitalized, claimed[h] == nil,
                  res.roleNouns[tokens[h].lower] != nil else { continue }
            let sentenceStart = doc.sentences[doc.sentenceOfToken[h]].tokenRange.lowerBound
            // Back over modifiers, names and "and" to the article that opens the description.
            var s = h
            var opened = false
            while s > sentenceStart, h - s < 12 {
                let t = tokens[s - 1]
                if ["the", "a", "an"].contains(t.lower) { s -= 1; opened = true; break }
                if let owner = claimed[s - 1] {
                    while s > sentenceStart, claimed[s - 1] == owner { s -= 1 }
                    continue
                }
                guard t.kind == .word || t.text == "." && s - 1 > sentenceStart else { break }
                if t.kind == .word, res.stopwords.contains(t.lower) && t.lower != "and" || res.speechVerbs[t.lower] != nil { break }
                s -= 1
            }
            // A bare title ("the prime minister", "the president") most likely means a person the
            // article already names: only a qualified one ("the Vermont senator") speaks as itself.
            let nounStart = h >= 1 && res.roleNouns["\(tokens[h - 1].lower) \(tokens[h].lower)"] != nil ? h - 1 : h
            guard opened, nounStart - (s + 1) >= 1 else { continue }
            let r = s..<(h + 1)
            // The one person whose title has this noun ("Prime Minister Tony Blair" … "the prime minister said").
            let noun = tokens[h].lower
            let holders = drafts.indices.filter { d in
                drafts[d].type == .person && (drafts[d].role?.lowercased().split(separator: " ").contains { $0 == noun } ?? false)
            }
            if holders.count == 1 {
                drafts[holders[0]].mentions.append((r, .role))
                for t in r where claimed[t] == nil { claimed[t] = holders[0] }
                continue
            }
            let name = text((s + 1)..<(h + 1))     // without its article, as the other unnamed speakers
            let type: EntityType = tokens[h].lower.hasSuffix("s") && res.roleNouns[String(tokens[h].lower.dropLast())] != nil ? .group : .person
            let idx = draftIndex(key: "\(type.rawValue):description:\(name.lowercased())", name: name, type: type)
            drafts[idx].mentions.append((r, .role))
            for t in r where claimed[t] == nil { claimed[t] = idx }
        }
    }

    /// "China’s foreign ministry": a country's possessive and an institution noun.
    mutating func findGroupsAndInstitutions() {
        findNamedEventsAndGovernments()
        for i in tokens.indices where isPossessive(i) && i > 0 {
            guard let owner = claimed[i - 1], drafts[owner].type == .place else { continue }
            for words in res.institutionNouns {
                let end = i + 1 + words.count
                guard end <= tokens.count else { continue }
                if (0..<words.count).allSatisfy({ tokens[i + 1 + $0].lower == words[$0] }) {
                    let ownerStart = drafts[owner].mentions.first(where: { $0.tokens.contains(i - 1) })?.tokens.lowerBound ?? (i - 1)
                    let r = ownerStart..<end
                    let name = text(r)
                    let idx = drafts.count
                    var d = EntityDraft(key: "organization:\(name.lowercased())", name: name, type: .organization)
                    d.affiliationDraft = owner
                    d.mentions.append(((i + 1)..<end, .name))
                    if let existing = byKey[d.key] {
                        drafts[existing].mentions.append(((i + 1)..<end, .name))
                    } else {
                        drafts.append(d)
                        byKey[d.key] = idx
                        // The visible mention covers the whole phrase so the scorer and the reader see "China’s foreign ministry".
                        drafts[idx].mentions = [(r, .name)]
                    }
                    for t in (i + 1)..<end { claimed[t] = byKey[d.key] }
                    break
                }
            }
        }
    }
}
