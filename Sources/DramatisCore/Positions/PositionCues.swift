import Foundation

/// The classes of `data/lexicons/position-cues.tsv`. Each is a feature of the learnt models
/// (`PositionModel`): the lexicon says what a word is, the weights say what it decides.
public enum CueClass: String, Sendable, CaseIterable {
    case `for`, against, evalpos, evalneg, modal, neg, refuse, cond, belief, neutral
}

/// Cue phrases by first word, longest first, so a token is compared only with the phrases
/// that can start at it.
public struct PositionCueLexicon: Sendable {
    public struct Cue: Sendable {
        public let words: [String]
        public let cls: CueClass
    }
    let byFirstWord: [String: [Cue]]

    init(rows: [[String]]) {
        var index: [String: [Cue]] = [:]
        for r in rows where r.count >= 2 {
            guard let c = CueClass(rawValue: r[1]) else { continue }
            let words = r[0].split(separator: " ").map(String.init)
            guard let first = words.first else { continue }
            index[first, default: []].append(Cue(words: words, cls: c))
        }
        for k in index.keys { index[k]!.sort { $0.words.count > $1.words.count } }
        byFirstWord = index
    }

    /// The longest cue starting at token `i` inside `range`, preferring `classes` when given.
    func match(at i: Int, in range: Range<Int>, tokens: [Token], classes: Set<CueClass>? = nil) -> Cue? {
        let t = tokens[i]
        var keys = [PositionCueLexicon.key(t)]
        if t.lower.hasSuffix("n't"), t.lower != "n't" { keys.append("n't") }
        for k in keys {
            for c in byFirstWord[k] ?? [] where i + c.words.count <= range.upperBound {
                if let classes, !classes.contains(c.cls) { continue }
                if (0..<c.words.count).allSatisfy({ PositionCueLexicon.key(tokens[i + $0]) == c.words[$0] || (k == "n't" && $0 == 0) }) { return c }
            }
        }
        return nil
    }

    static func key(_ t: Token) -> String {
        t.lower.unicodeScalars.contains("’") ? String(t.lower.map { $0 == "’" ? "'" : $0 }) : t.lower
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
