import Foundation

/// Finds the article in a web page: its metadata (title, publication date, author, site name)
/// and its body as plain paragraphs.
///
/// The body is found with a readability-style scorer: every paragraph of 25+ characters gives
/// points (1 + commas + one per 100 characters, at most 3) to its container and, decreasingly,
/// to the containers above it; a container's points are weighted by its class/id hints and
/// discounted by its link density; the best container wins and its siblings join when they score
/// well or read like prose. Navigation, ads, scripts, forms, captions, comments, related-link
/// lists and the like are dropped before scoring by tag, ARIA role and class/id hints.
public enum HTMLArticleExtractor {
    public struct Result: Sendable, Equatable {
        public var title: String?
        /// `YYYY-MM-DD`, from the page's metadata.
        public var published: String?
        /// The authors joined with ", " (the `author` the JSON has always carried).
        public var author: String? { authors.isEmpty ? nil : authors.joined(separator: ", ") }
        public var authors: [String] = []
        public var siteName: String?
        public var paragraphs: [String]
        /// Why the page is not an article (a home page, an index, a paywall stub), when it is not.
        public var notArticleReason: String?
        /// Something a reader should know of the text found (only a paywall teaser is in the page).
        public var notice: String?
        /// The body: paragraphs separated by a blank line.
        public var text: String { paragraphs.joined(separator: "\n\n") }
    }

    /// Extracts from raw bytes; `declaredCharset` is the HTTP header's charset, if any.
    public static func extract(data: Data, declaredCharset: String? = nil) -> Result {
        extract(html: CharsetDecoder.decodeHTML(data, declaredCharset: declaredCharset).text)
    }

    public static func extract(html: String) -> Result {
        let tree = HTMLTree(html: html)
        let meta = MetadataReader(tree: tree)
        var result = Result(title: meta.title, published: meta.published, authors: meta.authors,
                            siteName: meta.siteName, paragraphs: [])
        result.paragraphs = body(tree: tree, meta: meta)
        result.notArticleReason = notArticle(result.paragraphs, meta: meta, tree: tree)
        let length = result.paragraphs.reduce(0) { $0 + $1.count }
        if meta.freeToRead == false, length < 3 * minimumArticle, result.notArticleReason == nil {
            result.notice = "only a teaser of \(length) characters is in the page (the article is behind a paywall)"
        }
        return result
    }
}

extension HTMLArticleExtractor {
    /// Below this many characters a pass is taken to have missed the article (readability's retry).
    static let shortBody = 500

    /// Below this many characters a page is not taken for an article (news items run to 600 and more).
    static let minimumArticle = 300

    /// Why the found text is not an article, or nil when it is one: too little text, or a page of many short items (a home page, an index) that does not call itself
    /// an article.
    static func notArticle(_ paragraphs: [String], meta: MetadataReader, tree: HTMLTree) -> String? {
        let length = paragraphs.reduce(0) { $0 + $1.count }
        if length == 0 { return nil }  // nothing at all: the loader's "empty"
        // Little text on a page that has much more (menus, teasers, a subscription box) is not an
        // article; a small page with a short text is a short article. A paywall teaser is the
        // article's real opening: kept, with a notice (`Result.notice`).
        if length < minimumArticle, meta.freeToRead != false {
            let lenient = BodyExtractor(tree: tree, mode: .lenient)
            let page = tree.nodes.indices.filter { tree.nodes[$0].parent < 0 }.reduce(0) { $0 + lenient.textLength[$1] }
            if page >= 4 * minimumArticle {
                return "only \(length) of the page's \(page) characters read as article text: a home page, an index or a subscription page"
            }
        }
        let mean = length / paragraphs.count
        if !meta.saysArticle, meta.saysWebsite, paragraphs.count >= 8, mean < 80 {
            return "the page is a list of \(paragraphs.count) short items (a home page or an index), not an article"
        }
        return nil
    }

    /// The strict pass; when it finds little, or much less than the page's own JSON-LD
    /// `articleBody`, the lenient pass; when both fall short of that `articleBody`, the
    /// `articleBody` itself (publishers fill it from the same story text).
    static func body(tree: HTMLTree, meta: MetadataReader) -> [String] {
        func length(_ p: [String]) -> Int { p.reduce(0) { $0 + $1.count } }
        let declared = meta.articleBody.map(JSONLD.paragraphs) ?? []
        let declaredLength = length(declared)
        var best = BodyExtractor(tree: tree, mode: .strict).paragraphs(title: meta.title)
        if length(best) < shortBody || length(best) * 2 < declaredLength {
            let lenient = BodyExtractor(tree: tree, mode: .lenient).paragraphs(title: meta.title)
            // Furniture words alone ("Menu", "Home") do not make the lenient pass right.
            if length(lenient) > length(best), lenient.joined().filter(\.isLetter).count >= 25 { best = lenient }
        }
        if declaredLength >= shortBody, length(best) * 2 < declaredLength { best = declared }
        return best
    }
}

