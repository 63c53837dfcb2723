import Foundation

/// The learnt part of attribution, read from `data/models/attribution.tsv` (written by
/// `dramatis train attribution`, see docs/attribution-model.md):
/// - `cue`: is this word the cue of an attribution here? (a binary perceptron over the word,
///   its context and what the rules see around it);
/// - `speaker`: which candidate speaks for a cue the rules leave without a speaker (a ranking
///   perceptron over the mentions around it and "nobody");
/// - `words`: the cue words seen in training, with how often each introduced speech rather than
///   a belief or finding (a statement's `speech` flag) and whether its content follows it;
/// - `speakerNouns`: head nouns of unnamed speakers, for the entity stage.
public struct AttributionModel: Sendable {
    public struct CueWord: Sendable {
        public let speechRate: Double
        /// Share of this word's gold attributions whose content starts just after it ("promising
        /// to lift …", "blamed police shootings on …"), and the usual distance in tokens.
        public var followRate: Double = 0
        public var followOffset: Int = 1
    }
    public var cue: LinearModel
    public var speaker: LinearModel
    public var words: [String: CueWord]
    /// Head nouns of unnamed speakers in training ("officials", "aides", "critics") → type.
    public var speakerNouns: [String: EntityType]

    public init(cue: LinearModel = LinearModel(), speaker: LinearModel = LinearModel(), words: [String: CueWord] = [:], speakerNouns: [String: EntityType] = [:]) {
        self.cue = cue; self.speaker = speaker; self.words = words; self.speakerNouns = speakerNouns
    }

    /// Rows "cue|speaker<TAB>feature<TAB>weight", "word<TAB>form<TAB>speech rate<TAB>follow rate<TAB>offset"
    /// and "noun<TAB>noun<TAB>type".
    public init(rows: [[String]]) {
        var cueRows: [[String]] = [], speakerRows: [[String]] = [], words: [String: CueWord] = [:]
        var nouns: [String: EntityType] = [:]
        for r in rows where r.count >= 3 {
            switch r[0] {
            case "cue": cueRows.append(["yes", r[1], r[2]])
            case "speaker": speakerRows.append(["yes", r[1], r[2]])
            case "word":
                words[r[1]] = CueWord(speechRate: Double(r[2]) ?? 1, followRate: r.count > 3 ? Double(r[3]) ?? 0 : 0,
                                      followOffset: r.count > 4 ? Int(r[4]) ?? 1 : 1)
            case "noun": nouns[r[1]] = EntityType(rawValue: r[2])
            default: break
            }
        }
        cue = LinearModel(rows: cueRows)
        speaker = LinearModel(rows: speakerRows)
        self.words = words
        speakerNouns = nouns
    }

    public var isEmpty: Bool { cue.isEmpty }
}

/// Crude inflection stripping for features ("argued", "argues", "arguing" → "argu"): shares
/// evidence between forms of one verb without a morphological lexicon.
func stem(_ w: String) -> String {
    for suffix in ["ing", "ed", "es", "s"] where w.count > suffix.count + 2 && w.hasSuffix(suffix) {
        return String(w.dropLast(suffix.count))
    }
    return w
}

/// An -ly adverb ("privately", "successfully"), not one of the nouns and verbs that end so.
func isLyAdverb(_ w: String) -> Bool {
    w.hasSuffix("ly") && w.count > 4 && !lyNonAdverbs.contains(w)
}
private let lyNonAdverbs: Set<String> = ["reply", "apply", "imply", "comply", "supply", "rely", "rally", "ally", "family",
                                         "assembly", "anomaly", "monopoly", "belly", "bully", "jelly", "homily", "italy"]

extension StatementPass {
    /// Words worth asking the cue model about: the speech-verb lexicon and every word that was
    /// a cue in training. Everything else is never a cue (keeps the per-token cost to one lookup).
    func isCueCandidate(_ i: Int) -> Bool {
        let t = tokens[i]
        guard t.kind == .word else { return false }
        guard res.speechVerbs[t.lower] != nil || res.attribution.words[t.lower] != nil else { return false }
        // A word inside a name is part of the name ("the United States Embassy", "Says Who"),
        // lexicon verbs too.
        if let m = entities.mention(atToken: i), m.kind == .name || m.kind == .alias { return false }
        return true
    }

