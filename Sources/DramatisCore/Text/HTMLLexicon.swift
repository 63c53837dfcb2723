import Foundation

/// The class/id words of `data/lexicons/html-boilerplate.tsv` that the body extractor decides by.
/// Loaded on its own (not through `Resources`), so opening a page does not load the models.
struct HTMLLexicon: Sendable {
    var comment: Set<String> = []
    var negative: Set<String> = []
    var weak: Set<String> = []
    var positive: Set<String> = []
    var body: Set<String> = []
    var lines: Set<String> = []

    static let shared: HTMLLexicon = {
        guard let dir = DataDirectory.shared,
              let data = FileManager.default.contents(atPath: dir.appendingPathComponent(path).path) else {
            return HTMLLexicon()
        }
        return HTMLLexicon(data: data)
    }()
    static let path = "lexicons/html-boilerplate.tsv"
    /// False when the data file was not found: the extractor then only has its tag rules.
    static var isLoaded: Bool { !shared.positive.isEmpty }

    init() {}

    init(data: Data) {
        Resources.forEachRow(data) { row in
            guard row.count >= 2 else { return }
            let word = row[1].lowercased()
            switch row[0] {
            case "comment": comment.insert(word)
            case "negative": negative.insert(word)
            case "weak": weak.insert(word)
            case "positive": positive.insert(word)
            case "body": body.insert(word)
            case "line": lines.insert(word)
            default: break
            }
        }
    }

    enum Hint: Equatable { case comment, negative, weak, positive }

    /// The words of a class or id value: split at anything but letters and digits and at
    /// lower→upper case changes ("relatedLinks_box" → related, links, box).
    static func parts(_ value: String) -> [String] {
        var out: [String] = []
        var current = ""
        var previousLower = false
        for ch in value {
            if !(ch.isLetter || ch.isNumber) {
                if !current.isEmpty { out.append(current.lowercased()); current = "" }
                previousLower = false
                continue
            }
            if ch.isUppercase, previousLower, !current.isEmpty { out.append(current.lowercased()); current = "" }
            current.append(ch)
            previousLower = ch.isLowercase || ch.isNumber
        }
        if !current.isEmpty { out.append(current.lowercased()) }
        return out
    }

    /// The hints of an element's class and id. Within one class name the last part with a hint
    /// decides, as the head of an English compound or a BEM element does ("article-related",
    /// "article-body__newsletter-promo" are boxes beside the story, "sidebar-content" is in a
    /// sidebar); comment words count wherever they stand.
    func hints(class cls: String?, id: String?) -> Set<Hint> {
        var out: Set<Hint> = []
        for value in [cls, id] {
            guard let value, !value.isEmpty else { continue }
            for token in value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
                var head: Hint?
                for p in HTMLLexicon.parts(String(token)) {
                    if comment.contains(p) { out.insert(.comment) }
                    if negative.contains(p) { head = .negative }
                    else if positive.contains(p) { head = .positive }
                    else if weak.contains(p) { head = .weak }
                }
                if let head { out.insert(head) }
            }
        }
        return out
    }

    /// An article-body container by its class, id or `itemprop`.
    func isBodyContainer(_ node: HTMLTree.Node) -> Bool {
        if node.attributes["itemprop"]?.lowercased() == "articlebody" { return true }
        for key in ["class", "id"] {
            for token in (node.attributes[key] ?? "").lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
            where body.contains(String(token)) { return true }
        }
        return false
    }
}
