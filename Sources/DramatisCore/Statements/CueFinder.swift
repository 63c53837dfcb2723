import Foundation

// Statements: the cues of a sentence (verbs of saying, "according to"), each with the speaker linked to it.
extension StatementPass {
    func findCues(in s: Sentence) -> [Cue] {
        var cues: [Cue] = []
        var i = s.tokenRange.lowerBound
        while i < s.tokenRange.upperBound {
            if let p = reportingPattern(at: i) {
                // "according to X": the speaker follows.
                let after = i + p.words.count
                if let m = entities.mention(atToken: after), !quoted[after] {
                    cues.append(Cue(token: i, text: p.cue, speaker: m.entity, subjectToken: after, confidence: 0.8))
                }
            } else if isCueCandidate(i) {
                let insideQuote = quoted[i]
                // The lexicon rule's cues, and the words the learnt cue model finds beyond it
                // (beliefs, findings, the long tail of reporting verbs).
                if lexiconCue(i) || !res.attribution.isEmpty && cueScore(i) > 0 {
                    var (speaker, subj, conf) = findSpeaker(forVerb: i, in: s, insideQuote: insideQuote)
                    // The learnt ranker decides among the mentions around the cue; the rules' pick is one of its features.
                    if !res.attribution.speaker.isEmpty, speaker == nil { (speaker, subj, conf) = chooseSpeaker(forCue: i, rule: (speaker, subj, conf)) }
                    // "Max Lawson welcomed the statement and said …": the first verb's subject; so too
                    // for a participle after a comma ("Robby Mook said as much, arguing that …").
                    let participle = i > s.tokenRange.lowerBound && tokens[i].lower.hasSuffix("ing") && tokens[i - 1].text == ","
                    // Right after "and" the verb has no subject of its own, so whatever was found
                    // before the first verb is not it ("China, Pyongyang's ally, said … and warned").
                    let coordinated = i > s.tokenRange.lowerBound && ["and", "but"].contains(tokens[i - 1].lower)
                    if coordinated || participle, let previous = cues.last,
                       previous.speaker != nil, quoted[previous.token] == insideQuote, (subj ?? i) >= previous.token || participle || coordinated {
                        (speaker, subj, conf) = (previous.speaker, previous.subjectToken, previous.confidence)
                    }
                    if !insideQuote || speaker != nil {
                        cues.append(Cue(token: i, text: cueText(i), speaker: speaker, subjectToken: subj, confidence: conf))
                    }
                }
            }
            i += 1
        }
        return cues
    }

    /// A word naming when, from the temporal lexicon: a weekday or month, "yesterday",
    /// "afternoon", "earlier"; with `counting`, also a number or unit ("this week", "7 March").
    func isTimeWord(_ t: Int, counting: Bool = true) -> Bool {
        let w = tokens[t].lower, lex = res.temporalWords
        if lex.weekdays[w] != nil || lex.months[w] != nil || lex.deictic[w] != nil || lex.timeWords.contains(w) { return true }
        return counting && (tokens[t].kind == .number || lex.units[w] != nil)
    }

    /// A speech verb in the passive: a participle after a form of "be" (adverbs allowed
    /// between) or right before "by".
    func isPassive(_ v: Int) -> Bool {
        let w = tokens[v].lower
        guard w.hasSuffix("ed") || StatementPass.irregularParticiples.contains(w) else { return false }
        if v + 1 < tokens.count, tokens[v + 1].lower == "by" { return true }
        var j = v - 1
        while j >= 0, j > v - 3, tokens[j].lower.hasSuffix("ly") { j -= 1 }
        return j >= 0 && StatementPass.passiveAuxiliaries.contains(tokens[j].lower)
    }
    static let irregularParticiples: Set<String> = ["told", "said", "known", "shown", "written", "thought", "held", "heard", "taught"]
    static let passiveAuxiliaries: Set<String> = ["was", "were", "been", "being", "is", "are", "be", "get", "gets", "got"]

    /// The hand-written cue rule (now a feature of the learnt model): a verb of saying of the
    /// lexicon, or a belief verb with a that-clause, not in the passive ("was accused of").
    func lexiconCue(_ i: Int) -> Bool {
        guard let verb = res.speechVerbs[tokens[i].lower], !isPassive(i) else { return false }
        return verb.isSpeech || followsThat(i)
    }

    func cueText(_ i: Int) -> String {
        // Phrasal cues: "called for", "pointed out".
        if i + 1 < tokens.count, tokens[i].lower == "called", tokens[i + 1].lower == "for" { return "called for" }
        return tokens[i].text
    }

    func followsThat(_ i: Int) -> Bool {
        i + 1 < tokens.count && tokens[i + 1].lower == "that"
    }

    func reportingPattern(at i: Int) -> (words: [String], cue: String)? {
        for p in res.reportingPatterns where i + p.words.count <= tokens.count {
            if (0..<p.words.count).allSatisfy({ tokens[i + $0].lower == p.words[$0] }) { return p }
        }
        return nil
    }

    /// Whether the verb at `v` follows a subject that names no entity: a lower-case noun
    /// ("the former secretary of state mocked"), not a quote, a comma or a name ("…,” said Mr
    /// Brown"; "Trump said").
    func hasUnnamedSubject(beforeVerb v: Int, sentenceStart: Int) -> Bool {
        var h = v - 1
        while h > sentenceStart, res.speechModifiers.contains(tokens[h].lower) || isLyAdverb(tokens[h].lower) { h -= 1 }
        guard h >= sentenceStart, tokens[h].isWord, !tokens[h].isCapitalized, entities.mention(atToken: h) == nil else { return false }
        let w = tokens[h].lower
        return !res.stopwords.contains(w) && res.speechVerbs[w] == nil && !w.hasSuffix("ly") && res.pronouns[w] == nil
    }
}
