import Foundation
import Testing
@testable import DramatisCore

/// The body finder's guards on pages written here (invented text): tables, a body only in the
/// JSON-LD, pages that are not articles, paywall teasers, class words, metadata.
@Suite struct HTMLPageKindsTests {
    static let story = [
        "The library on Mill Street will open on Sundays from October, the town council decided on Tuesday evening after a year of petitions from students and parents.",
        "Opening one more day a week will cost about 38,000 euros a year, which the council will take from the budget for the old swimming pool, closed since the spring.",
        "\"People asked for this in every meeting we held,\" said Ada Lindqvist, who chairs the culture committee. \"We could not keep saying no to something this cheap.\"",
        "The library will be open from eleven to five on Sundays, with two staff on duty and the reading room upstairs closed until more volunteers can be found.",
    ]

    static func page(head: String = "", body: String) -> String {
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Library to open on Sundays</title>\(head)</head><body>\(body)</body></html>"
    }

    static func paragraphs(_ texts: [String]) -> String { texts.map { "<p>\($0)</p>" }.joined() }

    func load(_ html: String) throws -> Article {
        try ArticleLoader.parse(data: Data(html.utf8), source: "page.html", fileExtension: "html")
    }

    @Test func dataTableKeepsOneLinePerRow() throws {
        let rows = [("1", "Harbour Rovers", "61"), ("2", "Mill Street Athletic", "58"), ("3", "Northgate United", "50")]
        let table = "<table><tr><th>Pos</th><th>Club</th><th>Points</th></tr>"
            + rows.map { "<tr><td>\($0.0)</td><td>\($0.1)</td><td>\($0.2)</td></tr>" }.joined() + "</table>"
        let html = HTMLPageKindsTests.page(body: "<nav><a href=\"/\">Home</a></nav><div class=\"article-content\">"
            + HTMLPageKindsTests.paragraphs(Array(HTMLPageKindsTests.story.prefix(2))) + table
            + HTMLPageKindsTests.paragraphs(Array(HTMLPageKindsTests.story.suffix(2))) + "</div>")
        let lines = try load(html).text.components(separatedBy: "\n\n")
        #expect(lines.contains("Pos Club Points"))
        #expect(lines.contains("2 Mill Street Athletic 58"))
        #expect(!lines.contains("Mill Street Athletic"))
    }

    @Test func jsonLDArticleBodyWhenThePageHoldsOnlyATeaser() throws {
        // The page renders the story with a script; only the first paragraph is in the markup.
        let body = HTMLPageKindsTests.story.joined(separator: "\n")
        let ld = try String(decoding: JSONSerialization.data(withJSONObject: [
            "@context": "https://schema.org", "@type": "NewsArticle", "headline": "Library to open on Sundays",
            "articleBody": body]), as: UTF8.self)
        let html = HTMLPageKindsTests.page(head: "<script type=\"application/ld+json\">\(ld)</script>",
                                           body: "<article><p>\(HTMLPageKindsTests.story[0])</p><div id=\"app\"></div></article>")
        let article = try load(html)
        #expect(article.text == HTMLPageKindsTests.story.joined(separator: "\n\n"))
    }

    @Test func homePageIsNotAnArticle() {
        let items = (1...14).map { "<li><a href=\"/s/\($0)\">Council story number \($0) of the week</a><p>A short item about the council meeting, number \($0).</p></li>" }
        let html = HTMLPageKindsTests.page(head: "<meta property=\"og:type\" content=\"website\">",
                                           body: "<main><ul>\(items.joined())</ul></main>")
        let error = loadError { try load(html) }
        guard case .notAnArticle(let source, let reason)? = error else {
            Issue.record("expected notAnArticle, got \(String(describing: error))")
            return
        }
        #expect(source == "page.html")
        #expect(reason.contains("short items"))
        #expect(error?.description.hasPrefix("page.html: not an article:") == true)
    }

    @Test func aFewWordsAreNotAnArticle() {
        let menu = (1...60).map { "<li><a href=\"/s/\($0)\">Section number \($0) of the site</a></li>" }.joined()
        let html = HTMLPageKindsTests.page(body: "<nav><ul>\(menu)</ul></nav><div class=\"content\"><p>Subscribe to read the rest of this story today.</p></div>")
        let error = loadError { try load(html) }
        guard case .notAnArticle? = error else {
            Issue.record("expected notAnArticle, got \(String(describing: error))")
            return
        }
    }

