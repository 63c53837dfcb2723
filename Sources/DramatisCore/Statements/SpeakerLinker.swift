import Foundation

// Statements: the rules that link a cue to the mention that speaks.

/// The rules' speaker for a cue: the entity, the first token of the mention that names it, and
/// how sure the rule is (nil entity: no speaker found).
typealias SpeakerGuess = (speaker: Int?, token: Int?, confidence: Double)
extension StatementPass {
    /// The speaker of the verb at `v`: its subject to the left (over auxiliaries, an
    /// apposition, or a "who" clause), an inverted subject ("said Mr Brown"), or the sentence's
    /// opening actor.
    func findSpeaker(forVerb v: Int, in s: Sentence, insideQuote: Bool) -> SpeakerGuess {
        let lo = s.tokenRange.lowerBound
        func usable(_ t: Int) -> LocatedMention? {
            guard t >= lo, t < s.tokenRange.upperBound, quoted[t] == insideQuote, let m = entities.mention(atToken: t) else { return nil }
            let type = entities.entities[m.entity].type
            if type == .event || type == .law { return nil }
            // A place or body after a preposition is not a subject ("a trip to Japan"); a person
            // may be ("shortly after Trump said").
            if m.tokens.lowerBound > lo, res.prepositions.contains(tokens[m.tokens.lowerBound - 1].lower),
               type != .person || m.tokens.upperBound < v - 2 {
                if m.kind != .pronoun || tokens[m.tokens.lowerBound - 1].lower != "that" { return nil }
            }
            if m.possessive { return nil }
            if insideQuote && m.kind == .pronoun { return nil }
            return m
        }
        var j = v - 1
        while j >= lo, res.speechModifiers.contains(tokens[j].lower)
                || entities.mention(atToken: j) == nil && !tokens[j].isCapitalized && isLyAdverb(tokens[j].lower) { j -= 1 }
        // "a spokeswoman for Amazon said": the spokeswoman speaks for the company.
        if j > lo, let body = entities.mention(atToken: j), body.tokens.upperBound == j + 1 {
            var f = body.tokens.lowerBound - 1
            if f > lo, tokens[f].lower == "the" { f -= 1 }
            if f > lo, tokens[f].lower == "for", let spokes = usable(f - 1), spokes.entity != body.entity,
               entities.entities[spokes.entity].type == .person { return (spokes.entity, f - 1, 0.95) }
        }
        if j >= lo, let m = usable(j), m.tokens.upperBound == j + 1 {
            // "Mr. Grassley and Mr. Leahy say": a joint statement goes to the first named.
            let and = m.tokens.lowerBound - 1
            if and > lo, tokens[and].lower == "and", let first = usable(and - 1), first.tokens.upperBound == and,
               first.entity != m.entity, entities.entities[first.entity].type == entities.entities[m.entity].type {
                return (first.entity, first.tokens.lowerBound, 0.9)
            }
            return (m.entity, j, 0.95)
        }
        // "The opposition leader, Mr Lind, said …": the name is the apposition.
        // (Only a name that is the whole apposition: in "Michael Briggs, a spokesman for
        // Sanders, said" Sanders closes the apposition but Briggs speaks.)
        if j > lo, tokens[j].text == ",", let m = usable(j - 1), m.tokens.upperBound == j, m.kind != .pronoun,
           entities.entities[m.entity].type == .person, opensApposition(before: m.tokens.lowerBound, lo: lo) { return (m.entity, j - 1, 0.9) }
        // Apposition: "Dr Lewis, secretary of the BMA (BMA), welcomed …"
        if j >= lo, tokens[j].text == "," || tokens[j].text == ")" {
            var k = j - 1
            var depth = tokens[j].text == ")" ? 1 : 0
            while k > lo, k > j - 25 {
                if tokens[k].text == ")" { depth += 1 }
                if tokens[k].text == "(" { depth -= 1 }
                if depth <= 0, tokens[k].text == "," { break }
                k -= 1
            }
            // "Angelique Brunner, a developer and spokeswoman for the Coalition, which is made
            // up of investors, said": a relative clause closes the apposition; its head is further back.
            if k > lo, k + 1 < j, ["which", "who", "whose"].contains(tokens[k + 1].lower) {
                var e = k - 1
                while e > lo, e > k - 25, tokens[e].text != "," { e -= 1 }
                if e > lo, tokens[e].text == ",", let m = usable(e - 1), entities.entities[m.entity].type == .person { return (m.entity, e - 1, 0.85) }
            }
            // (Not the state of "Columbus, Ohio," closing a relative clause's place: the who-rule
            // below finds "Joseph R. Biden Jr., who was to travel to Columbus, Ohio, on …, said".)
            if k > lo, let m = usable(k - 1), !isPlaceAfterPlace(m) { return (m.entity, k - 1, 0.85) }
            // … after a generational suffix that is not part of the mention ("Vann R. Newkirk II, a writer, said").
            if k > lo + 1, res.postnominals.contains(tokens[k - 1].text), let m = usable(k - 2) { return (m.entity, k - 2, 0.85) }
            // "Gov. Mike Pence (R-IN) said": the name before the brackets.
            if tokens[j].text == ")" {
                let o = j > 0 ? previousOpenBracket[j - 1] : -1
                if o > lo, let m = usable(o - 1) { return (m.entity, o - 1, 0.9) }
            }
        }
        // Inverted: "…,” said Mr Brown" / "said the minister".
        var r = v + 1
        while r < s.tokenRange.upperBound, r - v <= 2, ["the", "a", "an"].contains(tokens[r].lower) || res.honorifics[tokens[r].text] != nil { r += 1 }
        if v > lo, tokens[v - 1].text == "," || tokens[v - 1].isQuote, let m = usable(r) {
            // "said Clinton campaign manager Robby Mook": the first name only qualifies the title.
            if let person = personAfterTitle(following: m, before: s.tokenRange.upperBound) { return (person.entity, person.tokens.lowerBound, 0.85) }
            return (m.entity, r, 0.9)
        }
        // … over a title that is not part of the name: "said Representative Charles B. Rangel",
        // "said former Gov. Jeb Bush", "said German Foreign Minister Johann Wadephul".
        if v > lo, tokens[v - 1].text == "," || tokens[v - 1].isQuote {
            var t = v + 1
            while t < s.tokenRange.upperBound, t - v <= 5, entities.mention(atToken: t) == nil, isTitleWord(t) { t += 1 }
            if t > v + 1, let m = usable(t), entities.entities[m.entity].type == .person { return (m.entity, t, 0.85) }
        }
        // "X, who … stated"
        // (Outside a quote, the walk back stops at a quote mark.)
        let stop = v > 0 ? max(lo, insideQuote ? -1 : previousQuoteMark[v - 1]) : lo
        var k = v > 0 ? previousWho[v - 1] : -1
        while k > stop {
            // The relative clause belongs to the mention before it, even after a preposition
            // ("a frosty relationship with McConnell, who said").
            if let m = relativeHead(tokens[k - 1].text == "," ? k - 2 : k - 1, lo: stop) { return (m.entity, k - 1, 0.85) }
            // "McConnell, now the Senate majority leader, who in 2010 said": over the apposition.
            if k - 2 > stop, tokens[k - 1].text == "," {
                var e = k - 2
                while e > stop, e > k - 15, tokens[e].text != "," { e -= 1 }
                if e > stop, tokens[e].text == ",", let m = relativeHead(e - 1, lo: stop), entities.entities[m.entity].type == .person { return (m.entity, e - 1, 0.8) }
            }
            k = previousWho[k - 1]
        }
        // The sentence's opening actor ("Mr Trump is clearly aware …, messaging …").
        var f = lo
        // Over an introductory phrase: "During a speech earlier in the day, Trump attacked …, saying".
        if res.prepositions.contains(tokens[lo].lower) || tokens[lo].lower == "during",
           case let comma = nextOutsideComma[lo], comma < v { f = comma + 1 }
        while f < v, !tokens[f].isWord || ["but", "and", "indeed", "however", "meanwhile", "yet", "so", "still", "earlier", "later", "also"].contains(tokens[f].lower) || tokens[f].text == "," { f += 1 }
        if f < v, let m = usable(f), !quoted[f] || insideQuote {
            // "Oxfam senior policy adviser Max Lawson welcomed …": the person after the title.
            var after = m.tokens.upperBound
            while after < v, after - m.tokens.upperBound < 4, tokens[after].isWord, !tokens[after].isCapitalized { after += 1 }
            if after > m.tokens.upperBound, after < v, let person = usable(after), entities.entities[person.entity].type == .person,
               entities.entities[m.entity].type != .person {
                return (person.entity, after, 0.75)
            }
            let type = entities.entities[m.entity].type
            if type == .person || type == .organization || type == .group || type == .place {
                return (m.entity, f, 0.7)
            }
        }
        return (nil, nil, 0)
    }

