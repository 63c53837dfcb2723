import DramatisCore
import Foundation

/// A name as the library compares it: folded words (case, diacritics, punctuation, honorifics
/// and post-nominals gone, romanisation variants unified), and for people the given name and
/// surname apart.
public struct NameKey: Sendable, Hashable {
    /// All words, joined by spaces: "volodymyr zelensky".
    public var full: String
    /// The last word: what a surname-only mention ("Zelenskyy") shares with the full name.
    public var surname: String
    /// The first word when there are two or more: "volodymyr"; nil for a surname alone.
    public var given: String?

    public var isEmpty: Bool { full.isEmpty }
}

/// Folds names and descriptions into keys, with the rules of `data/lexicons/name-variants.tsv`,
/// `honorifics.txt`, `postnominals.txt`, `stopwords.txt` and `role-modifiers.txt`.
public struct NameRules: Sendable {
    var wordRules: [String: String] = [:]
    /// (suffix, replacement), longest suffix first.
    var suffixRules: [(String, String)] = []
    var honorifics: Set<String> = []
    var postnominals: Set<String> = []
    var stopwords: Set<String> = []
    /// Role words that do not tell people apart ("former", "official").
    var roleModifiers: Set<String> = []

    public static let shared = NameRules(data: DataDirectory.shared)

    public init(data: URL?) {
        func rows(_ name: String) -> [[String]] {
            guard let data, let bytes = FileManager.default.contents(atPath: data.appendingPathComponent(name).path) else { return [] }
            return Resources.parseTable(bytes)
        }
        for row in rows("lexicons/name-variants.tsv") where row.count >= 3 {
            if row[0] == "word" { wordRules[row[1]] = row[2] } else if row[0] == "suffix" { suffixRules.append((row[1], row[2])) }
        }
        suffixRules.sort { $0.0.count > $1.0.count }
        let fold = { (row: [String]) in NameRules.foldWord(row[0]) }
        honorifics = Set(rows("lexicons/honorifics.txt").map(fold))
        postnominals = Set(rows("lexicons/postnominals.txt").map(fold)).union(["jr", "sr", "ii", "iii", "iv"])
        stopwords = Set(rows("lexicons/stopwords.txt").map(fold))
        roleModifiers = Set(rows("lexicons/role-modifiers.txt").map(fold))
    }

    /// Lower case, no diacritics, letters and digits only ("O’Malley" → "omalley").
    static func foldWord(_ word: String) -> String {
        // Most names are plain ASCII: folding them is lower-casing (Foundation's folding is slow).
        if word.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: word.utf8.compactMap { b -> UInt8? in
                switch b {
                case 0x41...0x5A: b + 0x20
                case 0x61...0x7A, 0x30...0x39: b
                default: nil
                }
            }, as: UTF8.self)
        }
        let folded = word.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        return String(String.UnicodeScalarView(folded.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }))
    }

    static func isASCIIAlphanumeric(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s)
    }

    /// The words of `text`: split at spaces, hyphens and other separators; apostrophes and dots
    /// inside a word vanish ("O'Malley", "J.").
    func words(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII ? NameRules.isASCIIAlphanumeric(scalar)
                : CharacterSet.alphanumerics.contains(scalar) || CharacterSet.nonBaseCharacters.contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if scalar == "'" || scalar == "’" || scalar == "." {
                continue
            } else if !current.isEmpty {
                out.append(NameRules.foldWord(current)); current = ""
            }
        }
        if !current.isEmpty { out.append(NameRules.foldWord(current)) }
        return out.filter { !$0.isEmpty }
    }

    /// One name word with the variant rules applied: whole words, then the first suffix.
    func variant(_ word: String) -> String {
        if let w = wordRules[word] { return w }
        for (suffix, replacement) in suffixRules where word.count > suffix.count + 2 && word.hasSuffix(suffix) {
            return String(word.dropLast(suffix.count)) + replacement
        }
        return word
    }

    /// The key of an entity's name. People lose honorifics in front and post-nominals behind;
    /// other types lose a leading "the".
    public func key(_ name: String, type: EntityType) -> NameKey {
        var w = words(name)
        if type == .person {
            while w.count > 1, honorifics.contains(w[0]) { w.removeFirst() }
            while w.count > 1, postnominals.contains(w[w.count - 1]) { w.removeLast() }
        } else if w.count > 1, w[0] == "the" {
            w.removeFirst()
        }
        w = w.map(variant)
        guard let last = w.last else { return NameKey(full: "", surname: "", given: nil) }
        let given = type == .person && w.count > 1 ? w[0] : nil
        return NameKey(full: w.joined(separator: " "), surname: type == .person ? last : w.joined(separator: " "), given: given)
    }

    /// The content words of a role or affiliation ("the country's former president" →
    /// ["country", "former", "president"] minus function words): context to compare people by.
    public func contextWords(_ text: String?) -> Set<String> {
        guard let text else { return [] }
        return Set(words(text).filter { $0.count > 2 && !stopwords.contains($0) && !roleModifiers.contains($0) })
    }

    /// Whether two given names can be the same person's: equal, or one an initial of the other.
    /// A missing given name (a surname alone) is compatible with any.
    public static func givenNamesAgree(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return true }
        if a == b { return true }
        if a.count == 1 || b.count == 1 { return a.first == b.first }
        return false
    }
}
