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
    /// The model's classes; its weights are kept only in `flat` (no second copy in memory).
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
        self.model = LinearModel(classes: model.classes)
        let meaning = model.classes.map(EntityTagger.parse)
        self.meaning = meaning
        outside = model.classes.firstIndex(of: "O") ?? 0
        let n = model.classes.count
        // Sized for the largest class's features up front (read at every start-up).
        let most = model.weights.map(\.count).max() ?? 0
        var offsets: [UInt64: Int] = Dictionary(minimumCapacity: most)
        var flat: [Double] = []
        flat.reserveCapacity(most * n)
        for c in 0..<n {
            for (h, w) in model.weights[c] {
                let o: Int
                if let e = offsets[h] { o = e } else { o = flat.count; offsets[h] = o; flat.append(contentsOf: repeatElement(0, count: n)) }
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

    public var isEmpty: Bool { offsets.isEmpty }

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
