import Foundation

// Statements: reported speech, the span of the clause a cue introduces.
extension StatementPass {
    /// "X said (that) CLAUSE", "CLAUSE, X said", "X stated … that CLAUSE".
    mutating func reported(cue: Cue, sentence s: Sentence, embedded: inout Set<Int>, directCue: inout [Int: Cue]) {
        let v = cue.token
        let end = s.tokenRange.upperBound
        var clauseStart: Int? = nil
        // Forward: skip an object or channel phrase up to "that".
        var k = v + 1
        if cue.text == "according to" { return reportedAccordingTo(cue: cue, sentence: s) }

        var sawThat = false
        while k < end, k - v <= 12 {
            let t = tokens[k]
            if t.lower == "that" { sawThat = true; clauseStart = k + 1; break }
            if t.text == ":" || t.isQuote || t.text == "." || t.text == ";" { break }
            // "…, Graham said, since most of them accept that …": that "that" is another verb's.
            if k == v + 1 && t.text == "," { break }
            if k > v + 1, t.kind == .word, res.speechVerbs[t.lower] != nil { break }
            k += 1
        }
        // "…,” said Mr Price." — the words after the verb are its subject, not a clause.
        let inverted = (cue.subjectToken ?? -1) > v
        if !sawThat && !inverted {
            // "said no patient would wait", "told the BBC's programme what was needed"
            var c = v + 1
            // skip the object of tell/warn/assure/urge: "told reporters", "told BBC Radio 4's Today programme"
            if ["tell", "warn", "assure", "urge", "remind", "inform", "advise"].contains(res.speechVerbs[tokens[v].lower]?.lemma ?? "") {
                while c < end, c - v <= 8, !["what", "that", "he", "she", "they", "it", "the", "we"].contains(tokens[c].lower) || c == v + 1 {
                    if tokens[c].text == "," || tokens[c].isQuote { break }
                    // "urged North Korea to resume talks": the object and its infinitive are the content.
                    if tokens[c].lower == "to", c > v + 1, c + 1 < end, tokens[c + 1].isWord, !tokens[c + 1].isCapitalized {
                        c = v + 1
                        break
                    }
                    c += 1
                }
            }
            if c < end, c > v, tokens[c].isWord || tokens[c].kind == .number || tokens[c].kind == .symbol || tokens[c].isQuote {
                let w = tokens[c].lower
                // "said Thursday morning on Fox News": when and where, not what.
                let temporal = isTimeWord(c, counting: false)
                // "said “excess volatility” would impede growth": a quoted fragment opening the clause.
                let quoteLeads = tokens[c].isQuote && quoteAt[c] >= 0 && quotes[quoteAt[c]].open == c
                    && (quotes[quoteAt[c]].close.map { $0 + 1 < end && tokens[$0 + 1].isWord && !quoted[$0 + 1] } ?? false)
                let clauseLike = quoteLeads || (res.clauseStarters.contains(w) || tokens[c].kind == .number || tokens[c].kind == .symbol
                    || (entities.mention(atToken: c) != nil && !quoted[c]) || (tokens[c].isCapitalized && !tokens[c].isQuote))
                // After say/add/claim a lower-case word can open the clause too ("said firm guarantees are …").
                let sayLike = ["say", "state", "add", "claim", "insist", "argue", "suggest", "warn", "believe", "think", "predict", "acknowledge", "admit", "announce"]
                    .contains(res.speechVerbs[tokens[v].lower]?.lemma ?? "")
                let openWord = c == v + 1 && tokens[c].kind == .word && !res.prepositions.contains(w)
                    && !["so", "yes", "no", "sorry", "goodbye", "hello", "thanks", "nothing", "something", "little", "more", "much", "as", "again", "too"].contains(w)
                    && !w.hasSuffix("ly") && (c + 3 < end)
                if !temporal, clauseLike || (sayLike && openWord), v + 1 < end, tokens[v + 1].text != "," { clauseStart = c }
            }
        }
        // Verbs whose content is their object: "praised the plan", "urged Congress to act",
        // "called for a ceasefire", "denied the claims".
        if clauseStart == nil, !inverted, v + 1 < end {
            let lemma = res.speechVerbs[tokens[v].lower]?.lemma ?? ""
            var c = v + 1
            if cue.text == "called for" { c += 1 }
            let objectVerb = res.objectCueVerbs.contains(lemma) || cue.text == "called for"
            if objectVerb, c < end, tokens[c].kind == .word || tokens[c].isQuote, !["by", "on", "in", "at", "to", "with", "after", "during", "as"].contains(tokens[c].lower) {
                clauseStart = c
            }
        }
        // A learnt cue word whose content usually follows it ("promising to lift …", "blamed X on Y").
        if clauseStart == nil, !inverted, res.speechVerbs[tokens[v].lower] == nil, let learnt = res.attribution.words[tokens[v].lower],
           learnt.followRate >= 0.7 {
            let c = v + learnt.followOffset
            if c < end, tokens[c].isWord || tokens[c].isQuote || tokens[c].kind == .number { clauseStart = c }
        }
        if let start = clauseStart, start < end {
            emitClause(from: start, to: clauseEnd(from: start, sentence: s), cue: cue, sentence: s, embedded: &embedded, directCue: &directCue)
            return
        }
        // Trailing attribution: "CLAUSE, X said." — the cue ends the sentence.
        guard let subj = cue.subjectToken, subj < v else { return }
        // After the verb: a channel ("on social media"), the audience of "told" ("told The
        // Huffington Post"), a time ("Friday afternoon", "on Thursday"), then the end or a comma.
        var tail = v + 1
        let tellLike = ["tell", "inform", "assure"].contains(res.speechVerbs[tokens[v].lower]?.lemma ?? "")
        while tail < end {
            if let ch = channelStart(tail) { tail += ch; continue }
            if tellLike, tail == v + 1 {
                let at = tokens[tail].lower == "the" && tail + 1 < end ? tail + 1 : tail
                if let m = entities.mention(atToken: at) { tail = max(m.tokens.upperBound, at + 1); continue }
            }
            if isTimeWord(tail) || (["on", "in", "at", "this", "last"].contains(tokens[tail].lower) && tail + 1 < end && isTimeWord(tail + 1)) {
                tail += 1
                continue
            }
            break
        }
        guard tail >= end || [".", ",", "!", "?"].contains(tokens[tail].text) else { return }
        // Find the comma before the subject phrase; a quote right before it is a direct quote.
        var c = subj - 1
        while c > s.tokenRange.lowerBound, tokens[c].text != "," { c -= 1 }
        guard c > s.tokenRange.lowerBound, tokens[c].text == ",", !quoted[c], !tokens[c - 1].isQuote,
              !(c + 1 < tokens.count && tokens[c + 1].isQuote) else { return }
        let start = s.tokenRange.lowerBound
        emitClause(from: start, to: c, cue: cue, sentence: s, embedded: &embedded, directCue: &directCue)
    }

