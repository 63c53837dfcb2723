import Foundation

/// A stance cue from `data/lexicons/stance-cues.tsv`.
public struct StanceCue: Sendable {
    public enum Effect: String, Sendable { case supports, opposes, conditional, neutral, negator }
    public let words: [String]
    public let effect: Effect

    init?(row: [String]) {
        guard row.count >= 2, let e = Effect(rawValue: row[1]) else { return nil }
        words = row[0].split(separator: " ").map(String.init)
        effect = e
    }
}

/// Decides what each actor is for or against: for every statement that mentions a topic, the
/// speaker (and an actor who is the subject of the reported clause) takes the stance its cue
/// words give, with negation flipping support and opposition and conditionals winning.
public struct StanceDetector: Sendable {
    let resources: Resources
    public init(resources: Resources) { self.resources = resources }

    struct Evidence {
        var actor: Int
        var topic: Int
        var judgement: Judgement
        var statement: Int
        var stance: Stance { judgement.stance }
    }

    public func detect(_ document: TextDocument, entities: EntityResult, statements: [Statement], topics: [FoundTopic]) -> [Position] {
        guard !topics.isEmpty else { return [] }
        let tokens = document.tokens
        var evidence: [Evidence] = []
        // Indexes so each statement costs its own length, not the document's.
        var entityIndex: [String: Int] = [:]
        for (i, e) in entities.entities.enumerated() where entityIndex[e.id] == nil { entityIndex[e.id] = i }
        var occurrencesAt: [Int: [(topic: Int, occurrence: Int)]] = [:]   // token → topic occurrences starting there
        for (ti, t) in topics.enumerated() {
            for (oi, o) in t.occurrences.enumerated() { occurrencesAt[o.lowerBound, default: []].append((ti, oi)) }
        }
        /// Topics (in index order) with an occurrence starting in `r` that satisfies `keep`,
        /// each with its first such occurrence in list order.
        func topicsStarting(in r: Range<Int>, where keep: (Range<Int>) -> Bool) -> [(topic: Int, occurrence: Int)] {
            var first: [Int: Int] = [:]
            for t in r { for (ti, oi) in occurrencesAt[t] ?? [] where keep(topics[ti].occurrences[oi]) { first[ti] = min(first[ti] ?? oi, oi) } }
            return first.keys.sorted().map { ($0, first[$0]!) }
        }
        let cues = CueIndex(resources.stanceCues)
        for (si, st) in statements.enumerated() {
            guard let speakerID = st.speaker, let speaker = entityIndex[speakerID] else { continue }
            let first = document.tokenIndex(atOrAfter: st.start)
            var last = first
            while last < tokens.count, tokens[last].start < st.end { last += 1 }
            guard last > first else { continue }
            let range = first..<last
            // The cue verb itself carries stance ("welcomed", "applauded", "demanded").
            let cueEffect = st.cue.flatMap { stanceOfCue($0.lowercased()) }
            // A statement that names no topic answers the one its sentence names before it
            // ("… joining Nato, a move that Mr Trump has signalled he would not accept").
            let own = topicsStarting(in: range) { _ in true }
            let ownTopics = own.map(\.topic)
            let sentence = document.sentences[document.sentenceOfToken[first]].tokenRange
            let inherited = ownTopics.isEmpty && st.kind == .indirect
                ? topicsStarting(in: sentence) { $0.upperBound <= first }.map(\.topic)
                : []
            for (n, ti) in (ownTopics + inherited).enumerated() {
                let topic = topics[ti]
                let occurrence = ownTopics.isEmpty ? range.lowerBound..<range.lowerBound : topic.occurrences[own[n].occurrence]
                guard let judgement = stance(in: range, around: occurrence, tokens: tokens, cueEffect: cueEffect, cues: cues) else { continue }
                evidence.append(Evidence(actor: speaker, topic: ti, judgement: judgement, statement: si))
                // The subject of the reported clause holds the stance too ("Ukraine needs …",
                // "The UK “welcomed” …", "the US's new willingness to …").
                for subject in st.kind == .indirect ? clauseSubjects(range, entities: entities, tokens: tokens) : [] where subject != speaker {
                    evidence.append(Evidence(actor: subject, topic: ti, judgement: judgement, statement: si))
                }
            }
        }
        // One position per (actor, topic): the most frequent stance, conditional winning ties.
        var grouped: [[Int]: [Evidence]] = [:]
        for e in evidence { grouped[[e.actor, e.topic], default: []].append(e) }
        var positions: [Position] = []
        for key in grouped.keys.sorted(by: { ($0[0], $0[1]) < ($1[0], $1[1]) }) {
            let items = grouped[key]!
            var tally: [Stance: Int] = [:]
            for e in items { tally[e.stance, default: 0] += 1 }
            let order: [Stance] = [.conditional, .opposes, .supports, .neutral]
            let best = order.max { (tally[$0] ?? 0) < (tally[$1] ?? 0) }!
            let support = items.filter { $0.stance == best }
            let topic = topics[key[1]].id
            let ids = Array(Set(support.map { statements[$0.statement].id })).sorted { idNumber($0) < idNumber($1) }
            positions.append(Position(actor: entities.entities[key[0]].id, topic: topic, stance: best,
                                      summary: summary(support[0].judgement, topic: topic), evidence: ids))
        }
        return positions
    }

