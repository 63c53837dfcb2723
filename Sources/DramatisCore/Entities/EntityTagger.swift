import Foundation

/// How a sentence is set: ordinary prose, ALL CAPS (wire headlines, datelines) or Title Case
/// (headlines). Capitals say where names are only in ordinary prose.
public enum SentenceCasing: String, Sendable {
    case normal = "N", upper = "U", title = "T"

    static let titleFunctionWords: Set<String> = ["The", "Of", "And", "To", "In", "A", "For", "On", "At", "With", "Is", "As", "By", "From", "After", "Over", "Into"]

    /// The casing of each sentence of `doc`.
    public static func classify(_ doc: TextDocument) -> [SentenceCasing] {
        doc.sentences.map { s in
            var words = 0, upper = 0, capitalised = 0, capitalisedFunction = 0, digits = 0, lowerInitial = 0
            for (k, t) in doc.tokens[s.tokenRange].enumerated() {
                // ASCII words by their bytes; others by their scalars' properties.
                var hasUpper = false, hasLower = false, hasLetter = false, ascii = true
                for b in t.text.utf8 {
                    if b >= 0x80 { ascii = false; break }
                    if b >= 0x41 && b <= 0x5A { hasUpper = true; hasLetter = true } else if b >= 0x61 && b <= 0x7A { hasLower = true; hasLetter = true }
                    else if b >= 0x30 && b <= 0x39 && t.kind != .word { digits += 1; break }
                }
                if !ascii {
                    for u in t.text.unicodeScalars {
                        if u.properties.isUppercase { hasUpper = true; hasLetter = true } else if u.properties.isLowercase { hasLower = true; hasLetter = true }
                        else if u.properties.isAlphabetic { hasLetter = true }
                    }
                }
                guard t.kind == .word else { continue }
                guard hasLetter else { digits += 1; continue }
                words += 1
                if hasUpper && !hasLower && (t.text.utf8.count > 1 || t.text != "I" && t.text != "A") { upper += 1 }
                if k > 0 {
                    if t.isCapitalized { capitalised += 1; if titleFunctionWords.contains(t.text) { capitalisedFunction += 1 } }
                    else { lowerInitial += 1 }
                }
            }
            guard words > 0, lowerInitial * 6 < words else { return .normal }
            // Mostly capitals: three words or more, or a dateline ("MOSCOW 1996-08-22").
            if Double(upper) >= 0.85 * Double(words), upper >= 3 || upper == words && digits > 0 { return .upper }
            if words >= 4, Double(capitalised) >= 0.85 * Double(words - 1), capitalisedFunction > 0 { return .title }
            return .normal
        }
    }
}

/// A learnt named-entity tagger: one BIO tag per token (person, organization, place, group,
/// event, law), an averaged perceptron over lower-cased words, their context, a case-blind word
/// shape, the token's capitalisation *together with the casing of its sentence*, gazetteer hits and
/// the rule recogniser's label. Decoded greedily left to right (a tag depends on the one before).
/// Weights: `data/models/entities.tsv`, fitted by `dramatis train entities` (docs/entities-model.md).
public struct EntityTagger: Sendable {
    public let model: LinearModel
    /// For each class of the model: (entity type, begins a span) or nil for O.
    let meaning: [(type: EntityType, begin: Bool)?]
    let outside: Int
    /// feature hash → offset of its weights (one per class) in `flat`: one lookup per feature.
    let offsets: [UInt64: Int]
    let flat: [Double]
    /// For each class, the classes that may follow it (I-X only after B-X or I-X).
    let allowedAfter: [[Int]]
    let classIndex: [String: Int]