    mutating func reportedAccordingTo(cue: Cue, sentence s: Sentence) {
        // "According to X, CLAUSE." or "CLAUSE, according to X."
        guard let subj = cue.subjectToken, let m = entities.mention(atToken: subj) else { return }
        var embedded = Set<Int>(), dc: [Int: Cue] = [:]
        if cue.token == s.tokenRange.lowerBound || (cue.token > s.tokenRange.lowerBound && !tokens[cue.token - 1].isWord) {
            var c = m.tokens.upperBound
            while c < s.tokenRange.upperBound, tokens[c].text != "," { c += 1 }
            if c + 1 < s.tokenRange.upperBound { emitClause(from: c + 1, to: clauseEnd(from: c + 1, sentence: s), cue: cue, sentence: s, embedded: &embedded, directCue: &dc) }
        } else if cue.token > s.tokenRange.lowerBound, tokens[cue.token - 1].text == "," {
            emitClause(from: s.tokenRange.lowerBound, to: cue.token - 1, cue: cue, sentence: s, embedded: &embedded, directCue: &dc)
        }
    }

    /// A reported clause runs to the end of the sentence, or to a following attribution or
    /// participle cue ("… stating that …").
    func clauseEnd(from start: Int, sentence s: Sentence) -> Int {
        var e = start
        var end = s.tokenRange.upperBound
        // Reported speech inside a quotation ends with it.
        if quoted[start], quoteAt[start] >= 0 { end = min(end, quotes[quoteAt[start]].inner.upperBound) }
        while e < end {
            let t = tokens[e]
            if !quoted[e], t.kind == .word, e > start, let verb = res.speechVerbs[t.lower], verb.isSpeech,
               t.lower.hasSuffix("ing") || (e > start && tokens[e - 1].text == ","), e + 1 < end,
               tokens[e + 1].lower == "that" || tokens[e + 1].isQuote {
                var b = e
                while b > start, tokens[b - 1].text == "," { b -= 1 }
                // Drop a dangling "the guarantees" object before the participle only when a comma separates.
                return b
            }
            // "… called for flexibility and said …": a coordinated speech verb starts its own statement.
            if !quoted[e], e > start, t.lower == "and" || t.lower == "but", e + 1 < end, !quoted[e + 1],
               res.speechVerbs[tokens[e + 1].lower]?.isSpeech == true, !tokens[e + 1].lower.hasSuffix("ing") { return e }
            // "…, and he urged …": a second speech verb of the speaker starts its own statement.
            if !quoted[e], t.text == ",", e + 2 < end, tokens[e + 1].lower == "and" || tokens[e + 1].lower == "but",
               let m = entities.mention(atToken: e + 2), !quoted[e + 2] {
                var a = m.tokens.upperBound
                while a < end, res.speechModifiers.contains(tokens[a].lower) { a += 1 }
                if a < end, res.speechVerbs[tokens[a].lower]?.isSpeech == true { return e }
            }
            // "…, he said." / "…, Mr X said." — a trailing attribution of the same sentence.
            if !quoted[e], t.text == ",", e + 1 < end, let m = entities.mention(atToken: e + 1), !quoted[e + 1] {
                let afterMention = m.tokens.upperBound
                var a = afterMention
                while a < end, res.speechModifiers.contains(tokens[a].lower) { a += 1 }
                if a < end, res.speechVerbs[tokens[a].lower] != nil { return e }
            }
            e += 1
        }
        while e > start, tokens[e - 1].kind == .punctuation && tokens[e - 1].text != "!" && tokens[e - 1].text != "?" { e -= 1 }
        return e
    }