    func idNumber(_ id: String) -> Int { Int(id.dropFirst()) ?? 0 }

    func stanceOfCue(_ cue: String) -> Stance? {
        for c in resources.stanceCues where c.words == [cue] {
            switch c.effect {
            case .supports: return .supports
            case .opposes: return .opposes
            default: return nil
            }
        }
        return nil
    }

    /// Stance of a statement towards the topic mentioned at `occurrence`.
    /// A stance with the words that decided it, for the summary line.
    struct Judgement {
        var stance: Stance
        var cue: String?          // the strongest cue phrase ("central", "will not accept")
        var condition: String?    // "if it is to strike a peace deal"
    }

    func stance(in range: Range<Int>, around occurrence: Range<Int>, tokens: [Token], cueEffect: Stance?,
                cues: CueIndex? = nil) -> Judgement? {
        let cues = cues ?? CueIndex(resources.stanceCues)
        var supports = 0.0, opposes = 0.0, conditional = false, neutral = false
        var strongest: (weight: Double, words: [String], negated: Bool)? = nil
        var condition: String? = nil
        var i = range.lowerBound
        while i < range.upperBound {
            var matched: StanceCue? = nil
            for c in cues.starting(with: tokens[i]) where i + c.words.count <= range.upperBound {
                if (0..<c.words.count).allSatisfy({ tokens[i + $0].lower == c.words[$0] || tokens[i + $0].normalized.lowercased() == c.words[$0] }) {
                    if matched == nil || c.words.count > matched!.words.count { matched = c }
                }
            }
            guard let cue = matched else { i += 1; continue }
            // Nearer cues weigh more.
            let distance = Double(min(abs(i - occurrence.lowerBound), abs(i - occurrence.upperBound)))
            let weight = 1.0 / (1.0 + distance / 6.0)
            let negated = (max(range.lowerBound, i - 3)..<i).contains { j in
                cues.negators.contains(tokens[j].lower) || tokens[j].lower.hasSuffix("n't")
            }
            if [.supports, .opposes].contains(cue.effect), strongest == nil || weight > strongest!.weight {
                strongest = (weight, cue.words, negated)
            }
            switch cue.effect {
            case .supports:
                if cue.words.contains("not") || cue.words.contains("didn't") { opposes += weight }
                else if negated { opposes += weight } else { supports += weight }
            case .opposes:
                if negated && !cue.words.contains("not") { supports += weight } else { opposes += weight }
            case .conditional:
                // A condition governs what follows it: "needs X if it is to strike a deal"
                // makes the deal conditional, not X.
                if i < occurrence.lowerBound {
                    conditional = true
                    var e = i + cue.words.count
                    while e < range.upperBound, e - i < 10, tokens[e].kind != .punctuation || tokens[e].isQuote { e += 1 }
                    condition = (i..<e).map { tokens[$0].text }.filter { !["“", "”", "\""].contains($0) }.joined(separator: " ")
                }
            case .neutral: neutral = true
            case .negator: break
            }
            i += cue.words.count
        }
        if let c = cueEffect { if c == .supports { supports += 0.8 } else { opposes += 0.8 } }
        // Cues far from the topic say little about it.
        if max(supports, opposes) < 0.4 { supports = 0; opposes = 0 }
        let cue = strongest.map { ($0.negated ? "not " : "") + $0.words.joined(separator: " ") }
        if conditional && supports > 0 && supports >= opposes { return Judgement(stance: .conditional, cue: cue, condition: condition) }
        if supports == 0 && opposes == 0 { return neutral ? Judgement(stance: .neutral, cue: nil, condition: nil) : nil }
        if neutral && abs(supports - opposes) < 0.3 { return Judgement(stance: .neutral, cue: cue, condition: nil) }
        return Judgement(stance: supports >= opposes ? .supports : .opposes, cue: cue, condition: nil)
    }

