import Foundation

/// The article text as Unicode scalars, with its tokens, sentences and paragraphs.
/// Every offset is a code-point index into `Article.text` (the contract's unit).
public final class TextDocument: @unchecked Sendable {
    public let text: String
    public let scalars: [Unicode.Scalar]
    public let tokens: [Token]
    public let sentences: [Sentence]
    public let paragraphs: [Span]
    /// For each token, the index of its sentence.
    public let sentenceOfToken: [Int]

    /// `rules`: the analyser's lists (`Resources.textRules`); the shared data files by default.
    public init(_ text: String, rules: TextRules = Resources.shared.textRules) {
        self.text = text
        let scalars = Array(text.unicodeScalars)
        self.scalars = scalars
        let tokens = Tokenizer.tokenize(scalars, rules: rules)
        self.tokens = tokens
        let paragraphs = TextDocument.findParagraphs(scalars)
        self.paragraphs = paragraphs
        let sentences = SentenceSplitter.split(tokens: tokens, scalars: scalars, paragraphs: paragraphs, rules: rules)
        self.sentences = sentences
        var map = [Int](repeating: 0, count: tokens.count)
        for (i, s) in sentences.enumerated() { for t in s.tokenRange { map[t] = i } }
        self.sentenceOfToken = map
    }

    /// The same document with some letters changed in case (the entity stage's re-cased copy of
    /// ALL-CAPS and Title Case sentences): tokens, sentences and paragraphs are kept as they are,
    /// only the tokens' text is read again from `scalars`, which must have as many code points.
    init(recasing doc: TextDocument, scalars: [Unicode.Scalar]) {
        precondition(scalars.count == doc.scalars.count)
        text = makeString(scalars[...])
        self.scalars = scalars
        tokens = doc.tokens.map { t in
            Token(start: t.start, end: t.end, text: makeString(scalars[t.start..<t.end]), kind: t.kind, spaceBefore: t.spaceBefore)
        }
        sentences = doc.sentences
        paragraphs = doc.paragraphs
        sentenceOfToken = doc.sentenceOfToken
    }

    /// The quotations of the text (computed once; the entity and statement stages both need them).
    public private(set) lazy var quotations: [Quotation] = QuoteFinder.find(self)
    /// For each token, whether it lies inside a quotation (computed once, read by both stages).
    public private(set) lazy var quotedTokens: [Bool] = QuoteFinder.mask(quotations, tokenCount: tokens.count)

    /// Transcript speaker labels ("PENCE:"), computed once for the entity and statement stages.
    public private(set) lazy var speakerLabels: [Range<Int>] = Transcript.speakerLabels(in: self)

    public func substring(_ start: Int, _ end: Int) -> String {
        let a = max(0, min(start, scalars.count)), b = max(a, min(end, scalars.count))
        return makeString(scalars[a..<b])
    }

    public func substring(_ span: Span) -> String { substring(span.start, span.end) }

    /// The text of tokens `range`, as it stands in the article (spaces included).
    public func text(ofTokens range: Range<Int>) -> String {
        guard let first = range.first, let last = range.last else { return "" }
        return substring(tokens[first].start, tokens[last].end)
    }

    public func span(ofTokens range: Range<Int>) -> Span {
        Span(tokens[range.lowerBound].start, tokens[range.upperBound - 1].end)
    }

    /// Index of the paragraph holding offset `o`.
    public func paragraphIndex(at o: Int) -> Int {
        var lo = 0, hi = paragraphs.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if paragraphs[mid].start <= o { lo = mid } else { hi = mid - 1 }
        }
        return max(0, lo)
    }

    /// Index of the first token whose end is after `offset`.
    public func tokenIndex(atOrAfter offset: Int) -> Int {
        var lo = 0, hi = tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if tokens[mid].end <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Index of the sentence holding offset `o`.
    public func sentenceIndex(at o: Int) -> Int {
        var lo = 0, hi = sentences.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if sentences[mid].span.start <= o { lo = mid } else { hi = mid - 1 }
        }
        return max(0, lo)
    }

    /// Paragraphs are separated by a blank line, or by a single newline (one-line paragraphs are
    /// common in pasted news text).
    static func findParagraphs(_ s: [Unicode.Scalar]) -> [Span] {
        var result: [Span] = []
        var i = 0
        let n = s.count
        while i < n {
            while i < n, s[i] == "\n" || s[i] == " " || s[i] == "\t" || s[i] == "\u{0C}" { i += 1 }
            guard i < n else { break }
            let start = i
            while i < n, s[i] != "\n" { i += 1 }
            var end = i
            while end > start, s[end - 1] == " " || s[end - 1] == "\t" { end -= 1 }
            result.append(Span(start, end))
        }
        if result.isEmpty { result.append(Span(0, 0)) }
        return result
    }
}

