import Foundation

/// One reading of one statement: its holder, the issue it takes a side on (in the article's own
/// words) and the features the learnt models decide on.
public struct PositionCandidate: Sendable {
    public var actor: Int              // entity index
    public var statement: Int          // statement index
    public var topic: String           // the phrase as written ("the impeachment of Loretta Lynch")
    public var key: Set<String>        // its content words (TopicKey)
    public var features: Features      // what the cue reading found (cue class, negation, scope…)
    public var cue: String?            // the words that took the side ("urged … not to")
    public var condition: String?      // "only if …"
    public var offset: Int             // where the topic phrase starts in the text (for order)
}

/// Reads statements for the sides they take. For each statement whose speaker is not a news
/// outlet: every cue of `position-cues.tsv` in the statement (or in the words that introduce
/// it: "urged governments not to …", "called for …") gives a candidate whose topic is the
/// phrase the cue governs — the object of a verb that takes a side, the verb phrase after a
/// modal or after "urged X to", the subject of an evaluative word ("… is divisive, stupid and
/// wrong"). The article's salient topics (`TopicFinder`) named in a statement give candidates
/// too. Negation, refusal, conditionals, belief verbs and questions in scope are features; the
/// learnt models (`PositionModel`) turn features into stance and confidence.
public struct PositionReader: Sendable {
    let resources: Resources
    public init(resources: Resources) { self.resources = resources }

    static let determiners: Set<String> = ["the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its",
                                           "our", "my", "your", "any", "some", "such", "more", "greater", "further", "new"]
    static let boundaries: Set<String> = ["that", "which", "who", "whom", "whose", "because", "while", "when", "whether", "but",
                                          "although", "though", "as", "since", "after", "before", "if", "unless", "until", "so",
                                          "than", "saying", "said", "says", "say", "told", "tells", "adding", "added", "according",
                                          "where", "and", "or", "despite", "amid", "during", "in", "at", "over", "is", "are", "was",
                                          "were", "will", "would", "could", "can", "has", "have", "had", "even", "rather", "instead",
                                          "last", "this", "next", "yesterday", "today", "tomorrow", "monday", "tuesday", "wednesday",
                                          "thursday", "friday", "saturday", "sunday", "earlier", "later", "now", "again", "also",
                                          "not", "because", "through", "via", "amongst", "among", "onto", "upon"]
    static let trailing: Set<String> = ["of", "to", "for", "the", "a", "an", "on", "with", "from", "by", "his", "her", "their",
                                        "its", "our", "about", "against", "into", "be", "being", "been", "very", "more"]
    static let pronouns: Set<String> = ["it", "this", "that", "he", "she", "they", "them", "him", "her", "we", "us", "i", "me",
                                        "you", "one", "something", "anything", "everything", "nothing", "what", "which", "there",
                                        "those", "these", "itself", "himself", "herself", "themselves", "so", "all", "others", "people"]
    /// A phrase starting with these is no issue ("for his honesty", "be lasting", "to think about").
    static let badStarts: Set<String> = ["for", "to", "by", "from", "with", "in", "on", "of", "about", "at", "into", "as", "be",
                                         "been", "being", "have", "has", "had", "was", "were", "is", "are", "do", "does", "did",
                                         "i", "we", "you", "he", "she", "they", "it", "there", "here", "what", "how", "why",
                                         "look", "see", "say", "get", "go", "make", "take", "come", "know", "think", "very",
                                         "every", "each", "all", "both", "just", "only", "even", "not", "up", "out", "off", "so",
                                         "and", "or", "but", "if", "then", "than", "also", "still", "too", "now", "again"]
    static let commitments: Set<String> = ["willingness", "readiness", "commitment", "offer", "pledge", "plan", "promise", "determination", "decision", "refusal", "opposition", "support"]
    static let namingVerbs: Set<String> = ["called", "calls", "call", "calling", "labelled", "labeled", "branded", "described", "describes", "deemed", "termed", "dubbed"]
    static let strippedCommitments: Set<String> = ["willingness", "readiness", "commitment", "determination", "offer", "pledge", "promise", "intention", "efforts", "effort"]
    static let headsFor: Set<String> = ["call", "calls", "proposal", "proposals", "support", "push", "demand", "demands", "plan",
                                        "plans", "pledge", "promise", "bid", "campaign", "opposition", "backing", "endorsement",
                                        "idea", "notion", "prospect", "possibility", "issue", "question", "matter"]
    static let copulas: Set<String> = ["is", "was", "are", "were", "be", "been", "being", "'s", "’s", "remains", "seems", "became", "becomes"]
    static let adverbs: Set<String> = ["very", "totally", "so", "really", "quite", "extremely", "deeply", "absolutely", "utterly",
                                       "too", "clearly", "simply", "just", "completely", "entirely", "fundamentally", "also", "still",
                                       "particularly", "especially", "highly", "a", "an", "the", "most", "more", "truly", "hugely"]
    static let objectVerbs: Set<String> = ["urge", "urges", "urged", "urging", "encourage", "encourages", "encouraged", "ask", "asks",
                                           "asked", "call", "calls", "called", "press", "pressed", "push", "pushed", "want", "wants",
                                           "wanted", "need", "needs", "needed", "recommend", "recommended", "advise", "advised", "tell",
                                           "told", "implore", "implored", "beg", "begged", "demand", "demanded", "demands"]
    static let sideClasses: CueClasses = [.for, .against, .evalpos, .evalneg, .modal]

