import Foundation

/// The article's text with the sentence and paragraph spans the analysis cut, what the summary and
/// the highlighted article read. From the analysis itself when it carries them (so re-exporting a
/// saved analysis does not depend on today's lexicons); tokenised again only for analyses saved
/// before they did.
struct ArticleText {
    let scalars: [Unicode.Scalar]
    let sentences: [Span]
    let paragraphs: [Span]

    init(_ analysis: Analysis, document: TextDocument? = nil) {
        if let document {
            scalars = document.scalars
            sentences = document.sentences.map(\.span)
            paragraphs = document.paragraphs
        } else if let s = analysis.sentences, let p = analysis.paragraphs {
            scalars = Array(analysis.article.text.unicodeScalars)
            sentences = s
            paragraphs = p
        } else {
            let document = TextDocument(analysis.article.text)
            scalars = document.scalars
            sentences = document.sentences.map(\.span)
            paragraphs = document.paragraphs
        }
    }

    func substring(_ start: Int, _ end: Int) -> String {
        let a = max(0, min(start, scalars.count)), b = max(a, min(end, scalars.count))
        return makeString(scalars[a..<b])
    }

    func substring(_ span: Span) -> String { substring(span.start, span.end) }

    /// Index of the sentence holding offset `o` (as `TextDocument.sentenceIndex(at:)`).
    func sentenceIndex(at o: Int) -> Int {
        var lo = 0, hi = sentences.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if sentences[mid].start <= o { lo = mid } else { hi = mid - 1 }
        }
        return max(0, lo)
    }
}
