import Foundation

/// Finds direct quotations and reported speech and attributes each to its speaker.
///
/// Evidence, in order: the subject of a speech verb in the same sentence ("X said", "said X",
/// "X, ROLE, said", "X, who … stated"); a pronoun or role description already resolved by the
/// entity stage; for a quote with no attribution of its own, the speaker of the previous quote in
/// the same or the preceding paragraph (news convention). Mentions inside a quote never speak it.
public struct StatementExtractor: Sendable {
    let resources: Resources
    public init(resources: Resources) { self.resources = resources }

    public func extract(_ document: TextDocument, entities: EntityResult) -> [Statement] {
        var pass = StatementPass(doc: document, res: resources, entities: entities)
        return pass.run()
    }
}

/// A speech verb found outside quotes, with the speaker it reports.
struct Cue {
    var token: Int
    var text: String
    var speaker: Int?          // entity index
    var subjectToken: Int?     // where the speaker was found
    var confidence: Double
}

struct StatementPass {
    let doc: TextDocument
    let res: Resources
    let entities: EntityResult
    let tokens: [Token]
    let quotes: [Quotation]
    let quoted: [Bool]
    /// Token index → quotation index, for tokens inside or on the marks of a quotation.
    var quoteAt: [Int]
    var statements: [Statement] = []
    /// Per sentence (set by `run`): its cues outside quotes, in token order, and the last of them
    /// with a speaker.
    var outsideCues: [[Cue]] = []
    var lastOutsideSpeakerCue: [Cue?] = []
    /// For each sentence, its first and last quote-mark token (Int.max / -1 when none): the
    /// cue model's "quote before / after" features in constant time.
    let sentenceQuotes: [(first: Int, last: Int)]
    /// Nearest earlier tokens of a kind, so the speaker rules need not walk back over a sentence
    /// per cue (quadratic in a giant sentence): for each token, the last "who", quote mark and
    /// "(" at or before it (-1 when none), and the first comma outside quotes at or after it.
    let previousWho: [Int], previousQuoteMark: [Int], previousOpenBracket: [Int], nextOutsideComma: [Int]

    static let objectVerbs: Set<String> = ["praise", "criticise", "criticize", "accuse", "deny", "reject", "demand", "welcome",
                                           "applaud", "condemn", "blame", "question", "urge", "promise", "pledge", "vow", "propose",
                                           "describe", "thank", "recall", "acknowledge", "announce", "predict", "concede", "reiterate"]
    static let prepositions: Set<String> = ["to", "in", "at", "from", "of", "on", "for", "with", "by", "during", "about",
                                            "against", "into", "over", "under", "between", "among", "like", "than", "after", "before"]
    static let clauseStarters: Set<String> = ["the", "a", "an", "it", "he", "she", "they", "we", "i", "you", "there", "this",
                                              "that", "these", "those", "no", "his", "her", "their", "its", "our", "my",
                                              "some", "many", "most", "all", "any", "every", "each", "one", "two", "only",
                                              "much", "more", "both", "if", "when", "while", "nobody", "none", "everyone",
                                              "anyone", "someone", "what", "how", "why", "whether", "not"]

    init(doc: TextDocument, res: Resources, entities: EntityResult) {
        self.doc = doc
        self.res = res
        self.entities = entities
        tokens = doc.tokens
        quotes = doc.quotations
        quoted = QuoteFinder.mask(quotes, tokenCount: doc.tokens.count)
        var at = [Int](repeating: -1, count: doc.tokens.count)
        for (qi, q) in quotes.enumerated() {
            at[q.open] = qi
            for t in q.inner { at[t] = qi }
            if let c = q.close { at[c] = qi }
        }
        quoteAt = at
        var who = [Int](repeating: -1, count: tokens.count), mark = who, bracket = who
        var comma = [Int](repeating: tokens.count, count: tokens.count + 1)
        for (i, t) in tokens.enumerated() {
            let previous = i > 0 ? (who[i - 1], mark[i - 1], bracket[i - 1]) : (-1, -1, -1)
            who[i] = t.lower == "who" ? i : previous.0
            mark[i] = t.isQuote ? i : previous.1
            bracket[i] = t.text == "(" ? i : previous.2
        }
        for i in tokens.indices.reversed() { comma[i] = tokens[i].text == "," && !quoted[i] ? i : comma[i + 1] }
        (previousWho, previousQuoteMark, previousOpenBracket, nextOutsideComma) = (who, mark, bracket, comma)
        sentenceQuotes = doc.sentences.map { s in
            var first = Int.max, last = -1
            for k in s.tokenRange where doc.tokens[k].isQuote { first = min(first, k); last = k }
            return (first, last)
        }
    }

    // MARK: - Run

