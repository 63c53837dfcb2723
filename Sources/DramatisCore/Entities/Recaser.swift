import Foundation

/// Re-cases ALL-CAPS and Title Case sentences as ordinary prose before the rule recogniser reads
/// them: words the tagger puts in a name keep a capital (acronyms the gazetteers know stay in
/// capitals), titles before a name are capitalised, everything else is lower-cased apart from a
/// sentence's first word. Offsets never move: a word is changed only when its re-cased form has as
/// many code points.
public enum Recaser {
    static let connectors: Set<String> = ["of", "for", "and", "the", "de", "on", "in"]
    public static func recase(_ doc: TextDocument, casing: [SentenceCasing], tagger: EntityTagger, res: Resources) -> [Unicode.Scalar]? {
        var scalars = doc.scalars
        var changed = false
        let evidence = writtenForms(doc, casing: casing, res: res)
        // Forms decided for name words, and the words left to the default (lower case), so that
        // one word is cased one way through the article: "MR LAWSON SAID … LAWSON ADDED".
        var nameForms: [String: String] = [:]
        var defaulted: [(token: Int, isFirst: Bool)] = []
        func write(_ t: Token, _ form: String) {
            let new = Array(form.unicodeScalars)
            guard new.count == t.end - t.start else { return }
            for k in 0..<new.count where scalars[t.start + k] != new[k] { scalars[t.start + k] = new[k]; changed = true }
        }
        var recased = 0
        for (si, s) in doc.sentences.enumerated() where casing[si] != .normal && !s.tokenRange.isEmpty {
            // A budgeted analysis out of time stops re-casing (the analyser then throws).
            recased += 1
            if recased & 31 == 0, AnalysisBudget.stopRequested { return nil }
            let spans = tagger.tag(doc, range: s.tokenRange, casing: casing, rule: nil, res: res)
            var inName = [Bool](repeating: false, count: s.tokenRange.count)
            for sp in spans { for t in sp.tokens { inName[t - s.tokenRange.lowerBound] = true } }
            // Names the gazetteers know, two to five words: "HOUSE OF COMMONS" → "House of Commons".
            var known: [Int: String] = [:]
            let words = Array(s.tokenRange)
            var k = 0
            while k < words.count {
                var matched = 0
                for n in stride(from: min(5, words.count - k), through: 2, by: -1) {
                    let toks = words[k..<(k + n)].map { doc.tokens[$0] }
                    guard toks.allSatisfy({ $0.kind == .word }), !Recaser.connectors.contains(toks[0].lower), !Recaser.connectors.contains(toks[n - 1].lower) else { continue }
                    let forms = toks.map { Recaser.connectors.contains($0.lower) ? $0.lower : EntityTagger.titled($0.lower) }
                    var phrase = ""
                    for (j, t) in toks.enumerated() { phrase += (j > 0 && t.spaceBefore ? " " : "") + forms[j] }
                    if res.organizations[phrase] != nil || res.countryNames[phrase] != nil || res.regions[phrase] != nil
                        || res.places[phrase] != nil || res.platforms.contains(phrase) || res.roles[phrase] != nil {
                        for (j, w) in words[k..<(k + n)].enumerated() { known[w] = forms[j] }
                        matched = n
                        break
                    }
                }
                k += max(matched, 1)
            }
            institutionNames(in: s, doc: doc, res: res, into: &known)
            var first = true
            for i in s.tokenRange {
                let t = doc.tokens[i]
                guard t.kind == .word, t.text.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) else { continue }
                let isFirst = first
                first = false
                let titled = EntityTagger.titled(t.lower)
                var form: String
                if t.text.unicodeScalars.contains(where: { $0.properties.numericType != nil }) {
                    continue   // "G8", "F-16": as written
                } else if let f = known[i] {
                    form = f
                } else if !res.stopwords.contains(t.lower), t.text.unicodeScalars.count <= 5, res.organizations[t.text.uppercased()] != nil {
                    form = t.text.uppercased()   // "UN", "NHS"
                } else if !res.stopwords.contains(t.lower), res.zipf(t.lower) < 4, res.organizations[titled] != nil || res.countryNames[titled] != nil {
                    form = titled                // "Commons", "Conservatives"
                } else if let written = evidence[t.lower] {
                    form = written               // the body writes it so: "Lawson", "McConnell", "iPhone"
                } else if inName[i - s.tokenRange.lowerBound] {
                    let upper = t.text.uppercased()
                    let upperKnown = res.organizations[upper] != nil || res.countryNames[upper] != nil
                    let titledKnown = res.organizations[titled] != nil || res.countryNames[titled] != nil || res.places[titled] != nil
                        || res.givenNames[titled] != nil
                    form = upperKnown && !titledKnown ? upper : (casing[si] == .title ? t.text : titled)
                    if Recaser.connectors.contains(t.lower) { form = t.lower }   // "House of Commons"
                    if casing[si] == .upper && !upperKnown && !titledKnown && t.text.unicodeScalars.count <= 3 && !res.isCommonWord(t.lower) { form = upper }
                } else if i + 1 < s.tokenRange.upperBound, inName[i + 1 - s.tokenRange.lowerBound] || res.honorifics[titled] != nil && t.lower.count <= 4,
                          res.honorifics[titled] != nil || res.roles[titled] != nil {
                    form = titled
                } else if res.demonyms[titled] != nil || res.extraDemonyms[titled] != nil || res.countryNames[titled] != nil
                            || res.temporalWords.months[t.lower] != nil && t.lower != "may" || res.temporalWords.weekdays[t.lower] != nil {
                    form = titled
                } else if i > s.tokenRange.lowerBound, res.honorifics[EntityTagger.titled(doc.tokens[i - 1].lower)] != nil,
                          doc.tokens[i - 1].lower.count <= 4, !res.stopwords.contains(t.lower) {
                    form = titled   // "MR TRUMP": a name follows "Mr", "Mrs", "Dr"
                } else if i > s.tokenRange.lowerBound, ["on", "via"].contains(doc.tokens[i - 1].lower), res.platforms.contains(t.text) {
                    form = t.text   // "on X"
                } else if t.lower == "i" {
                    form = "I"
                } else if casing[si] == .upper, (2...5).contains(t.text.unicodeScalars.count), res.zipf(t.lower) < 2.5,
                          res.givenNames[titled] == nil, t.text.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic }) {
                    form = t.text.uppercased()   // "CFPB", "DCCC": too rare to be a word, so an acronym
                } else if startsPersonName(i, sentence: s, doc: doc, res: res) || (i > s.tokenRange.lowerBound && startsPersonName(i - 1, sentence: s, doc: doc, res: res)) {
                    form = titled                // "ANNE HOLTON": a given name and a rare word
                } else {
                    defaulted.append((i, isFirst))
                    form = isFirst ? titled : t.lower
                }
                if form != t.lower, !res.stopwords.contains(t.lower), !isFirst || inName[i - s.tokenRange.lowerBound] { nameForms[t.lower] = form }
                write(t, form)
            }
        }
        // A word cased as a name in one sentence is that name wherever the default left it.
        for (i, isFirst) in defaulted {
            let t = doc.tokens[i]
            guard let form = nameForms[t.lower], couldBeSurname(t.lower, res: res) else { continue }
            if !isFirst || form != EntityTagger.titled(t.lower) { write(t, form) }
        }
        return changed ? scalars : nil
    }

    /// How the article's normally cased sentences write each word in mid-sentence, where it is
    /// written capitalised more often than not.
    static func writtenForms(_ doc: TextDocument, casing: [SentenceCasing], res: Resources) -> [String: String] {
        var capitalised: [String: (form: String, count: Int)] = [:]
        var lower: [String: Int] = [:]
        for (si, s) in doc.sentences.enumerated() where casing[si] == .normal && s.tokenRange.count > 1 {
            for i in (s.tokenRange.lowerBound + 1)..<s.tokenRange.upperBound {
                let t = doc.tokens[i]
                guard t.kind == .word, !doc.tokens[i - 1].isQuote, doc.tokens[i - 1].text != ":" else { continue }
                if t.isCapitalized {
                    guard !res.stopwords.contains(t.lower), t.text != t.text.uppercased() || t.text.unicodeScalars.count <= 5 else { continue }
                    capitalised[t.lower, default: (t.text, 0)].count += 1
                } else if t.text == t.lower {
                    lower[t.lower, default: 0] += 1
                }
            }
        }
        var forms: [String: String] = [:]
        for (word, c) in capitalised where c.count > lower[word, default: 0] { forms[word] = c.form }
        return forms
    }

    /// Up to four words ending in an institution's head word ("ARMS CONTROL ASSOCIATION",
    /// "HOUSE FINANCIAL SERVICES COMMITTEE", entity-keywords.tsv), the words before them not
    /// function words or verbs.
    static func institutionNames(in s: Sentence, doc: TextDocument, res: Resources, into known: inout [Int: String]) {
        for i in s.tokenRange where known[i] == nil {
            let head = EntityTagger.titled(doc.tokens[i].lower)
            guard doc.tokens[i].kind == .word, let kw = res.entityKeywords[head], kw.position != "first", kw.type == .organization else { continue }
            var start = i
            while start > s.tokenRange.lowerBound, i - start < 4 {
                let w = doc.tokens[start - 1]
                guard w.kind == .word, known[start - 1] == nil, !res.stopwords.contains(w.lower), res.speechVerbs[w.lower] == nil,
                      !w.lower.hasSuffix("ed"), !w.lower.hasSuffix("ing"), !w.lower.hasSuffix("ly"),
                      w.text.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0 == "-" }) else { break }
                start -= 1
            }
            guard start < i else { continue }
            // A head word that also ends ordinary phrases ("the latest news", "a trauma center")
            // names something only with a word of the name's own: "ROPER CENTER", "NFL NETWORK".
            if kw.position != "any", !(start..<i).contains(where: { res.zipf(doc.tokens[$0].lower) < 3.2 }) { continue }
            for t in start...i { known[t] = EntityTagger.titled(doc.tokens[t].lower) }
        }
    }

    /// A given name followed by a word that is rare as an ordinary word: "HAROLD BORNSTEIN".
    static func startsPersonName(_ i: Int, sentence s: Sentence, doc: TextDocument, res: Resources) -> Bool {
        guard i + 1 < s.tokenRange.upperBound else { return false }
        let first = doc.tokens[i], next = doc.tokens[i + 1]
        guard first.kind == .word, next.kind == .word, next.spaceBefore,
              res.givenNames[EntityTagger.titled(first.lower)] != nil, !res.stopwords.contains(first.lower),
              res.temporalWords.months[first.lower] == nil,
              next.text.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0 == "-" || $0 == "'" || $0 == "’" }) else { return false }
        return couldBeSurname(next.lower, res: res)
    }

    /// Surnames are common enough in running text ("lawson" 3.6 on the Zipf scale) that the
    /// common-word cut alone would drop them; verb forms of that frequency stay words.
    static func couldBeSurname(_ word: String, res: Resources) -> Bool {
        guard !res.stopwords.contains(word), res.speechVerbs[word] == nil else { return false }
        let z = res.zipf(word)
        if z < 3.0 { return true }
        return z < 4.0 && !word.hasSuffix("ed") && !word.hasSuffix("ing") && !word.hasSuffix("ly")
    }
}