// MARK: - Metadata

struct MetadataReader {
    var title: String?
    var published: String?
    var authors: [String] = []
    var siteName: String?
    var articleBody: String?
    /// What the page says it is: Open Graph `og:type`, JSON-LD, `<article>`, `itemprop=articleBody`.
    var saysArticle = false
    var saysWebsite = false
    var freeToRead: Bool?

    init(tree: HTMLTree) {
        var metas: [String: String] = [:]
        for i in tree.elements(named: "meta") {
            let a = tree.nodes[i].attributes
            guard let key = a["property"] ?? a["name"] ?? a["itemprop"],
                  let value = a["content"]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { continue }
            let k = key.lowercased()
            if metas[k] == nil { metas[k] = value }
        }
        let ld = JSONLD(tree: tree)
        articleBody = ld.articleBody
        freeToRead = ld.freeToRead
        let ogType = metas["og:type"]?.lowercased() ?? ""
        saysWebsite = ogType == "website"
        saysArticle = ogType == "article" || ld.hasArticle || metas["article:published_time"] != nil
            || !tree.elements(named: "article").isEmpty
            || tree.nodes.contains { $0.attributes["itemprop"]?.lowercased() == "articlebody" }

        siteName = metas["og:site_name"] ?? ld.publisherName ?? metas["application-name"]
        siteName = siteName.map(HTMLTree.collapseWhitespace).flatMap { $0.isEmpty ? nil : $0 }

        let h1 = tree.elements(named: "h1").lazy.map { tree.textContent(of: $0) }.first { !$0.isEmpty }
        let titleTag = tree.elements(named: "title").lazy.map { tree.textContent(of: $0) }.first { !$0.isEmpty }
        let candidates: [String?] = [metas["og:title"], metas["twitter:title"], ld.headline, titleTag, h1]
        if let raw = candidates.lazy.compactMap({ $0 }).map(HTMLTree.collapseWhitespace).first(where: { !$0.isEmpty }) {
            title = MetadataReader.stripSiteSuffix(raw, siteName: siteName, h1: h1)
        }

        var dates: [String?] = [metas["article:published_time"], ld.datePublished,
                                metas["datepublished"], metas["og:published_time"]]
        // <time datetime>: one marked as the publication time first, then the first one.
        let times = tree.elements(named: "time").filter { tree.nodes[$0].attributes["datetime"] != nil }
        let marked = times.first { i in
            let a = tree.nodes[i].attributes
            return a["pubdate"] != nil || a["itemprop"]?.lowercased() == "datepublished"
                || (a["class"] ?? "").lowercased().contains("publish")
        }
        dates.append(marked.flatMap { tree.nodes[$0].attributes["datetime"] })
        for key in ["date", "pubdate", "publishdate", "publish-date", "dc.date", "dc.date.issued", "dcterms.date",
                    "dcterms.created", "dcterms.issued", "sailthru.date", "parsely-pub-date", "article.published",
                    "original-publish-date", "article:modified_time", "og:updated_time"] {
            dates.append(metas[key])
        }
        dates.append(times.first.flatMap { tree.nodes[$0].attributes["datetime"] })
        published = dates.lazy.compactMap { $0 }.compactMap(DateNormalizer.normalize).first

        var authors: [String?] = [metas["author"], metas["parsely-author"], metas["dc.creator"],
                                  metas["article:author"].flatMap { $0.contains("://") ? nil : $0 }]
        let relAuthor = tree.nodes.indices.first { i in
            let a = tree.nodes[i].attributes
            return a["rel"]?.lowercased() == "author" || a["itemprop"]?.lowercased() == "author"
        }
        authors.append(relAuthor.map { tree.textContent(of: $0) })
        // Theme markup: class="author" (hCard, WordPress), then a "byline" ("By Jane Doe, Staff Writer").
        func classed(_ match: @escaping (String) -> Bool) -> String? {
            tree.nodes.indices.lazy.filter { i in
                (tree.nodes[i].attributes["class"] ?? "").lowercased().split(separator: " ").contains { match(String($0)) }
            }.map { tree.textContent(of: $0) }.first { !$0.isEmpty }
        }
        authors.append(classed { $0 == "author" || $0.hasSuffix("author-name") || $0 == "byline__name" })
        authors.append(classed { $0.contains("byline") }.map { line in
            String(line.prefix { $0 != "," && $0 != "|" && $0 != "·" })
        })
        let names = (ld.authorNames ?? []).map(MetadataReader.cleanAuthor).filter { !$0.isEmpty && $0.count < 120 }
        if !names.isEmpty {
            self.authors = names
        } else if let one = authors.lazy.compactMap({ $0 }).map(MetadataReader.cleanAuthor).first(where: { !$0.isEmpty && $0.count < 120 }) {
            self.authors = MetadataReader.splitAuthors(one)
        }
    }