    mutating func run() -> [Statement] {
        var cuesBySentence: [[Cue]] = Array(repeating: [], count: doc.sentences.count)
        for (si, s) in doc.sentences.enumerated() {
            if AnalysisBudget.stopRequested { break }
            cuesBySentence[si] = findCues(in: s)
        }
        outsideCues = cuesBySentence.map { $0.filter { !quoted[$0.token] } }
        lastOutsideSpeakerCue = outsideCues.map { $0.last { $0.speaker != nil } }
        var embedded = Set<Int>()          // quotations that are part of an indirect statement
        var directCue: [Int: Cue] = [:]    // quotation → its cue
        // Reported speech first: it decides which quotes are fragments of a reported clause.
        for (si, s) in doc.sentences.enumerated() {
            for cue in cuesBySentence[si] where cue.speaker != nil {
                reported(cue: cue, sentence: s, embedded: &embedded, directCue: &directCue)
            }
        }
        // Transcript turns ("PENCE: Well, look…"): the rest of the paragraph, by the labelled speaker.
        var labelAfter: [Int: Range<Int>] = [:]   // first token of a labelled paragraph's text → label
        for label in doc.speakerLabels {
            labelAfter[label.lowerBound] = label
            var start = label.upperBound + 1
            while start < tokens.count, tokens[start].isQuote { start += 1 }
            guard !quoted[label.lowerBound], start < tokens.count else { continue }
            let paragraph = doc.sentences[doc.sentenceOfToken[label.lowerBound]].paragraph
            var end = start
            while end + 1 < tokens.count, doc.sentences[doc.sentenceOfToken[end + 1]].paragraph == paragraph { end += 1 }
            emitTurn(label, Span(tokens[start].start, tokens[end].end))
        }
        // Direct quotations.
        var previousSpeaker: (speaker: Int, paragraph: Int, cue: String?)? = nil
        for (qi, q) in quotes.enumerated() {
            if qi & 63 == 0, AnalysisBudget.stopRequested { break }
            if embedded.contains(qi) { continue }
            let si = doc.sentenceOfToken[q.open]
            let paragraph = doc.sentences[si].paragraph
            // A quoted transcript turn: "“PENCE: Well, look…" is Pence's, without the label.
            if let first = q.inner.first, let label = labelAfter[first], label.upperBound + 1 < q.inner.upperBound {
                if let speaker = emitTurn(label, Span(tokens[label.upperBound + 1].start, q.content.end)) {
                    previousSpeaker = (speaker, paragraph, nil)
                }
                continue
            }
            let wordCount = q.inner.filter { tokens[$0].isWord }.count
            var cue = directCue[qi] ?? attributionCue(for: q, sentence: si, cues: cuesBySentence)
            // "Caddell continued:" ending the previous paragraph introduces this one's quote.
            if cue == nil, isStandalone(q), let intro = colonIntroduction(before: q, cues: cuesBySentence) { cue = intro }
            // A quote right after "…, Schiff said." in its paragraph is Schiff's.
            if cue == nil, isStandalone(q), si > 0, doc.sentences[si - 1].paragraph == paragraph,
               let last = lastOutsideSpeakerCue[si - 1],
               previousSpeaker.map({ $0.paragraph != paragraph }) ?? true {
                cue = Cue(token: q.open, text: last.text, speaker: last.speaker, subjectToken: nil, confidence: 0.7)
            }
            if cue == nil, let prev = previousSpeaker, paragraph - prev.paragraph <= 1, isStandalone(q) {
                cue = Cue(token: q.open, text: prev.cue ?? "", speaker: prev.speaker, subjectToken: nil, confidence: 0.7)
            }
            if let c = cue, c.speaker == nil, !isStandalone(q), wordCount < 4 { continue }
            if cue == nil {
                // A short quoted term with no one saying it is a scare quote, not a statement.
                if wordCount < 4 || !isStandalone(q) { continue }
            }
            let content = q.content
            let text = doc.substring(content)
            guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            if isTitleOrStageDirection(q) { continue }
            let speaker = cue?.speaker
            statements.append(Statement(id: "", speaker: speaker.map(entities.id(of:)), kind: .direct, text: text,
                                        start: content.start, end: content.end,
                                        cue: cue.flatMap { $0.text.isEmpty ? nil : $0.text },
                                        channel: channel(near: cue?.token ?? q.open, sentence: si),
                                        confidence: speaker == nil ? 0.2 : cue?.confidence, speech: true))
            if let sp = speaker { previousSpeaker = (sp, paragraph, cue?.text) }
        }
        statements.sort { ($0.start, $0.end) < ($1.start, $1.end) }
        // Remove exact duplicates (a quote both reported and direct).
        var seen = Set<String>()
        statements = statements.filter { seen.insert("\($0.kind)\($0.start):\($0.end)").inserted }
        for i in statements.indices { statements[i].id = "s\(i + 1)" }
        return statements
    }

    // MARK: - Cues and speakers

