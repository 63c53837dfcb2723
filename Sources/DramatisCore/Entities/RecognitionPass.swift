import Foundation

/// An entity while the pass builds it.
struct EntityDraft {
    var key: String
    var name: String
    var type: EntityType
    var role: String?
    var roleIsLeader = false
    var roleCountry: String?          // canonical place name the role belongs to
    var affiliationDraft: Int?        // index of another draft
    var gender = "?"
    var mentions: [(tokens: Range<Int>, kind: MentionKind)] = []
    var surname: String?              // lower-cased, persons only
    var givenName: String?
    var firstToken: Int { mentions.map(\.tokens.lowerBound).min() ?? Int.max }
}

/// A capitalised name found in the text, before it is merged into an entity.
struct NameCandidate {
    var tokens: Range<Int>            // the name itself (titles stripped)
    var type: EntityType?
    var canonical: String?            // gazetteer canonical name
    var role: String?
    var roleIsLeader = false
    var roleCountry: String?
    var honorificGender: String?
    var personEvidence = false
    var possessiveOwnerRole: String?  // "its President" → "its"
    var mentionStart: Int?            // first token of the mention when an honorific precedes the name
}

/// One run of entity recognition over a document.
struct RecognitionPass {
    let doc: TextDocument
    let res: Resources
    let tokens: [Token]
    let quoted: [Bool]
    /// Lower-cased words seen capitalised somewhere other than a sentence start.
    var capitalisedMidSentence: Set<String> = []
    var drafts: [EntityDraft] = []
    var byKey: [String: Int] = [:]
    /// Token index → draft index, for the names already placed.
    var claimed: [Int: Int] = [:]
    var pendingSingles: [NameCandidate] = []
    var roleOnly: [(tokens: Range<Int>, role: String, country: String?)] = []
    var acronymDefinitions: [String: Int] = [:]
    /// Consult the learnt tagger for capitalised runs the rules leave unnamed (off while the
    /// tagger's own training labels are made).
    var useModel = true
    /// Smallest score margin of the tagger for a name the rules did not find.
    static let modelMargin = 300.0

    static let connectors: Set<String> = ["of", "for", "and", "the", "de", "du", "la", "von", "van", "der", "al", "bin", "on", "in"]
    static let nameParticles: Set<String> = ["de", "da", "van", "von", "der", "bin", "al", "le", "la", "di"]

    init(document: TextDocument, resources: Resources) {
        doc = document
        res = resources
        tokens = document.tokens
        quoted = QuoteFinder.mask(document.quotations, tokenCount: document.tokens.count)
    }

    // MARK: - Token predicates

    func isSentenceInitial(_ i: Int) -> Bool {
        let s = doc.sentences[doc.sentenceOfToken[i]]
        var j = i - 1
        var sawQuote = false
        while j >= s.tokenRange.lowerBound {
            let t = tokens[j]
            if t.isQuote || t.text == "(" || t.kind == .dash || t.text == ":" || t.text == "…" { sawQuote = sawQuote || t.isQuote; j -= 1; continue }
            // A quoted sentence inside a longer one: ‘… the roof. "The Audit …’
            return sawQuote && t.kind == .punctuation && t.text.contains(where: { ".!?".contains($0) })
        }
        return true
    }

    func isCapWord(_ i: Int) -> Bool {
        guard i >= 0, i < tokens.count else { return false }
        let t = tokens[i]
        guard t.kind == .word, t.isCapitalized else { return false }
        if t.text == "I" || t.text == "’s" || t.text == "'s" || t.text == "’S" { return false }
        // Calendar words are dates, not names (the timeline's lexicon, one list for both stages).
        if res.temporalWords.months[t.lower] != nil || res.temporalWords.weekdays[t.lower] != nil {
            // … except a surname after a given name or a title: "Theresa May", "Mrs May".
            return res.temporalWords.months[t.lower] != nil && i > 0 && tokens[i].spaceBefore
                && (res.givenNames[tokens[i - 1].text] != nil || res.honorifics[tokens[i - 1].text] != nil)
        }
        return true
    }

