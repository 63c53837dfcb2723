import Foundation

/// A short label for what happened at a date: the clause around it, without the date.
struct EventLabeler {
    let doc: TextDocument
    let entities: EntityResult
    let resources: Resources
    /// Tokens of every date expression: none of them belongs in a label.
    let dateTokens: Set<Int>

    /// "the 1994 Budapest Memorandum, when Ukraine agreed …" → "Budapest Memorandum: Ukraine agreed …";
    /// "Mr Trump’s meeting with … in Alaska on Friday" → "Mr Trump’s meeting with … in Alaska".
    func eventPhrase(near date: Range<Int>, clause: Range<Int>) -> Range<Int>? {
        let tokens = doc.tokens
        // A law or event named right after the date.
        if let m = entities.mention(atToken: date.upperBound), [.law, .event].contains(entities.entities[m.entity].type) {
            return m.tokens
        }
        // The nearest event noun in the clause.
        var best: Int? = nil
        for j in clause where !dateTokens.contains(j) && resources.temporalWords.eventNouns.contains(tokens[j].lower) {
            if best == nil || abs(j - date.lowerBound) < abs(best! - date.lowerBound) { best = j }
        }
        guard let head = best else { return nil }
        var a = head
        while a > clause.lowerBound, head - a < 5 {
            let t = tokens[a - 1]
            if dateTokens.contains(a - 1) || t.kind == .punctuation || ["the", "a", "an", "and", "of", "in", "on", "to", "following", "after", "before", "during"].contains(t.lower) || t.isQuote { break }
            a -= 1
        }
        var b = head + 1
        while b < clause.upperBound, b - head < 12 {
            let t = tokens[b]
            if dateTokens.contains(b) || t.kind == .punctuation || t.isQuote { break }
            if ["with", "between", "of", "in", "at", "on", "against", "to"].contains(t.lower) {
                // Keep a modifier only when a name follows it.
                if b + 1 < clause.upperBound, !dateTokens.contains(b + 1), tokens[b + 1].isCapitalized || tokens[b + 1].lower == "the" && b + 2 < clause.upperBound && tokens[b + 2].isCapitalized { b += 1; continue }
                break
            }
            if t.isCapitalized || entities.mention(atToken: b) != nil || t.text == "’s" || t.text == "'s" { b += 1; continue }
            break
        }
        return a..<b
    }

    func render(_ words: [Int]) -> String {
        let tokens = doc.tokens
        var text = ""
        var prev: Int? = nil
        for j in words {
            if prev != nil, (j != prev! + 1 || tokens[j].spaceBefore) { text += " " }
            text += tokens[j].text
            prev = j
        }
        return text
    }

    static let boundaries: Set<String> = [",", ";", ":", "(", ")", "—", "–", "-"]
    static let clauseWords: Set<String> = ["which", "although", "though", "while", "because", "but", "whereas", "who"]
    static let edgeWords: Set<String> = ["in", "on", "at", "of", "by", "since", "until", "from", "to", "the", "a", "an", "and",
                                         "for", "during", "before", "after", "later", "earlier", "that", "with", "last", "this", "next"]