    func findCues(in s: Sentence) -> [Cue] {
        var cues: [Cue] = []
        var i = s.tokenRange.lowerBound
        while i < s.tokenRange.upperBound {
            if let p = reportingPattern(at: i) {
                // "according to X": the speaker follows.
                let after = i + p.words.count
                if let m = entities.mention(atToken: after), !quoted[after] {
                    cues.append(Cue(token: i, text: p.cue, speaker: m.entity, subjectToken: after, confidence: 0.8))
                }
            } else if isCueCandidate(i) {
                let insideQuote = quoted[i]
                // The lexicon rule's cues, and the words the learnt cue model finds beyond it
                // (beliefs, findings, the long tail of reporting verbs).
                if lexiconCue(i) || !res.attribution.isEmpty && cueScore(i) > 0 {
                    var (speaker, subj, conf) = findSpeaker(forVerb: i, in: s, insideQuote: insideQuote)
                    // The learnt ranker decides among the mentions around the cue; the rules' pick is one of its features.
                    if !res.attribution.speaker.isEmpty, speaker == nil { (speaker, subj, conf) = chooseSpeaker(forCue: i, rule: (speaker, subj, conf)) }
                    // "Max Lawson welcomed the statement and said …": the first verb's subject; so too
                    // for a participle after a comma ("Robby Mook said as much, arguing that …").
                    let participle = i > s.tokenRange.lowerBound && tokens[i].lower.hasSuffix("ing") && tokens[i - 1].text == ","
                    if i > s.tokenRange.lowerBound, ["and", "but"].contains(tokens[i - 1].lower) || participle, let previous = cues.last,
                       previous.speaker != nil, quoted[previous.token] == insideQuote, (subj ?? i) >= previous.token || participle {
                        (speaker, subj, conf) = (previous.speaker, previous.subjectToken, previous.confidence)
                    }
                    if !insideQuote || speaker != nil {
                        cues.append(Cue(token: i, text: cueText(i), speaker: speaker, subjectToken: subj, confidence: conf))
                    }
                }
            }
            i += 1
        }
        return cues
    }

    /// A transcript turn as a direct statement of the label's speaker; returns that speaker.
    @discardableResult
    mutating func emitTurn(_ label: Range<Int>, _ span: Span) -> Int? {
        let speaker = entities.mention(atToken: label.upperBound - 1)?.entity
        statements.append(Statement(id: "", speaker: speaker.map(entities.id(of:)), kind: .direct,
                                    text: doc.substring(span), start: span.start, end: span.end, cue: nil,
                                    channel: nil, confidence: speaker == nil ? 0.2 : 0.9, speech: true))
        return speaker
    }

    /// A word naming when, from the temporal lexicon: a weekday or month, "yesterday",
    /// "afternoon", "earlier"; with `counting`, also a number or unit ("this week", "7 March").
    func isTimeWord(_ t: Int, counting: Bool = true) -> Bool {
        let w = tokens[t].lower, lex = res.temporalWords
        if lex.weekdays[w] != nil || lex.months[w] != nil || lex.deictic[w] != nil || lex.timeWords.contains(w) { return true }
        return counting && (tokens[t].kind == .number || lex.units[w] != nil)
    }

    /// A speech verb in the passive: a participle after a form of "be" (adverbs allowed
    /// between) or right before "by".
    func isPassive(_ v: Int) -> Bool {
        let w = tokens[v].lower
        guard w.hasSuffix("ed") || StatementPass.irregularParticiples.contains(w) else { return false }
        if v + 1 < tokens.count, tokens[v + 1].lower == "by" { return true }
        var j = v - 1
        while j >= 0, j > v - 3, tokens[j].lower.hasSuffix("ly") { j -= 1 }
        return j >= 0 && StatementPass.passiveAuxiliaries.contains(tokens[j].lower)
    }
    static let irregularParticiples: Set<String> = ["told", "said", "known", "shown", "written", "thought", "held", "heard", "taught"]
    static let passiveAuxiliaries: Set<String> = ["was", "were", "been", "being", "is", "are", "be", "get", "gets", "got"]

    /// The hand-written cue rule (now a feature of the learnt model): a verb of saying of the
    /// lexicon, or a belief verb with a that-clause, not in the passive ("was accused of").
    func lexiconCue(_ i: Int) -> Bool {
        guard let verb = res.speechVerbs[tokens[i].lower], !isPassive(i) else { return false }
        return verb.isSpeech || followsThat(i)
    }

    func cueText(_ i: Int) -> String {
        // Phrasal cues: "called for", "pointed out".
        if i + 1 < tokens.count, tokens[i].lower == "called", tokens[i + 1].lower == "for" { return "called for" }
        return tokens[i].text
    }

    func followsThat(_ i: Int) -> Bool {
        i + 1 < tokens.count && tokens[i + 1].lower == "that"
    }

    func reportingPattern(at i: Int) -> (words: [String], cue: String)? {
        for p in res.reportingPatterns where i + p.words.count <= tokens.count {
            if (0..<p.words.count).allSatisfy({ tokens[i + $0].lower == p.words[$0] }) { return p }
        }
        return nil
    }