    func isPossessive(_ i: Int) -> Bool {
        i < tokens.count && (tokens[i].text == "’s" || tokens[i].text == "'s" || tokens[i].text == "’" )
    }

    func text(_ r: Range<Int>) -> String { doc.text(ofTokens: r) }

    /// Name text without periods of dotted acronyms and with curly apostrophes straightened.
    func lookupForms(_ r: Range<Int>) -> [String] {
        let t = text(r)
        var forms = [t]
        if t.utf8.contains(UInt8(ascii: ".")) { forms.append(String(t.filter { $0 != "." })) }
        if t.unicodeScalars.contains("’") { forms.append(String(t.map { $0 == "’" ? "'" : $0 })) }
        return forms
    }

    // MARK: - Gazetteers

    enum GazetteerHit { case country(String), place(String), org(String, EntityType), metonym(String), platform(String), region(String) }

    func gazetteer(_ r: Range<Int>) -> GazetteerHit? {
        for f in lookupForms(r) where res.gazetteerFirstWords.contains(String(f.prefix { $0 != " " })) {
            if let c = res.countryNames[f] { return .country(c) }
            if let m = res.metonyms[f] { return .metonym(m.canonical) }
            if let o = res.organizations[f] { return .org(o.canonical, o.type) }
            if let g = res.regions[f] { return .region(g) }
            if res.platforms.contains(f) {
                // "X" or "Threads" only when they read as a platform: "on X", "via X".
                let ambiguous = f.count == 1 || res.isCommonWord(f)
                if !ambiguous { return .platform(f) }
                let prev = r.lowerBound > 0 ? tokens[r.lowerBound - 1].lower : ""
                if prev == "on" || prev == "via" { return .platform(f) }
                continue
            }
            if res.places[f] != nil { return .place(f) }
        }
        return nil
    }

    func countryOf(_ r: Range<Int>) -> String? {
        for f in lookupForms(r) {
            if let c = res.countryNames[f] { return c }
            if let c = res.demonyms[f] { return c }
            if let g = res.regions[f] { return g }
            if let d = res.extraDemonyms[f] { return d }
        }
        return nil
    }

    func isDemonym(_ i: Int) -> Bool {
        let t = tokens[i].text
        return res.demonyms[t] != nil || res.extraDemonyms[t] != nil
    }

    /// Longest role title (from roles.txt) starting at token `i`, within `limit`.
    func roleMatch(at i: Int, limit: Int) -> Int {
        var best = 0
        var phrase = ""
        var j = i
        while j < limit, j - i < 5 {
            phrase += (j == i ? "" : " ") + tokens[j].text
            if res.roles[phrase] != nil { best = j - i + 1 }
            j += 1
        }
        return best
    }

    func isRoleWord(_ i: Int, limit: Int) -> Bool { roleMatch(at: i, limit: limit) > 0 }

    // MARK: - Run

    mutating func run() -> EntityResult {
        for i in tokens.indices where isCapWord(i) && !isSentenceInitial(i) {
            capitalisedMidSentence.insert(tokens[i].lower)
        }
        // A budgeted analysis out of time skips the remaining phases (the analyser then throws).
        let phases: [(inout RecognitionPass) -> Void] = [
            { $0.collectChunks() }, { $0.resolveSingles() },
            { if $0.useModel && !$0.res.entityTagger.isEmpty { $0.addModelNames() } },
            { $0.resolveSpeakerLabels() }, { $0.findGroupsAndInstitutions() }, { $0.findSpokespeople() },
            { $0.findUnnamedSpeakers() }, { $0.resolveRoleOwners() }, { $0.resolveRoleDescriptions() },
            { $0.findDescribedSpeakers() }, { $0.assignAffiliations() }, { $0.resolvePronouns() },
        ]
        for phase in phases where !AnalysisBudget.stopRequested { phase(&self) }
        return finish()
    }

