import Foundation

/// Opens Markdown articles: optional YAML-style front matter
///
///     ---
///     title: "The headline"
///     date: 2024-03-05
///     source: https://example.org/story
///     author: Jane Doe
///     ---
///
/// and a body whose Markdown syntax is removed: headings, list items and block quotes become
/// paragraphs of their own; emphasis, code spans, links (→ their text), images, footnote marks,
/// reference definitions, HTML tags and horizontal rules are removed. Hard-wrapped lines of a
/// paragraph are joined with a space; paragraphs are separated by a blank line.
public enum MarkdownLoader {
    public struct FrontMatter: Sendable, Equatable {
        public var title: String?
        public var published: String?
        public var source: String?
        public var author: String?
        public var siteName: String?
        public var fields: [String: String] = [:]
    }

    public static func parse(_ raw: String, source: String?) throws -> Article {
        let text = ArticleLoader.normalizeNewlines(raw.hasPrefix("\u{FEFF}") ? String(raw.dropFirst()) : raw)
        let (front, body) = splitFrontMatter(text)
        var paragraphs = plainParagraphs(body)
        var title = front?.title
        // A leading "# Heading" is the title: taken when front matter has none, dropped when it repeats it.
        if let first = body.split(separator: "\n", omittingEmptySubsequences: true).first,
           first.hasPrefix("# "), let p = paragraphs.first {
            if title == nil { title = p; paragraphs.removeFirst() }
            else if p == stripInline(title!) { paragraphs.removeFirst() }
        }
        let joined = paragraphs.joined(separator: "\n\n")
        if joined.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            throw LoadError.empty(source ?? "article")
        }
        return Article(title: title, published: front?.published, source: front?.source ?? source, text: joined,
                       author: front?.author, siteName: front?.siteName)
    }

    /// Front matter between a first line `---` and a closing `---` (or `...`); nil when absent.
    public static func splitFrontMatter(_ text: String) -> (FrontMatter?, String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingCharacters(in: .whitespaces) == "---" else { return (nil, text) }
        guard let close = lines.dropFirst().firstIndex(where: {
            let t = $0.trimmingCharacters(in: .whitespaces); return t == "---" || t == "..."
        }) else { return (nil, text) }
        var fields: [String: String] = [:]
        var lastKey: String?
        for line in lines[1..<close] {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if trimmed.hasPrefix("- "), let key = lastKey, fields[key] == nil || fields[key]!.isEmpty {
                fields[key] = unquote(String(trimmed.dropFirst(2)))    // first item of a YAML list
                continue
            }
            guard let colon = line.firstIndex(of: ":"), !line.hasPrefix(" ") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("["), value.hasSuffix("]") {             // inline list: first item
                value = value.dropFirst().dropLast().split(separator: ",").first.map(String.init) ?? ""
            }
            fields[key] = unquote(value)
            lastKey = key
        }
        func field(_ keys: String...) -> String? {
            keys.lazy.compactMap { fields[$0] }.first { !$0.isEmpty }
        }
        var meta = FrontMatter(fields: fields)
        meta.title = field("title", "headline")
        meta.published = field("date", "published", "pubdate", "publishdate", "published_at", "created").flatMap(DateNormalizer.normalize)
        meta.source = field("source", "url", "link", "canonical", "canonical_url")
        meta.author = field("author", "authors", "byline")
        meta.siteName = field("site", "site_name", "sitename", "publication", "publisher")
        let body = lines[(close + 1)...].joined(separator: "\n")
        return (meta, body)
    }

    static func unquote(_ s: String) -> String {
        var v = s.trimmingCharacters(in: .whitespaces)
        if v.count >= 2, let f = v.first, let l = v.last, (f == "\"" && l == "\"") || (f == "'" && l == "'") {
            v = String(v.dropFirst().dropLast())
            if f == "\"" { v = v.replacingOccurrences(of: "\\\"", with: "\"") } else { v = v.replacingOccurrences(of: "''", with: "'") }
        }
        return v
    }

    // MARK: Blocks

    public static func plainParagraphs(_ markdown: String) -> [String] {
        var out: [String] = []
        var current: [String] = []
        func flush() {
            let text = current.map { stripInline($0) }.joined(separator: " ")
            let clean = HTMLTree.collapseWhitespace(text)
            if !clean.isEmpty { out.append(clean) }
            current = []
        }
        var fence: String?
        var code: [String] = []
        for rawLine in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = String(rawLine)
            if let f = fence {
                if line.trimmingCharacters(in: .whitespaces).hasPrefix(f) {
                    let block = code.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.joined(separator: "\n")
                    if !block.isEmpty { out.append(block) }
                    code = []; fence = nil
                } else { code.append(line) }
                continue
            }
            // Block-quote markers are removed; the quoted text is read like any other.
            while let q = quotePrefixEnd(line) { line = String(line[q...]) }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                flush(); fence = String(trimmed.prefix(3)); continue
            }
            if trimmed.isEmpty { flush(); continue }
            if isRule(trimmed) {
                // "---" right under text is a setext heading underline; the text is its own paragraph.
                flush(); continue
            }
            if !current.isEmpty, trimmed.allSatisfy({ $0 == "=" }) { flush(); continue }
            if let heading = atxHeading(trimmed) { flush(); current = [heading]; flush(); continue }
            if isReferenceDefinition(trimmed) { continue }
            if trimmed.hasPrefix("|") || (trimmed.contains(" | ") && trimmed.filter({ $0 == "|" }).count >= 2) {
                flush()
                let cells = trimmed.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                if cells.allSatisfy({ $0.allSatisfy { "-:".contains($0) } }) { continue }
                current = [cells.joined(separator: "; ")]; flush()
                continue
            }
            if let item = listItemText(trimmed) { flush(); current = [item]; continue }
            current.append(trimmed)
        }
        if fence != nil {
            let block = code.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.joined(separator: "\n")
            if !block.isEmpty { out.append(block) }
        }
        flush()
        return out
    }

    static func quotePrefixEnd(_ line: String) -> String.Index? {
        let spaces = line.prefix { $0 == " " }
        guard spaces.count < 4, line.dropFirst(spaces.count).first == ">" else { return nil }
        var i = line.index(line.startIndex, offsetBy: spaces.count + 1)
        if i < line.endIndex, line[i] == " " { i = line.index(after: i) }
        return i
    }

    static func isRule(_ t: String) -> Bool {
        let compact = t.filter { $0 != " " }
        guard compact.count >= 3, let c = compact.first, "-*_".contains(c) else { return false }
        return compact.allSatisfy { $0 == c }
    }

    static func atxHeading(_ t: String) -> String? {
        let hashes = t.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = t.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " else { return nil }
        var text = rest.trimmingCharacters(in: .whitespaces)
        while text.hasSuffix("#") { text.removeLast() }
        return text.trimmingCharacters(in: .whitespaces)
    }

    static func isReferenceDefinition(_ t: String) -> Bool {
        guard t.hasPrefix("["), let close = t.range(of: "]:") else { return false }
        return !t[t.index(after: t.startIndex)..<close.lowerBound].contains("]")
    }

    static func listItemText(_ t: String) -> String? {
        if let f = t.first, "-*+".contains(f), t.dropFirst().first == " " {
            var rest = t.dropFirst(2)
            if rest.hasPrefix("[ ] ") || rest.hasPrefix("[x] ") || rest.hasPrefix("[X] ") { rest = rest.dropFirst(4) }
            return String(rest)
        }
        let digits = t.prefix { $0.isASCII && $0.isNumber }
        if (1...9).contains(digits.count) {
            let after = t.dropFirst(digits.count)
            if let m = after.first, m == "." || m == ")", after.dropFirst().first == " " { return String(after.dropFirst(2)) }
        }
        return nil
    }

    // MARK: Inline

    static let entities: [String: String] = ["&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'",
                                             "&apos;": "'", "&nbsp;": " ", "&mdash;": "—", "&ndash;": "–", "&hellip;": "…"]

    /// Removes inline Markdown: one left-to-right pass, no recursion (links' text is scanned in place).
    public static func stripInline(_ s: String) -> String {
        let c = Array(s)
        var out = ""
        var jumps: [Int: Int] = [:]            // at a link's "]": continue after its "(url)"
        var i = 0
        func isSpace(_ k: Int) -> Bool { k < 0 || k >= c.count || c[k].isWhitespace }
        func findClose(_ open: Character, _ close: Character, from start: Int) -> Int? {
            var depth = 0, k = start
            while k < c.count {
                if c[k] == "\\" { k += 2; continue }
                if c[k] == open { depth += 1 } else if c[k] == close { depth -= 1; if depth == 0 { return k } }
                k += 1
            }
            return nil
        }
        /// For "[text](url)" or "[text][ref]" starting at `k`: the index of "]" and of the end.
        func link(at k: Int) -> (close: Int, end: Int)? {
            guard let close = findClose("[", "]", from: k) else { return nil }
            let n = close + 1
            if n < c.count, c[n] == "(", let end = findClose("(", ")", from: n) { return (close, end + 1) }
            if n < c.count, c[n] == "[", let end = findClose("[", "]", from: n) { return (close, end + 1) }
            return nil
        }
        while i < c.count {
            if let j = jumps[i] { i = j; continue }
            let ch = c[i]
            switch ch {
            case "\\":
                if i + 1 < c.count, c[i + 1].isASCII, c[i + 1].isPunctuation || c[i + 1].isSymbol {
                    out.append(c[i + 1]); i += 2
                } else { out.append(ch); i += 1 }
            case "`":
                let run = c[i...].prefix { $0 == "`" }.count
                var k = i + run, found: Int?
                while k < c.count {
                    if c[k] == "`" {
                        let r = c[k...].prefix { $0 == "`" }.count
                        if r == run { found = k; break }
                        k += r
                    } else { k += 1 }
                }
                if let f = found {
                    out += String(c[(i + run)..<f]).trimmingCharacters(in: .whitespaces); i = f + run
                } else { out += String(repeating: "`", count: run); i += run }
            case "!" where i + 1 < c.count && c[i + 1] == "[":
                if let l = link(at: i + 1) { i = l.end } else { out.append(ch); i += 1 }
            case "[":
                if i + 1 < c.count, c[i + 1] == "^", let close = findClose("[", "]", from: i) {
                    i = close + 1                          // footnote mark [^1]
                } else if let l = link(at: i) {
                    jumps[l.close] = l.end; i += 1
                } else { out.append(ch); i += 1 }
            case "<":
                if let close = c[i...].firstIndex(of: ">"), close - i < 2048 {
                    let inner = String(c[(i + 1)..<close])
                    if inner.hasPrefix("http://") || inner.hasPrefix("https://") || inner.hasPrefix("mailto:") {
                        out += inner.hasPrefix("mailto:") ? String(inner.dropFirst(7)) : inner; i = close + 1; continue
                    }
                    if let f = inner.first, f.isLetter || f == "/" || f == "!" {
                        if inner.lowercased().hasPrefix("br") { out.append(" ") }
                        i = close + 1; continue
                    }
                }
                out.append(ch); i += 1
            case "&":
                if let semi = c[i...].prefix(10).firstIndex(of: ";"), let v = entities[String(c[i...semi])] {
                    out += v; i = semi + 1
                } else { out.append(ch); i += 1 }
            case "*", "_", "~":
                let run = c[i...].prefix { $0 == ch }.count
                let before = i - 1, after = i + run
                if ch == "~", run < 2 { out.append(ch); i += 1; continue }
                let leftFlanking = !isSpace(after), rightFlanking = !isSpace(before)
                let intraword = before >= 0 && after < c.count && c[before].isLetter && c[after].isLetter
                                || before >= 0 && after < c.count && c[before].isNumber && c[after].isNumber
                if (leftFlanking || rightFlanking) && !(ch == "_" && intraword) {
                    i += run                                 // an emphasis delimiter
                } else {
                    out += String(repeating: ch, count: run); i += run
                }
            default:
                out.append(ch); i += 1
            }
        }
        return out
    }
}
