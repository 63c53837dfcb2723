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
    private var byVariant: [[Int32]: [Int32]] = [:]
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
        for v in Self.variants(code, deletions: 2) { byVariant[v, default: []].append(id) }
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
        for v in Self.variants(code, deletions: limit) { for id in byVariant[v] ?? [] where seen.insert(id).inserted { out.append(surnames[Int(id)]) } }
        return out
    }

    static func variants(_ code: [Int32], deletions: Int) -> Set<[Int32]> {
        var level: Set<[Int32]> = [code]
        var all: Set<[Int32]> = code.count >= shortest ? [code] : []
        for _ in 0..<deletions {
            var next = Set<[Int32]>()
            for v in level where v.count > shortest {
                for i in v.indices { var d = v; d.remove(at: i); next.insert(d) }
            }
            all.formUnion(next)
            level = next
        }
        return all
    }
}