    // MARK: - Chunks

    mutating func collectChunks() {
        var i = 0
        let n = tokens.count
        let labelAt = Dictionary(doc.speakerLabels.map { ($0.lowerBound, $0) }, uniquingKeysWith: { a, _ in a })
        var polls = 0
        while i < n {
            polls += 1
            if polls & 255 == 0, AnalysisBudget.stopRequested { break }
            // A transcript label ("PENCE:") names a speaker: resolved once every name is known.
            if let label = labelAt[i] { i = label.upperBound; continue }
            guard isCapWord(i) else { i += 1; continue }
            if tokens[i].isAllCaps && Transcript.isStageDirection(paragraphOf: i, in: doc) || isPartyTag(i) { i += 1; continue }
            var j = i
            var orgLike = false
            var connectors = 0
            while j < n {
                if isCapWord(j) {
                    if let kw = res.entityKeywords[tokens[j].text], kw.position == "any" { orgLike = true }
                    if res.entityKeywords[tokens[j].text] != nil || res.roles[tokens[j].text] != nil { orgLike = orgLike || false }
                    // A sentence boundary ends a name.
                    if j > i, doc.sentenceOfToken[j] != doc.sentenceOfToken[j - 1] { break }
                    j += 1
                    continue
                }
                let lower = tokens[j].text
                if RecognitionPass.connectors.contains(lower), j + 1 < n, isCapWord(j + 1), !tokens[j].text.first!.isUppercase,
                   orgLike || res.roles[tokens[j - 1].text] != nil || res.entityKeywords[tokens[j - 1].text] != nil
                    || (RecognitionPass.nameParticles.contains(lower) && res.givenNames[tokens[j - 1].text] != nil),
                   lower != "and" || connectors > 0 {
                    connectors += 1
                    j += 1
                    continue
                }
                break
            }
            processChunk(i..<j)
            i = max(j, i + 1)
        }
    }