    /// The speaker of the verb at `v`: its subject to the left (over auxiliaries, an
    /// apposition, or a "who" clause), an inverted subject ("said Mr Brown"), or the sentence's
    /// opening actor.
    func findSpeaker(forVerb v: Int, in s: Sentence, insideQuote: Bool) -> (Int?, Int?, Double) {
        let lo = s.tokenRange.lowerBound
        func usable(_ t: Int) -> LocatedMention? {
            guard t >= lo, t < s.tokenRange.upperBound, quoted[t] == insideQuote, let m = entities.mention(atToken: t) else { return nil }
            let type = entities.entities[m.entity].type
            if type == .event || type == .law { return nil }
            // A place or body after a preposition is not a subject ("a trip to Japan"); a person
            // may be ("shortly after Trump said").
            if m.tokens.lowerBound > lo, StatementPass.prepositions.contains(tokens[m.tokens.lowerBound - 1].lower),
               type != .person || m.tokens.upperBound < v - 2 {
                if m.kind != .pronoun || tokens[m.tokens.lowerBound - 1].lower != "that" { return nil }
            }
            if m.possessive { return nil }
            if insideQuote && m.kind == .pronoun { return nil }
            return m
        }
        var j = v - 1
        while j >= lo, res.speechModifiers.contains(tokens[j].lower) { j -= 1 }
        // "a spokeswoman for Amazon said": the spokeswoman speaks for the company.
        if j > lo, let body = entities.mention(atToken: j), body.tokens.upperBound == j + 1 {
            var f = body.tokens.lowerBound - 1
            if f > lo, tokens[f].lower == "the" { f -= 1 }
            if f > lo, tokens[f].lower == "for", let spokes = usable(f - 1), spokes.entity != body.entity,
               entities.entities[spokes.entity].type == .person { return (spokes.entity, f - 1, 0.95) }
        }
        if j >= lo, let m = usable(j), m.tokens.upperBound == j + 1 { return (m.entity, j, 0.95) }
        // "The opposition leader, Mr Lind, said …": the name is the apposition.
        if j > lo, tokens[j].text == ",", let m = usable(j - 1), m.tokens.upperBound == j, m.kind != .pronoun,
           entities.entities[m.entity].type == .person { return (m.entity, j - 1, 0.9) }
        // Apposition: "Dr Lewis, secretary of the BMA (BMA), welcomed …"
        if j >= lo, tokens[j].text == "," || tokens[j].text == ")" {
            var k = j - 1
            var depth = tokens[j].text == ")" ? 1 : 0
            while k > lo, k > j - 25 {
                if tokens[k].text == ")" { depth += 1 }
                if tokens[k].text == "(" { depth -= 1 }
                if depth <= 0, tokens[k].text == "," { break }
                k -= 1
            }
            if k > lo, let m = usable(k - 1) { return (m.entity, k - 1, 0.85) }
            // … after a generational suffix that is not part of the mention ("Vann R. Newkirk II, a writer, said").
            if k > lo + 1, res.postnominals.contains(tokens[k - 1].text), let m = usable(k - 2) { return (m.entity, k - 2, 0.85) }
            // "Gov. Mike Pence (R-IN) said": the name before the brackets.
            if tokens[j].text == ")" {
                let o = j > 0 ? previousOpenBracket[j - 1] : -1
                if o > lo, let m = usable(o - 1) { return (m.entity, o - 1, 0.9) }
            }
        }
        // Inverted: "…,” said Mr Brown" / "said the minister".
        var r = v + 1
        while r < s.tokenRange.upperBound, r - v <= 2, ["the", "a", "an"].contains(tokens[r].lower) || res.honorifics[tokens[r].text] != nil { r += 1 }
        if v > lo, tokens[v - 1].text == "," || tokens[v - 1].isQuote, let m = usable(r) { return (m.entity, r, 0.9) }
        // … over a title that is not part of the name: "said Representative Charles B. Rangel",
        // "said former Gov. Jeb Bush", "said German Foreign Minister Johann Wadephul".
        if v > lo, tokens[v - 1].text == "," || tokens[v - 1].isQuote {
            var t = v + 1
            while t < s.tokenRange.upperBound, t - v <= 5, entities.mention(atToken: t) == nil, isTitleWord(t) { t += 1 }
            if t > v + 1, let m = usable(t), entities.entities[m.entity].type == .person { return (m.entity, t, 0.85) }
        }
        // "X, who … stated"
        // (Outside a quote, the walk back stops at a quote mark.)
        let stop = v > 0 ? max(lo, insideQuote ? -1 : previousQuoteMark[v - 1]) : lo
        var k = v > 0 ? previousWho[v - 1] : -1
        while k > stop {
            if let m = usable(tokens[k - 1].text == "," ? k - 2 : k - 1) { return (m.entity, k - 1, 0.85) }
            k = previousWho[k - 1]
        }
        // The sentence's opening actor ("Mr Trump is clearly aware …, messaging …").
        var f = lo
        // Over an introductory phrase: "During a speech earlier in the day, Trump attacked …, saying".
        if StatementPass.prepositions.contains(tokens[lo].lower) || tokens[lo].lower == "during",
           case let comma = nextOutsideComma[lo], comma < v { f = comma + 1 }
        while f < v, !tokens[f].isWord || ["but", "and", "indeed", "however", "meanwhile", "yet", "so", "still", "earlier", "later", "also"].contains(tokens[f].lower) || tokens[f].text == "," { f += 1 }
        if f < v, let m = usable(f), !quoted[f] || insideQuote {
            // "Oxfam senior policy adviser Max Lawson welcomed …": the person after the title.
            var after = m.tokens.upperBound
            while after < v, after - m.tokens.upperBound < 4, tokens[after].isWord, !tokens[after].isCapitalized { after += 1 }
            if after > m.tokens.upperBound, after < v, let person = usable(after), entities.entities[person.entity].type == .person,
               entities.entities[m.entity].type != .person {
                return (person.entity, after, 0.75)
            }
            let type = entities.entities[m.entity].type
            if type == .person || type == .organization || type == .group || type == .place {
                return (m.entity, f, 0.7)
            }
        }
        return (nil, nil, 0)
    }

