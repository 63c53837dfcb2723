import Foundation
import Testing
@testable import DramatisCore

/// A scratch folder for one test, removed afterwards.
struct ScratchFolder {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("dramatis-load-\(UUID().uuidString)")
    init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
    func write(_ name: String, _ data: Data) throws -> String {
        let file = url.appendingPathComponent(name)
        try data.write(to: file)
        return file.path
    }
    func remove() { try? FileManager.default.removeItem(at: url) }
}

@Suite struct MarkdownLoadingTests {
    static let sample = """
    ---
    title: "Harbour pilots vote to strike"
    date: 2025-04-09T10:00:00Z
    source: https://example.org/news/pilots
    author: [Ana Ruiz, Ben Ode]
    tags:
      - port
    ---

    # Harbour pilots vote to strike

    Pilots at the **port** voted on *Tuesday* to strike, said [the union](https://union.example "Union site").
    The vote was close_enough_to_matter, 2 * 3 times closer than in 2019.

    ## Background

    - First demand: `overtime` pay
    - Second demand: a __new__ rota
      agreed by both sides
    1. Numbered point

    > A quoted paragraph
    > over two lines.

    ![A pilot boat](boat.jpg)
    Escaped \\*stars\\* stay, footnote mark goes[^1].

    ```
    let x = 1
    ```

    ***

    [^1]: The footnote itself.
    [union]: https://union.example
    """

    @Test func frontMatterAndSyntaxStripping() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let path = try folder.write("pilots.md", Data(MarkdownLoadingTests.sample.utf8))
        let article = try ArticleLoader.load(path: path)
        #expect(article.title == "Harbour pilots vote to strike")
        #expect(article.published == "2025-04-09")
        #expect(article.source == "https://example.org/news/pilots")
        #expect(article.author == "Ana Ruiz")
        let paragraphs = article.text.components(separatedBy: "\n\n")
        #expect(paragraphs == [
            "Pilots at the port voted on Tuesday to strike, said the union. The vote was close_enough_to_matter, 2 * 3 times closer than in 2019.",
            "Background",
            "First demand: overtime pay",
            "Second demand: a new rota agreed by both sides",
            "Numbered point",
            "A quoted paragraph over two lines.",
            "Escaped *stars* stay, footnote mark goes.",
            "let x = 1",
        ])
        #expect(try ArticleLoader.load(path: path, published: "2025-05-01").published == "2025-05-01")
    }

    @Test func withoutFrontMatterTheFirstHeadingIsTheTitle() throws {
        let article = try MarkdownLoader.parse("# A *plain* title\n\nBody text with a [link][ref].\n\n[ref]: http://x.example\n", source: "x.md")
        #expect(article.title == "A plain title")
        #expect(article.text == "Body text with a link.")
        #expect(article.published == nil)
    }

    @Test func emptyMarkdownIsRefused() {
        #expect(throws: LoadError.empty("e.md")) { try MarkdownLoader.parse("---\ntitle: x\n---\n\n", source: "e.md") }
    }
}

@Suite struct CharsetAndFormatTests {
    static func page(_ head: String, _ body: String) -> String {
        "<!DOCTYPE html><html><head>\(head)<title>T</title></head><body><article><p>\(body)</p></article></body></html>"
    }

    @Test func windows1252FromMetaCharset() throws {
        // “Smart quotes”, € and é as single Windows-1252 bytes.
        var bytes = Array(CharsetAndFormatTests.page("<meta charset=\"windows-1252\">", "X").utf8)
        let x = bytes.firstIndex(of: UInt8(ascii: "X"))!
        bytes.replaceSubrange(x...x, with: [0x93, 0x43, 0x61, 0x66, 0xE9, 0x94, 0x20, 0x63, 0x6F, 0x73, 0x74, 0x73, 0x20, 0x80, 0x35])
        let result = HTMLArticleExtractor.extract(data: Data(bytes))
        #expect(result.text == "“Café” costs €5")
    }