/// A String from a run of scalars; ASCII runs (most tokens) are built byte by byte, which is
/// several times faster than appending to a `UnicodeScalarView`.
@inline(__always)
func makeString(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
    // UTF-8 written straight into the string's storage (appending scalars one by one to a
    // UnicodeScalarView was most of the cost of building names with accents).
    var count = 0
    for c in scalars { let v = c.value; count += v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4 }
    return String(unsafeUninitializedCapacity: count) { buffer in
        var i = 0
        for c in scalars {
            let v = c.value
            if v < 0x80 {
                buffer[i] = UInt8(truncatingIfNeeded: v); i += 1
            } else if v < 0x800 {
                buffer[i] = UInt8(truncatingIfNeeded: 0xC0 | v >> 6)
                buffer[i + 1] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F); i += 2
            } else if v < 0x10000 {
                buffer[i] = UInt8(truncatingIfNeeded: 0xE0 | v >> 12)
                buffer[i + 1] = UInt8(truncatingIfNeeded: 0x80 | v >> 6 & 0x3F)
                buffer[i + 2] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F); i += 3
            } else {
                buffer[i] = UInt8(truncatingIfNeeded: 0xF0 | v >> 18)
                buffer[i + 1] = UInt8(truncatingIfNeeded: 0x80 | v >> 12 & 0x3F)
                buffer[i + 2] = UInt8(truncatingIfNeeded: 0x80 | v >> 6 & 0x3F)
                buffer[i + 3] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F); i += 4
            }
        }
        return i
    }
}

public enum TokenKind: Sendable, Equatable {
    case word, number, punctuation, openQuote, closeQuote, ambiguousQuote, dash, symbol
}

public struct Token: Sendable, Equatable {
    public var start: Int
    public var end: Int
    public var text: String { didSet { lower = text.lowercased() } }
    public var kind: TokenKind
    /// The token follows whitespace (or starts the text).
    public var spaceBefore: Bool

    public init(start: Int, end: Int, text: String, kind: TokenKind, spaceBefore: Bool) {
        self.start = start
        self.end = end
        self.text = text
        self.kind = kind
        self.spaceBefore = spaceBefore
        self.lower = text.lowercased()
    }

    public var isWord: Bool { kind == .word }
    public var isQuote: Bool { kind == .openQuote || kind == .closeQuote || kind == .ambiguousQuote }
    /// `text.lowercased()`, computed once (the stages ask for it at every token).
    public private(set) var lower: String
    public var isCapitalized: Bool {
        guard kind == .word, let f = text.unicodeScalars.first else { return false }
        if f.value < 0x80 { return f.value >= 0x41 && f.value <= 0x5A }
        return f.properties.isUppercase
    }
    public var isAllCaps: Bool {
        kind == .word && text.unicodeScalars.contains { $0.properties.isUppercase }
            && !text.unicodeScalars.contains { $0.properties.isLowercase }
    }
    /// The token with a final abbreviation period and apostrophes normalised.
    public var normalized: String {
        // Foundation's search is slow; most tokens have no curly apostrophe to replace.
        text.unicodeScalars.contains("’") ? text.replacingOccurrences(of: "’", with: "'") : text
    }
}

public struct Sentence: Sendable, Equatable {
    public var tokenRange: Range<Int>
    public var span: Span
    public var paragraph: Int
}
