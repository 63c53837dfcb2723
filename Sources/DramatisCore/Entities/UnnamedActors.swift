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

    /// Per token outside quotes: 1 for a verb of saying or belief (the lexicon's, or a learnt
    /// cue word that mostly introduced speech), 2 for another word of the learnt cue
    /// vocabulary, 0 otherwise; worked out once for the scans that ask `speakerSlot` at every
    /// token.
    static func speakingVerbs(_ tokens: [Token], quoted: [Bool], _ res: Resources) -> [UInt8] {
        tokens.indices.map { v in
            guard !quoted[v], tokens[v].kind == .word else { return 0 }
            let w = tokens[v].lower
            if res.speechVerbs[w] != nil { return 1 }
            guard let cue = res.attribution.words[w] else { return 0 }
            return cue.speechRate >= 0.5 ? 1 : 2
        }
    }

    /// The word where a speaker ends when token `v` is a verb of saying or believing outside
    /// quotes (with `anyCue`, any word of the learnt cue vocabulary): the word before it, over
    /// "has", "also", "reportedly".
    func speakerSlot(beforeVerb v: Int, anyCue: Bool = false) -> Int? {
        guard speakingVerbs[v] == 1 || anyCue && speakingVerbs[v] == 2 else { return nil }
        var h = v - 1
        // Over "has", "also", and any adverb ("some Democrats privately express").
        while h >= 0, res.speechModifiers.contains(tokens[h].lower) || claimed[h] == nil && !tokens[h].isCapitalized && isLyAdverb(tokens[h].lower) { h -= 1 }
        return h >= 0 && tokens[h].kind == .word ? h : nil
    }

    /// A verb of saying or belief: PolNeAR attributes attitudes to their holders as it does
    /// speech ("Her campaign believes").
    func isSpeakerVerb(_ v: Int) -> Bool { speakingVerbs[v] == 1 }

    /// Unnamed speakers: "a source said", "The bank said that …", "top black lawmakers said",
    /// "BBC correspondents said". The noun phrase before a speech verb becomes an entity when its
    /// head is a speaker noun; a body that speaks is an organisation.
    mutating func findUnnamedSpeakers() {
        for v in tokens.indices {
            guard var h = speakerSlot(beforeVerb: v, anyCue: true) ?? headBeforeApposition(ofVerb: v) else { continue }
            // "One of the docs who sent the letter": the phrase ends before its relative pronoun.
            if tokens[h].lower == "who", h > 0, tokens[h - 1].isWord { h -= 1 }
            // Before another learnt cue word ("some Democrats privately express"), only people
            // hold a view: no documents, figures or polls. (Bodies too would be right for
            // PolNeAR, "The Clinton campaign plans", but make statements of refusals and plans
            // that the main gold convention does not count: "The government refuses to publish".)
            let peopleOnly = !isSpeakerVerb(v)
            // "advisers to Mr. Obama say", "Republicans on the House Financial Services Committee
            // approved", "elected officials from both parties say": the head noun before a
            // prepositional phrase speaks, not the name or noun in it.
            let phraseEnd = h
            if let head = headBeforePrepositionalPhrase(endingAt: h) { h = head }
            let sentenceStart = doc.sentences[doc.sentenceOfToken[h]].tokenRange.lowerBound
            var s = h
            let type: EntityType
            var affiliation: Int? = nil
            var possessor: Int? = nil
            if let group = groupName(at: h) {
                // A group's name speaks as that group ("Democrats say"), unless qualified: "some
                // Democrats", "many Republicans", "Republicans on the committee" are a part of it.
                let quantified = h > sentenceStart && RecognitionPass.quantifiers.contains(tokens[h - 1].lower)
                guard quantified || h < phraseEnd else { continue }
                if quantified { s = h - 1 }
                type = .group
                affiliation = group
            } else {
                // "Those close to him": a pronoun heads the phrase only with what follows it.
                let pronounHead: EntityType? = h < phraseEnd && tokens[h].lower == "those" ? .group : nil
                guard claimed[h] == nil,
                      let t = pronounHead ?? speakerNounType(tokens[h].lower) else { continue }
                type = t
                guard !peopleOnly || (t == .person || t == .group) && !res.impersonalSpeakerNouns.contains(tokens[h].lower) else { continue }
                // Modifiers: adjectives, names and "and" ("Federal and state officials"), back to a determiner.
                while s > sentenceStart, h - s < 5 {
                    let t = tokens[s - 1]
                    // "Clinton’s campaign", "the Texas senator’s allies": the possessor belongs to
                    // the phrase, which speaks, not the person who owns it.
                    if isPossessive(s - 1) {
                        if let p = possessorStart(endingAt: s - 2, sentenceStart: sentenceStart) {
                            possessor = claimed[s - 2]
                            s = p
                        }
                        break
                    }
                    if t.kind != .word { break }
                    // A name inside the phrase is taken whole ("the New York businessman").
                    if let owner = claimed[s - 1] {
                        while s > sentenceStart, claimed[s - 1] == owner { s -= 1 }
                        continue
                    }
                    // A determiner or possessive opens the phrase ("these voters", "his advisers").
                    if ["a", "an", "the", "another", "one", "two", "some", "many", "several", "other", "these", "those", "his", "her",
                        "their", "its", "our", "my", "your", "all", "most", "few", "both", "such"].contains(t.lower) { s -= 1; break }
                    if res.stopwords.contains(t.lower) && t.lower != "and" || res.speechVerbs[t.lower] != nil { break }
                    // A past participle is a verb unless an article or a comma opens the phrase
                    // before it: "elected officials from both parties", "the retired generals".
                    if t.lower.hasSuffix("ed") && !t.isCapitalized,
                       !(s - 1 == sentenceStart || ["the", "a", "an", ",", "some", "many", "other", "several"].contains(tokens[s - 2].lower)) { break }
                    if t.lower.hasSuffix("ly") { break }
                    // "$20 million experts say": the amount is not part of who speaks.
                    if RecognitionPass.numberWords.contains(t.lower) { break }
                    s -= 1
                }
                // "…, and human rights groups warned": the conjunction joins clauses, not modifiers.
                while s < h, ["and", "or"].contains(tokens[s].lower) { s += 1 }
            }
            // A name owning the phrase ("BBC correspondents") stays its own mention inside it.
            // …and, before another cue word, only as a main clause's subject: not "few people
            // understood" inside what someone said ("told leaders that few people understood").
            if peopleOnly && !opensMainClause(s, sentenceStart: sentenceStart) { continue }
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
            affiliate(idx, with: possessor)
            for t in r where claimed[t] == nil { claimed[t] = idx }
            claimed[h] = idx
        }
        findInvertedUnnamedSpeakers()
    }

    /// "…,” said one Trump confidant." / "…, said a senior official.": an unnamed speaker after
    /// the verb, when a quote or a comma comes before the verb and the phrase ends its clause.
    mutating func findInvertedUnnamedSpeakers() {
        let openers: Set<String> = ["a", "an", "the", "one", "another", "two", "three", "several", "some"]
        for v in tokens.indices.dropFirst() where tokens[v - 1].isQuote || tokens[v - 1].text == "," {
            guard isSpeakerVerb(v), v + 2 < tokens.count, openers.contains(tokens[v + 1].lower), claimed[v + 1] == nil else { continue }
            let sentenceEnd = doc.sentences[doc.sentenceOfToken[v]].tokenRange.upperBound
            var h = v + 2
            // Over modifiers and names to the last word before the clause ends.
            while h + 1 < sentenceEnd, h - v < 7, tokens[h + 1].isWord, !["who", "and", "in", "on", "at", "of", "for", "to", "with", "after", "during"].contains(tokens[h + 1].lower) { h += 1 }
            guard h < sentenceEnd, claimed[h] == nil, !tokens[h].isCapitalized,
                  h + 1 >= sentenceEnd || [",", ".", ";", "who"].contains(tokens[h + 1].lower) else { continue }
            let w = tokens[h].lower, singular = String(w.dropLast())
            let type: EntityType
            if let t = speakerNounType(w) { type = t }
            else if res.roleNouns[w] != nil { type = .person }
            else if w.hasSuffix("s"), res.roleNouns[singular] != nil { type = .group }
            else { continue }
            // Nothing but modifiers between the opener and the noun: no verb, no stopword.
            guard ((v + 2)..<h).allSatisfy({ claimed[$0] != nil || tokens[$0].isWord && !res.stopwords.contains(tokens[$0].lower) && res.speechVerbs[tokens[$0].lower] == nil }) else { continue }
            let r = (v + 1)..<(h + 1)
            // Named without its article ("senior Cruz adviser"); the mention keeps it.
            let nameStart = ["a", "an", "the", "one"].contains(tokens[v + 1].lower) ? v + 2 : v + 1
            let name = text(nameStart..<(h + 1))
            let idx = draftIndex(key: "\(type.rawValue):speaker:\(name.lowercased())", name: name, type: type)
            drafts[idx].mentions.append((r, .name))
            for t in r where claimed[t] == nil { claimed[t] = idx }
            claimed[h] = idx
        }
    }

    /// "Proponents, including the United States Conference of Mayors, have urged": the word
    /// before an apposition that gives examples, when a verb of saying follows it.
    func headBeforeApposition(ofVerb v: Int) -> Int? {
        guard v > 2, speakingVerbs[v] != 0 else { return nil }
        var c = v - 1
        while c > 0, res.speechModifiers.contains(tokens[c].lower) { c -= 1 }
        guard tokens[c].text == "," else { return nil }
        let lo = doc.sentences[doc.sentenceOfToken[c]].tokenRange.lowerBound
        // Back over the examples, which may hold commas of their own ("like Senators Charles E.
        // Grassley, Republican of Iowa, and Patrick J. Leahy, Democrat of Vermont,").
        var k = c - 1
        while k > lo, c - k < 30, !quoted[k] {
            if tokens[k].text == ",", ["including", "like", "such", "among"].contains(tokens[k + 1].lower) {
                return tokens[k - 1].isWord ? k - 1 : nil
            }
            k -= 1
        }
        return nil
    }

    /// The entity type a speaker noun makes ("source" → person, "bank" → organization): the
    /// lexicon's, else the learnt list's.
    func speakerNounType(_ noun: String) -> EntityType? {
        res.speakerNouns[noun] ?? res.attribution.speakerNouns[noun]
    }

    /// A phrase owned by a possessor ("Clinton’s campaign") is affiliated to it, unless it has an
    /// affiliation already.
    mutating func affiliate(_ idx: Int, with possessor: Int?) {
        guard let possessor, possessor != idx, drafts[idx].affiliationDraft == nil else { return }
        drafts[idx].affiliationDraft = possessor
    }

    /// Whether a phrase starting at token `s` is the subject of its sentence's main clause:
    /// first in the sentence or after a comma or "but", with no lexicon verb of saying or "that" before
    /// it in the last 40 tokens.
    func opensMainClause(_ s: Int, sentenceStart: Int) -> Bool {
        guard s == sentenceStart || tokens[s - 1].text == "," || ["but", "yet", "still"].contains(tokens[s - 1].lower) else { return false }
        var k = s - 1
        while k >= max(sentenceStart, s - 40) {
            if tokens[k].lower == "that" || res.speechVerbs[tokens[k].lower] != nil { return false }
            k -= 1
        }
        return true
    }

    /// Where the possessor ending at token `o` starts: a name's mention with its honorific ("Mr.
    /// Rubio"), or a description back to its determiner ("the Texas senator"); nil for anything else.
    func possessorStart(endingAt o: Int, sentenceStart: Int) -> Int? {
        guard o >= sentenceStart, tokens[o].kind == .word else { return nil }
        if let d = claimed[o] {
            var start = drafts[d].mentions.first(where: { $0.tokens.contains(o) })?.tokens.lowerBound ?? o
            if start > sentenceStart, res.honorifics[tokens[start - 1].text] != nil { start -= 1 }
            if start > sentenceStart, tokens[start - 1].lower == "the" { start -= 1 }
            return max(start, sentenceStart)
        }
        guard !tokens[o].isCapitalized, res.roleNouns[tokens[o].lower] != nil || res.speakerNouns[tokens[o].lower] != nil else { return nil }
        var k = o
        while k > sentenceStart, o - k < 4 {
            let w = tokens[k - 1]
            if ["the", "a", "an", "his", "her", "their", "its"].contains(w.lower) { return k - 1 }
            guard w.kind == .word, claimed[k - 1] != nil || !res.stopwords.contains(w.lower) else { return nil }
            k -= 1
        }
        return nil
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
                var head = k - 1
                // "Those close to him", "people familiar with the talks": the head is before the adjective.
                if head > lo, ["close", "closest", "familiar", "loyal"].contains(tokens[head].lower),
                   ["those", "people", "sources", "someone", "aides", "allies", "friends", "officials"].contains(tokens[head - 1].lower) {
                    if tokens[head - 1].lower == "those" || tokens[head - 1].lower == "someone" { return head - 1 }
                    head -= 1
                }
                let w = tokens[head].lower
                let noun = claimed[head] == nil && tokens[head].kind == .word
                    && speakerNounType(w) != nil
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
            // A party member is a description too, capitalised: "The Kentucky Republican said".
            guard let h = speakerSlot(beforeVerb: v, anyCue: true), h > 0, claimed[h] == nil,
                  !tokens[h].isCapitalized && res.roleNouns[tokens[h].lower] != nil || res.partyMemberNouns.contains(tokens[h].text) else { continue }
            let sentenceStart = doc.sentences[doc.sentenceOfToken[h]].tokenRange.lowerBound
            // Back over modifiers, names and "and" to the article that opens the description.
            var s = h
            var opened = false
            var possessor: Int? = nil
            while s > sentenceStart, h - s < 12 {
                let t = tokens[s - 1]
                if ["the", "a", "an", "one"].contains(t.lower) { s -= 1; opened = true; break }
                // "Donald Trump’s campaign manager says": the possessor qualifies the title.
                if isPossessive(s - 1) {
                    if let p = possessorStart(endingAt: s - 2, sentenceStart: sentenceStart) { possessor = claimed[s - 2]; s = p; opened = true }
                    break
                }
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
            // (With a possessor, s is the phrase's first word; otherwise its article.)
            let first = possessor == nil ? s + 1 : s
            guard opened, nounStart - first >= (possessor == nil ? 1 : 0), nounStart > s else { continue }
            let r = s..<(h + 1)
            // The one person whose title has this noun ("Prime Minister Tony Blair" … "the prime minister said").
            let noun = tokens[h].lower
            let holders = drafts.indices.filter { d in
                drafts[d].type == .person && (drafts[d].role?.lowercased().split(separator: " ").contains { $0 == noun } ?? false)
            }
            // Only a definite description refers back ("the senator"; "Trump’s campaign manager"
            // only to Trump's); "a spokesman", "one Clinton aide" introduce someone new.
            let refersBack = possessor == nil ? tokens[s].lower == "the" : holders.count == 1 && drafts[holders[0]].affiliationDraft == possessor
            if holders.count == 1, refersBack {
                drafts[holders[0]].mentions.append((r, .role))
                for t in r where claimed[t] == nil { claimed[t] = holders[0] }
                continue
            }
            let name = text((tokens[first].lower == "the" ? first + 1 : first)..<(h + 1))     // without its article, as the other unnamed speakers
            let type: EntityType = tokens[h].lower.hasSuffix("s") && res.roleNouns[String(tokens[h].lower.dropLast())] != nil ? .group : .person
            let idx = draftIndex(key: "\(type.rawValue):description:\(name.lowercased())", name: name, type: type)
            drafts[idx].mentions.append((r, .role))
            affiliate(idx, with: possessor)
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