    /// The features of word `i` as a possible cue. Rules of news style are features here: the
    /// lexicon's class, a "that" after it, a named subject before it, a quote beside it.
    func cueFeatures(_ i: Int) -> [String] {
        let t = tokens[i]
        let w = t.lower
        func lower(_ j: Int) -> String { j < 0 ? "<s>" : j >= tokens.count ? "</s>" : tokens[j].isWord ? tokens[j].lower : tokens[j].isQuote ? "<q>" : tokens[j].text }
        let p1 = lower(i - 1), p2 = lower(i - 2), n1 = lower(i + 1), n2 = lower(i + 2)
        var f: [String] = ["bias", "w=\(w)", "stem=\(stem(w))", "p1=\(p1)", "n1=\(n1)", "p2=\(p2)", "n2=\(n2)",
                           "w_n1=\(w)_\(n1)", "p1_w=\(p1)_\(w)", "stem_n1=\(stem(w))_\(n1)"]
        if let verb = res.speechVerbs[w] { f.append(verb.isSpeech ? "lex=speech" : "lex=belief") } else { f.append("lex=none") }
        f.append("quoted=\(quoted[i])")
        f.append("rule=\(lexiconCue(i))")
        if t.isCapitalized { f.append("cap") }
        if isPassive(i) { f.append("passive") }
        // What stands before it, over "has", "also", "reportedly": a name, a pronoun, a description.
        var j = i - 1
        while j >= 0, res.speechModifiers.contains(tokens[j].lower) { j -= 1 }
        if j >= 0, let m = entities.mention(atToken: j) {
            let type = entities.entities[m.entity].type
            f.append("subj=\(m.kind.rawValue)"); f.append("subjtype=\(type.rawValue)"); f.append("subj_w=\(m.kind.rawValue)_\(w)")
            if j < i - 1 { f.append("subj_gap") }
        } else if j >= 0 {
            f.append("before=\(tokens[j].isWord ? (tokens[j].isCapitalized ? "Cap" : "low") : tokens[j].text)")
        }
        // A mention right after ("said Mr Brown", "according to the poll").
        if i + 1 < tokens.count, let m = entities.mention(atToken: i + 1) { f.append("obj=\(m.kind.rawValue)") }
        // Where quotes are in the sentence.
        let si = doc.sentenceOfToken[i]
        let s = doc.sentences[si]
        let quoteBefore = sentenceQuotes[si].first < i, quoteAfter = sentenceQuotes[si].last >= i
        f.append("qb=\(quoteBefore)_qa=\(quoteAfter)")
        // "…,” Mr Zelenskky stated" / "said: “…": a quote mark a few tokens away.
        if (max(s.tokenRange.lowerBound, i - 5)..<i).contains(where: { tokens[$0].isQuote && quoteAt[$0] >= 0 && quotes[quoteAt[$0]].close == $0 }) { f.append("quote_closed_before") }
        if ((i + 1)..<min(s.tokenRange.upperBound, i + 4)).contains(where: { tokens[$0].isQuote && quoteAt[$0] >= 0 && quotes[quoteAt[$0]].open == $0 }) { f.append("quote_opens_after") }
        let pos = i - s.tokenRange.lowerBound, rest = s.tokenRange.upperBound - i
        f.append("pos=\(min(pos, 6))"); f.append("rest=\(min(rest / 3, 5))")
        return f
    }

    /// The cue model's verdict on word `i` (only asked for candidates).
    func cueScore(_ i: Int) -> Double { res.attribution.cue.score(cueFeatures(i)) }

    /// Whether the words of cue `i` report speech rather than a belief or finding.
    func isSpeech(cue i: Int) -> Bool {
        let w = tokens[i].lower
        if let learnt = res.attribution.words[w] { return learnt.speechRate >= 0.5 }
        return res.speechVerbs[w]?.isSpeech ?? true
    }
}

/// A possible speaker of a cue: a mention near it, or nobody.
struct SpeakerCandidate {
    var mention: Int?          // index into `entities.mentions`
    var features: [String]
}