    /// Strips titles, then classifies what remains of a run of capitalised words.
    mutating func processChunk(_ chunk: Range<Int>) {
        var a = chunk.lowerBound
        let b = chunk.upperBound
        // A common word that starts a sentence is not a name ("Moves", "Those", "Indeed").
        if isSentenceInitial(a) {
            let w = tokens[a].text
            let known = gazetteer(a..<(a + 1)) != nil || res.honorifics[w] != nil || isRoleWord(a, limit: b)
                || res.givenNames[w] != nil || capitalisedMidSentence.contains(tokens[a].lower) || isDemonym(a)
                || res.countryNames[w] != nil
            let multiKnown = b - a > 1 && gazetteer(a..<b) != nil
            if !known && !multiKnown && (res.isCommonWord(w) || res.stopwords.contains(tokens[a].lower)) {
                a += 1
                if a >= b { return }
                if !isCapWord(a) { return }
            }
        }
        var candidate = NameCandidate(tokens: a..<b)
        var p = a
        var roleParts: [String] = []
        var sawHonorific = false
        // Possessive determiner before a title: "its President X".
        if p > 0, ["its", "their"].contains(tokens[p - 1].lower), isRoleWord(p, limit: b) {
            candidate.possessiveOwnerRole = tokens[p - 1].lower
        }
        while p < b {
            let w = tokens[p].text
            if let g = res.honorifics[w] {
                candidate.honorificGender = g
                sawHonorific = true
                p += 1
                continue
            }
            // Country or demonym before a title: "US President", "German Foreign Minister".
            if p + 1 < b, let country = countryOf(p..<(p + 1)), roleAhead(from: p + 1, limit: b) {
                candidate.roleCountry = country
                if res.countryNames[w] != nil { addNamed(p..<(p + 1)) }
                roleParts.append(w)
                p += 1
                continue
            }
            if p + 2 < b, let country = res.countryNames[text(p..<(p + 2))], roleAhead(from: p + 2, limit: b) {
                candidate.roleCountry = country
                addNamed(p..<(p + 2))
                roleParts.append(text(p..<(p + 2)))
                p += 2
                continue
            }
            let m = roleMatch(at: p, limit: b)
            if m > 0, p + m <= b {
                let title = text(p..<(p + m))
                if res.roles[title] == true { candidate.roleIsLeader = true }
                roleParts.append(title)
                p += m
                continue
            }
            // A given name before a title word that ends the run is a name: "Charlie King",
            // "Carole King" (a surname that is also a title).
            if res.givenNames[w] != nil, b - p > 1, roleMatch(at: p + 1, limit: b) == b - p - 1 { break }
            // A modifier of a following title: "Health Minister", "Foreign Secretary".
            if roleAhead(from: p + 1, limit: b), res.isCommonWord(w) || res.zipf(w) > 2.5 {
                roleParts.append(w)
                p += 1
                continue
            }
            break
        }
        if !roleParts.isEmpty { candidate.role = roleParts.joined(separator: " ") }
        if p >= b {
            // A title with no name: a role description ("the Prime Minister").
            if let role = candidate.role { roleOnly.append((a..<b, role, candidate.roleCountry)) }
            return
        }
        // Trailing possessive or connector is not part of the name.
        var e = b
        while e > p, RecognitionPass.connectors.contains(tokens[e - 1].text) { e -= 1 }
        candidate.tokens = p..<e
        candidate.personEvidence = sawHonorific || candidate.role != nil
        // "Mr Trump" is one mention; a title ("President Trump") is not part of it.
        var h = p
        while h > a, res.honorifics[tokens[h - 1].text] != nil { h -= 1 }
        candidate.mentionStart = h
        classify(candidate)
    }

    /// A title (possibly with capitalised modifiers) follows at `from` within the chunk.
    func roleAhead(from: Int, limit: Int) -> Bool {
        var p = from
        while p < limit, p - from < 3 {
            if isRoleWord(p, limit: limit) { return true }
            if !res.isCommonWord(tokens[p].text) && res.zipf(tokens[p].text) <= 2.5 { return false }
            p += 1
        }
        return false
    }

