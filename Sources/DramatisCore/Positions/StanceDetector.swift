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
        var stance: Stance
        var statement: Int
        var clause: String
    }

    public func detect(_ document: TextDocument, entities: EntityResult, statements: [Statement], topics: [FoundTopic]) -> [Position] {
        guard !topics.isEmpty else { return [] }
        let tokens = document.tokens
        var evidence: [Evidence] = []
        for (si, st) in statements.enumerated() {
            guard let speakerID = st.speaker, let speaker = entities.entities.firstIndex(where: { $0.id == speakerID }) else { continue }
            let first = document.tokenIndex(atOrAfter: st.start)
            var last = first
            while last < tokens.count, tokens[last].start < st.end { last += 1 }
            guard last > first else { continue }
            let range = first..<last
            // The cue verb itself carries stance ("welcomed", "applauded", "demanded").
            let cueEffect = st.cue.flatMap { stanceOfCue($0.lowercased()) }
            // A statement that names no topic answers the one its sentence names before it
            // ("… joining Nato, a move that Mr Trump has signalled he would not accept").
            let ownTopics = topics.indices.filter { ti in topics[ti].occurrences.contains { range.contains($0.lowerBound) } }
            let sentence = document.sentences[document.sentenceOfToken[first]].tokenRange
            let inherited = ownTopics.isEmpty && st.kind == .indirect
                ? topics.indices.filter { ti in topics[ti].occurrences.contains { sentence.contains($0.lowerBound) && $0.upperBound <= first } }
                : []
            for ti in ownTopics + inherited {
                let topic = topics[ti]
                let occurrence = ownTopics.isEmpty ? range.lowerBound..<range.lowerBound : topic.occurrences.first(where: { range.contains($0.lowerBound) })!
                guard let stance = stance(in: range, around: occurrence, tokens: tokens, cueEffect: cueEffect) else { continue }
                let clause = document.substring(st.start, st.end)
                evidence.append(Evidence(actor: speaker, topic: ti, stance: stance, statement: si, clause: clause))
                // The subject of the reported clause holds the stance too ("Ukraine needs …",
                // "The UK “welcomed” …", "the US's new willingness to …").
                for subject in st.kind == .indirect ? clauseSubjects(range, entities: entities, tokens: tokens) : [] where subject != speaker {
                    evidence.append(Evidence(actor: subject, topic: ti, stance: stance, statement: si, clause: clause))
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
                                      summary: summary(best, topic: topic, clause: support[0].clause), evidence: ids))
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
    func stance(in range: Range<Int>, around occurrence: Range<Int>, tokens: [Token], cueEffect: Stance?) -> Stance? {
        var supports = 0.0, opposes = 0.0, conditional = false, neutral = false
        var i = range.lowerBound
        while i < range.upperBound {
            var matched: StanceCue? = nil
            for c in resources.stanceCues where i + c.words.count <= range.upperBound {
                if (0..<c.words.count).allSatisfy({ tokens[i + $0].lower == c.words[$0] || tokens[i + $0].normalized.lowercased() == c.words[$0] }) {
                    if matched == nil || c.words.count > matched!.words.count { matched = c }
                }
            }
            guard let cue = matched else { i += 1; continue }
            // Nearer cues weigh more.
            let distance = Double(min(abs(i - occurrence.lowerBound), abs(i - occurrence.upperBound)))
            let weight = 1.0 / (1.0 + distance / 6.0)
            let negated = (max(range.lowerBound, i - 3)..<i).contains { j in
                resources.stanceCues.contains { $0.effect == .negator && $0.words == [tokens[j].lower] } || tokens[j].lower.hasSuffix("n't")
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
                if i < occurrence.lowerBound { conditional = true }
            case .neutral: neutral = true
            case .negator: break
            }
            i += cue.words.count
        }
        if let c = cueEffect { if c == .supports { supports += 0.8 } else { opposes += 0.8 } }
        // Cues far from the topic say little about it.
        if max(supports, opposes) < 0.4 { supports = 0; opposes = 0 }
        if conditional && supports > 0 && supports >= opposes { return .conditional }
        if supports == 0 && opposes == 0 { return neutral ? .neutral : nil }
        if neutral && abs(supports - opposes) < 0.3 { return .neutral }
        return supports >= opposes ? .supports : .opposes
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
        for m in entities.mentions where range.contains(m.tokens.lowerBound) && m.possessive {
            var j = m.tokens.upperBound + 1
            while j < range.upperBound, j - m.tokens.upperBound < 4, !["willingness", "readiness", "commitment", "decision", "offer", "pledge", "plan", "agreement"].contains(tokens[j].lower) { j += 1 }
            if j < range.upperBound, j - m.tokens.upperBound < 4 { out.append(m.entity) }
        }
        return out
    }

    /// A one-line summary in plain English from the stance and the evidence's words.
    func summary(_ stance: Stance, topic: String, clause: String) -> String {
        let verb: String
        switch stance {
        case .supports: verb = "Supports"
        case .opposes: verb = "Opposes"
        case .conditional: verb = "Supports, on conditions,"
        case .neutral: verb = "Takes no firm side on"
        }
        var words = clause.split(separator: " ")
        if words.count > 14 { words = Array(words.prefix(14)); words.append("…") }
        let quote = words.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: "“”\"‘’ ,."))
        return "\(verb) \(topic): “\(quote)”."
    }
}