    func label(for date: Range<Int>, prefix: String?) -> (String, [String]) {
        let tokens = doc.tokens
        let s = doc.sentences[doc.sentenceOfToken[date.lowerBound]].tokenRange
        var a = date.lowerBound
        while a > s.lowerBound {
            let t = tokens[a - 1]
            if EventLabeler.boundaries.contains(t.text) || EventLabeler.clauseWords.contains(t.lower) || t.isQuote { break }
            a -= 1
        }
        var b = date.upperBound
        while b < s.upperBound {
            let t = tokens[b]
            if EventLabeler.boundaries.contains(t.text) || EventLabeler.clauseWords.contains(t.lower) || t.isQuote
                || (t.kind == .punctuation && t.text != "’s" && t.text != "'s") { break }
            b += 1
        }
        var phraseText: String? = nil
        if let phrase = eventPhrase(near: date, clause: a..<b) {
            // "Friday’s press conference" keeps its day; elsewhere the date is the item's own field.
            let possessiveDate = phrase.lowerBound <= date.upperBound + 1 && phrase.lowerBound >= date.upperBound
                && date.upperBound < tokens.count && ["’s", "'s"].contains(tokens[date.upperBound].text)
            var words = possessiveDate ? Array(date.lowerBound..<phrase.upperBound) : Array(phrase).filter { !dateTokens.contains($0) }
            while let f = words.first, !possessiveDate, ["’s", "'s"].contains(tokens[f].text) { words.removeFirst() }
            var text = render(words)
            // "…, when Ukraine agreed to give up …": what the event was.
            let after = phrase.upperBound
            if after + 1 < s.upperBound, tokens[after].text == ",", ["when", "which", "in which", "under which"].contains(tokens[after + 1].lower) {
                var e = after + 2
                while e < s.upperBound, e - after < 14, tokens[e].kind != .punctuation { e += 1 }
                text += ": " + render(Array((after + 2)..<e))
            }
            phraseText = text
        }
        // Prefer the words next to the date; keep at most 14.
        var words: [Int] = []
        for j in a..<b where !dateTokens.contains(j) { words.append(j) }
        while words.count > 14 {
            let firstDist = date.lowerBound - words.first!
            let lastDist = words.last! - date.upperBound
            if firstDist > lastDist { words.removeFirst() } else { words.removeLast() }
        }
        while let f = words.first, EventLabeler.edgeWords.contains(tokens[f].lower) || tokens[f].text == "’s" || tokens[f].text == "'s" { words.removeFirst() }
        while let l = words.last, EventLabeler.edgeWords.contains(tokens[l].lower) { words.removeLast() }
        // Drop connectors left dangling by removed dates ("invasions of and").
        words = words.enumerated().filter { k, j in
            guard ["of", "and", "on", "in", "or"].contains(tokens[j].lower) else { return true }
            let nextIsDate = j + 1 < tokens.count && dateTokens.contains(j + 1)
            let prevIsDate = j > 0 && dateTokens.contains(j - 1)
            return !(nextIsDate || (prevIsDate && (k + 1 >= words.count)))
        }.map(\.1)
        // "who are among the European leaders …": the copula of a cut relative clause goes.
        words = trimmed(words)
        if phraseText == nil, isWeak(words) {
            let wider = widerWords(sentence: s, clause: a..<b)
            if !wider.isEmpty { words = wider }
        }
        var text = phraseText ?? render(words)
        // "its winter war" → "Finland’s winter war": the sentence's first actor owns it.
        if let first = text.split(separator: " ").first, ["its", "their", "his", "her"].contains(first.lowercased()),
           let owner = (s.lowerBound..<date.lowerBound).lazy.compactMap({ entities.mention(atToken: $0) })
               .first(where: { $0.kind != .pronoun && [.place, .organization, .person, .group].contains(entities.entities[$0.entity].type) }) {
            text = entities.entities[owner.entity].name + "’s" + text.dropFirst(first.count)
        }
        // A duration's label says what it implies; the clause would only repeat it.
        if let prefix { return (prefix, actorsOf(a..<b)) }
        if text.isEmpty { text = doc.text(ofTokens: s).trimmingCharacters(in: .whitespaces) }
        if let f = text.first, f.isLowercase { text = f.uppercased() + text.dropFirst() }
        text = EventLabeler.cut(text)
        return (text, actorsOf(a..<b))
    }

    /// People, bodies, groups and places named in the clause.
    func actorsOf(_ r: Range<Int>) -> [String] {
        var actors: [String] = []
        for j in r {
            guard let m = entities.mention(atToken: j) else { continue }
            let e = entities.entities[m.entity]
            guard e.type == .person || e.type == .organization || e.type == .group || e.type == .place else { continue }
            if !actors.contains(e.id) { actors.append(e.id) }
        }
        return actors
    }
}