    /// A quoted title ("Fox News Sunday", “The Wall Street Journal”) or a transcript's stage
    /// direction ("(CROSSTALK.)", "(APPLAUSE)"): quoted, but nobody's statement.
    func isTitleOrStageDirection(_ q: Quotation) -> Bool {
        let words = q.inner.filter { tokens[$0].isWord }
        if Transcript.isStageDirection(paragraphOf: q.open, in: doc) { return true }
        let smallWords: Set<String> = ["of", "the", "and", "a", "an", "in", "on", "for", "to", "at"]
        let sentenceEnd = q.inner.contains { tokens[$0].kind == .punctuation && tokens[$0].text.contains(where: { ".!?".contains($0) }) }
        return words.count >= 2 && words.count <= 6 && !sentenceEnd && tokens[words[0]].isCapitalized
            && words.allSatisfy { tokens[$0].isCapitalized || smallWords.contains(tokens[$0].lower) }
    }

    /// A word of a title before a name: an article, "former", an honorific, a role ("Senator",
    /// "Rep."), or a capitalised modifier of one ("Foreign", "German").
    func isTitleWord(_ t: Int) -> Bool {
        let token = tokens[t]
        if ["the", "former", "then", "outgoing", "incoming"].contains(token.lower) { return true }
        if res.honorifics[token.text] != nil || res.roles[token.text] != nil || res.roleNouns[token.lower] != nil { return true }
        return token.isCapitalized && (res.demonyms[token.text] != nil || res.isCommonWord(token.text))
    }

    /// The cue that attributes a quotation in its own sentence: a verb just after the closing
    /// mark ("…,” he said) or before the opening one ("X said: “…”").
    func attributionCue(for q: Quotation, sentence si: Int, cues: [[Cue]]) -> Cue? {
        let candidates = outsideCues[si]
        guard !candidates.isEmpty else { return nil }
        // Prefer the nearest cue outside the quote, after it when the quote opens the sentence.
        // (The cues are in token order: two binary searches, not a scan per quotation.)
        let closeToken = q.close ?? q.inner.upperBound
        func firstIndex(after token: Int) -> Int {
            var lo = 0, hi = candidates.count
            while lo < hi { let mid = (lo + hi) / 2; if candidates[mid].token <= token { lo = mid + 1 } else { hi = mid } }
            return lo
        }
        let a = firstIndex(after: closeToken), b = firstIndex(after: q.open - 1)
        let after = a < candidates.count ? candidates[a] : nil
        let before = b > 0 ? candidates[b - 1] : nil
        if let a = after, a.speaker != nil, a.token - closeToken <= 5 { return a }
        if let b = before, b.speaker != nil { return b }
        if let a = after, a.speaker != nil { return a }
        return after ?? before
    }

    /// The cue of a previous paragraph that ends with a colon ("Caddell continued:"), for a
    /// quote opening the next paragraph.
    func colonIntroduction(before q: Quotation, cues: [[Cue]]) -> Cue? {
        let si = doc.sentenceOfToken[q.open]
        guard si > 0, doc.sentences[si].tokenRange.lowerBound == q.open || tokens[doc.sentences[si].tokenRange.lowerBound].isQuote else { return nil }
        let prev = doc.sentences[si - 1]
        guard prev.paragraph == doc.sentences[si].paragraph - 1, let last = prev.tokenRange.last, tokens[last].text == ":" else { return nil }
        return cues[si - 1].last { $0.speaker != nil }
    }

    /// A quote that stands as its own sentence or clause (not a fragment inside one).
    func isStandalone(_ q: Quotation) -> Bool {
        let s = doc.sentences[doc.sentenceOfToken[q.open]]
        var p = q.open - 1
        while p >= s.tokenRange.lowerBound, tokens[p].isQuote { p -= 1 }
        let startsSentence = p < s.tokenRange.lowerBound || tokens[p].text == ":" || tokens[p].kind == .dash
        return startsSentence
    }

    // MARK: - Reported speech

