import Foundation

// Positions: the phrases around a cue (clause start, negation, subject, topic phrase).
extension PositionReader {
    /// The first token of the clause that ends before `i`: after punctuation, a quote, a dash or
    /// a clause word, at most twelve tokens back.
    func clauseStart(before i: Int, from lower: Int, tokens: [Token]) -> Int {
        var s = i
        while s > lower, i - s < 12 {
            let t = tokens[s - 1]
            if t.kind == .punctuation || t.kind == .dash || t.isQuote || PositionReader.boundaries.contains(t.lower) && !["in", "at", "over", "this", "last", "next", "is", "are", "was", "were", "will", "would", "could", "can", "has", "have", "had", "not", "also", "now"].contains(t.lower) { break }
            // "she feared [the targets were wrong]": an attitude verb opens the clause.
            if resources.positionCues.byFirstWord[t.lower]?.contains(where: { $0.cls == .belief && $0.words.count == 1 }) == true { break }
            s -= 1
        }
        return s
    }

    /// A cue word used as a noun after a possessive ("his call for", "Clinton’s support").
    func isNominal(_ i: Int, tokens: [Token]) -> Bool {
        guard i > 0 else { return false }
        let p = tokens[i - 1].lower
        return ["his", "her", "their", "its", "our", "my", "your", "'s", "’s", "whose"].contains(p) || p.hasSuffix("'s") || p.hasSuffix("’s")
    }

    /// A negative contraction ("didn't", "isn’t", either apostrophe).
    static func contracted(_ t: Token) -> Bool { PositionCueLexicon.key(t).hasSuffix("n't") }

    /// A negator or refusal in the three words before the cue, within the clause.
    func isNegated(before i: Int, from lower: Int, tokens: [Token], lex: PositionCueLexicon) -> Bool {
        var j = i - 1
        var negated = false
        var seen = 0
        while j >= lower, seen < 3 {
            let t = tokens[j]
            if t.isQuote { j -= 1; continue }
            seen += 1
            if t.kind == .punctuation || t.kind == .dash { break }
            if PositionReader.contracted(t) || lex.match(at: j, in: j..<i, tokens: tokens, classes: [.neg, .refuse]) != nil { negated = true; break }
            j -= 1
        }
        return negated
    }

    /// An entity named in the first words of an indirect statement (not a pronoun, not possessive).
    func subjectMention(_ first: Int, _ last: Int, entities: EntityResult, tokens: [Token]) -> Int? {
        var i = first
        while i < last, tokens[i].isQuote || ["the", "in", "any", "new"].contains(tokens[i].lower) || tokens[i].text == "," { i += 1 }
        guard let m = entities.mention(atToken: i), m.kind != .pronoun, !m.possessive else { return nil }
        // The mention must be followed by its verb ("Ukraine needs"), not by "to" ("urged
        // Congress to …": Congress is the one urged) or a preposition.
        var next = m.tokens.upperBound
        // "The UK “welcomed” …": a quote mark before the verb.
        while next < last, tokens[next].isQuote { next += 1 }
        guard next < last, tokens[next].kind == .word, !["to", "of", "for", "and", "or", "in", "on", "at", "with", "from", "by"].contains(tokens[next].lower) else { return nil }
        return m.entity
    }

    /// The issue phrase starting at `range.lowerBound`: determiners skipped, cut at the first
    /// clause boundary, punctuation or time word, at most eight words, no trailing function word.
    func topicPhrase(_ range: Range<Int>, tokens: [Token], document: TextDocument) -> String? {
        var s = range.lowerBound
        while s < range.upperBound, tokens[s].isQuote || PositionReader.determiners.contains(tokens[s].lower) { s += 1 }
        // "his call for the ban": the side on a call, proposal or support for X is on X.
        // (Also after a possessor and an adjective: "the US's new willingness to give guarantees".)
        for h in s..<max(s, min(range.upperBound - 2, s + 4)) where PositionReader.headsFor.contains(tokens[h].lower) || PositionReader.strippedCommitments.contains(tokens[h].lower) {
            guard ["for", "of", "to"].contains(tokens[h + 1].lower) else { break }
            guard h == s || (s..<h).allSatisfy({ tokens[$0].isCapitalized || ["'s", "’s", "'", "’", "new", "own", "latest", "renewed", "fresh"].contains(tokens[$0].lower) }) else { break }
            s = h + 2
            while s < range.upperBound, tokens[s].isQuote || PositionReader.determiners.contains(tokens[s].lower) { s += 1 }
            break
        }
        // "to achieve justice", "reach an agreement": the issue is what is attained.
        if s + 1 < range.upperBound, resources.positionCues.byFirstWord[tokens[s].lower]?.contains(where: { $0.cls == .attain }) == true,
           tokens[s + 1].kind == .word || tokens[s + 1].isQuote {
            s += 1
            while s < range.upperBound, tokens[s].isQuote || PositionReader.determiners.contains(tokens[s].lower) { s += 1 }
        }
        var e = s
        var words = 0
        while e < range.upperBound, words < 8 {
            let t = tokens[e]
            if t.isQuote { e += 1; continue }
            if t.kind == .punctuation {
                // Inner apostrophes, hyphens and the dot of an abbreviation stay.
                if ["'", "’", "-", "'s", "’s"].contains(t.text) || (t.text == "." && !t.spaceBefore && e + 1 < range.upperBound && tokens[e + 1].isCapitalized && !tokens[e + 1].spaceBefore) { e += 1; continue }
                break
            }
            if t.kind == .dash { break }
            if e > s, PositionReader.boundaries.contains(t.lower) { break }
            // "the guarantees stating …": a speech verb starts the next clause.
            if e > s, resources.speechVerbs[t.lower] != nil, !t.isCapitalized { break }
            if e - s >= 2, t.lower == "to" { break }
            // "Ford Motor Company for opening …": the reason is not part of the name.
            if e > s, ["for", "over"].contains(t.lower), tokens[e - 1].isCapitalized { break }
            // "accused Sanders of being inactive": nor is what the named one is accused of.
            if e > s, t.lower == "of", tokens[e - 1].isCapitalized, e + 1 < range.upperBound, tokens[e + 1].kind == .word, !tokens[e + 1].isCapitalized,
               !PositionReader.determiners.contains(tokens[e + 1].lower) { break }
            // A month ends the phrase ("May" excepted: it is also a verb).
            if e > s, t.lower.count > 3, resources.temporalWords.months[t.lower] != nil { break }
            words += 1
            e += 1
        }
        while e > s, PositionReader.trailing.contains(tokens[e - 1].lower) || tokens[e - 1].isQuote || tokens[e - 1].kind == .punctuation { e -= 1 }
        guard e > s else { return nil }
        if PositionReader.badStarts.contains(tokens[s].lower) { return nil }
        if e - s == 1, PositionReader.pronouns.contains(tokens[s].lower) { return nil }
        if PositionReader.pronouns.contains(tokens[s].lower) && e - s <= 2 { return nil }
        var phrase = document.text(ofTokens: s..<e)
        // Quote marks and line breaks out, without a Foundation search per phrase when there are none.
        if phrase.unicodeScalars.contains(where: { $0 == "“" || $0 == "”" || $0 == "\"" || $0 == "\n" }) {
            phrase = phrase.replacingOccurrences(of: "“", with: "").replacingOccurrences(of: "”", with: "").replacingOccurrences(of: "\"", with: "")
            phrase = phrase.replacingOccurrences(of: "\n", with: " ")
        }
        return phrase.trimmingCharacters(in: .whitespaces)
    }
}