    @Test func iso88591FromHttpEquivIsReadAsWindows1252() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let html = CharsetAndFormatTests.page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">",
                                              "Señor Müller’s café — naïve")
        let data = html.data(using: .windowsCP1252)!
        #expect(String(data: data, encoding: .utf8) == nil)     // really not UTF-8
        let article = try ArticleLoader.load(path: try folder.write("latin.html", data))
        #expect(article.text == "Señor Müller’s café — naïve")
    }

    @Test func undeclaredInvalidUTF8FallsBackToWindows1252() {
        let data = CharsetAndFormatTests.page("", "Gr\u{FC}\u{DF}e").data(using: .isoLatin1)!
        #expect(HTMLArticleExtractor.extract(data: data).text == "Grüße")
        // A page that says UTF-8 but is not: the same fallback.
        let lying = CharsetAndFormatTests.page("<meta charset=utf-8>", "Gr\u{FC}\u{DF}e").data(using: .isoLatin1)!
        #expect(HTMLArticleExtractor.extract(data: lying).text == "Grüße")
    }

    @Test func httpHeaderCharsetWinsOverMeta() {
        let html = CharsetAndFormatTests.page("<meta charset=\"utf-8\">", "Ærø")
        let data = html.data(using: .isoLatin1)!
        #expect(HTMLArticleExtractor.extract(data: data, declaredCharset: "iso-8859-1").text == "Ærø")
    }

    @Test func utf16HTMLWithBOM() throws {
        let html = CharsetAndFormatTests.page("<meta charset=\"utf-16\">", "Zoë’s naïve café")
        var data = Data([0xFF, 0xFE])
        data.append(html.data(using: .utf16LittleEndian)!)
        let article = try ArticleLoader.parse(data: data, source: "page.html", fileExtension: "html")
        #expect(article.text == "Zoë’s naïve café")
    }

    @Test(arguments: [("le-bom", String.Encoding.utf16LittleEndian, [UInt8]([0xFF, 0xFE])),
                      ("be-bom", .utf16BigEndian, [0xFE, 0xFF]),
                      ("le-nobom", .utf16LittleEndian, []),
                      ("be-nobom", .utf16BigEndian, [])])
    func utf16PlainText(name: String, encoding: String.Encoding, bom: [UInt8]) throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        var data = Data(bom)
        data.append("Tórshavn ferry strike\r\n\r\nThe crews walked out at dawn, the union said.\r\n".data(using: encoding)!)
        let article = try ArticleLoader.load(path: try folder.write("\(name).txt", data))
        #expect(article.title == "Tórshavn ferry strike")
        #expect(article.text.hasPrefix("The crews walked out at dawn, the union said."))
    }

    @Test func htmlIsSniffedWithoutAnHtmlExtension() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let html = "\u{FEFF}  <!-- saved page -->\n<!doctype html><html><head><meta property=\"og:title\" content=\"Sniffed\"></head>"
            + "<body><nav><a href=/>Home</a></nav><p>The body paragraph is long enough to be the article text.</p></body></html>"
        let article = try ArticleLoader.load(path: try folder.write("saved.txt", Data(html.utf8)))
        #expect(article.title == "Sniffed")
        #expect(article.text == "The body paragraph is long enough to be the article text.")
        #expect(ArticleFormat.detect(data: Data("<HTML><body>x".utf8)) == .html)
        #expect(ArticleFormat.detect(data: Data("Plain <html> later".utf8)) == .plainText)
        #expect(ArticleFormat.detect(data: Data("# T".utf8), fileExtension: "markdown") == .markdown)
    }

    @Test func binaryFilesAreRefusedWithAClearMessage() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let cases: [(String, [UInt8], String)] = [
            ("report.pdf", Array("%PDF-1.7\n%\u{E2}\u{E3}\n1 0 obj".utf8), "looks like a PDF document; PDF is not supported"),
            ("photo.html", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "looks like a PNG image; images cannot be read"),
            ("letter.docx", [0x50, 0x4B, 0x03, 0x04, 20, 0, 6, 0], "looks like a ZIP archive; Word documents are not supported"),
            ("notes.md", [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0], "looks like an ELF executable"),
        ]
        for (name, bytes, message) in cases {
            let path = try folder.write(name, Data(bytes + [UInt8](repeating: 0, count: 64)))
            let error = loadError { try ArticleLoader.load(path: path) }
            #expect(error?.description.hasPrefix("\(path): not a text article (\(message)") == true, "\(name): \(String(describing: error))")
        }
    }

    @Test func htmlWithoutTextIsEmpty() {
        let error = loadError { try ArticleLoader.parse(data: Data("<html><body><nav>Menu</nav><script>x()</script></body></html>".utf8), source: "s.html", fileExtension: "html") }
        #expect(error == .empty("s.html"))
    }
}

