import Foundation

/// Shapes of a candidate issue phrase that name no issue (`data/lexicons/issue-shape.tsv`): a
/// phrase opened by an adjunct word ("amid sagging poll numbers", "away"), a clause with a subject
/// pronoun ("we're blaming", "money you took"), a lone lower-case past participle ("vetted",
/// "echoed"). The models never see such a phrase: on the training articles none of them was a
/// position a reader listed.
public struct IssueShape: Sendable {
    let openers: Set<String>
    let pronouns: Set<String>

    init(rows: [[String]]) {
        var o = Set<String>(), p = Set<String>()
        for r in rows where r.count >= 2 {
            switch r[1] {
            case "open": o.insert(r[0])
            case "pronoun": p.insert(r[0])
            default: break
            }
        }
        openers = o; pronouns = p
    }

    /// Whether `phrase` can name an issue.
    public func isIssue(_ phrase: String) -> Bool {
        let words = phrase.lowercased().replacingOccurrences(of: "’", with: "'")
            .split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "-") }).map(String.init)
        guard let first = words.first else { return false }
        if openers.contains(first) { return false }
        if words.contains(where: pronouns.contains) { return false }
        if words.count == 1, first.hasSuffix("ed"), phrase.first?.isLowercase == true { return false }
        return true
    }
}
