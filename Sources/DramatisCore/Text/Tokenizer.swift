import Foundation

/// The word lists the tokenizer and the sentence splitter read, taken from the analyser's
/// `Resources` (so an analyser built on other data files tokenises by them too).
public struct TextRules: Sendable {
    /// Lower-cased abbreviations (without the final period) that keep their period.
    public var abbreviations: Set<String>
    /// Function words: a capitalised one after "X." starts a sentence, so X was no initial.
    public var functionWords: Set<String>
    /// Titles ("mr", "dr") after which a period never ends a sentence.
    public var titleAbbreviations: Set<String>
    /// Lemmas and forms of verbs of saying ("asked" after "…?” Graham").
    public var speechVerbs: Set<String>
    /// Lower-cased word → Zipf frequency.
    public var wordFrequency: [String: Double]

    public init(abbreviations: Set<String>, functionWords: Set<String>, titleAbbreviations: Set<String>,
                speechVerbs: Set<String>, wordFrequency: [String: Double]) {
        self.abbreviations = abbreviations
        self.functionWords = functionWords
        self.titleAbbreviations = titleAbbreviations
        self.speechVerbs = speechVerbs
        self.wordFrequency = wordFrequency
    }
}

/// Splits text into word, number, quote, dash and punctuation tokens with code-point offsets.
/// Keeps abbreviations with their period (Mr., U.S., Jan.), initials (J.), inner hyphens
/// (three-year) and contractions (didn't); splits the possessive ’s off its noun.
public enum Tokenizer {
    public static func tokenize(_ s: [Unicode.Scalar], rules: TextRules = Resources.shared.textRules) -> [Token] {
        let abbreviations = rules.abbreviations, functionWords = rules.functionWords
        var tokens: [Token] = []
        tokens.reserveCapacity(s.count / 5)
        let n = s.count
        var i = 0
        var spaceBefore = true
        func make(_ a: Int, _ b: Int, _ kind: TokenKind) {
            tokens.append(Token(start: a, end: b, text: makeString(s[a..<b]), kind: kind, spaceBefore: spaceBefore))
            spaceBefore = false
        }
        var poll = 0
        while i < n {
            // A budgeted analysis out of time stops here too (the analyser then throws).
            poll &+= 1
            if poll & 16383 == 0, AnalysisBudget.stopRequested { break }
            let c = s[i]
            if c == " " || c == "\n" || (c.value >= 0x80 || c.value < 0x21) && c.properties.isWhitespace { spaceBefore = true; i += 1; continue }
            if isWordChar(c) {
                let start = i
                let numeric = c.properties.numericType != nil && !c.properties.isAlphabetic
                while i < n {
                    let d = s[i]
                    if isWordChar(d) { i += 1; continue }
                    // Inner hyphen, or a digit group separator in a number (300,000 / 9.8).
                    if (d == "-" || d == "\u{2011}"), i + 1 < n, isWordChar(s[i + 1]), i > start { i += 1; continue }
                    if numeric, d == "," || d == ".", i + 1 < n, s[i + 1].properties.numericType != nil,
                       s[i - 1].properties.numericType != nil { i += 1; continue }
                    if d == "'" || d == "’" {
                        // Possessive or contraction 's stays apart; n't, 're, O'Brien stay inside.
                        if i + 1 < n, isLetter(s[i + 1]) {
                            let isS = (s[i + 1] == "s" || s[i + 1] == "S") && (i + 2 >= n || !isWordChar(s[i + 2]))
                            if !isS { i += 1; continue }
                        }
                    }
                    break
                }
                // Abbreviation period: Mr. / U.S. / J. / Jan.
                var end = i
                if i < n, s[i] == ".", !numeric {
                    let word = makeString(s[start..<i])
                    let lower = word.lowercased()
                    // An initial ("J. Smith") keeps its period only when a name follows.
                    var next = i + 1
                    while next < n, s[next] == " " { next += 1 }
                    var nextEnd = next
                    while nextEnd < n, isLetter(s[nextEnd]) { nextEnd += 1 }
                    let nextIsFunctionWord = functionWords.contains(makeString(s[next..<nextEnd]).lowercased())
                    // The last part of a hyphenated word counts: "(R-S.C.)" is one token.
                    let lastPart = word.split(separator: "-").last.map(String.init) ?? word
                    let single = lastPart.unicodeScalars.count == 1 && lastPart.unicodeScalars.first!.properties.isUppercase
                        && ((next < n && s[next].properties.isUppercase && next > i + 1 && !nextIsFunctionWord) || (i + 1 < n && isLetter(s[i + 1])))
                    if single || abbreviations.contains(lower) {
                        end = i + 1
                        // Dotted acronyms: U.S. / U.K. / e.g.
                        while end + 1 < n, isLetter(s[end]), s[end + 1] == "." { end += 2 }
                    }
                }
                i = end
                make(start, end, numeric ? .number : .word)
                continue
            }
            switch c {
            case "“", "«", "„": make(i, i + 1, .openQuote); i += 1
            case "”", "»": make(i, i + 1, .closeQuote); i += 1
            case "‘":
                make(i, i + 1, .openQuote); i += 1
            case "'" where i + 1 < n && s[i + 1] == "'":
                // Two apostrophes are a double quotation mark (the New York Times archive's style).
                tokens.append(Token(start: i, end: i + 2, text: "\"", kind: .ambiguousQuote, spaceBefore: spaceBefore))
                spaceBefore = false
                i += 2
            case "’", "'":
                // Apostrophe-s after a word was handled above; here it is a quote mark.
                if i + 1 < n, (s[i + 1] == "s" || s[i + 1] == "S"), i > 0, !s[i - 1].properties.isWhitespace,
                   i + 2 >= n || !isWordChar(s[i + 2]) {
                    make(i, i + 2, .word); i += 2
                } else {
                    let prevSpace = i == 0 || s[i - 1].properties.isWhitespace
                    make(i, i + 1, c == "’" && !prevSpace ? .closeQuote : .ambiguousQuote); i += 1
                }
            case "\"": make(i, i + 1, .ambiguousQuote); i += 1
            case "–", "—", "―":
                make(i, i + 1, .dash); i += 1
            case "-":
                var j = i
                while j < n, s[j] == "-" { j += 1 }
                make(i, j, .dash); i = j
            case ".", "!", "?":
                var j = i
                while j < n, s[j] == "." || s[j] == "!" || s[j] == "?" || s[j] == "…" { j += 1 }
                make(i, j, .punctuation); i = j
            default:
                let kind: TokenKind = c.properties.generalCategory == .currencySymbol
                    || c.properties.generalCategory == .mathSymbol ? .symbol : .punctuation
                make(i, i + 1, kind); i += 1
            }
        }
        return tokens
    }