    /// "Jane Doe and John Roe" → two names; a comma stays ("Jane Doe, Staff Writer" is one person).
    static func splitAuthors(_ line: String) -> [String] {
        var parts = [line]
        for sep in [" and ", " & ", "; "] { parts = parts.flatMap { $0.components(separatedBy: sep) } }
        return parts.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func cleanAuthor(_ raw: String) -> String {
        var a = HTMLTree.collapseWhitespace(raw)
        if a.lowercased().hasPrefix("by ") { a = String(a.dropFirst(3)).trimmingCharacters(in: .whitespaces) }
        return a
    }

    static let separators = [" | ", " - ", " – ", " — ", " · ", " :: ", " » ", " / ", ": "]

    /// "Headline | The Site" → "Headline" when the suffix (or prefix) is the site name, or when the
    /// part that remains is the page's `<h1>`.
    static func stripSiteSuffix(_ title: String, siteName: String?, h1: String?) -> String {
        let lower = title.lowercased()
        if let site = siteName?.lowercased(), !site.isEmpty, lower != site {
            for sep in separators {
                if lower.hasSuffix(sep + site) {
                    return String(title.dropLast(sep.count + site.count)).trimmingCharacters(in: .whitespaces)
                }
                if lower.hasPrefix(site + sep) {
                    return String(title.dropFirst(sep.count + site.count)).trimmingCharacters(in: .whitespaces)
                }
            }
        }
        if let h1, !h1.isEmpty, title != h1 {
            for sep in separators where title.hasPrefix(h1 + sep) || title.hasSuffix(sep + h1) { return h1 }
        }
        return title
    }
}

/// The schema.org objects in a page's `<script type="application/ld+json">` blocks,
/// including `@graph` arrays and top-level arrays.
struct JSONLD {
    var headline: String?
    var datePublished: String?
    var authorNames: [String]?
    var publisherName: String?
    var articleBody: String?
    /// Whether an object of an article type is there, and what it says of `isAccessibleForFree`.
    var hasArticle = false
    var freeToRead: Bool?

    static let articleTypes: Set<String> = ["article", "newsarticle", "blogposting", "reportagenewsarticle",
        "analysisnewsarticle", "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "scholarlyarticle",
        "techarticle", "report", "socialmediaposting", "liveblogposting", "posting"]

    init(tree: HTMLTree) {
        var objects: [[String: Any]] = []
        for i in tree.elements(named: "script") where (tree.nodes[i].attributes["type"] ?? "").lowercased().contains("ld+json") {
            let source = tree.nodes[i].children.map { tree.nodes[$0].text }.joined()
                .trimmingCharacters(in: .whitespacesAndNewlines)
            guard let data = source.data(using: .utf8),
                  let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { continue }
            // Flatten arrays and @graph without recursion.
            var stack: [Any] = [json]
            var visited = 0
            while let item = stack.popLast(), visited < 10_000 {
                visited += 1
                if let array = item as? [Any] { stack.append(contentsOf: array.reversed()); continue }
                guard let object = item as? [String: Any] else { continue }
                objects.append(object)
                if let graph = object["@graph"] { stack.append(graph) }
                if let main = object["mainEntity"] { stack.append(main) }
            }
        }
        func types(_ o: [String: Any]) -> [String] {
            if let t = o["@type"] as? String { return [t.lowercased()] }
            if let ts = o["@type"] as? [Any] { return ts.compactMap { ($0 as? String)?.lowercased() } }
            return []
        }
        let articles = objects.filter { !Set(types($0)).isDisjoint(with: JSONLD.articleTypes) }
        hasArticle = !articles.isEmpty
        freeToRead = articles.compactMap { o -> Bool? in
            switch o["isAccessibleForFree"] {
            case let b as Bool: return b
            case let t as String: return t.lowercased() != "false"
            default: return nil
            }
        }.first
        let ordered = articles + objects.filter { Set(types($0)).isDisjoint(with: JSONLD.articleTypes) }
        for o in ordered {
            if headline == nil, let h = o["headline"] as? String, !h.isEmpty { headline = h }
            if datePublished == nil, let d = o["datePublished"] as? String, DateNormalizer.normalize(d) != nil { datePublished = d }
            if authorNames == nil, let names = JSONLD.names(o["author"] ?? o["creator"]), !names.isEmpty {
                authorNames = names
            }
            if publisherName == nil, let p = JSONLD.names(o["publisher"])?.first { publisherName = p }
            if articleBody == nil, let b = o["articleBody"] as? String, !b.isEmpty { articleBody = b }
        }
    }