    /// "Ohio" in "Columbus, Ohio": a place right after a place and a comma.
    func isPlaceAfterPlace(_ m: LocatedMention) -> Bool {
        let c = m.tokens.lowerBound - 1
        guard entities.entities[m.entity].type == .place, c > 0, tokens[c].text == ",",
              let before = entities.mention(atToken: c - 1) else { return false }
        return entities.entities[before.entity].type == .place
    }

    /// Whether a comma opens the apposition that starts at token `start`, over a title
    /// ("The opposition leader, Mr Lind, said").
    func opensApposition(before start: Int, lo: Int) -> Bool {
        var k = start - 1
        while k > lo, start - k <= 4, isTitleWord(k) { k -= 1 }
        return k >= lo && tokens[k].text == ","
    }

    /// A person named after mention `m` and a title it qualifies: "Clinton campaign manager
    /// Robby Mook", "Trump senior adviser Stephen Miller".
    func personAfterTitle(following m: LocatedMention, before end: Int) -> LocatedMention? {
        var t = m.tokens.upperBound
        var sawRole = false
        while t < end, t - m.tokens.upperBound < 5, entities.mention(atToken: t) == nil, tokens[t].isWord {
            if res.roleNouns[tokens[t].lower] != nil { sawRole = true }
            guard !res.stopwords.contains(tokens[t].lower) || isTitleWord(t) else { return nil }
            t += 1
        }
        guard sawRole, t < end, let p = entities.mention(atToken: t), p.tokens.lowerBound == t, p.entity != m.entity,
              p.kind != .pronoun, entities.entities[p.entity].type == .person else { return nil }
        return p
    }

    /// A word of a title before a name: an article, "former", an honorific, a role ("Senator",
    /// "Rep."), or a capitalised modifier of one ("Foreign", "German").
    func isTitleWord(_ t: Int) -> Bool {
        let token = tokens[t]
        if ["the", "former", "then", "outgoing", "incoming"].contains(token.lower) { return true }
        if res.honorifics[token.text] != nil || res.roles[token.text] != nil || res.roleNouns[token.lower] != nil { return true }
        return token.isCapitalized && (res.demonyms[token.text] != nil || res.isCommonWord(token.text))
    }

    /// The mention a "who" clause at its right describes: a person, body or group outside
    /// quotes, not a possessive owner.
    func relativeHead(_ t: Int, lo: Int) -> LocatedMention? {
        guard t > lo, !quoted[t], let m = entities.mention(atToken: t), m.tokens.upperBound == t + 1, !m.possessive, m.kind != .pronoun else { return nil }
        let type = entities.entities[m.entity].type
        return type == .person || type == .organization || type == .group ? m : nil
    }
}