@Suite struct HTMLStructureTests {
    @Test func deeplyNestedHTMLDoesNotCrash() throws {
        let depth = 100_000
        let html = "<html><head><title>Deep</title></head><body><p>An opening paragraph that comes before the deep nesting starts.</p>"
            + String(repeating: "<div>", count: depth) + "Buried text at the bottom of the nest."
            + String(repeating: "</div>", count: depth) + "</body></html>"
        let start = Date()
        let result = HTMLArticleExtractor.extract(html: html)
        print(String(format: "100,000 nested divs: %.2f s, %d paragraphs", Date().timeIntervalSince(start), result.paragraphs.count))
        #expect(result.title == "Deep")
        #expect(result.paragraphs.first == "An opening paragraph that comes before the deep nesting starts.")
        // libxml2 stops building the tree at its depth limit (256 without XML_PARSE_HUGE), so the buried
        // text is lost rather than recursed into; the parse itself survives.
        #expect(!result.text.contains("Buried text"))

        let unclosed = "<body>" + String(repeating: "<div><span><b>", count: depth) + "x"
        _ = HTMLArticleExtractor.extract(html: unclosed)
    }

    @Test func largePageIsExtractedQuickly() {
        var html = "<html><head><title>Big</title></head><body><nav>"
        for i in 0..<5_000 { html += "<a href=\"/s/\(i)\" class=\"nav-link\">Section \(i)</a>" }
        html += "</nav><article class=\"story-body\">"
        for i in 0..<5_000 { html += "<p>Paragraph \(i) of the long article, with a comma, and enough words to count as prose.</p>" }
        html += "</article><div class=\"comments\">"
        for i in 0..<2_000 { html += "<div class=\"comment\"><p>Reader comment number \(i), which should not be in the body.</p></div>" }
        html += "</div></body></html>"
        let start = Date()
        let result = HTMLArticleExtractor.extract(html: html)
        let seconds = Date().timeIntervalSince(start)
        print(String(format: "%.1f MB page: %.2f s, %d paragraphs", Double(html.utf8.count) / 1e6, seconds, result.paragraphs.count))
        #expect(result.paragraphs.count == 5_000)
        #expect(result.paragraphs.last == "Paragraph 4999 of the long article, with a comma, and enough words to count as prose.")
        #expect(seconds < 20)
    }

    @Test func ownPassesAreIterativeAtAnyDepth() {
        // Build a 100,000-deep tree directly (beyond libxml2's limit) to exercise the extractor's loops.
        var tree = HTMLTree(html: "")
        let depth = 100_000
        tree.nodes.append(.init(name: "body", parent: -1, depth: 0))
        for i in 1...depth {
            tree.nodes.append(.init(name: "div", parent: i - 1, depth: i))
            tree.nodes[i - 1].children.append(i)
        }
        let text = "A sentence deep down, with a comma, long enough to be scored as a paragraph."
        tree.nodes.append(.init(name: "#text", text: text, parent: depth, depth: depth + 1))
        tree.nodes[depth].children.append(depth + 1)
        #expect(tree.textContent(of: 0) == text)
        #expect(BodyExtractor(tree: tree).paragraphs(title: nil) == [text])
    }

