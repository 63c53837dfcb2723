import Foundation

/// The classes of `data/lexicons/position-cues.tsv`. Each is a feature of the learnt models
/// (`PositionModel`): the lexicon says what a word is, the weights say what it decides.
public enum CueClass: String, Sendable, CaseIterable {
    case `for`, against, evalpos, evalneg, modal, neg, refuse, cond, belief, neutral
    /// A noun naming someone's own plan or proposal ("Mr Brown's International Finance Facility", "Clinton's tax plan").
    case plan
    /// A verb of attaining that names no side of its own: the issue is its object ("achieve justice", "reach an agreement").
    case attain
}

/// A set of cue classes as bits: the callers pass literal sets (`[.cond]`) at every token of a
/// statement's window, and a `Set` literal is built on the heap each time.
public struct CueClasses: OptionSet, Sendable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }
    init(_ c: CueClass) { rawValue = 1 << UInt16(CueClass.allCases.firstIndex(of: c)!) }
    public static let `for` = CueClasses(.for), against = CueClasses(.against), evalpos = CueClasses(.evalpos),
        evalneg = CueClasses(.evalneg), modal = CueClasses(.modal), neg = CueClasses(.neg), refuse = CueClasses(.refuse),
        cond = CueClasses(.cond), belief = CueClasses(.belief), neutral = CueClasses(.neutral), plan = CueClasses(.plan), attain = CueClasses(.attain)
}

/// Cue phrases by first word, longest first, so a token is compared only with the phrases
/// that can start at it.
public struct PositionCueLexicon: Sendable {
    public struct Cue: Sendable {
        public let words: [String]
        public let cls: CueClass
        let bit: CueClasses
    }
    let byFirstWord: [String: [Cue]]

    init(rows: [[String]]) {
        var index: [String: [Cue]] = [:]
        for r in rows where r.count >= 2 {
            guard let c = CueClass(rawValue: r[1]) else { continue }
            let words = r[0].split(separator: " ").map(String.init)
            guard let first = words.first else { continue }
            index[first, default: []].append(Cue(words: words, cls: c, bit: CueClasses(c)))
        }
        for k in index.keys { index[k]!.sort { $0.words.count > $1.words.count } }
        byFirstWord = index
    }

    /// The longest cue starting at token `i` inside `range`, preferring `classes` when given.
    func match(at i: Int, in range: Range<Int>, tokens: [Token], classes: CueClasses? = nil) -> Cue? {
        let k = PositionCueLexicon.key(tokens[i])
        if let c = match(key: k, at: i, in: range, tokens: tokens, classes: classes) { return c }
        // "didn't", "didn’t": the contraction is a negator (the key has the apostrophe straightened).
        if k.hasSuffix("n't"), k != "n't" { return match(key: "n't", at: i, in: range, tokens: tokens, classes: classes) }
        return nil
    }

    private func match(key k: String, at i: Int, in range: Range<Int>, tokens: [Token], classes: CueClasses?) -> Cue? {
        guard let cues = byFirstWord[k] else { return nil }
        return PositionCueLexicon.first(of: cues, negation: k == "n't", at: i, in: range, tokens: tokens, classes: classes)
    }

    fileprivate static func first(of cues: [Cue], negation: Bool, at i: Int, in range: Range<Int>, tokens: [Token], classes: CueClasses?) -> Cue? {
        for c in cues where i + c.words.count <= range.upperBound {
            if let classes, !classes.contains(c.bit) { continue }
            if (0..<c.words.count).allSatisfy({ PositionCueLexicon.key(tokens[i + $0]) == c.words[$0] || (negation && $0 == 0) }) { return c }
        }
        return nil
    }

    /// The cues that can start at each token of `tokens`, looked up once: `match` on the result
    /// answers as `match` on the lexicon, without a look-up per scan of a statement's window.
    func indexed(_ tokens: [Token]) -> IndexedCues {
        let notCues = byFirstWord["n't"]
        var starts: [(cues: [Cue]?, negation: Bool, fallback: Bool)] = []
        starts.reserveCapacity(tokens.count)
        for t in tokens {
            let k = PositionCueLexicon.key(t)
            starts.append((byFirstWord[k], k == "n't", k.hasSuffix("n't") && k != "n't"))
        }
        return IndexedCues(tokens: tokens, starts: starts, notCues: notCues)
    }

    static func key(_ t: Token) -> String {
        // "’" is E2 80 99 in UTF-8: most words have no E2 byte and need no scalar walk.
        guard t.lower.utf8.contains(0xE2), t.lower.unicodeScalars.contains("’") else { return t.lower }
        return String(t.lower.map { $0 == "’" ? "'" : $0 })
    }
}

/// A document's tokens with the cues that can start at each (`PositionCueLexicon.indexed`).
struct IndexedCues {
    let tokens: [Token]
    fileprivate let starts: [(cues: [PositionCueLexicon.Cue]?, negation: Bool, fallback: Bool)]
    fileprivate let notCues: [PositionCueLexicon.Cue]?

    /// As `PositionCueLexicon.match(at:in:tokens:classes:)` on these tokens.
    func match(at i: Int, in range: Range<Int>, classes: CueClasses? = nil) -> PositionCueLexicon.Cue? {
        let s = starts[i]
        if let cues = s.cues, let c = PositionCueLexicon.first(of: cues, negation: s.negation, at: i, in: range, tokens: tokens, classes: classes) { return c }
        if s.fallback, let cues = notCues { return PositionCueLexicon.first(of: cues, negation: true, at: i, in: range, tokens: tokens, classes: classes) }
        return nil
    }
}

/// News outlets, agencies and broadcasters: they relay statements and never hold positions.
public struct NewsOutlets: Sendable {
    let names: Set<String>
    let lastWords: Set<String>

    init(rows: [[String]]) {
        var n = Set<String>(), l = Set<String>()
        for r in rows {
            guard let w = r.first, !w.isEmpty else { continue }
            if w.hasPrefix("=") { l.insert(String(w.dropFirst())) } else { n.insert(w) }
        }
        names = n; lastWords = l
    }

    /// Whether an entity named `name` (or mentioned as one of `forms`) is an outlet.
    public func isOutlet(name: String, type: EntityType, forms: [String] = []) -> Bool {
        guard type == .organization || type == .group || type == .person else { return false }
        for f in [name] + forms {
            var k = f.lowercased()
            if k.unicodeScalars.contains("’") { k = k.replacingOccurrences(of: "’", with: "'") }
            if names.contains(k) { return true }
            if type == .organization, let last = k.split(separator: " ").last, lastWords.contains(String(last)) { return true }
        }
        return false
    }
}