    public func candidates(_ document: TextDocument, entities: EntityResult, statements: [Statement],
                           topics: [FoundTopic]) -> [PositionCandidate] {
        let tokens = document.tokens
        guard !tokens.isEmpty else { return [] }
        let lex = resources.positionCues
        let cues = lex.indexed(tokens)
        var out: [PositionCandidate] = []
        var entityIndex: [String: Int] = [:]
        for (i, e) in entities.entities.enumerated() where entityIndex[e.id] == nil { entityIndex[e.id] = i }
        let outlet = entities.entities.map { e in
            resources.newsOutlets.isOutlet(name: e.name, type: e.type, forms: e.mentions.filter { $0.kind != "pronoun" }.map(\.text))
        }
        var occurrencesAt: [Int: [Int]] = [:]
        for (ti, t) in topics.enumerated() { for o in t.occurrences { occurrencesAt[o.lowerBound, default: []].append(ti) } }

        for (si, st) in statements.enumerated() {
            if si & 63 == 0, AnalysisBudget.stopRequested { break }
            guard let sid = st.speaker, let speaker = entityIndex[sid], !outlet[speaker] else { continue }
            let cueLower = (st.cue ?? "").lowercased()
            // Relayed by an outlet ("ABC News reported", "according to Reuters") with the outlet as
            // speaker is skipped above; a journalist's question is nobody's position.
            if ["asked", "asking", "asks", "questioned"].contains(cueLower) && st.kind == .indirect { continue }
            let first = document.tokenIndex(atOrAfter: st.start)
            var last = first
            while last < tokens.count, tokens[last].start < st.end { last += 1 }
            guard last > first else { continue }
            let sentence = document.sentences[document.sentenceOfToken[first]].tokenRange
            // The words introducing an indirect statement carry its cue ("urged them not to …").
            let windowStart = st.kind == .indirect ? max(sentence.lowerBound, first - 6) : first
            let window = windowStart..<last
            let limitEnd = max(last, min(sentence.upperBound, last + 1))
            let text = st.text
            let question = text.contains("?")
            let direct = st.kind == .direct
            let beliefCue = resources.positionCues.byFirstWord[cueLower]?.contains { $0.cls == .belief && $0.words.count == 1 } ?? false
            var statementFeatures: Features = ["bias": 1]
            // A holder the text does not name ("sources", "the campaign").
            if entities.entities[speaker].name.first?.isLowercase == true { statementFeatures["actor_unnamed"] = 1 }
            // "Mr Brown said G7 ministers had agreed to …": the speaker reports another's side.
            if st.kind == .indirect, let other = subjectMention(first, last, entities: entities, tokens: tokens), other != speaker { statementFeatures["reported_other"] = 1 }
            if question { statementFeatures["question"] = 1 }
            if direct { statementFeatures["direct"] = 1 }
            if beliefCue { statementFeatures["belief"] = 1 }
            // The statement's overall lean: side-taking cues for minus against (negation applied).
            var lean = 0.0
            do {
                var k = window.lowerBound
                while k < window.upperBound {
                    guard let c = cues.match(at: k, in: window, classes: PositionReader.sideClasses), !isNominal(k, tokens: tokens) else { k += 1; continue }
                    let p: Double = [.for, .evalpos, .modal].contains(c.cls) ? 1 : -1
                    lean += isNegated(before: k, from: window.lowerBound, tokens: tokens, lex: lex) ? -p : p
                    k += c.words.count
                }
            }
            if lean != 0 { statementFeatures["lean"] = lean > 0 ? 1 : -1 }
            let conditionAt = (window).first { i in cues.match(at: i, in: window, classes: [.cond]) != nil }
            let neutralAt = (window).first { i in cues.match(at: i, in: window, classes: [.neutral]) != nil }
            if neutralAt != nil { statementFeatures["neutralcue"] = 1 }

            var produced: [PositionCandidate] = []
            func add(_ topicRange: Range<Int>, cue: PositionCueLexicon.Cue?, cueAt: Int?, negated: Bool, extra: Features, suffix: String? = nil) {
                guard var topic = topicPhrase(topicRange, tokens: tokens, document: document) else { return }
                if let suffix { topic += " " + suffix }
                // A phrase that is one name of a law, plan or organisation is named by its full name ("the IFF").
                var s0 = topicRange.lowerBound
                while s0 < topicRange.upperBound, tokens[s0].isQuote || PositionReader.determiners.contains(tokens[s0].lower) { s0 += 1 }
                if let m = entities.mention(atToken: s0), m.kind != .pronoun, ![.person, .place].contains(entities.entities[m.entity].type),
                   TopicKey.of(document.text(ofTokens: m.tokens)) == TopicKey.of(topic) {
                    topic = entities.entities[m.entity].name
                }
                let key = TopicKey.of(topic)
                guard !key.isEmpty else { return }
                // Not the speaker's own name as an issue.
                let speakerKey = TopicKey.of(entities.entities[speaker].name)
                if key.isSubset(of: speakerKey) { return }
                var f = statementFeatures
                for (k, v) in extra { f[k] = v }
                let cls = cue?.cls.rawValue ?? "none"
                f["cue=\(cls)"] = 1
                // Polarity of the cue (+1 for, -1 against), turned by negation: lets a few negated
                // examples teach every cue to flip.
                let polarity: Double = cue.map { [.for, .evalpos, .modal].contains($0.cls) ? 1 : [.against, .evalneg].contains($0.cls) ? -1 : 0 } ?? 0
                if polarity != 0 { f["polarity"] = negated ? -polarity : polarity }
                if negated && polarity != 0 { f["negated_side"] = 1 }
                let rarity = key.map { max(0, 6.5 - resources.zipf($0)) }.max() ?? 0
                f["rarity"] = min(4, rarity) / 4
                if key.allSatisfy({ resources.zipf($0) > 5.0 }) { f["common_only"] = 1 }
                if negated { f["neg"] = 1; f["cue=\(cls)&neg"] = 1 }
                if let c = conditionAt {
                    f["cond"] = 1; f["cue=\(cls)&cond"] = 1
                    if c < topicRange.lowerBound { f["cond_before"] = 1 }
                }
                // An attitude word before the cue ("said she feared …", "I think …") reports what
                // the holder believes, not what they said.
                if let at = cueAt, (window.lowerBound..<at).contains(where: { cues.match(at: $0, in: $0..<at, classes: [.belief]) != nil }) { f["belief"] = 1 }
                if f["belief"] != nil { f["cue=\(cls)&belief"] = 1 }
                if question { f["cue=\(cls)&question"] = 1 }
                if let at = cueAt, cueLower.split(separator: " ").first.map({ String($0) == tokens[at].lower }) == true {
                    f["cueverb"] = 1; f["cue=\(cls)&cueverb"] = 1
                }
                f["tlen=\(min(3, key.count))"] = 1
                if topicRange.contains(where: { entities.mention(atToken: $0).map { $0.kind != .pronoun } ?? false }) { f["topic_named"] = 1 }
                var condition: String? = nil
                if let c = conditionAt {
                    var e = c + 1
                    while e < last, e - c < 10, tokens[e].kind != .punctuation { e += 1 }
                    condition = document.text(ofTokens: c..<e)
                }
                let cueText = cue.map { (negated ? "not " : "") + $0.words.joined(separator: " ") }
                produced.append(PositionCandidate(actor: speaker, statement: si, topic: topic, key: key, features: f,
                                                  cue: cueText, condition: condition, offset: tokens[topicRange.lowerBound].start))
            }

            // 1. Cues that take a side, with the phrase each governs.
            // A side cue governing another ("urged them to reject the wall", "warned against
            // backing it") is one reading, the inner cue's, turned when the outer side is against:
            // inner cue token → whether the outer side was against.
            var composedAt: [Int: Bool] = [:]
            var i = window.lowerBound
            while i < window.upperBound {
                guard let cue = cues.match(at: i, in: window, classes: PositionReader.sideClasses) else { i += 1; continue }
                let after = i + cue.words.count
                // "his call for the ban", "Trump's support for": someone else's side, named as a thing.
                if isNominal(i, tokens: tokens) { i = after; continue }
                var negated = isNegated(before: i, from: window.lowerBound, tokens: tokens, lex: lex)
                if composedAt[i] == true { negated.toggle() }
                var start = after
                // "should not", "must never"
                if start < limitEnd, cues.match(at: start, in: start..<limitEnd, classes: [.neg]) != nil {
                    negated.toggle(); start += 1
                }
                var extra: Features = [:]
                switch cue.cls {
                case .for, .against:
                    // "urged governments not to turn the boats away": the side is on the verb phrase.
                    // ("call for X to VP" keeps X: the issue is "X VP".)
                    if PositionReader.objectVerbs.contains(tokens[i].lower) && cue.words.last != "for" {
                        var j = start
                        while j < min(limitEnd, start + 7), tokens[j].lower != "to", tokens[j].kind != .punctuation || tokens[j].isQuote { j += 1 }
                        if j < limitEnd, j < start + 7, tokens[j].lower == "to", j > start {
                            // "urged them not to turn away": the negation is inside the urged clause.
                            if ["not", "never"].contains(tokens[j - 1].lower) { negated.toggle(); extra["neg_to"] = 1 }
                            start = j + 1
                            if start < limitEnd, ["not", "never"].contains(tokens[start].lower) { negated.toggle(); start += 1; extra["neg_to"] = 1 }
                            extra["object_to"] = 1
                        }
                    }
                    if start < limitEnd, !isNominal(start, tokens: tokens),
                       cues.match(at: start, in: start..<limitEnd, classes: [.for, .against]) != nil {
                        composedAt[start] = (cue.cls == .against) != negated
                        i = after; continue
                    }
                    add(start..<limitEnd, cue: cue, cueAt: i, negated: negated, extra: composedAt[i] != nil ? extra.merging(["composed": 1]) { a, _ in a } : extra)
                    // "criticised Trump over his call for the ban": the reason is an issue too.
                    if extra["object_to"] == nil, let m = entities.mention(atToken: start),
                       let r = (m.tokens.upperBound..<min(limitEnd, m.tokens.upperBound + 7)).first(where: { ["for", "over"].contains(tokens[$0].lower)
                           // "accused Obama of leading from behind"
                           || $0 == m.tokens.upperBound && tokens[$0].lower == "of" && $0 + 1 < limitEnd && tokens[$0 + 1].lower.hasSuffix("ing") }),
                       !(m.tokens.upperBound..<r).contains(where: { tokens[$0].kind == .punctuation }) {
                        add((r + 1)..<limitEnd, cue: cue, cueAt: i, negated: negated, extra: ["reason": 1])
                    }
                case .modal:
                    if start < limitEnd, tokens[start].lower == "have" {
                        // "will need to have much greater confidence": no issue named.
                    } else if start < limitEnd, tokens[start].lower == "be" {
                        // "Peace must be lasting": the side is on the subject (inside the statement).
                        extra["modal_aux"] = 1
                        let s0 = clauseStart(before: i, from: i >= first ? first : window.lowerBound, tokens: tokens)
                        // A country or person "must be able to …" is no issue in itself.
                        if let m = entities.mention(atToken: s0 < i && PositionReader.determiners.contains(tokens[s0].lower) ? s0 + 1 : s0),
                           m.tokens.upperBound >= i, [.place, .person].contains(entities.entities[m.entity].type) { i = after; continue }
                        let p = start + 1
                        if s0 < i, tokens[start].lower == "be", p < limitEnd, tokens[p].kind == .word, tokens[p].lower.hasSuffix("ed") || tokens[p].lower.hasSuffix("en") {
                            // "Loretta Lynch should be impeached": the issue is the act on the subject.
                            extra["passive"] = 1
                            // "should be recognized as “intolerable”": the side is the evaluation's, on the subject.
                            var q = p + 1
                            if q < limitEnd, tokens[q].lower == "as" { q += 1; while q < limitEnd, tokens[q].isQuote || PositionReader.adverbs.contains(tokens[q].lower) { q += 1 } }
                            if q > p + 1, q < limitEnd, let ev = lex.match(at: q, in: q..<limitEnd, tokens: tokens, classes: [.evalpos, .evalneg]) {
                                add(s0..<i, cue: ev, cueAt: q, negated: negated, extra: ["eval_subject": 1])
                            } else {
                                add(s0..<i, cue: cue, cueAt: i, negated: negated, extra: extra, suffix: tokens[p].text)
                            }
                        } else if s0 < i { add(s0..<i, cue: cue, cueAt: i, negated: negated, extra: extra) }
                    } else {
                        add(start..<limitEnd, cue: cue, cueAt: i, negated: negated, extra: extra)
                    }
                case .evalpos, .evalneg:
                    // "X is (not) wrong": the subject of the copula before the word.
                    var c = i - 1
                    var negCopula = false
                    // (Also an -ly adverb opening a quoted fragment: the targets “reasonably impressive”.)
                    while c > window.lowerBound, i - c <= 5, tokens[c].isQuote || PositionReader.adverbs.contains(tokens[c].lower) || ["not", "n't", "never"].contains(tokens[c].lower) || PositionReader.contracted(tokens[c])
                            || c == i - 1 && tokens[c].lower.hasSuffix("ly") && tokens[c - 1].isQuote {
                        if ["not", "n't", "never"].contains(tokens[c].lower) || PositionReader.contracted(tokens[c]) { negCopula = true }
                        c -= 1
                    }
                    // "called the Iraq War a mistake", "described the plan as reckless": the side is on the object.
                    if !(c >= window.lowerBound && (PositionReader.copulas.contains(tokens[c].lower) || PositionReader.contracted(tokens[c]))) {
                        if let v = (max(window.lowerBound, i - 9)..<i).last(where: { PositionReader.namingVerbs.contains(tokens[$0].lower) }), v + 1 < c + 1 {
                            var e = c + 1
                            while e > v + 1, ["a", "an", "as", "the", "“", "”", "\""].contains(tokens[e - 1].lower) || tokens[e - 1].isQuote { e -= 1 }
                            // "called her vote in favor of the Iraq War a mistake": the side is on the inner cue's
                            // object, turned when the inner side is against; the inner reading alone goes.
                            if let k = ((v + 1)..<e).first(where: { lex.match(at: $0, in: $0..<e, tokens: tokens, classes: [.for, .against]) != nil }),
                               let inner = lex.match(at: k, in: k..<e, tokens: tokens, classes: [.for, .against]), k + inner.words.count < e {
                                let at = tokens[k + inner.words.count].start
                                produced.removeAll { $0.offset == at && $0.features["eval_object"] == nil }
                                add((k + inner.words.count)..<e, cue: cue, cueAt: i, negated: (negated || negCopula) != (inner.cls == .against), extra: ["eval_object": 1, "composed": 1])
                            } else if e > v + 1 { add((v + 1)..<e, cue: cue, cueAt: i, negated: negated || negCopula, extra: ["eval_object": 1]) }
                        }
                        i = after; continue
                    }
                    if PositionReader.contracted(tokens[c]) { negCopula = true }
                    var subject = clauseStart(before: c, from: c >= first ? first : window.lowerBound, tokens: tokens)..<c
                    extra["eval_subject"] = 1
                    // "it was inappropriate for Ginsburg to criticize Trump": the extraposed clause.
                    if subject.count == 1, ["it", "this", "that"].contains(tokens[subject.lowerBound].lower) {
                        var j = after
                        while j < limitEnd, j < after + 4, !["for", "to"].contains(tokens[j].lower) { j += 1 }
                        if j < limitEnd, ["for", "to"].contains(tokens[j].lower) { subject = (j + 1)..<limitEnd; extra["extraposed"] = 1 }
                    }
                    if subject.isEmpty { i = after; continue }
                    add(subject, cue: cue, cueAt: i, negated: negated || negCopula, extra: extra)
                default: break
                }
                i = after
            }
            // 2. The article's salient topics named in the statement, with the nearest cue.
            var seen = Set<Int>()
            for t in first..<last {
                for ti in occurrencesAt[t] ?? [] where seen.insert(ti).inserted {
                    let occ = topics[ti].occurrences.first { $0.lowerBound == t }!
                    var best: (d: Int, at: Int, cue: PositionCueLexicon.Cue)? = nil
                    var k = window.lowerBound
                    while k < window.upperBound {
                        if let c = cues.match(at: k, in: window, classes: PositionReader.sideClasses), !isNominal(k, tokens: tokens) {
                            let d = k < occ.lowerBound ? occ.lowerBound - k : max(0, k - occ.upperBound)
                            if best == nil || d < best!.d { best = (d, k, c) }
                            k += c.words.count
                        } else { k += 1 }
                    }
                    let negated = best.map { isNegated(before: $0.at, from: window.lowerBound, tokens: tokens, lex: lex) } ?? false
                    var extra: Features = ["salient": 1]
                    if let b = best { extra["dist=\(b.d < 3 ? 0 : b.d < 8 ? 1 : 2)"] = 1 }
                    if topics[ti].mentions >= 4 { extra["salient_frequent"] = 1 }
                    let before = produced.count
                    add(occ, cue: best?.cue, cueAt: best?.at, negated: negated, extra: extra)
                    if produced.count > before { produced[produced.count - 1].topic = topics[ti].id; produced[produced.count - 1].key = TopicKey.of(topics[ti].id) }
                }
            }
            // 3. A statement that takes a side on nothing it names answers the issue its sentence
            // names before it ("… joining NATO, a move that Trump has signalled he would not accept").
            if produced.isEmpty, st.kind == .indirect {
                var k = window.lowerBound
                var cueFound: (at: Int, cue: PositionCueLexicon.Cue)? = nil
                while k < last {
                    if let c = cues.match(at: k, in: k..<last, classes: [.for, .against]), !isNominal(k, tokens: tokens) { cueFound = (k, c); break }
                    k += 1
                }
                if let (at, cue) = cueFound {
                    let earlier = (sentence.lowerBound..<window.lowerBound).reversed().compactMap { t in occurrencesAt[t]?.first.map { (t, $0) } }.first
                    if let (t, ti) = earlier {
                        let occ = topics[ti].occurrences.first { $0.lowerBound == t }!
                        let before = produced.count
                        add(occ, cue: cue, cueAt: at, negated: isNegated(before: at, from: window.lowerBound, tokens: tokens, lex: lex), extra: ["inherited": 1])
                        if produced.count > before { produced[produced.count - 1].topic = topics[ti].id; produced[produced.count - 1].key = TopicKey.of(topics[ti].id) }
                    }
                }
            }
            out.append(contentsOf: produced)
            // 4. A possessor of a willingness, commitment or plan in the statement holds its side
            // too ("the US's new willingness to give security guarantees").
            for t in first..<last {
                guard let m = entities.mention(atToken: t), m.tokens.lowerBound == t, m.possessive, m.kind != .pronoun, m.entity != speaker, !outlet[m.entity],
                      [.place, .organization, .group, .person].contains(entities.entities[m.entity].type) else { continue }
                var j = m.tokens.upperBound
                while j < min(last, m.tokens.upperBound + 4), !PositionReader.commitments.contains(tokens[j].lower) { j += 1 }
                guard j < min(last, m.tokens.upperBound + 4) else { continue }
                for var c in produced where c.offset > tokens[j].start {
                    c.actor = m.entity
                    c.features["holder_possessive"] = 1
                    out.append(c)
                }
            }
            // 3. The subject of the reported clause holds the side too ("Ukraine needs …").
            if st.kind == .indirect, let m = subjectMention(first, last, entities: entities, tokens: tokens), m != speaker, !outlet[m],
               [.place, .organization, .group, .person].contains(entities.entities[m].type) {
                for var c in produced {
                    c.actor = m
                    c.features["reported_other"] = nil
                    c.features["holder_subject"] = 1
                    out.append(c)
                }
            }
        }
        return out
    }
}