    /// "X said (that) CLAUSE", "CLAUSE, X said", "X stated … that CLAUSE".
    mutating func reported(cue: Cue, sentence s: Sentence, embedded: inout Set<Int>, directCue: inout [Int: Cue]) {
        let v = cue.token
        let end = s.tokenRange.upperBound
        var clauseStart: Int? = nil
        // Forward: skip an object or channel phrase up to "that".
        var k = v + 1
        if cue.text == "according to" { return reportedAccordingTo(cue: cue, sentence: s) }

        var sawThat = false
        while k < end, k - v <= 12 {
            let t = tokens[k]
            if t.lower == "that" { sawThat = true; clauseStart = k + 1; break }
            if t.text == ":" || t.isQuote || t.text == "." || t.text == ";" { break }
            // "…, Graham said, since most of them accept that …": that "that" is another verb's.
            if k == v + 1 && t.text == "," { break }
            if k > v + 1, t.kind == .word, res.speechVerbs[t.lower] != nil { break }
            k += 1
        }
        // "…,” said Mr Price." — the words after the verb are its subject, not a clause.
        let inverted = (cue.subjectToken ?? -1) > v
        if !sawThat && !inverted {
            // "said no patient would wait", "told the BBC's programme what was needed"
            var c = v + 1
            // skip the object of tell/warn/assure/urge: "told reporters", "told BBC Radio 4's Today programme"
            if ["tell", "warn", "assure", "urge", "remind", "inform", "advise"].contains(res.speechVerbs[tokens[v].lower]?.lemma ?? "") {
                while c < end, c - v <= 8, !["what", "that", "he", "she", "they", "it", "the", "we"].contains(tokens[c].lower) || c == v + 1 {
                    if tokens[c].text == "," || tokens[c].isQuote { break }
                    // "urged North Korea to resume talks": the object and its infinitive are the content.
                    if tokens[c].lower == "to", c > v + 1, c + 1 < end, tokens[c + 1].isWord, !tokens[c + 1].isCapitalized {
                        c = v + 1
                        break
                    }
                    c += 1
                }
            }
            if c < end, c > v, tokens[c].isWord || tokens[c].kind == .number || tokens[c].kind == .symbol || tokens[c].isQuote {
                let w = tokens[c].lower
                // "said Thursday morning on Fox News": when and where, not what.
                let temporal = isTimeWord(c, counting: false)
                // "said “excess volatility” would impede growth": a quoted fragment opening the clause.
                let quoteLeads = tokens[c].isQuote && quoteAt[c] >= 0 && quotes[quoteAt[c]].open == c
                    && (quotes[quoteAt[c]].close.map { $0 + 1 < end && tokens[$0 + 1].isWord && !quoted[$0 + 1] } ?? false)
                let clauseLike = quoteLeads || (StatementPass.clauseStarters.contains(w) || tokens[c].kind == .number || tokens[c].kind == .symbol
                    || (entities.mention(atToken: c) != nil && !quoted[c]) || (tokens[c].isCapitalized && !tokens[c].isQuote))
                // After say/add/claim a lower-case word can open the clause too ("said firm guarantees are …").
                let sayLike = ["say", "state", "add", "claim", "insist", "argue", "suggest", "warn", "believe", "think", "predict", "acknowledge", "admit", "announce"]
                    .contains(res.speechVerbs[tokens[v].lower]?.lemma ?? "")
                let openWord = c == v + 1 && tokens[c].kind == .word && !StatementPass.prepositions.contains(w)
                    && !["so", "yes", "no", "sorry", "goodbye", "hello", "thanks", "nothing", "something", "little", "more", "much", "as", "again", "too"].contains(w)
                    && !w.hasSuffix("ly") && (c + 3 < end)
                if !temporal, clauseLike || (sayLike && openWord), v + 1 < end, tokens[v + 1].text != "," { clauseStart = c }
            }
        }
        // Verbs whose content is their object: "praised the plan", "urged Congress to act",
        // "called for a ceasefire", "denied the claims".
        if clauseStart == nil, !inverted, v + 1 < end {
            let lemma = res.speechVerbs[tokens[v].lower]?.lemma ?? ""
            var c = v + 1
            if cue.text == "called for" { c += 1 }
            let objectVerb = StatementPass.objectVerbs.contains(lemma) || cue.text == "called for"
            if objectVerb, c < end, tokens[c].kind == .word || tokens[c].isQuote, !["by", "on", "in", "at", "to", "with", "after", "during", "as"].contains(tokens[c].lower) {
                clauseStart = c
            }
        }
        // A learnt cue word whose content usually follows it ("promising to lift …", "blamed X on Y").
        if clauseStart == nil, !inverted, res.speechVerbs[tokens[v].lower] == nil, let learnt = res.attribution.words[tokens[v].lower],
           learnt.followRate >= 0.7 {
            let c = v + learnt.followOffset
            if c < end, tokens[c].isWord || tokens[c].isQuote || tokens[c].kind == .number { clauseStart = c }
        }
        if let start = clauseStart, start < end {
            emitClause(from: start, to: clauseEnd(from: start, sentence: s), cue: cue, sentence: s, embedded: &embedded, directCue: &directCue)
            return
        }
        // Trailing attribution: "CLAUSE, X said." — the cue ends the sentence.
        guard let subj = cue.subjectToken, subj < v else { return }
        // After the verb: a channel ("on social media"), the audience of "told" ("told The
        // Huffington Post"), a time ("Friday afternoon", "on Thursday"), then the end or a comma.
        var tail = v + 1
        let tellLike = ["tell", "inform", "assure"].contains(res.speechVerbs[tokens[v].lower]?.lemma ?? "")
        while tail < end {
            if let ch = channelStart(tail) { tail += ch; continue }
            if tellLike, tail == v + 1 {
                let at = tokens[tail].lower == "the" && tail + 1 < end ? tail + 1 : tail
                if let m = entities.mention(atToken: at) { tail = max(m.tokens.upperBound, at + 1); continue }
            }
            if isTimeWord(tail) || (["on", "in", "at", "this", "last"].contains(tokens[tail].lower) && tail + 1 < end && isTimeWord(tail + 1)) {
                tail += 1
                continue
            }
            break
        }
        guard tail >= end || [".", ",", "!", "?"].contains(tokens[tail].text) else { return }
        // Find the comma before the subject phrase; a quote right before it is a direct quote.
        var c = subj - 1
        while c > s.tokenRange.lowerBound, tokens[c].text != "," { c -= 1 }
        guard c > s.tokenRange.lowerBound, tokens[c].text == ",", !quoted[c], !tokens[c - 1].isQuote,
              !(c + 1 < tokens.count && tokens[c + 1].isQuote) else { return }
        let start = s.tokenRange.lowerBound
        emitClause(from: start, to: c, cue: cue, sentence: s, embedded: &embedded, directCue: &directCue)
    }