    @Test func aSmallPageWithAShortTextIsAShortArticle() throws {
        let html = HTMLPageKindsTests.page(body: "<p>The ferry will run a night crossing from next month, its operator said.</p>")
        #expect(try load(html).text == "The ferry will run a night crossing from next month, its operator said.")
    }

    @Test func aLongArticleWithoutMetadataIsStillAnArticle() throws {
        let html = HTMLPageKindsTests.page(head: "<meta property=\"og:type\" content=\"website\">",
                                           body: "<div>" + HTMLPageKindsTests.paragraphs(HTMLPageKindsTests.story) + "</div>")
        let article = try load(html)
        #expect(article.text.hasPrefix("The library on Mill Street"))
        #expect(article.notice == nil)
    }

    @Test func paywallTeaserIsKeptWithANotice() throws {
        let ld = "{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"Library to open on Sundays\",\"isAccessibleForFree\":\"False\"}"
        let html = HTMLPageKindsTests.page(head: "<script type=\"application/ld+json\">\(ld)</script>",
            body: "<article>" + HTMLPageKindsTests.paragraphs(Array(HTMLPageKindsTests.story.prefix(2)))
                + "<div class=\"paywall\"><p>Subscribe to keep reading.</p></div></article>")
        let article = try load(html)
        #expect(article.text.hasPrefix("The library on Mill Street"))
        #expect(article.notice?.contains("paywall") == true)
        let json = String(decoding: try Analysis(article: article).jsonData(pretty: false), as: UTF8.self)
        #expect(json.contains("\"notice\":"))
    }

    @Test func authorsAreListedAndThePublishedOptionWins() throws {
        let ld = "{\"@type\":\"NewsArticle\",\"datePublished\":\"2026-10-02\",\"author\":[{\"name\":\"Ada Lindqvist\"},{\"name\":\"Omar Sy\"}]}"
        let html = HTMLPageKindsTests.page(head: "<script type=\"application/ld+json\">\(ld)</script>",
                                           body: "<article>" + HTMLPageKindsTests.paragraphs(HTMLPageKindsTests.story) + "</article>")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dramatis-kinds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("story.html").path
        try Data(html.utf8).write(to: URL(fileURLWithPath: path))
        let article = try ArticleLoader.load(path: path)
        #expect(article.authors == ["Ada Lindqvist", "Omar Sy"])
        #expect(article.author == "Ada Lindqvist, Omar Sy")
        #expect(article.published == "2026-10-02")
        #expect(try ArticleLoader.load(path: path, published: "2026-10-05").published == "2026-10-05")
        let json = String(decoding: try Analysis(article: article).jsonData(pretty: false), as: UTF8.self)
        #expect(json.contains("\"authors\":[\"Ada Lindqvist\",\"Omar Sy\"]"))
    }

    @Test func classNamesAreCutIntoWordsAndTheLastHintedWordDecides() {
        #expect(HTMLLexicon.parts("relatedLinks_box") == ["related", "links", "box"])
        #expect(HTMLLexicon.parts("article-body__newsletter-promo") == ["article", "body", "newsletter", "promo"])
        let lexicon = HTMLLexicon.shared
        #expect(HTMLLexicon.isLoaded)
        #expect(lexicon.hints(class: "article-related", id: nil) == [.negative])
        #expect(lexicon.hints(class: "sidebar-content", id: nil) == [.positive])
        #expect(lexicon.hints(class: "pagerow", id: nil).isEmpty)   // not "pager"
        #expect(lexicon.hints(class: "story", id: "comments").contains(.comment))
    }

    @Test func aWrapperNamedLikeFurnitureIsKeptWhenItHoldsTheProse() throws {
        let html = HTMLPageKindsTests.page(body: "<div class=\"sidebar\"><a href=\"/\">Home</a></div><div class=\"page-ad-margins\">"
            + HTMLPageKindsTests.paragraphs(HTMLPageKindsTests.story) + "<div class=\"ad-unit\"><p>Advertising helps fund local news reporting in this town.</p></div></div>")
        let article = try load(html)
        #expect(article.text.components(separatedBy: "\n\n") == HTMLPageKindsTests.story)
    }
}