extension StatementPass {
    /// The speaker candidates of the cue at `v`: every usable mention from 25 tokens before to
    /// 8 after it in its sentence (on the same side of the quote marks), and "nobody". `rule` is
    /// the hand-written rules' choice, which is a feature of the candidate it picked.
    func speakerCandidates(forCue v: Int, rule: SpeakerGuess) -> [SpeakerCandidate] {
        let s = doc.sentences[doc.sentenceOfToken[v]]
        let lo = max(s.tokenRange.lowerBound, v - 25), hi = min(s.tokenRange.upperBound, v + 9)
        let w = tokens[v].lower
        let insideQuote = quoted[v]
        var seen = Set<Int>()
        var out: [SpeakerCandidate] = []
        var leftRank = 0
        let ruleMention = rule.token.flatMap { entities.mentionAtToken.indices.contains($0) ? entities.mentionAtToken[$0] : nil }
        var ordered: [Int] = []
        for t in lo..<hi where t != v {
            let mi = entities.mentionAtToken[t]
            if mi >= 0, seen.insert(mi).inserted { ordered.append(mi) }
        }
        // "The former secretary of state mocked Trump": with an unnamed subject before the verb,
        // a name after it is the object, not the speaker.
        let objectsOnly = hasUnnamedSubject(beforeVerb: v, sentenceStart: s.tokenRange.lowerBound)
        // Nearest first on the left, so "nearest left" is rank 0.
        let left = ordered.filter { entities.mentions[$0].tokens.upperBound <= v }.reversed()
        let right = ordered.filter { entities.mentions[$0].tokens.lowerBound > v }
        func bucket(_ d: Int) -> String { d <= 0 ? "0" : d == 1 ? "1" : d == 2 ? "2" : d <= 5 ? "3-5" : d <= 10 ? "6-10" : "11+" }
        for (dir, list) in [("L", Array(left)), ("R", right)] {
            for (rank, mi) in list.enumerated() {
                let m = entities.mentions[mi]
                if quoted[m.tokens.lowerBound] != insideQuote { continue }
                let type = entities.entities[m.entity].type
                let d = dir == "L" ? v - m.tokens.upperBound : m.tokens.lowerBound - v - 1
                var f = ["cand", "dir=\(dir)", "dist=\(dir)\(bucket(d))", "rank=\(dir)\(min(rank, 3))", "kind=\(m.kind.rawValue)",
                         "type=\(type.rawValue)", "kind_dir=\(m.kind.rawValue)\(dir)", "type_dir=\(type.rawValue)\(dir)",
                         "lex_dir=\(res.speechVerbs[w]?.isSpeech ?? false)_\(dir)"]
                if m.possessive { f.append("possessive") }
                let before = m.tokens.lowerBound - 1
                if before >= s.tokenRange.lowerBound {
                    let p = tokens[before].lower
                    if res.prepositions.contains(p) { f.append("after_prep=\(p)") }
                    if tokens[before].text == "," { f.append("after_comma") }
                } else { f.append("sentence_start") }
                let between = dir == "L" ? m.tokens.upperBound..<v : (v + 1)..<m.tokens.lowerBound
                // After "that" the words are what was said ("Video shows that Crutcher had …"):
                // no mention there speaks.
                if dir == "R", objectsOnly || between.contains(where: { tokens[$0].lower == "that" }) { continue }
                var commas = 0, quoteMarks = 0, verbs = 0
                for k in between {
                    if tokens[k].text == "," { commas += 1 }
                    if tokens[k].isQuote { quoteMarks += 1 }
                    if isCueCandidate(k) { verbs += 1 }
                }
                f.append("commas=\(min(commas, 3))"); if quoteMarks > 0 { f.append("quote_between") }
                if verbs > 0 { f.append("cue_between") }
                if mi == ruleMention { f.append("rule_pick"); f.append("rule_conf=\(Int(rule.confidence * 100))") }
                if dir == "L", d <= 2, leftRank == 0 { f.append("adjacent_left") }
                if dir == "L" { leftRank += 1 }
                out.append(SpeakerCandidate(mention: mi, features: f))
            }
        }
        var none = ["none", "none_w=\(w)", "none_rule=\(rule.speaker != nil)", "none_n=\(min(out.count, 4))"]
        if insideQuote { none.append("none_quoted") }
        out.append(SpeakerCandidate(mention: nil, features: none))
        return out
    }

    /// The learnt choice among the candidates: (entity, token of the mention, confidence).
    func chooseSpeaker(forCue v: Int, rule: (Int?, Int?, Double)) -> (Int?, Int?, Double) {
        let candidates = speakerCandidates(forCue: v, rule: rule)
        let model = res.attribution.speaker
        var best = candidates.count - 1, bestScore = -Double.infinity, second = -Double.infinity
        for (ci, c) in candidates.enumerated() {
            let sc = model.score(c.features)
            if sc > bestScore { second = bestScore; bestScore = sc; best = ci } else if sc > second { second = sc }
        }
        guard let mi = candidates[best].mention else { return (nil, nil, 0) }
        let m = entities.mentions[mi]
        let margin = second.isFinite ? bestScore - second : 4
        return (m.entity, m.tokens.lowerBound, min(0.99, LinearModel.probability(margin)))
    }
}