    mutating func reportedAccordingTo(cue: Cue, sentence s: Sentence) {
        // "According to X, CLAUSE." or "CLAUSE, according to X."
        guard let subj = cue.subjectToken, let m = entities.mention(atToken: subj) else { return }
        var embedded = Set<Int>(), dc: [Int: Cue] = [:]
        if cue.token == s.tokenRange.lowerBound || (cue.token > s.tokenRange.lowerBound && !tokens[cue.token - 1].isWord) {
            var c = m.tokens.upperBound
            while c < s.tokenRange.upperBound, tokens[c].text != "," { c += 1 }
            if c + 1 < s.tokenRange.upperBound { emitClause(from: c + 1, to: clauseEnd(from: c + 1, sentence: s), cue: cue, sentence: s, embedded: &embedded, directCue: &dc) }
        } else if cue.token > s.tokenRange.lowerBound, tokens[cue.token - 1].text == "," {
            emitClause(from: s.tokenRange.lowerBound, to: cue.token - 1, cue: cue, sentence: s, embedded: &embedded, directCue: &dc)
        }
    }

    /// A reported clause runs to the end of the sentence, or to a following attribution or
    /// participle cue ("… stating that …").
    func clauseEnd(from start: Int, sentence s: Sentence) -> Int {
        var e = start
        var end = s.tokenRange.upperBound
        // Reported speech inside a quotation ends with it.
        if quoted[start], quoteAt[start] >= 0 { end = min(end, quotes[quoteAt[start]].inner.upperBound) }
        while e < end {
            let t = tokens[e]
            if !quoted[e], t.kind == .word, e > start, let verb = res.speechVerbs[t.lower], verb.isSpeech,
               t.lower.hasSuffix("ing") || (e > start && tokens[e - 1].text == ","), e + 1 < end,
               tokens[e + 1].lower == "that" || tokens[e + 1].isQuote {
                var b = e
                while b > start, tokens[b - 1].text == "," { b -= 1 }
                // Drop a dangling "the guarantees" object before the participle only when a comma separates.
                return b
            }
            // "… called for flexibility and said …": a coordinated speech verb starts its own statement.
            if !quoted[e], e > start, t.lower == "and" || t.lower == "but", e + 1 < end, !quoted[e + 1],
               res.speechVerbs[tokens[e + 1].lower]?.isSpeech == true, !tokens[e + 1].lower.hasSuffix("ing") { return e }
            // "…, and he urged …": a second speech verb of the speaker starts its own statement.
            if !quoted[e], t.text == ",", e + 2 < end, tokens[e + 1].lower == "and" || tokens[e + 1].lower == "but",
               let m = entities.mention(atToken: e + 2), !quoted[e + 2] {
                var a = m.tokens.upperBound
                while a < end, res.speechModifiers.contains(tokens[a].lower) { a += 1 }
                if a < end, res.speechVerbs[tokens[a].lower]?.isSpeech == true { return e }
            }
            // "…, he said." / "…, Mr X said." — a trailing attribution of the same sentence.
            if !quoted[e], t.text == ",", e + 1 < end, let m = entities.mention(atToken: e + 1), !quoted[e + 1] {
                let afterMention = m.tokens.upperBound
                var a = afterMention
                while a < end, res.speechModifiers.contains(tokens[a].lower) { a += 1 }
                if a < end, res.speechVerbs[tokens[a].lower] != nil { return e }
            }
            e += 1
        }
        while e > start, tokens[e - 1].kind == .punctuation && tokens[e - 1].text != "!" && tokens[e - 1].text != "?" { e -= 1 }
        return e
    }