    /// An `articleBody` as paragraphs: split at line breaks; markup in it (some sites put HTML
    /// there) is read as a page of its own.
    static func paragraphs(_ body: String) -> [String] {
        var text = body
        if body.contains("</") || body.contains("<p") || body.contains("<br") {
            let tree = HTMLTree(html: "<html><body>" + body + "</body></html>")
            return BodyExtractor(tree: tree, mode: .lenient).blocks().map(\.text)
        }
        text = ArticleLoader.normalizeNewlines(text)
        return text.split(separator: "\n").map { HTMLTree.collapseWhitespace(String($0)) }.filter { !$0.isEmpty }
    }

    static func names(_ value: Any?) -> [String]? {
        switch value {
        case let s as String: return s.contains("://") ? nil : [s]
        case let o as [String: Any]: return (o["name"] as? String).map { [$0] }
        case let a as [Any]: return a.compactMap { names($0)?.first }
        default: return nil
        }
    }
}

/// Normalises the date formats pages use to `YYYY-MM-DD` (the date as written, no time-zone shift).
public enum DateNormalizer {
    // "jan" … "dec": the prefixes of the one list of month names.
    static let months = DateText.monthNames.map { String($0.prefix(3)).lowercased() }

    public static func normalize(_ raw: String) -> String? {
        let s = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !s.isEmpty else { return nil }
        let chars = Array(s)
        func digits(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= chars.count else { return nil }
            let slice = chars[from..<from + count]
            guard slice.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(String(slice))
        }
        func make(_ y: Int, _ m: Int, _ d: Int) -> String? {
            guard (1000...9999).contains(y), (1...12).contains(m), d >= 1, d <= ISODate.daysIn(month: m, year: y) else { return nil }
            return ISODate(year: y, month: m, day: d).description
        }
        // 2024-03-05, 2024/03/05, 2024.03.05 (anything after is time).
        if let y = digits(0, 4), chars.count >= 10, "-/.".contains(chars[4]), chars[7] == chars[4],
           let m = digits(5, 2), let d = digits(8, 2) {
            return make(y, m, d)
        }
        // 20240305
        if chars.count == 8, let y = digits(0, 4), let m = digits(4, 2), let d = digits(6, 2) { return make(y, m, d) }
        // Written dates: "March 5, 2024", "5 March 2024", "Tue, 05 Mar 2024 10:00:00 GMT".
        let words = s.lowercased().split { !$0.isLetter && !$0.isNumber }
        var month: Int?, year: Int?, day: Int?
        for w in words {
            if month == nil, w.first?.isLetter == true, w.count >= 3,
               let m = months.firstIndex(of: String(w.prefix(3))), String(w).hasPrefix(months[m]) {
                month = m + 1
            } else if let n = Int(w) {
                if w.count == 4, year == nil { year = n } else if w.count <= 2, day == nil, year == nil || month != nil { day = n }
            }
            if month != nil, year != nil, day != nil { break }
        }
        // Numeric day-first dates: 05.03.2024, 05/03/2024 (ambiguous US forms are read day-first only
        // when the first number cannot be a month).
        if month == nil, words.count >= 3, let a = Int(words[0]), let b = Int(words[1]), let c = Int(words[2]), words[2].count == 4 {
            if a > 12 { return make(c, b, a) }
            if chars.contains(".") { return make(c, b, a) }
            return make(c, a, b)
        }
        guard let y = year, let m = month, let d = day else { return nil }
        return make(y, m, d)
    }
}
