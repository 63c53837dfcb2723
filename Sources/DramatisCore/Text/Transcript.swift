import Foundation

/// The markup of interview transcripts printed in articles. Speaker labels: a paragraph that
/// opens (after any quotation mark) with one to three capitalised-only words and a colon,
/// "PENCE: Well, look…", "MR. TRUMP: …". Stage directions: a bracketed paragraph of
/// capitalised-only words, "(CROSSTALK.)", "(APPLAUSE)". The entity stage makes each label a
/// mention of its speaker and leaves directions out; the statement stage makes the rest of a
/// labelled paragraph that speaker's direct statement.
public enum Transcript {
    /// The label's word tokens (the colon follows them), one per labelled paragraph.
    public static func speakerLabels(in doc: TextDocument) -> [Range<Int>] {
        var labels: [Range<Int>] = []
        var previousParagraph = -1
        for s in doc.sentences where s.paragraph != previousParagraph {
            previousParagraph = s.paragraph
            var i = s.tokenRange.lowerBound
            while i < s.tokenRange.upperBound, doc.tokens[i].isQuote { i += 1 }
            var j = i
            while j < s.tokenRange.upperBound, j - i < 3, doc.tokens[j].isAllCaps, doc.tokens[j].text.unicodeScalars.count >= 2 { j += 1 }
            guard j > i, j + 1 < s.tokenRange.upperBound, doc.tokens[j].text == ":" else { continue }
            labels.append(i..<j)
        }
        return labels
    }

    /// Whether the paragraph holding `token` is a stage direction. Cheap on any paragraph: it
    /// looks at a few sentences and stops at the first token that rules it out.
    public static func isStageDirection(paragraphOf token: Int, in doc: TextDocument) -> Bool {
        let si = doc.sentenceOfToken[token]
        let paragraph = doc.sentences[si].paragraph
        var first = si, last = si
        while first > 0, si - first < 3, doc.sentences[first - 1].paragraph == paragraph { first -= 1 }
        while last + 1 < doc.sentences.count, last - si < 3, doc.sentences[last + 1].paragraph == paragraph { last += 1 }
        // A paragraph longer than that is no stage direction.
        if first > 0, doc.sentences[first - 1].paragraph == paragraph { return false }
        if last + 1 < doc.sentences.count, doc.sentences[last + 1].paragraph == paragraph { return false }
        let range = doc.sentences[first].tokenRange.lowerBound..<doc.sentences[last].tokenRange.upperBound
        guard let open = range.first(where: { !doc.tokens[$0].isQuote }), doc.tokens[open].text == "(" else { return false }
        var words = 0
        for t in range where doc.tokens[t].isWord {
            guard doc.tokens[t].isAllCaps else { return false }
            words += 1
        }
        return words > 0
    }
}