    @Test func brSeparatedTextHeadingsAndEntities() {
        let html = """
        <html><head><meta property="og:site_name" content="The Post"><title>Storm hits coast &#8212; The Post</title></head>
        <body><div id="story"><h2>First section</h2>Line one of the story, which is long enough to count.<br><br>
        Line two &amp; more, with &quot;quotes&quot; and&nbsp;a no-break space.<br/>Line three after a single break.
        <h2>Second section</h2><p>Closing paragraph of the story, also long enough.</p></div></body></html>
        """
        let result = HTMLArticleExtractor.extract(html: html)
        #expect(result.title == "Storm hits coast")
        #expect(result.paragraphs == [
            "First section",
            "Line one of the story, which is long enough to count.",
            "Line two & more, with \"quotes\" and a no-break space.",
            "Line three after a single break.",
            "Second section",
            "Closing paragraph of the story, also long enough.",
        ])
    }

    @Test func metadataFallbacks() {
        let ld = """
        <html><head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage","name":"x"},
        {"@type":["NewsArticle"],"headline":"From JSON-LD","datePublished":"2024-02-29T23:59:00-08:00","author":{"@type":"Person","name":"A. Writer"}}]}</script>
        <title>Tab title</title></head><body><p>Body text long enough to be a paragraph of the article.</p></body></html>
        """
        let a = HTMLArticleExtractor.extract(html: ld)
        #expect(a.title == "From JSON-LD")
        #expect(a.published == "2024-02-29")
        #expect(a.author == "A. Writer")

        let time = "<html><head><title>Only a title</title></head><body><article><h1>Heading</h1><time datetime=\"2023-07-04\">July 4</time><p>Body text long enough to be a paragraph of the article.</p></article></body></html>"
        let b = HTMLArticleExtractor.extract(html: time)
        #expect(b.title == "Only a title")
        #expect(b.published == "2023-07-04")

        let dc = "<html><head><meta name=\"DC.date.issued\" content=\"5 March 2021\"></head><body><h1>H1 title</h1><p>Body text long enough to be a paragraph of the article.</p></body></html>"
        let c = HTMLArticleExtractor.extract(html: dc)
        #expect(c.title == "H1 title")
        #expect(c.published == "2021-03-05")
        #expect(c.paragraphs == ["Body text long enough to be a paragraph of the article."])
    }

    @Test func dateNormalization() {
        #expect(DateNormalizer.normalize("2025-09-14T06:30:00+01:00") == "2025-09-14")
        #expect(DateNormalizer.normalize("2025/01/02") == "2025-01-02")
        #expect(DateNormalizer.normalize("20250302") == "2025-03-02")
        #expect(DateNormalizer.normalize("March 5, 2024") == "2024-03-05")
        #expect(DateNormalizer.normalize("Tue, 05 Mar 2024 10:00:00 GMT") == "2024-03-05")
        #expect(DateNormalizer.normalize("Posted: Tuesday, November 5, 2024") == "2024-11-05")
        #expect(DateNormalizer.normalize("31.12.2023") == "2023-12-31")
        #expect(DateNormalizer.normalize("2023-02-30") == nil)
        #expect(DateNormalizer.normalize("yesterday") == nil)
    }

    @Test func siteSuffixIsOnlyStrippedWhenItIsTheSite() {
        #expect(MetadataReader.stripSiteSuffix("Budget passes | The Times", siteName: "The Times", h1: nil) == "Budget passes")
        #expect(MetadataReader.stripSiteSuffix("The Times - Budget passes", siteName: "The Times", h1: nil) == "Budget passes")
        #expect(MetadataReader.stripSiteSuffix("Left - right debate", siteName: "The Times", h1: nil) == "Left - right debate")
        #expect(MetadataReader.stripSiteSuffix("Budget passes - Courier", siteName: nil, h1: "Budget passes") == "Budget passes")
    }
}
