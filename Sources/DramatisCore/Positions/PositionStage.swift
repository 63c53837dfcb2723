import Foundation

/// The positions stage: statements → candidate readings (`PositionReader`) → issues merged across
/// actors → one position per actor and issue, its stance and confidence from the learnt model
/// (`PositionModel`, `data/models/positions.tsv`), every statement that bears on it as evidence.
public struct PositionStage: Sendable {
    let resources: Resources
    public init(resources: Resources) { self.resources = resources }

    /// One (actor, issue) with its candidate readings, before the confidence decision.
    public struct Group: Sendable {
        public var actor: Int
        public var issue: Int
        public var members: [Int]          // candidate indexes, in text order
        public var features: Features
    }

    public struct Result: Sendable {
        public var candidates: [PositionCandidate]
        public var issueNames: [String]
        public var groups: [Group]
        /// Per group: stance, its probability, confidence.
        public var decisions: [(stance: Stance, confidence: Double)]
        public var positions: [Position]
        public var topics: [Topic]
    }

    public func run(_ document: TextDocument, entities: EntityResult, statements: [Statement], found: [FoundTopic],
                    title: String? = nil, model: PositionModel? = nil, floor: Double? = nil) -> Result {
        let model = model ?? resources.positionModel
        var candidates = PositionReader(resources: resources).candidates(document, entities: entities, statements: statements, topics: found)
            + IntroducedObjectReader(resources: resources).candidates(document, entities: entities, statements: statements)
        // The owner of an initiative a statement names ("Mr Brown's International Finance Facility") holds it.
        candidates += OwnerReader(resources: resources).candidates(document, entities: entities, from: candidates)
        // Speakers named with the statement's speaker ("The Conservatives and Liberal Democrats say …") hold its sides too.
        let coSpeakers = CoSpeakers(resources: resources).of(document, entities: entities, statements: statements)
        var entityOf: [String: Int] = [:]
        for (i, e) in entities.entities.enumerated() where entityOf[e.id] == nil { entityOf[e.id] = i }
        for c in candidates where !coSpeakers[c.statement].isEmpty && statements[c.statement].speaker.flatMap({ entityOf[$0] }) == c.actor {
            for other in coSpeakers[c.statement] {
                var copy = c
                copy.actor = other
                copy.features["co_speaker"] = 1
                candidates.append(copy)
            }
        }
        // Phrases of a shape that names no issue ("amid sagging poll numbers", "we're blaming") go before any decision.
        candidates.removeAll { !resources.issueShape.isIssue($0.topic) }
        // An actor's own country or party is no issue of theirs ("we will defend Ukraine", said Ukraine's president).
        candidates.removeAll { c in
            guard let a = entities.entities[c.actor].affiliation, let ai = entityOf[a] else { return false }
            return c.key == TopicKey.of(entities.entities[ai].name)
        }
        candidates.sort { ($0.offset, $0.statement, $0.actor) < ($1.offset, $1.statement, $1.actor) }
        // Issues: candidate phrases merged when they name the same thing (union–find over keys).
        var keys: [Set<String>] = []
        var keyIndex: [Set<String>: Int] = [:]
        var candKey: [Int] = []
        for c in candidates {
            if let k = keyIndex[c.key] { candKey.append(k) } else { keyIndex[c.key] = keys.count; candKey.append(keys.count); keys.append(c.key) }
        }
        var parent = Array(keys.indices)
        func find(_ x: Int) -> Int { var x = x; while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }; return x }
        // Acronyms: "IFF" is "International Finance Facility" when a phrase's initials spell it.
        var initials: [Int: String] = [:]
        for c in candidates {
            let words = c.topic.split(separator: " ").filter { $0.first?.isUppercase == true && $0.count > 1 && resources.honorifics[String($0)] == nil }
            if words.count >= 2, let k = keyIndex[c.key] { initials[k] = String(words.compactMap(\.first)).lowercased() }
        }
        func acronym(_ a: Int, _ b: Int) -> Bool {
            guard keys[a].count == 1, let word = keys[a].first, word.count >= 2, let ini = initials[b] else { return false }
            return ini.hasSuffix(word) && ini.count - word.count <= 2
        }
        // Only phrases sharing a word (or an acronym and its expansion) can name one issue: compare
        // within those buckets, so a long document costs its phrases, not their square.
        var byWord: [String: [Int]] = [:]
        for (k, key) in keys.enumerated() { for w in key { byWord[w, default: []].append(k) } }
        var acronymsOf: [String: [Int]] = [:]
        for (k, ini) in initials { acronymsOf[String(ini.suffix(1)), default: []].append(k) }
        func union(_ a: Int, _ b: Int) { let ra = find(a), rb = find(b); if ra != rb { parent[max(ra, rb)] = min(ra, rb) } }
        for a in keys.indices {
            var others = Set<Int>()
            for w in keys[a] where (byWord[w]?.count ?? 0) < 400 { for b in byWord[w]! where b > a { others.insert(b) } }
            for b in others.sorted() where TopicKey.sameIssue(keys[a], keys[b]) { union(a, b) }
            if keys[a].count == 1, let w = keys[a].first, let last = w.last {
                for b in acronymsOf[String(last)] ?? [] where b != a && acronym(a, b) { union(a, b) }
            }
        }
        var issueOfRoot: [Int: Int] = [:]
        var issueMembers: [[Int]] = []
        for (ci, k) in candKey.enumerated() {
            let r = find(k)
            if issueOfRoot[r] == nil { issueOfRoot[r] = issueMembers.count; issueMembers.append([]) }
            issueMembers[issueOfRoot[r]!].append(ci)
        }
        // An issue is named by its most frequent phrase, the shorter on a tie.
        var issueNames: [String] = []
        for members in issueMembers {
            var count: [String: Int] = [:]
            for m in members { count[candidates[m].topic, default: 0] += 1 }
            // An acronym is named by its expansion. (A phrase is an expansion when one of the issue's
            // one-word keys spells the end of its initials: looked up among those words, since
            // comparing every pair of members made a long issue quadratic.)
            let memberKeys = members.map { keyIndex[candidates[$0].key]! }
            let singleWords = Set(memberKeys.compactMap { keys[$0].count == 1 ? keys[$0].first : nil }.filter { $0.count >= 2 })
            func isExpansion(_ k: Int) -> Bool {
                guard !singleWords.isEmpty, let ini = initials[k] else { return false }
                return (max(2, ini.count - 2)...max(2, ini.count)).contains { singleWords.contains(String(ini.suffix($0))) }
            }
            var expansion: [Int: Bool] = [:]
            let expanded = zip(members, memberKeys).compactMap { m, k -> String? in
                if expansion[k] == nil { expansion[k] = isExpansion(k) }
                return expansion[k]! ? candidates[m].topic : nil
            }
            if let e = expanded.min(by: { $0.count != $1.count ? $0.count < $1.count : $0 < $1 }) { issueNames.append(e); continue }
            let name = count.max { a, b in
                let ka = TopicKey.of(a.key).count, kb = TopicKey.of(b.key).count
                if a.value != b.value { return a.value < b.value }
                if ka != kb { return ka > kb }
                return a.key > b.key
            }!.key
            issueNames.append(name)
        }
        var issueOf = [Int](repeating: 0, count: candidates.count)
        for (ii, members) in issueMembers.enumerated() { for m in members { issueOf[m] = ii } }
        // Groups: one per (actor, issue).
        var groupIndex: [[Int]: Int] = [:]
        var groups: [Group] = []
        for (ci, c) in candidates.enumerated() {
            let k = [c.actor, issueOf[ci]]
            if let g = groupIndex[k] { groups[g].members.append(ci) } else {
                groupIndex[k] = groups.count
                groups.append(Group(actor: c.actor, issue: issueOf[ci], members: [ci], features: [:]))
            }
        }
        groups = PositionStage.mergeNested(groups, candidates: candidates, issueNames: issueNames, issueSizes: issueMembers.map(\.count))
        // Features of a group: the strongest reading of each kind, how often and by how many the
        // issue is argued, how much the actor says.
        var actorsOfIssue: [Int: Set<Int>] = [:]
        for g in groups { actorsOfIssue[g.issue, default: []].insert(g.actor) }
        var statementsOf: [Int: Int] = [:]
        var entityIndex: [String: Int] = [:]
        for (i, e) in entities.entities.enumerated() where entityIndex[e.id] == nil { entityIndex[e.id] = i }
        for s in statements { if let sp = s.speaker, let e = entityIndex[sp] { statementsOf[e, default: 0] += 1 } }
        let maxStatements = statementsOf.values.max() ?? 1
        // The headline names the article's main issue and actors.
        let titleKey = TopicKey.of(title ?? "")
        var wordCount: [String: Int] = [:]
        for t in document.tokens where t.kind == .word {
            // Foundation's replacingOccurrences costs a search per token; most words have no apostrophe.
            let w = t.lower.unicodeScalars.contains(where: { $0 == "’" || $0 == "'" })
                ? t.lower.replacingOccurrences(of: "’s", with: "").replacingOccurrences(of: "'s", with: "") : t.lower
            wordCount[TopicKey.singular(w), default: 0] += 1
        }
        let textLength = Double(max(1, document.text.unicodeScalars.count))
        let stanceProbs = candidates.map { model.stanceProbabilities(PositionStage.stanceFeatures($0.features)) }
        var decisions: [(stance: Stance, confidence: Double)] = []
        for gi in groups.indices {
            if gi & 63 == 0, AnalysisBudget.stopRequested { break }
            let g = groups[gi]
            var f: Features = ["bias": 1]
            // (Interactions are for the stance model; the confidence model reads the plain features.)
            for m in g.members { for (k, v) in candidates[m].features where k != "bias" && !k.utf8.contains(UInt8(ascii: "&")) && k != "polarity" { f[k] = max(f[k] ?? 0, v) } }
            let evidenceCount = Set(g.members.map { candidates[$0].statement }).count
            f["log_evidence"] = log(Double(evidenceCount))
            f["log_issue_size"] = log(Double(issueMembers[g.issue].count))
            f["issue_actors>1"] = (actorsOfIssue[g.issue]?.count ?? 0) > 1 ? 1 : 0
            let said = statementsOf[g.actor] ?? 0
            f["actor_share"] = Double(said) / Double(maxStatements)
            f["actor_type=\(entities.entities[g.actor].type.rawValue)"] = 1
            let actor = entities.entities[g.actor]
            f["actor_mentions"] = min(1, log(Double(max(1, actor.mentions.count))) / 3)
            let issueKey = TopicKey.of(issueNames[g.issue])
            if !titleKey.isEmpty {
                if !issueKey.intersection(titleKey).subtracting(TopicKey.of(actor.name)).isEmpty { f["issue_in_title"] = 1 }
                if !TopicKey.of(actor.name).intersection(titleKey).isEmpty { f["actor_in_title"] = 1 }
            }
            // Issues argued about come back: the commonest of the issue's words elsewhere in the text.
            let recurrence = issueKey.map { wordCount[$0] ?? 0 }.max() ?? 0
            f["issue_recurs"] = min(1, log(Double(max(1, recurrence))) / 3)
            f["first_evidence_at"] = Double(candidates[g.members[0]].offset) / textLength
            f["issue_len=\(min(4, TopicKey.of(issueNames[g.issue]).count))"] = 1
            // The stance: the readings' probabilities added up; a reading whose cue takes no side
            // (a topic named near no side-taking word) has a fifth of a vote.
            var total = [Double](repeating: 0, count: PositionModel.stances.count)
            var votes = 0.0
            for m in g.members {
                let w = (candidates[m].features["polarity"] ?? 0) != 0 ? 1.0 : (candidates[m].features["lean"] ?? 0) != 0 ? 0.5 : 0.2
                votes += w
                for (k, p) in stanceProbs[m].enumerated() { total[k] += w * p }
            }
            let best = total.indices.max { total[$0] < total[$1] }!
            let share = total[best] / max(votes, 1e-9)
            f["stance_prob"] = share
            f["stance=\(PositionModel.stances[best].rawValue)"] = 1
            groups[gi].features = f
            decisions.append((PositionModel.stances[best], model.confidence(f)))
        }
        // Positions above the floor, in order of first evidence.
        // DRAMATIS_POSITIONS_FLOOR overrides the floor (0 lists every candidate; for inspecting the model).
        // (getenv: `ProcessInfo.environment` copies the whole environment into a dictionary per article.)
        let floor = floor ?? getenv("DRAMATIS_POSITIONS_FLOOR").flatMap { Double(String(cString: $0)) } ?? model.floor
        var positions: [Position] = []
        var usedIssues: [Int: Int] = [:]
        for gi in decisions.indices where decisions[gi].confidence >= floor {
            let g = groups[gi]
            let stance = decisions[gi].stance
            var evidence: [String] = []
            var evidenceStances: [Stance] = []
            var evidenceAt: [String: Int] = [:]
            for m in g.members {
                let id = statements[candidates[m].statement].id
                let p = stanceProbs[m]
                let s = PositionModel.stances[PositionStage.argmax(p)]
                if let at = evidenceAt[id] {
                    // Several readings of one statement: the one agreeing with the position wins.
                    if s == stance { evidenceStances[at] = s }
                    continue
                }
                evidenceAt[id] = evidence.count
                evidence.append(id); evidenceStances.append(s)
            }
            var shift: StanceShift? = nil
            let sided = zip(evidence, evidenceStances).filter { $0.1 == .supports || $0.1 == .opposes }
            if let firstSide = sided.first?.1, let change = sided.first(where: { $0.1 != firstSide }),
               sided.last?.1 == change.1 {
                shift = StanceShift(from: firstSide, to: change.1, at: change.0)
            }
            let lead = g.members.first { PositionModel.stances[PositionStage.argmax(stanceProbs[$0])] == stance } ?? g.members[0]
            let topic = issueNames[g.issue]
            usedIssues[g.issue, default: 0] += 1
            positions.append(Position(actor: entities.entities[g.actor].id, topic: topic, stance: stance,
                                      summary: summary(stance, topic: topic, candidate: candidates[lead]),
                                      evidence: evidence, confidence: (decisions[gi].confidence * 1000).rounded() / 1000,
                                      evidenceStances: evidenceStances, shift: shift))
        }
        // Topics: the issues positions are taken on, with how often the text names them.
        let topics = usedIssues.keys.sorted().map { ii -> Topic in
            Topic(id: issueNames[ii], mentions: mentions(of: issueNames[ii], wordCount: wordCount, found: found))
        }.sorted { $0.mentions != $1.mentions ? $0.mentions > $1.mentions : $0.id < $1.id }
        return Result(candidates: candidates, issueNames: issueNames, groups: groups, decisions: decisions,
                      positions: positions, topics: topics)
    }

    /// One actor's readings of one statement on a phrase and on a part of it ("the publication of
    /// the full legal advice", "advice") are one position: the groups are merged, named by the
    /// issue more readings name (the longer on a tie).
    static func mergeNested(_ groups: [Group], candidates: [PositionCandidate], issueNames: [String], issueSizes: [Int]) -> [Group] {
        var groups = groups
        let keys = groups.map { TopicKey.of(issueNames[$0.issue]) }
        let said = groups.map { Set($0.members.map { candidates[$0].statement }) }
        var byActor: [Int: [Int]] = [:]
        for (gi, g) in groups.enumerated() { byActor[g.actor, default: []].append(gi) }
        var into = Array(groups.indices)
        func root(_ x: Int) -> Int { var x = x; while into[x] != x { x = into[x] }; return x }
        for actor in byActor.keys.sorted() {
            let list = byActor[actor]!
            guard list.count > 1, list.count < 200 else { continue }
            for (ai, a) in list.enumerated() {
                for b in list[(ai + 1)...] where !said[a].isDisjoint(with: said[b]) && (keys[a].isSubset(of: keys[b]) || keys[b].isSubset(of: keys[a])) {
                    let ra = root(a), rb = root(b)
                    guard ra != rb else { continue }
                    let ia = groups[ra].issue, ib = groups[rb].issue
                    let aWins = issueSizes[ia] != issueSizes[ib] ? issueSizes[ia] > issueSizes[ib] : keys[ra].count >= keys[rb].count
                    let (keep, drop) = aWins ? (ra, rb) : (rb, ra)
                    groups[keep].members = (groups[keep].members + groups[drop].members).sorted()
                    into[drop] = keep
                }
            }
        }
        return groups.indices.filter { into[$0] == $0 }.map { groups[$0] }
    }

    static func argmax(_ p: [Double]) -> Int { p.indices.max { p[$0] != p[$1] ? p[$0] < p[$1] : $0 > $1 } ?? 0 }

    /// The features the stance model reads: what the cue reading found, not where the issue is.
    static func stanceFeatures(_ f: Features) -> Features {
        // Few, principled features (the signed polarity of the governing cue after negation, and
        // what qualifies it), so that a small training set cannot learn that "against" supports.
        var out: Features = ["bias": 1]
        for k in ["polarity", "negated_side", "lean", "cond", "cond_before", "belief", "question", "neutralcue"] { if let v = f[k] { out[k] = v } }
        if let p = f["polarity"] {
            if f["cond_before"] != nil { out["polarity&cond_before"] = p }
            if f["belief"] != nil { out["polarity&belief"] = p }
        }
        return out
    }

    /// How often the text names the issue: a found topic's count when it is one, else the
    /// occurrences of its rarest content word, at least one.
    func mentions(of issue: String, wordCount: [String: Int], found: [FoundTopic]) -> Int {
        if let t = found.first(where: { $0.id == issue }) { return t.mentions }
        let key = TopicKey.of(issue)
        guard let word = key.min(by: { resources.zipf($0) != resources.zipf($1) ? resources.zipf($0) < resources.zipf($1) : $0 < $1 }) else { return 1 }
        return max(1, wordCount[word] ?? 0)
    }

    /// A one-line summary: the stance on the issue and the words that took it.
    func summary(_ stance: Stance, topic: String, candidate c: PositionCandidate) -> String {
        let cue = c.cue.map { " (“\($0)”)" } ?? ""
        switch stance {
        case .supports: return "Supports \(topic)\(cue)."
        case .opposes: return "Opposes \(topic)\(cue)."
        case .conditional: return "Supports \(topic) only on a condition\(c.condition.map { ": \($0)" } ?? "")."
        case .neutral: return "Takes no side on \(topic)."
        }
    }
}
