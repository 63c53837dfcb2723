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
    /// Where `RecognitionPass.surnameMentions` keeps this person's mentions: the surname's number
    /// and the draft's position in that surname's `drafts`.
    var surnameSlot: (id: Int, pos: Int)?
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

/// One run of entity recognition over a document. The sub-passes `run` calls live in extensions,
/// one file each: NameChunker, EntityTyper (with Gazetteers), AliasMerger, LearntNames,
/// RolesAndAffiliations, UnnamedActors, Spokespeople, and Coreference/ (role descriptions, pronouns).
struct RecognitionPass {
    let doc: TextDocument
    let res: Resources
    let tokens: [Token]
    let quoted: [Bool]
    let towns: CityReading
    let capWords: [Bool]
    let speakingVerbs: [UInt8]
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

    /// The number of each lower-cased surname of a person draft (a surname is set only then), and
    /// by number its drafts in creation order with the first tokens of their mentions.
    var surnameIDs: [String: Int] = [:]
    var surnameMentions: [SurnameMentions] = []
    /// The surnames by deletion variants, for `nearMiss`.
    var surnameIndex = SurnameIndex()

    /// Person drafts by given name (a draft may appear under names it has since outgrown;
    /// callers check `givenName`).
    var draftsByGivenName: [String: Set<Int>] = [:]

    var pendingSpokesOwners: [(spokes: Int, role: String?, ownerTokens: Range<Int>)] = []

    /// Smallest score margin of the tagger for a name the rules did not find.
    static let modelMargin = 300.0

    static let connectors: Set<String> = ["of", "for", "and", "the", "de", "du", "la", "von", "van", "der", "al", "bin", "on", "in"]
    static let nameParticles: Set<String> = ["de", "da", "van", "von", "der", "bin", "al", "le", "la", "di"]

    init(document: TextDocument, resources: Resources) {
        doc = document
        res = resources
        tokens = document.tokens
        quoted = document.quotedTokens
        towns = CityReading(document: document, resources: resources)
        capWords = RecognitionPass.capitalisedWords(document.tokens, resources)
        speakingVerbs = RecognitionPass.speakingVerbs(document.tokens, quoted: document.quotedTokens, resources)
    }

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

    /// Person drafts by lower-cased surname, in creation order.
    func personDrafts(surname: String) -> [Int] { surnameIDs[surname].map { surnameMentions[$0].drafts } ?? [] }

    func isCapWord(_ i: Int) -> Bool { i >= 0 && i < capWords.count && capWords[i] }

    /// `isCapWord` of every token, worked out once (it is asked many times per token, and its
    /// string comparisons and look-ups are slow for words with combining marks).
    static func capitalisedWords(_ tokens: [Token], _ res: Resources) -> [Bool] {
        tokens.indices.map { capWord($0, tokens, res) }
    }

    private static func capWord(_ i: Int, _ tokens: [Token], _ res: Resources) -> Bool {
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

    mutating func run() -> EntityResult {
        for i in tokens.indices where isCapWord(i) && !isSentenceInitial(i) {
            capitalisedMidSentence.insert(tokens[i].lower)
        }
        // A budgeted analysis out of time skips the remaining phases (the analyser then throws).
        let phases: [(inout RecognitionPass) -> Void] = [
            { $0.collectChunks() }, { $0.resolveSingles() },
            // Lone surnames are linked again once the tagger has added the full names they stand for.
            { if $0.useModel && !$0.res.entityTagger.isEmpty { $0.addModelNames(); $0.resolveSingles() } },
            { $0.resolveSpeakerLabels() }, { $0.findGroupsAndInstitutions() }, { $0.findSpokespeople() },
            { $0.findUnnamedSpeakers() }, { $0.resolveRoleOwners() }, { $0.resolveRoleDescriptions() },
            { $0.findDescribedSpeakers() }, { $0.assignAffiliations() }, { $0.resolvePronouns() },
            { $0.resolveSpeakingThey() },
        ]
        for phase in phases where !AnalysisBudget.stopRequested { phase(&self) }
        return finish()
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
        if let slot = drafts[idx].surnameSlot { surnameMentions[slot.id].append(start: r.lowerBound, pos: slot.pos) }
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

    mutating func draftIndex(key: String, name: String, type: EntityType) -> Int {
        if let i = byKey[key] { return i }
        drafts.append(EntityDraft(key: key, name: name, type: type))
        byKey[key] = drafts.count - 1
        return drafts.count - 1
    }

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
