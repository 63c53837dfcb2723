import Foundation

// Entity recognition, first sub-pass: runs of capitalised words, with titles and honorifics stripped.
extension RecognitionPass {
    mutating func collectChunks() {
        var i = 0
        let n = tokens.count
        let labelAt = Dictionary(doc.speakerLabels.map { ($0.lowerBound, $0) }, uniquingKeysWith: { a, _ in a })
        var polls = 0
        while i < n {
            polls += 1
            if polls & 255 == 0, AnalysisBudget.stopRequested { break }
            // A transcript label ("PENCE:") names a speaker: resolved once every name is known.
            if let label = labelAt[i] { i = label.upperBound; continue }
            guard isCapWord(i) else { i += 1; continue }
            if tokens[i].isAllCaps && Transcript.isStageDirection(paragraphOf: i, in: doc) || isPartyTag(i) { i += 1; continue }
            var j = i
            var orgLike = false
            var connectors = 0
            while j < n {
                if isCapWord(j) {
                    if let kw = res.entityKeywords[tokens[j].text], kw.position == "any" { orgLike = true }
                    if res.entityKeywords[tokens[j].text] != nil || res.roles[tokens[j].text] != nil { orgLike = orgLike || false }
                    // A sentence boundary ends a name.
                    if j > i, doc.sentenceOfToken[j] != doc.sentenceOfToken[j - 1] { break }
                    j += 1
                    continue
                }
                // Tokenised text: "Benjamin J . Rhodes" is one name (the initial's period spaced off).
                if SentenceSplitter.isSpacedInitialPeriod(j, in: tokens) { j += 1; continue }
                let lower = tokens[j].text
                if RecognitionPass.connectors.contains(lower), j + 1 < n, isCapWord(j + 1), !tokens[j].text.first!.isUppercase,
                   orgLike || res.roles[tokens[j - 1].text] != nil || res.entityKeywords[tokens[j - 1].text] != nil
                    || (RecognitionPass.nameParticles.contains(lower) && res.givenNames[tokens[j - 1].text] != nil),
                   lower != "and" || connectors > 0 {
                    connectors += 1
                    j += 1
                    continue
                }
                break
            }
            processChunk(i..<j)
            i = max(j, i + 1)
        }
    }

    /// Strips titles, then classifies what remains of a run of capitalised words.
    mutating func processChunk(_ chunk: Range<Int>) {
        var a = chunk.lowerBound
        let b = chunk.upperBound
        // A common word that starts a sentence is not a name ("Moves", "Those", "Indeed").
        if isSentenceInitial(a) {
            let w = tokens[a].text
            let known = gazetteer(a..<(a + 1)) != nil || res.honorifics[w] != nil || isRoleWord(a, limit: b)
                || res.givenNames[w] != nil || capitalisedMidSentence.contains(tokens[a].lower) || isDemonym(a)
                || res.countryNames[w] != nil
            let multiKnown = b - a > 1 && gazetteer(a..<b) != nil
            if !known && !multiKnown && (res.isCommonWord(w) || res.stopwords.contains(tokens[a].lower)) {
                a += 1
                if a >= b { return }
                if !isCapWord(a) { return }
            }
        }
        var candidate = NameCandidate(tokens: a..<b)
        var p = a
        var roleParts: [String] = []
        var sawHonorific = false
        // Possessive determiner before a title: "its President X".
        if p > 0, ["its", "their"].contains(tokens[p - 1].lower), isRoleWord(p, limit: b) {
            candidate.possessiveOwnerRole = tokens[p - 1].lower
        }
        while p < b {
            let w = tokens[p].text
            if let g = res.honorifics[w] {
                candidate.honorificGender = g
                sawHonorific = true
                p += 1
                continue
            }
            // Country or demonym before a title: "US President", "German Foreign Minister".
            if p + 1 < b, let country = countryOf(p..<(p + 1)), roleAhead(from: p + 1, limit: b) {
                candidate.roleCountry = country
                if res.countryNames[w] != nil { addNamed(p..<(p + 1)) }
                roleParts.append(w)
                p += 1
                continue
            }
            if p + 2 < b, let country = res.countryNames[text(p..<(p + 2))], roleAhead(from: p + 2, limit: b) {
                candidate.roleCountry = country
                addNamed(p..<(p + 2))
                roleParts.append(text(p..<(p + 2)))
                p += 2
                continue
            }
            let m = roleMatch(at: p, limit: b)
            if m > 0, p + m <= b {
                let title = text(p..<(p + m))
                if res.roles[title] == true { candidate.roleIsLeader = true }
                roleParts.append(title)
                p += m
                continue
            }
            // A given name before a title word that ends the run is a name: "Charlie King",
            // "Carole King" (a surname that is also a title).
            if res.givenNames[w] != nil, b - p > 1, roleMatch(at: p + 1, limit: b) == b - p - 1 { break }
            // A modifier of a following title: "Health Minister", "Foreign Secretary".
            if roleAhead(from: p + 1, limit: b), res.isCommonWord(w) || res.zipf(w) > 2.5 {
                roleParts.append(w)
                p += 1
                continue
            }
            break
        }
        if !roleParts.isEmpty { candidate.role = roleParts.joined(separator: " ") }
        // "Governor of Virginia", "President in Phoenix": after a title, a connector leads to where
        // the title is held, not to the holder's name.
        if let role = candidate.role, p < b, RecognitionPass.connectors.contains(tokens[p].text) {
            roleOnly.append((a..<p, role, candidate.roleCountry))
            var q = p
            while q < b, RecognitionPass.connectors.contains(tokens[q].text) { q += 1 }
            if q < b { processChunk(q..<b) }
            return
        }
        if p >= b {
            // A title with no name: a role description ("the Prime Minister").
            if let role = candidate.role { roleOnly.append((a..<b, role, candidate.roleCountry)) }
            return
        }
        // Trailing possessive or connector is not part of the name.
        var e = b
        while e > p, RecognitionPass.connectors.contains(tokens[e - 1].text) { e -= 1 }
        candidate.tokens = p..<e
        candidate.personEvidence = sawHonorific || candidate.role != nil
        // "Mr Trump" is one mention; a title ("President Trump") is not part of it.
        var h = p
        while h > a, res.honorifics[tokens[h - 1].text] != nil { h -= 1 }
        candidate.mentionStart = h
        classify(candidate)
    }

    /// A title (possibly with capitalised modifiers) follows at `from` within the chunk.
    func roleAhead(from: Int, limit: Int) -> Bool {
        var p = from
        while p < limit, p - from < 3 {
            if isRoleWord(p, limit: limit) { return true }
            if !res.isCommonWord(tokens[p].text) && res.zipf(tokens[p].text) <= 2.5 { return false }
            p += 1
        }
        return false
    }

    /// A US party-and-state tag after a name, "(R-S.C.)", "(D-Va.)", "(R-IN)": not an organisation.
    func isPartyTag(_ i: Int) -> Bool {
        guard i > 0, tokens[i - 1].text == "(" else { return false }
        let u = Array(tokens[i].text.unicodeScalars)
        guard u.count >= 3, "RDI".unicodeScalars.contains(u[0]), u[1] == "-", u[2].properties.isUppercase else { return false }
        return u.dropFirst(2).allSatisfy { $0.properties.isAlphabetic || $0 == "." }
    }
}