    /// Emits the clause `[from, to)` as reported speech, or its quotation as a direct statement
    /// when the clause is little more than a quote ("He said this agreement “didn't work”").
    mutating func emitClause(from: Int, to: Int, cue: Cue, sentence s: Sentence,
                             embedded: inout Set<Int>, directCue: inout [Int: Cue]) {
        var a = from, b = to
        while a < b, tokens[a].kind == .punctuation || tokens[a].kind == .dash { a += 1 }
        while b > a, tokens[b - 1].kind == .punctuation && !tokens[b - 1].isQuote { b -= 1 }
        guard b > a else { return }
        // Quotations wholly inside the clause.
        var insideSet = Set<Int>()
        for t in a..<b where quoteAt[t] >= 0 {
            let q = quotes[quoteAt[t]]
            let closing: Int = q.close ?? q.inner.upperBound
            if q.open >= a && closing < b + 1 { insideSet.insert(quoteAt[t]) }
        }
        let inside: [Int] = insideSet.sorted()
        // Words of the clause outside any quotation.
        let outsideWords = (a..<b).filter { quoteAt[$0] < 0 && tokens[$0].isWord }
        if let last = inside.last {
            let q = quotes[last]
            let closesClause = (q.close ?? q.inner.upperBound) >= b - 1
            let quotedOnly = outsideWords.isEmpty
            let shortLead = outsideWords.count <= 4 && outsideWords.allSatisfy { $0 < q.open }
            if closesClause && (quotedOnly || shortLead) {
                // Direct quote(s): "stated that “A” because “B”".
                for qi in inside { directCue[qi] = cue }
                if inside.count > 1 || quotedOnly { return }
                return
            }
            // Fragments inside reported speech belong to it.
            for qi in inside { embedded.insert(qi) }
        }
        // Two coordinated reports: "… closer and “applauded” President Trump …".
        var parts: [(Int, Int, String?)] = []
        var segStart = a
        var k = a
        while k < b {
            if tokens[k].lower == "and", k + 1 < b {
                var n = k + 1
                while n < b, tokens[n].isQuote { n += 1 }
                if n < b, let verb = res.speechVerbs[tokens[n].lower], verb.isSpeech, tokens[n].lower.hasSuffix("ed") {
                    parts.append((segStart, k, nil))
                    segStart = k + 1
                    k = n
                }
            }
            k += 1
        }
        parts.append((segStart, b, nil))
        for (pa, pb, _) in parts where pb > pa {
            let span = Span(tokens[pa].start, tokens[pb - 1].end)
            let text = doc.substring(span)
            let words = (pa..<pb).filter({ tokens[$0].isWord }).count
            if words < 2 { continue }
            // "welcomed the statement": a bare two-word object says nothing of its own.
            if words < 3, StatementPass.objectVerbs.contains(res.speechVerbs[tokens[cue.token].lower]?.lemma ?? ""),
               !(pa..<pb).contains(where: { quoteAt[$0] >= 0 }) { continue }
            statements.append(Statement(id: "", speaker: cue.speaker.map(entities.id(of:)), kind: .indirect, text: text,
                                        start: span.start, end: span.end, cue: cue.text,
                                        channel: channel(near: cue.token, sentence: doc.sentenceOfToken[cue.token]),
                                        confidence: cue.confidence, speech: isSpeech(cue: cue.token)))
        }
    }

    // MARK: - Channels

    func channelStart(_ i: Int) -> Int? {
        for c in res.channels where i + c.words.count <= tokens.count {
            if (0..<c.words.count).allSatisfy({ tokens[i + $0].lower == c.words[$0] || tokens[i + $0].normalized.lowercased() == c.words[$0] }) {
                return c.words.count
            }
        }
        return nil
    }

    /// Where it was said, when the sentence says so near the cue ("on social media", "in a statement").
    func channel(near cueToken: Int, sentence si: Int) -> String? {
        let s = doc.sentences[si]
        var best: (distance: Int, name: String)? = nil
        // Only tokens within reach of the cue can matter (distance ≤ 12).
        let lo = max(s.tokenRange.lowerBound, cueToken - 12), hi = min(s.tokenRange.upperBound, cueToken + 13)
        for i in lo..<max(lo, hi) where !quoted[i] {
            guard let candidates = res.channelsByFirstWord[tokens[i].lower] else { continue }
            for c in candidates where i + c.words.count <= s.tokenRange.upperBound {
                if (0..<c.words.count).allSatisfy({ tokens[i + $0].lower == c.words[$0] || tokens[i + $0].normalized.lowercased() == c.words[$0] }) {
                    let d = abs(i - cueToken)
                    if d <= 12, best == nil || d < best!.distance { best = (d, c.channel) }
                    break
                }
            }
        }
        return best?.name
    }
}
