import Foundation

/// Transcript speaker labels: a paragraph that opens (after any quotation mark) with one to three
/// capitalised-only words and a colon, "PENCE: Well, look…", "MR. TRUMP: …", "CHRIS WALLACE: …".
/// The entity stage makes each label a mention of its speaker; the statement stage makes the rest
/// of the paragraph that speaker's direct statement.
public enum SpeakerLabels {
    /// The label's word tokens (the colon follows them), one per labelled paragraph.
    public static func find(in doc: TextDocument) -> [Range<Int>] {
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
}
