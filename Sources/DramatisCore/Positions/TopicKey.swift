import Foundation

/// Content words of a topic phrase: lower-cased, without function words, possessive 's and
/// plural s, so that "the ban on Muslims" and "a ban on Muslims entering" share {ban, muslim}.
public enum TopicKey {
    static let stop: Set<String> = Set("""
        a an the of to in on for and or nor with without by from at as about into onto over under
        against between among during after before since until upon via per within across through
        is are was were be been being has have had do does did will would shall should can could may
        might must its it it's their theirs them they this that these those his her hers him he she
        we our ours you your i me my any all some such than then so also more most very much many
        which who whom whose what when where why how there here whether if not no
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    public static func of(_ s: String) -> Set<String> {
        var out = Set<String>()
        // Foundation's folding and replacing cost a search each: only when there is something to fold or drop.
        var folded = s.lowercased()
        if !folded.unicodeScalars.allSatisfy(\.isASCII) { folded = folded.folding(options: .diacriticInsensitive, locale: nil) }
        if folded.unicodeScalars.contains(where: { $0 == "’" || $0 == "'" }) {
            folded = folded.replacingOccurrences(of: "’s", with: "").replacingOccurrences(of: "'s", with: "")
                .replacingOccurrences(of: "’", with: "").replacingOccurrences(of: "'", with: "")
        }
        var word = ""
        func flush() {
            if !word.isEmpty, !stop.contains(word) { out.insert(singular(word)) }
            word = ""
        }
        if folded.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII by bytes: its letters are A–Z and a–z and its numbers 0–9, as Character says.
            var utf8 = Array(folded.utf8)[...]
            while !utf8.isEmpty {
                let run = utf8.prefix { b in b >= 0x61 && b <= 0x7A || b >= 0x41 && b <= 0x5A || b >= 0x30 && b <= 0x39 || b == 0x5F }
                if !run.isEmpty { word = String(decoding: run, as: UTF8.self); flush() }
                utf8 = utf8.dropFirst(max(run.count, 1))
            }
            return out
        }
        for ch in folded { if ch.isLetter || ch.isNumber || ch == "_" { word.append(ch) } else { flush() } }
        flush()
        return out
    }

    static func singular(_ t: String) -> String {
        if t.count > 4, t.hasSuffix("ies") { return String(t.dropLast(3)) + "y" }
        if t.count > 3, t.hasSuffix("s"), !t.hasSuffix("ss"), !t.hasSuffix("us"), !t.hasSuffix("is") { return String(t.dropLast()) }
        return t
    }

    /// Two phrases name one issue: one's words contain the other's (of two words or more), or
    /// they share at least half of their words.
    public static func sameIssue(_ a: Set<String>, _ b: Set<String>) -> Bool {
        guard !a.isEmpty, !b.isEmpty else { return false }
        if a == b { return true }
        if min(a.count, b.count) >= 2, a.isSubset(of: b) || b.isSubset(of: a) { return true }
        return Double(a.intersection(b).count) / Double(a.union(b).count) >= 0.5
    }
}