    @inline(__always) static func isWordChar(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39) }
        return c.properties.isAlphabetic || c.properties.numericType != nil
            || c.properties.generalCategory == .nonspacingMark
    }

    @inline(__always) static func isLetter(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) }
        return c.properties.isAlphabetic
    }
}

/// Splits tokens into sentences at . ! ? (after any closing quotes), never inside a double-quoted
/// passage of the same paragraph, never after a title abbreviation, and always at a paragraph end.
public enum SentenceSplitter {
    public static func split(tokens: [Token], scalars: [Unicode.Scalar], paragraphs: [Span],
                             rules: TextRules = Resources.shared.textRules) -> [Sentence] {
        let titleAbbreviations = rules.titleAbbreviations
        var sentences: [Sentence] = []
        var start = 0
        var paragraph = 0
        var inQuote = false
        func close(_ end: Int) {
            guard end > start else { return }
            sentences.append(Sentence(tokenRange: start..<end,
                                      span: Span(tokens[start].start, tokens[end - 1].end),
                                      paragraph: paragraph))
            start = end
        }
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            // Paragraph boundary.
            while paragraph + 1 < paragraphs.count, t.start >= paragraphs[paragraph + 1].start {
                close(i)
                paragraph += 1
                inQuote = false
            }
            switch t.kind {
            case .openQuote where t.text == "“" || t.text == "«": inQuote = true
            case .closeQuote where t.text == "”" || t.text == "»": inQuote = false
            case .ambiguousQuote where t.text == "\"":
                // Straight quotes: a mark after a space opens, one glued to the previous word closes.
                let nextGlued = i + 1 < tokens.count && !tokens[i + 1].spaceBefore
                if t.spaceBefore && nextGlued { inQuote = true } else if !t.spaceBefore { inQuote = false } else { inQuote.toggle() }
            default: break
            }
            var boundary = false
            // A closing quote after . ! ? ends the sentence when a new one starts after it.
            let closesQuote = t.kind == .closeQuote || (t.text == "\"" && !t.spaceBefore)
            if closesQuote, i > 0, tokens[i - 1].kind == .punctuation, tokens[i - 1].text.contains(where: { ".!?".contains($0) }),
               i + 1 < tokens.count, startsSentence(tokens[i + 1]), tokens[i + 1].spaceBefore,
               !(tokens[i - 1].text.contains(where: { "!?".contains($0) }) && attributionFollows(tokens, after: i, speechVerbs: rules.speechVerbs)) {
                inQuote = false
                close(i + 1)
                i += 1
                continue
            }
            if t.kind == .punctuation, t.text.contains(where: { $0 == "." || $0 == "!" || $0 == "?" }), !inQuote,
               !isSpacedInitialPeriod(i, in: tokens) {
                boundary = true
            } else if t.kind == .word, t.text.hasSuffix("."), !inQuote {
                // "U.S." or "Jan." can end a sentence; a title ("Mr.") cannot.
                let bare = String(t.text.dropLast()).lowercased()
                boundary = !titleAbbreviations.contains(bare) && t.text.count > 2
                    && i + 1 < tokens.count && startsSentence(tokens[i + 1]) && tokens[i + 1].kind != .number
                    && !(isInitials(t.text) && i + 1 < tokens.count && isRareCapitalisedWord(tokens[i + 1], wordFrequency: rules.wordFrequency))
            }
            if boundary {
                var j = i + 1
                // Absorb closing quotes and brackets.
                while j < tokens.count, tokens[j].kind == .closeQuote || tokens[j].text == ")"
                        || (tokens[j].kind == .ambiguousQuote && !tokens[j].spaceBefore) { j += 1 }
                if j >= tokens.count || startsSentence(tokens[j]) || tokens[j].start >= paragraphEnd(paragraphs, paragraph) {
                    close(j)
                    i = j
                    continue
                }
            }
            i += 1
        }
        close(tokens.count)
        return sentences
    }

    static func paragraphEnd(_ p: [Span], _ i: Int) -> Int { i < p.count ? p[i].end : Int.max }

    /// "“…?” Graham asked." / "“…!” Clinton said, adding …": one to three capitalised words and a
    /// speech verb attribute the question or exclamation before them, in
    /// the same sentence.
    static func attributionFollows(_ tokens: [Token], after close: Int, speechVerbs: Set<String>) -> Bool {
        var j = close + 1
        while j < tokens.count, j - close <= 3, tokens[j].kind == .word, tokens[j].isCapitalized { j += 1 }
        // "…?” Pence said in response.": the name and the verb attribute the quote, whatever follows.
        return j > close + 1 && j < tokens.count && speechVerbs.contains(tokens[j].lower)
    }

    /// Personal initials ("G.K.", "J.R.R."): single capitals, each with its period.
    static func isInitials(_ text: String) -> Bool {
        let u = Array(text.unicodeScalars)
        guard u.count >= 4, u.count % 2 == 0 else { return false }
        return stride(from: 0, to: u.count, by: 2).allSatisfy { u[$0].properties.isUppercase && u[$0 + 1] == "." }
    }

    /// A capitalised word that is not common English: after initials it is a surname ("G.K.
    /// Butterfield"), where a common word would start a new sentence ("the U.S. Officials …").
    static func isRareCapitalisedWord(_ t: Token, wordFrequency: [String: Double]) -> Bool {
        t.kind == .word && t.isCapitalized && (wordFrequency[t.lower] ?? 0) < 3.5
    }

    /// A period spaced off a single capital that stands between two capitalised words
    /// ("Benjamin J . Rhodes" in tokenised text): part of a name, no sentence end.
    static func isSpacedInitialPeriod(_ j: Int, in tokens: [Token]) -> Bool {
        guard j >= 2, j + 1 < tokens.count, tokens[j].text == ".", tokens[j].spaceBefore, tokens[j + 1].spaceBefore else { return false }
        let initial = tokens[j - 1], before = tokens[j - 2], after = tokens[j + 1]
        return initial.kind == .word && initial.text.unicodeScalars.count == 1 && initial.isCapitalized
            && before.kind == .word && before.isCapitalized && after.kind == .word && after.isCapitalized
    }

    static func startsSentence(_ t: Token) -> Bool {
        if t.isQuote || t.kind == .number || t.text == "(" || t.kind == .dash { return true }
        guard let f = t.text.unicodeScalars.first else { return false }
        return f.properties.isUppercase
    }
}
