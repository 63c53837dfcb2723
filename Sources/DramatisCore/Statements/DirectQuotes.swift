import Foundation

// Statements: direct quotations and transcript turns, and the cue that attributes each.
extension StatementPass {
    /// A transcript turn as a direct statement of the label's speaker; returns that speaker.
    @discardableResult
    mutating func emitTurn(_ label: Range<Int>, _ span: Span) -> Int? {
        let speaker = entities.mention(atToken: label.upperBound - 1)?.entity
        statements.append(Statement(id: "", speaker: speaker.map(entities.id(of:)), kind: .direct,
                                    text: doc.substring(span), start: span.start, end: span.end, cue: nil,
                                    channel: nil, confidence: speaker == nil ? 0.2 : 0.9, speech: true))
        return speaker
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
}