    /// Emits the clause `[from, to)` as reported speech, or its quotation as a direct statement
    /// when the clause is little more than a quote ("He said this agreement “didn't work”").
    mutating func emitClause(from: Int, to: Int, cue: Cue, sentence s: Sentence,
                             embedded: inout Set<Int>, directCue: inout [Int: Cue]) {
        var a = from, b = to
        while a < b, tokens[a].kind == .punctuation || tokens[a].kind == .dash { a += 1 }
        while b > a, tokens[b - 1].kind == .punctuation && !tokens[b - 1].isQuote { b -= 1 }
        guard b > a else { return }
        // Quotations wholly inside the clause.
        var insideSet = Set<Int>()
        for t in a..<b where quoteAt[t] >= 0 {
            let q = quotes[quoteAt[t]]
            let closing: Int = q.close ?? q.inner.upperBound
            if q.open >= a && closing < b + 1 { insideSet.insert(quoteAt[t]) }
        }
        let inside: [Int] = insideSet.sorted()
        // Words of the clause outside any quotation.
        let outsideWords = (a..<b).filter { quoteAt[$0] < 0 && tokens[$0].isWord }
        if let last = inside.last {
            let q = quotes[last]
            let closesClause = (q.close ?? q.inner.upperBound) >= b - 1
            let quotedOnly = outsideWords.isEmpty
            let shortLead = outsideWords.count <= 4 && outsideWords.allSatisfy { $0 < q.open }
            if closesClause && (quotedOnly || shortLead) {
                // Direct quote(s): "stated that “A” because “B”".
                for qi in inside { directCue[qi] = cue }
                if inside.count > 1 || quotedOnly { return }
                return
            }
            // Fragments inside reported speech belong to it.
            for qi in inside { embedded.insert(qi) }
        }
        // Two coordinated reports: "… closer and “applauded” President Trump …".
        var parts: [(Int, Int, String?)] = []
        var segStart = a
        var k = a
        while k < b {
            if tokens[k].lower == "and", k + 1 < b {
                var n = k + 1
                while n < b, tokens[n].isQuote { n += 1 }
                if n < b, let verb = res.speechVerbs[tokens[n].lower], verb.isSpeech, tokens[n].lower.hasSuffix("ed") {
                    parts.append((segStart, k, nil))
                    segStart = k + 1
                    k = n
                }
            }
            k += 1
        }
        parts.append((segStart, b, nil))
        for (pa, pb, _) in parts where pb > pa {
            let span = Span(tokens[pa].start, tokens[pb - 1].end)
            let text = doc.substring(span)
            let words = (pa..<pb).filter({ tokens[$0].isWord }).count
            if words < 2 { continue }
            // "welcomed the statement": a bare two-word object says nothing of its own.
            if words < 3, res.objectCueVerbs.contains(res.speechVerbs[tokens[cue.token].lower]?.lemma ?? ""),
               !(pa..<pb).contains(where: { quoteAt[$0] >= 0 }) { continue }
            statements.append(Statement(id: "", speaker: cue.speaker.map(entities.id(of:)), kind: .indirect, text: text,
                                        start: span.start, end: span.end, cue: cue.text,
                                        channel: channel(near: cue.token, sentence: doc.sentenceOfToken[cue.token]),
                                        confidence: cue.confidence, speech: isSpeech(cue: cue.token)))
        }
    }
}