    mutating func classify(_ c: NameCandidate) {
        let r = c.tokens
        let single = r.count == 1
        if !c.personEvidence {
            if let hit = gazetteer(r) { place(hit, r); return }
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
                            || words.allSatisfy({ res.zipf($0) < 3.0 && !$0.contains(".") })
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
            while j > i {
                if gazetteer(i..<j) != nil { matched = j - i; break }
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

    @discardableResult
    mutating func addEntity(key: String, name: String, type: EntityType, tokens r: Range<Int>, kind: MentionKind = .name) -> Int {
        let idx: Int
        if let existing = byKey[key] {
            idx = existing
        } else {
            idx = drafts.count
            drafts.append(EntityDraft(key: key, name: name, type: type))
            byKey[key] = idx
        }
        addMention(idx, r, kind)
        if type == .organization || type == .law || type == .event { noteAcronymDefinition(after: r, entity: idx) }
        return idx
    }

    mutating func addMention(_ idx: Int, _ r: Range<Int>, _ kind: MentionKind) {
        if claimed[r.lowerBound] != nil && kind != .role { return }
        drafts[idx].mentions.append((r, kind))
        for t in r { claimed[t] = idx }
    }

    /// "British Medical Association (BMA)": the acronym in brackets names the same body.
    mutating func noteAcronymDefinition(after r: Range<Int>, entity: Int) {
        let i = r.upperBound
        guard i + 2 < tokens.count, tokens[i].text == "(", tokens[i + 2].text == ")", tokens[i + 1].isAllCaps else { return }
        let acronym = tokens[i + 1].text.replacingOccurrences(of: ".", with: "")
        acronymDefinitions[acronym] = entity
        addMention(entity, (i + 1)..<(i + 2), .alias)
    }

    mutating func addPerson(_ c: NameCandidate, _ r0: Range<Int>) {
        var r = r0
        while r.count > 1, res.postnominals.contains(tokens[r.upperBound - 1].text) { r = r.lowerBound..<(r.upperBound - 1) }
        let name = text(r)
        let key = "person:\(name.lowercased())"
        let idx: Int
        if let existing = byKey[key] {
            idx = existing
        } else if let (existing, _) = personBySurname(tokens[r.upperBound - 1].text, before: r.lowerBound),
                  compatibleName(existing, r) {
            idx = existing
        } else {
            idx = drafts.count
            var d = EntityDraft(key: key, name: name, type: .person)
            d.surname = tokens[r.upperBound - 1].lower
            if r.count > 1 { d.givenName = tokens[r.lowerBound].text; draftsByGivenName[tokens[r.lowerBound].text, default: []].insert(idx) }
            if draftsBySurname[d.surname!] == nil { surnameIndex.insert(d.surname!) }
            draftsBySurname[d.surname!, default: []].append(idx)
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

    mutating func personBySurname(_ word: String, before: Int) -> (Int, Int)? {
        let w = word.lowercased()
        var best: (Int, Int)? = nil
        for i in draftsBySurname[w] ?? [] where drafts[i].type == .person && drafts[i].surname == w {
            let last = lastMentionStart(of: i, before: before)
            if best == nil || last > best!.1 { best = (i, last) }
        }
        return best
    }

    /// Person drafts by lower-cased surname, in creation order (a surname is set only then).
    var draftsBySurname: [String: [Int]] = [:]
    /// The keys of `draftsBySurname` by deletion variants, for `nearMiss`.
    var surnameIndex = SurnameIndex()
    /// Per draft: the first tokens of `mentions[0..<covered]`, sorted. Valid while mentions are
    /// only appended (collectChunks, resolveSingles: the phases that ask personBySurname).
    var mentionStarts: [Int: (sorted: [Int], covered: Int)] = [:]

    /// The largest first token of a mention of draft `i` before `before`, or -1: binary search in
    /// the sorted starts plus a scan of the mentions added since, re-sorted when that tail grows
    /// past √n, so a document with many mentions of one person stays near-linear.
    mutating func lastMentionStart(of i: Int, before: Int) -> Int {
        let ms = drafts[i].mentions
        var entry = mentionStarts.removeValue(forKey: i) ?? ([], 0)
        if ms.count < entry.covered { entry = ([], 0) }
        if ms.count - entry.covered > max(32, Int(Double(entry.sorted.count).squareRoot())) {
            entry.sorted += ms[entry.covered...].map(\.tokens.lowerBound)
            entry.sorted.sort()
            entry.covered = ms.count
        }
        var lo = 0, hi = entry.sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if entry.sorted[mid] < before { lo = mid + 1 } else { hi = mid }
        }
        var best = lo > 0 ? entry.sorted[lo - 1] : -1
        for m in ms[entry.covered...] where m.tokens.lowerBound < before { best = max(best, m.tokens.lowerBound) }
        mentionStarts[i] = entry
        return best
    }

    /// A US party-and-state tag after a name, "(R-S.C.)", "(D-Va.)", "(R-IN)": not an organisation.
    func isPartyTag(_ i: Int) -> Bool {
        guard i > 0, tokens[i - 1].text == "(" else { return false }
        let u = Array(tokens[i].text.unicodeScalars)
        guard u.count >= 3, "RDI".unicodeScalars.contains(u[0]), u[1] == "-", u[2].properties.isUppercase else { return false }
        return u.dropFirst(2).allSatisfy { $0.properties.isAlphabetic || $0 == "." }
    }

    // MARK: - Learnt names

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

    // MARK: - Transcript labels

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

    // MARK: - Singles

    mutating func resolveSingles() {
        for (ci, c) in pendingSingles.enumerated() {
            if ci & 255 == 0, AnalysisBudget.stopRequested { break }
            let r = c.tokens
            let w = tokens[r.lowerBound].text
            if claimed[r.lowerBound] != nil { continue }
            let mentionRange = (c.mentionStart ?? r.lowerBound)..<r.upperBound
            if let (p, _) = personBySurname(w, before: r.lowerBound) {
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
            guard let first = draftsBySurname[surname]?.first(where: { drafts[$0].type == .person }), best == nil || first < best! else { continue }
            if editDistance(Array(surname), w, limit: limit) { best = first }
        }
        return best
    }

    func personByGivenName(_ word: String) -> Int? {
        let matches = (draftsByGivenName[word] ?? []).filter { drafts[$0].type == .person && drafts[$0].givenName == word }.sorted()
        return matches.count == 1 ? matches[0] : nil
    }

    /// Person drafts by given name (a draft may appear under names it has since outgrown;
    /// callers check `givenName`).
    var draftsByGivenName: [String: Set<Int>] = [:]

    // MARK: - Groups, institutions, spokespeople

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

    mutating func draftIndex(key: String, name: String, type: EntityType) -> Int {
        if let i = byKey[key] { return i }
        drafts.append(EntityDraft(key: key, name: name, type: type))
        byKey[key] = drafts.count - 1
        return drafts.count - 1
    }

    /// The word where a speaker ends when token `v` is a verb of saying outside quotes (the
    /// lexicon's, or a learnt cue word that mostly introduced speech): the word before it, over
    /// "has", "also", "reportedly".
    func speakerSlot(beforeVerb v: Int) -> Int? {
        guard !quoted[v], tokens[v].kind == .word else { return nil }
        let w = tokens[v].lower
        guard res.speechVerbs[w]?.isSpeech == true || (res.attribution.words[w]?.speechRate ?? 0) >= 0.5 else { return nil }
        var h = v - 1
        while h >= 0, res.speechModifiers.contains(tokens[h].lower) { h -= 1 }
        return h >= 0 && tokens[h].kind == .word ? h : nil
    }

    /// Unnamed speakers: "a source said", "The bank said that …", "top black lawmakers said",
    /// "BBC correspondents said". The noun phrase before a speech verb becomes an entity when its
    /// head is a speaker noun; a body that speaks is an organisation.
    mutating func findUnnamedSpeakers() {
        for v in tokens.indices {
            guard var h = speakerSlot(beforeVerb: v) else { continue }
            // "advisers to Mr. Obama say", "Republicans on the House Financial Services Committee
            // approved": the head noun before a preposition and a name speaks, not the name.
            let phraseEnd = h
            if let owner = claimed[h] {
                var b = h
                while b > 0, claimed[b - 1] == owner { b -= 1 }
                if b > 0, tokens[b - 1].lower == "the" { b -= 1 }
                guard b > 1, ["of", "on", "in", "at", "to", "for", "from", "with"].contains(tokens[b - 1].lower),
                      claimed[b - 2] == nil, tokens[b - 2].kind == .word, !tokens[b - 2].isCapitalized || res.speakerNouns[tokens[b - 2].lower] != nil
                      || res.attribution.speakerNouns[tokens[b - 2].lower] != nil else { continue }
                h = b - 2
            }
            guard claimed[h] == nil,
                  let type = res.speakerNouns[tokens[h].lower] ?? res.attribution.speakerNouns[tokens[h].lower] else { continue }
            // Modifiers: adjectives, names and "and" ("Federal and state officials"), back to a determiner.
            var s = h
            let sentenceStart = doc.sentences[doc.sentenceOfToken[h]].tokenRange.lowerBound
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
                s -= 1
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
            for t in r where claimed[t] == nil { claimed[t] = idx }
            claimed[h] = idx
        }
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

    var pendingSpokesOwners: [(spokes: Int, role: String?, ownerTokens: Range<Int>)] = []

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

    /// "the Ukrainian leader", "Ukraine leader": the leader whose title belongs to that country.
    /// "G.K." or "J." — initials before a surname.
    /// "Vann R. Newkirk", "Charles E. Grassley": a single-letter initial between two words.
    static func hasMiddleInitial(_ words: [String]) -> Bool {
        guard words.count >= 3 else { return false }
        return words.dropFirst().dropLast().contains { w in
            let u = Array(w.unicodeScalars)
            return u.count == 2 && u[0].properties.isUppercase && u[1] == "."
        }
    }

    static func isInitials(_ w: String) -> Bool {
        let scalars = Array(w.unicodeScalars)
        guard scalars.count >= 2, scalars.count % 2 == 0 else { return false }
        return stride(from: 0, to: scalars.count, by: 2).allSatisfy { scalars[$0].properties.isUppercase && scalars[$0 + 1] == "." }
    }

    /// "the California congressman", "the GOP candidate": a description that fits exactly one
    /// person whose role names the same function.
    mutating func resolveFunctionDescriptions() {
        // Person drafts by the words of their role, with their first mention (kept current).
        var holdersByWord: [Substring: [Int]] = [:]
        var firstToken: [Int: Int] = [:]
        for d in drafts.indices where drafts[d].type == .person && !drafts[d].key.hasPrefix("spokes:") {
            guard let role = drafts[d].role else { continue }
            for w in Set(role.lowercased().split(separator: " ")) { holdersByWord[w, default: []].append(d) }
            firstToken[d] = drafts[d].firstToken
        }
        for i in tokens.indices where i > 0 && tokens[i].kind == .word && !tokens[i].isCapitalized && claimed[i] == nil {
            let noun = tokens[i].lower
            guard res.roleNouns[noun] != nil, !RecognitionPass.nonDescriptiveRoles.contains(noun) else { continue }
            if i + 1 < tokens.count, isCapWord(i + 1) { continue }
            // "the [modifiers] noun", modifiers being capitalised words or "former".
            var s = i - 1
            while s >= 0, i - s <= 3, isCapWord(s) || tokens[s].lower == "former" { s -= 1 }
            guard s >= 0, tokens[s].lower == "the" else { continue }
            let holders = (holdersByWord[Substring(noun)] ?? []).filter { firstToken[$0, default: Int.max] < i }
            guard holders.count == 1 else { continue }
            drafts[holders[0]].mentions.append((s..<(i + 1), .role))
            firstToken[holders[0]] = min(firstToken[holders[0], default: Int.max], s)
            for t in s..<(i + 1) where claimed[t] == nil { claimed[t] = holders[0] }
        }
    }

    static let nonDescriptiveRoles: Set<String> = ["spokesman", "spokeswoman", "spokesperson", "official", "aide", "adviser", "advisor"]

    mutating func resolveRoleDescriptions() {
        resolveFunctionDescriptions()
        for i in tokens.indices {
            guard let noun = res.roleNouns[tokens[i].lower], noun, tokens[i].kind == .word, !tokens[i].isCapitalized, i > 0 else { continue }
            // Two-word nouns ("prime minister") end at i.
            var modifier = i - 1
            if i >= 2, res.roleNouns["\(tokens[i - 1].lower) \(tokens[i].lower)"] != nil { modifier = i - 2 }
            guard modifier >= 0, isCapWord(modifier) || claimed[modifier] != nil,
                  let country = countryOf(modifier..<(modifier + 1)) ?? claimed[modifier].flatMap({ drafts[$0].type == .place ? drafts[$0].name : nil })
            else { continue }
            if i + 1 < tokens.count, isCapWord(i + 1) { continue } // "Ukraine leader Volodymyr …" is a title
            let leaders = drafts.indices.filter {
                drafts[$0].type == .person && drafts[$0].roleIsLeader && drafts[$0].roleCountry == country
            }
            guard leaders.count == 1 else { continue }
            var start = modifier
            if start > 0, tokens[start - 1].lower == "the" { start -= 1 }
            drafts[leaders[0]].mentions.append((start..<(i + 1), .role))
            for t in start..<(i + 1) where claimed[t] == nil { claimed[t] = leaders[0] }
        }
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

    // MARK: - Pronouns

    /// he/she/him/his/her → the nearest compatible person mentioned before, outside quotes,
    /// within the paragraph or the one before; a possessive owner ("Starmer’s spokesman") is skipped.
    mutating func resolvePronouns() {
        // Person mentions in token order.
        var personAt: [(token: Int, draft: Int)] = []
        for (d, draft) in drafts.enumerated() where draft.type == .person {
            for m in draft.mentions where !quoted[m.tokens.lowerBound] {
                let after = m.tokens.upperBound
                if after < tokens.count, isPossessive(after), claimed[after + 1] != nil, claimed[after + 1] != d { continue }
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
            if drafts[chosen.draft].gender == "?" { drafts[chosen.draft].gender = p.gender }
            drafts[chosen.draft].mentions.append((i..<(i + 1), .pronoun))
            recent.append((i, chosen.draft))
        }
    }

    /// A mention after a preposition, over the title words before a name ("under President
    /// Barack Obama", "with Rusty Humphries"): an oblique, not a subject (the other person of
    /// its sentence is preferred for the next pronoun).
    func isOblique(_ t: Int) -> Bool {
        var j = t - 1, steps = 0
        while j >= 0, steps < 4, claimed[j] == nil, tokens[j].isCapitalized || res.honorifics[tokens[j].text] != nil || tokens[j].text == "." {
            j -= 1; steps += 1
        }
        return j >= 0 && StatementPass.prepositions.contains(tokens[j].lower)
    }

    // MARK: - Finish

    func finish() -> EntityResult {
        // Drop drafts with no mentions; order by first mention; number e1, e2, …
        let live = drafts.indices.filter { !drafts[$0].mentions.isEmpty }
        let ordered = live.sorted { drafts[$0].firstToken < drafts[$1].firstToken }
        var newIndex: [Int: Int] = [:]
        for (n, d) in ordered.enumerated() { newIndex[d] = n }
        var entities: [Entity] = []
        var located: [LocatedMention] = []
        for (n, d) in ordered.enumerated() {
            let draft = drafts[d]
            var seen = Set<Int>()
            var mentions: [Mention] = []
            for m in draft.mentions.sorted(by: { $0.tokens.lowerBound < $1.tokens.lowerBound }) where seen.insert(m.tokens.lowerBound).inserted {
                let span = doc.span(ofTokens: m.tokens)
                mentions.append(Mention(start: span.start, end: span.end, text: doc.substring(span), kind: m.kind.rawValue))
                let after = m.tokens.upperBound
                located.append(LocatedMention(entity: n, tokens: m.tokens, span: span, kind: m.kind,
                                              possessive: after < tokens.count && isPossessive(after),
                                              quoted: quoted[m.tokens.lowerBound]))
            }
            let affiliation = draft.affiliationDraft.flatMap { newIndex[$0] }.flatMap { $0 == n ? nil : "e\($0 + 1)" }
            entities.append(Entity(id: "e\(n + 1)", name: draft.name, type: draft.type, role: draft.role,
                                   affiliation: affiliation, mentions: mentions))
        }
        located.sort { ($0.tokens.lowerBound, -$0.tokens.count) < ($1.tokens.lowerBound, -$1.tokens.count) }
        return EntityResult(entities: entities, mentions: located, tokenCount: tokens.count)
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
