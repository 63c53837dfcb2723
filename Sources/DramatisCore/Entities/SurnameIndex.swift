import Foundation

/// The surnames of the person drafts by their deletion variants (each surname with up to two
/// characters left out), so `RecognitionPass.nearMiss` compares a word with the few surnames that
/// can be within its edit limit, not with every surname of the article (which made a long article
/// of many names quadratic). Two strings within edit distance k share a variant of at most k
/// deletions from each, so the candidates include every surname the full scan would accept.
/// Variants are arrays of character numbers: hashing them is cheap where hashing a String
/// normalises it (slow for names with combining marks). A surname longer than `longest` (a token
/// of hundreds of letters, "NatoNatoNato…", found by the structured fuzz target) would have a
/// square number of long variants: such surnames are kept by length instead.
struct SurnameIndex {
    /// Variant → numbers of the surnames (in `surnames`) that have it.
    private var byVariant: [UInt64: [Int32]] = [:]
    private var surnames: [String] = []
    private var byLength: [Int: [String]] = [:]
    private static let longest = 24
    private var numbers: [Character: Int32] = [:]
    /// Variants shorter than this are never asked: a word of 5 characters (the shortest compared)
    /// with one deletion, or of 9 and more with two.
    private static let shortest = 4

    mutating func insert(_ surname: String) {
        guard surname.count <= Self.longest else { byLength[surname.count, default: []].append(surname); return }
        let code = surname.map { c -> Int32 in
            if let n = numbers[c] { return n }
            let n = Int32(numbers.count); numbers[c] = n; return n
        }
        let id = Int32(surnames.count)
        surnames.append(surname)
        Self.variantKeys(code, deletions: 2) { byVariant[$0, default: []].append(id) }
    }

    /// The surnames that may be within `limit` edits of `word` (a superset; the caller checks).
    func candidates(_ word: [Character], limit: Int) -> [String] {
        // A character no surname has gets -1: it matches nothing, or another unknown (checked later).
        var out: [String] = []
        for n in (word.count - 1)...(word.count + 1) where n > Self.longest { out += byLength[n] ?? [] }
        // Indexed surnames are at most `longest` long, so a longer word can be near none of them.
        guard word.count <= Self.longest + 1 else { return out }
        let code = word.map { numbers[$0] ?? -1 }
        // Surnames by number, each once (hashing the names themselves is slow with combining marks).
        var seen = Set<Int32>()
        Self.variantKeys(code, deletions: limit) { for id in byVariant[$0] ?? [] where seen.insert(id).inserted { out.append(surnames[Int(id)]) } }
        return out
    }

    /// The variants of `code` with up to `deletions` characters left out, none shorter than
    /// `shortest`, each as a 64-bit hash of its characters (FNV-1a): no array is built per
    /// variant. A variant may come more than once (repeated letters). Two different variants
    /// sharing a hash only add a candidate, which the caller's edit distance check then drops
    /// unless it is within the limit anyway, so the candidates still hold every surname within it.
    static func variantKeys(_ code: [Int32], deletions: Int, _ body: (UInt64) -> Void) {
        let n = code.count
        func key(skipping a: Int, _ b: Int) -> UInt64 {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for k in 0..<n where k != a && k != b { h = (h ^ UInt64(UInt32(bitPattern: code[k]))) &* 0x0000_0100_0000_01B3 }
            return h
        }
        if n >= shortest { body(key(skipping: -1, -1)) }
        if deletions >= 1, n - 1 >= shortest { for a in 0..<n { body(key(skipping: a, -1)) } }
        if deletions >= 2, n - 2 >= shortest { for a in 0..<n { for b in (a + 1)..<n { body(key(skipping: a, b)) } } }
    }
}
