import Foundation

/// A passage between quotation marks.
public struct Quotation: Sendable, Equatable {
    /// Token index of the opening mark.
    public var open: Int
    /// Token index of the closing mark, nil when the paragraph ends first (continued quote).
    public var close: Int?
    /// Tokens strictly inside the marks.
    public var inner: Range<Int>
    /// Code-point span of the words inside the marks.
    public var content: Span
    /// The paragraph ended before a closing mark and the next paragraph opens a quote
    /// (the news convention for a quote running over paragraphs).
    public var continues: Bool
}

/// Pairs quotation marks: “…” and «…» by direction, straight "…" by alternation, ‘…’ only when
/// the marks sit at word boundaries (so apostrophes are not taken for quotes). Quotes never
/// cross a paragraph boundary; an unclosed quote ends with its paragraph.
public enum QuoteFinder {
    public static func find(_ doc: TextDocument) -> [Quotation] {
        var result: [Quotation] = []
        let tokens = doc.tokens
        var paragraphStartToken = 0
        for (pi, p) in doc.paragraphs.enumerated() {
            // tokens of this paragraph
            var end = paragraphStartToken
            while end < tokens.count, tokens[end].start < p.end { end += 1 }
            let range = paragraphStartToken..<end
            paragraphStartToken = end
            guard !range.isEmpty else { continue }
            let nextOpens: Bool = {
                guard pi + 1 < doc.paragraphs.count, end < tokens.count else { return false }
                let t = tokens[end]
                return t.kind == .openQuote || t.text == "\""
            }()
            findInParagraph(tokens, range, doc, nextOpens: nextOpens, into: &result)
        }
        return result
    }

    static func isDoubleOpen(_ t: Token, _ tokens: [Token], _ i: Int) -> Bool? {
        switch t.text {
        case "“", "«", "„": return true
        case "”", "»": return false
        case "\"":
            // Straight quotes: opening when preceded by space/start or an opening bracket.
            let prevSpace = t.spaceBefore || i == 0 || tokens[i - 1].text == "(" || tokens[i - 1].kind == .dash
            let nextSpace = i + 1 >= tokens.count || tokens[i + 1].spaceBefore
            if prevSpace && !nextSpace { return true }
            if !prevSpace && nextSpace { return false }
            return nil
        default: return nil
        }
    }

    static func findInParagraph(_ tokens: [Token], _ range: Range<Int>, _ doc: TextDocument,
                                nextOpens: Bool, into result: inout [Quotation]) {
        let base = result.count
        var open: Int? = nil
        var i = range.lowerBound
        while i < range.upperBound {
            let t = tokens[i]
            if (t.kind == .openQuote || t.kind == .closeQuote || t.kind == .ambiguousQuote),
               t.text == "“" || t.text == "”" || t.text == "«" || t.text == "»" || t.text == "\"" || t.text == "„" {
                let dir = isDoubleOpen(t, tokens, i)
                if let o = open {
                    // Marks pair with their own kind: a straight " inside “…” (an HTML attribute
                    // quoted in the text) neither closes nor reopens the curly quote.
                    let straightInCurly = t.text == "\"" && tokens[o].text != "\""
                    if straightInCurly {
                    } else if dir == false || (dir == nil && t.text == "\"") {
                        append(o, i, tokens, doc, continues: false, into: &result)
                        open = nil
                    } else if dir == true {
                        // An opening mark while a quote is open: the writer dropped the closing
                        // mark ("…the roof. "The Audit…"), so the first quote ends here.
                        append(o, i, tokens, doc, continues: false, into: &result)
                        open = i
                    }
                } else if dir != false {
                    open = i
                }
            }
            i += 1
        }
        if let o = open, o + 1 < range.upperBound {
            append(o, nil, tokens, doc, continues: nextOpens, closeAt: range.upperBound, into: &result)
        }
        // Single quotes, outside double-quoted passages (headline style ‘…’).
        var insideDouble = [Bool](repeating: false, count: range.count)
        for q in result[base...] {
            for t in q.inner where range.contains(t) { insideDouble[t - range.lowerBound] = true }
        }
        var singleOpen: Int? = nil
        for j in range {
            let t = tokens[j]
            guard t.isQuote else { continue }
            if t.text == "‘", singleOpen == nil, !insideDouble[j - range.lowerBound] { singleOpen = j; continue }
            if let so = singleOpen, t.text == "’" || (t.kind == .closeQuote && t.text == "'"),
               j + 1 >= tokens.count || tokens[j + 1].spaceBefore || tokens[j + 1].kind == .punctuation {
                if j > so + 1 { append(so, j, tokens, doc, continues: false, into: &result) }
                singleOpen = nil
            }
        }
        result[base...].sort { $0.open < $1.open }
    }

    static func append(_ o: Int, _ c: Int?, _ tokens: [Token], _ doc: TextDocument, continues: Bool,
                       closeAt: Int? = nil, into result: inout [Quotation]) {
        let innerEnd = c ?? closeAt ?? (o + 1)
        let inner = (o + 1)..<max(o + 1, innerEnd)
        guard !inner.isEmpty else { return }
        // The content runs from the first inner token to the last, trimming trailing commas
        // that belong to the attribution ("lasting," he said).
        var last = inner.upperBound - 1
        while last > inner.lowerBound, tokens[last].text == "," || tokens[last].text == ";" || tokens[last].text == ":" {
            last -= 1
        }
        var endOffset = tokens[last].end
        // A closing period/exclamation inside the quote is part of the sentence, not the words;
        // keep ! and ? (they carry meaning), drop a lone final period.
        if tokens[last].text == "." { endOffset = last > inner.lowerBound ? tokens[last - 1].end : tokens[last].end }
        let content = Span(tokens[inner.lowerBound].start, endOffset)
        result.append(Quotation(open: o, close: c, inner: inner, content: content, continues: continues))
    }

    /// A per-token mask: true for tokens inside any quotation (marks excluded).
    public static func mask(_ quotes: [Quotation], tokenCount: Int) -> [Bool] {
        var m = [Bool](repeating: false, count: tokenCount)
        for q in quotes { for t in q.inner where t < tokenCount { m[t] = true } }
        return m
    }
}