    /// Entities standing as the subject of the statement's clause: its first words, or a
    /// possessive before willingness/readiness/commitment.
    func clauseSubjects(_ range: Range<Int>, entities: EntityResult, tokens: [Token]) -> [Int] {
        var out: [Int] = []
        var i = range.lowerBound
        while i < range.upperBound, tokens[i].isQuote || ["the", "in", "any", "new"].contains(tokens[i].lower) || tokens[i].text == "," { i += 1 }
        if let m = entities.mention(atToken: i), m.kind != .pronoun, !m.possessive,
           [.place, .organization, .group, .person].contains(entities.entities[m.entity].type) {
            out.append(m.entity)
        }
        // `entities.mentions` is sorted by first token: start at the first one inside the range.
        var lo = 0, hi = entities.mentions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if entities.mentions[mid].tokens.lowerBound < range.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        for m in entities.mentions[lo...] {
            if m.tokens.lowerBound >= range.upperBound { break } // sorted: the rest lie after the range
            guard range.contains(m.tokens.lowerBound), m.possessive else { continue }
            var j = m.tokens.upperBound + 1
            while j < range.upperBound, j - m.tokens.upperBound < 4, !["willingness", "readiness", "commitment", "decision", "offer", "pledge", "plan", "agreement"].contains(tokens[j].lower) { j += 1 }
            if j < range.upperBound, j - m.tokens.upperBound < 4 { out.append(m.entity) }
        }
        return out
    }

    /// A one-line summary in plain English, from the stance and the cue that decided it:
    /// "Calls security guarantees central.", "Will not accept Ukraine joining NATO.",
    /// "Backs a peace agreement on a condition: if it is to strike a peace deal."
    func summary(_ j: Judgement, topic: String) -> String {
        let cue = j.cue ?? ""
        let evaluative: Set<String> = ["critical", "central", "paramount", "important", "most important", "vital", "essential", "crucial", "key"]
        switch j.stance {
        case .supports:
            if evaluative.contains(cue) { return "Calls \(topic) \(cue)." }
            if ["need", "needs", "needed", "demand", "demands", "demanded", "must", "should"].contains(cue) { return "Says \(topic) \(["must", "should"].contains(cue) ? "must happen" : "are needed")."
                .replacingOccurrences(of: "are needed", with: topic.hasSuffix("s") ? "are needed" : "is needed") }
            if cue.hasPrefix("welcome") { return "Welcomes \(topic)." }
            if cue == "willing to accept" { return "Is willing to accept \(topic)." }
            if cue.hasPrefix("not ") { return "Does not oppose \(topic)." }
            return "Supports \(topic)."
        case .opposes:
            if cue.contains("accept") { return "Will not accept \(topic)." }
            if cue.contains("work") { return "Says \(topic) did not work." }
            if cue.hasPrefix("reject") { return "Rejects \(topic)." }
            if cue.hasPrefix("not ") { return "Doubts \(topic): \(cue)." }
            return "Opposes \(topic)."
        case .conditional:
            if let c = j.condition { return "Backs \(topic) on a condition: \(c)." }
            return "Backs \(topic) only on conditions."
        case .neutral:
            return "Takes no firm side on \(topic)."
        }
    }
}

/// The stance cues by first word, in list order, so a token is compared only with the cues that
/// can start at it; and the one-word negators.
struct CueIndex {
    let byFirstWord: [String: [Int]]
    let cues: [StanceCue]
    let negators: Set<String>

    init(_ cues: [StanceCue]) {
        self.cues = cues
        var index: [String: [Int]] = [:]
        for (i, c) in cues.enumerated() { index[c.words.first ?? "", default: []].append(i) }
        byFirstWord = index
        negators = Set(cues.filter { $0.effect == .negator && $0.words.count == 1 }.map { $0.words[0] })
    }

    /// The cues whose first word is the token's lower-cased or apostrophe-normalised form, in list order.
    func starting(with token: Token) -> [StanceCue] {
        let a = byFirstWord[token.lower] ?? []
        let normal = token.normalized.lowercased()
        let b = normal == token.lower ? [] : byFirstWord[normal] ?? []
        return (b.isEmpty ? a : Array(Set(a + b)).sorted()).map { cues[$0] }
    }
}
