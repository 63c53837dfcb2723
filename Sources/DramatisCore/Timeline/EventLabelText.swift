import Foundation

/// What makes an event label read as a phrase: a clause left without content ("Starting",
/// "He said") gives way to the rest of its sentence; a relative clause cut after "who are"
/// loses the copula ("Among the European leaders joining him …"); long labels end at a word.
extension EventLabeler {
    static let copulas: Set<String> = ["is", "are", "was", "were", "be", "been", "being"]
    static let maximumLabelLength = 120

    /// Fewer than two words that carry meaning (not stop words, pronouns or speech verbs).
    func isWeak(_ words: [Int]) -> Bool {
        let tokens = doc.tokens
        return words.filter { j in
            let t = tokens[j]
            return t.kind != .punctuation && !t.isQuote && !resources.stopwords.contains(t.lower)
                && resources.pronouns[t.lower] == nil && resources.speechVerbs[t.lower] == nil
        }.count < 2
    }

    /// The sentence's words outside the date's clause, the side after it first (where "Starting
    /// on Monday, the bridge closes" says what starts), at most 14, without dates or quote marks.
    func widerWords(sentence s: Range<Int>, clause: Range<Int>) -> [Int] {
        let tokens = doc.tokens
        func usable(_ r: Range<Int>) -> [Int] {
            r.filter { !dateTokens.contains($0) && !tokens[$0].isQuote && !EventLabeler.boundaries.contains(tokens[$0].text) }
        }
        let after = Array(usable(clause.upperBound..<s.upperBound).prefix(14))
        if !isWeak(after) { return trimmed(after) }
        let before = Array(usable(s.lowerBound..<clause.lowerBound).suffix(14))
        return isWeak(before) ? [] : trimmed(before)
    }

    /// Without connectors, sentence-final punctuation or a copula at the edges.
    func trimmed(_ words: [Int]) -> [Int] {
        let tokens = doc.tokens
        var w = words
        func edge(_ j: Int) -> Bool {
            EventLabeler.edgeWords.contains(tokens[j].lower) || EventLabeler.clauseWords.contains(tokens[j].lower)
                || tokens[j].kind == .punctuation
        }
        // An article may open the label ("The city will close …"); a connector or copula may not.
        while let f = w.first, (edge(f) && !["the", "a", "an"].contains(tokens[f].lower))
                || (w.count > 2 && EventLabeler.copulas.contains(tokens[f].lower)) { w.removeFirst() }
        while let l = w.last, edge(l) { w.removeLast() }
        return w
    }

    /// At most `maximumLabelLength` characters, cut after a whole word.
    static func cut(_ text: String) -> String {
        guard text.count > maximumLabelLength else { return text }
        let head = text.prefix(maximumLabelLength - 1)
        let whole = head.lastIndex(of: " ").map { head[..<$0] } ?? head
        return whole.trimmingCharacters(in: CharacterSet(charactersIn: " ,;:–—-")) + "…"
    }
}
