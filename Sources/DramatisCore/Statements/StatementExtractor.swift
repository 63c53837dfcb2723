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


    init(doc: TextDocument, res: Resources, entities: EntityResult) {
        self.doc = doc
        self.res = res
        self.entities = entities
        tokens = doc.tokens
        quotes = doc.quotations
        quoted = doc.quotedTokens
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
}