    public init(model: LinearModel) {
        self.model = model
        let meaning = model.classes.map(EntityTagger.parse)
        self.meaning = meaning
        outside = model.classes.firstIndex(of: "O") ?? 0
        let n = model.classes.count
        var offsets: [UInt64: Int] = [:]
        var flat: [Double] = []
        for c in 0..<n {
            for (h, w) in model.weights[c] {
                let o: Int
                if let e = offsets[h] { o = e } else { o = flat.count; offsets[h] = o; flat += [Double](repeating: 0, count: n) }
                flat[o + c] = w
            }
        }
        self.offsets = offsets
        self.flat = flat
        allowedAfter = (0..<n).map { p in
            (0..<n).filter { c in
                guard let m = meaning[c], !m.begin else { return true }
                return meaning[p]?.type == m.type
            }
        }
        classIndex = Dictionary(model.classes.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public var isEmpty: Bool { model.isEmpty }

    static func parse(_ tag: String) -> (type: EntityType, begin: Bool)? {
        guard tag.count > 2, let t = EntityType(rawValue: String(tag.dropFirst(2))) else { return nil }
        return (t, tag.hasPrefix("B-"))
    }

    // MARK: - Features

    /// Case-blind shape of a word: letters x, digits d, other characters kept, runs collapsed.
    static func shape(_ w: String) -> String {
        var out = ""
        var last: Character = " "
        for u in w.unicodeScalars {
            let c: Character = u.properties.isAlphabetic ? "x" : u.properties.numericType != nil ? "d" : Character(u)
            if c != last { out.append(c); last = c }
            if out.count > 6 { break }
        }
        return out
    }

    static func capClass(_ t: Token) -> String {
        guard t.kind == .word, t.text.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) else { return "o" }
        if t.isAllCaps { return t.text.unicodeScalars.count > 1 ? "U" : "u" }
        return t.isCapitalized ? "T" : "l"
    }

    static func titled(_ lower: String) -> String { lower.prefix(1).uppercased() + lower.dropFirst() }

    /// Gazetteer classes of one word, looked up as written, title-cased and upper-cased.
    static func gazetteer(_ t: Token, _ res: Resources) -> [String] {
        guard t.kind == .word else { return [] }
        let forms = [t.text, titled(t.lower), t.text.uppercased()]
        var out: [String] = []
        func any(_ f: (String) -> Bool) -> Bool { forms.contains(where: f) }
        if any({ res.givenNames[$0] != nil }) { out.append("given") }
        if any({ res.honorifics[$0] != nil }) { out.append("hon") }
        if any({ res.roles[$0] != nil }) { out.append("role") }
        if any({ res.countryNames[$0] != nil }) { out.append("country") }
        if any({ res.demonyms[$0] != nil || res.extraDemonyms[$0] != nil }) { out.append("demonym") }
        if any({ res.places[$0] != nil }) { out.append("place") }
        if any({ res.regions[$0] != nil }) { out.append("region") }
        if let o = forms.lazy.compactMap({ res.organizations[$0] }).first { out.append("org:\(o.type.rawValue)") }
        if let k = forms.lazy.compactMap({ res.entityKeywords[$0] }).first { out.append("kw:\(k.type.rawValue)") }
        if res.temporalWords.months[t.lower] != nil || res.temporalWords.weekdays[t.lower] != nil { out.append("date") }
        return out
    }

    /// Two-word gazetteer hit of tokens i, i+1 (title-cased forms).
    static func gazetteer2(_ doc: TextDocument, _ i: Int, _ res: Resources) -> String? {
        guard i >= 0, i + 1 < doc.tokens.count, doc.tokens[i].kind == .word, doc.tokens[i + 1].kind == .word else { return nil }
        let a = doc.tokens[i], b = doc.tokens[i + 1]
        for f in [doc.text(ofTokens: i..<(i + 2)), titled(a.lower) + " " + titled(b.lower)] {
            if res.countryNames[f] != nil { return "country" }
            if res.places[f] != nil || res.regions[f] != nil { return "place" }
            if let o = res.organizations[f] { return "org:\(o.type.rawValue)" }
            if res.roles[f] != nil { return "role" }
        }
        return nil
    }

    /// The features of token `i` that do not depend on the tag before it.
    /// `rule` is the rule recogniser's label of the token ("B-person", "O"), or nil when it was not run.
    public static func features(_ doc: TextDocument, _ i: Int, casing: SentenceCasing, rule: String?, res: Resources,
                                gaz: ((Int) -> [String])? = nil) -> [String] {
        let gaz = gaz ?? { gazetteer(doc.tokens[$0], res) }
        let toks = doc.tokens
        let t = toks[i]
        let s = doc.sentences[doc.sentenceOfToken[i]].tokenRange
        func word(_ j: Int) -> String { j < s.lowerBound ? "<s>" : j >= s.upperBound ? "</s>" : toks[j].lower }
        func cap(_ j: Int) -> String { j < s.lowerBound || j >= s.upperBound ? "-" : capClass(toks[j]) }
        let w = t.lower
        let c = casing.rawValue
        var f: [String] = ["b", "w=\(w)", "p1=\(word(i - 1))", "p2=\(word(i - 2))", "n1=\(word(i + 1))", "n2=\(word(i + 2))",
                           "p1w=\(word(i - 1))|\(w)", "wn1=\(w)|\(word(i + 1))",
                           "sh=\(shape(w))", "cap=\(capClass(t))|\(c)", "capctx=\(cap(i - 1))\(capClass(t))\(cap(i + 1))|\(c)",
                           "cas=\(c)"]
        let scalars = Array(w.unicodeScalars)
        if scalars.count > 3 {
            f.append("s3=" + String(String.UnicodeScalarView(scalars.suffix(3))))
            f.append("pre3=" + String(String.UnicodeScalarView(scalars.prefix(3))))
        }
        if i == s.lowerBound || (i > s.lowerBound && toks[i - 1].kind != .word && i - 1 == s.lowerBound) { f.append("init|\(c)") }
        let z = res.zipf(w)
        f.append("z=\(Int(z.rounded()))")
        if res.stopwords.contains(w) { f.append("stop") }
        for g in gaz(i) { f.append("g=\(g)") }
        if i > s.lowerBound { for g in gaz(i - 1) where ["given", "hon", "role", "country", "demonym"].contains(g) { f.append("pg=\(g)") } }
        if i + 1 < s.upperBound { for g in gaz(i + 1) where ["kw:organization", "kw:place", "kw:event", "kw:law", "role"].contains(g) { f.append("ng=\(g)") } }
        if let g = gazetteer2(doc, i - 1, res) { f.append("g2L=\(g)") }
        if let g = gazetteer2(doc, i, res) { f.append("g2R=\(g)") }
        if let rule { f.append("r=\(rule)"); f.append("rw=\(rule)|\(capClass(t))") } else { f.append("r=na") }
        return f
    }

    static func dynamicFeatures(prev: String, prev2: String, word: String) -> [String] {
        ["t-1=\(prev)", "t-2=\(prev2)|\(prev)", "t-1w=\(prev)|\(word)"]
    }

    // MARK: - Decoding

    public struct TaggedSpan: Sendable {
        public var tokens: Range<Int>
        public var type: EntityType
        /// The smallest margin of a tag of the span over the next best class.
        public var margin: Double
    }

    /// Tags `range` of `doc` (tokens outside it are context only) and returns its spans.
    public func tag(_ doc: TextDocument, range: Range<Int>, casing: [SentenceCasing], rule: [String]?, res: Resources) -> [TaggedSpan] {
        var spans: [TaggedSpan] = []
        var prev = "O", prev2 = "O"
        var open: TaggedSpan? = nil
        var lastSentence = -1
        var cache: [Int: [String]] = [:]
        for i in range {
            let sentence = doc.sentenceOfToken[i]
            if sentence != lastSentence { prev = "O"; prev2 = "O"; lastSentence = sentence }
            let feats = EntityTagger.features(doc, i, casing: casing[sentence], rule: rule?[i], res: res, gaz: { j in
                if let g = cache[j] { return g }
                let g = EntityTagger.gazetteer(doc.tokens[j], res)
                cache[j] = g
                return g
            })
                + EntityTagger.dynamicFeatures(prev: prev, prev2: prev2, word: doc.tokens[i].lower)
            let n = model.classes.count
            var scores = [Double](repeating: 0, count: n)
            for f in feats {
                guard let o = offsets[LinearModel.hash(f)] else { continue }
                for c in 0..<n { scores[c] += flat[o + c] }
            }
            var best = outside, bestScore = -Double.infinity, second = -Double.infinity
            for c in allowedAfter[classIndex[prev] ?? outside] {
                let sc = scores[c]
                if sc > bestScore { second = bestScore; bestScore = sc; best = c } else if sc > second { second = sc }
            }
            let margin = bestScore - second
            if let m = meaning[best] {
                if m.begin || open == nil {
                    if let o = open { spans.append(o) }
                    open = TaggedSpan(tokens: i..<(i + 1), type: m.type, margin: margin)
                } else {
                    open!.tokens = open!.tokens.lowerBound..<(i + 1)
                    open!.margin = min(open!.margin, margin)
                }
            } else if let o = open {
                spans.append(o); open = nil
            }
            prev2 = prev
            prev = model.classes[best]
        }
        if let o = open { spans.append(o) }
        return spans
    }
}

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
        for (si, s) in doc.sentences.enumerated() where casing[si] != .normal && !s.tokenRange.isEmpty {
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
