import CLibXML2
import DramatisCore
import DramatisPDF
import Foundation
import Testing

// MARK: - Table, formats, templates

@Suite struct ExportTableTests {
    @Test func formatFromExtension() {
        #expect(ExportFormat.from(extension: "md") == .markdown)
        #expect(ExportFormat.from(extension: ".Markdown") == .markdown)
        #expect(ExportFormat.from(extension: "HTM") == .html)
        #expect(ExportFormat.from(extension: "html") == .html)
        #expect(ExportFormat.from(extension: "json") == .json)
        #expect(ExportFormat.from(extension: "pdf") == .pdf)
        #expect(ExportFormat.from(extension: "txt") == nil)
        #expect(ExportFormat.from(extension: "") == nil)
        #expect(ExportFormat.from(url: URL(fileURLWithPath: "/x/summary.PDF")) == .pdf)
        #expect(ExportFormat.from(name: "md") == .markdown)
        #expect(ExportFormat.from(name: "markdown") == .markdown)
    }

    @Test func tableHasOneEntryPerFormat() throws {
        #expect(Set(Exporters.builtIn.map(\.format)) == [.markdown, .html, .json])
        #expect(Export.formats == ExportFormat.allCases)
        let a = Fixtures.hostile()
        for f in ExportFormat.allCases {
            let data = try Export.render(a, as: f)
            #expect(!data.isEmpty, "\(f) rendered nothing")
        }
        #expect(try Export.render(a, as: .pdf).prefix(5) == Data("%PDF-".utf8))
        #expect(try Export.render(a, as: .json) == JSONExporter.render(a))
    }

    @Test func suggestedFileNames() throws {
        let seed = try Fixtures.seed()
        #expect(Export.suggestedFileName(for: seed, as: .pdf) == "zelenskyy-says-ukraine-needs-an-effective-security-guarantee.pdf")
        #expect(Export.suggestedFileName(for: Fixtures.hostile(), as: .markdown) == "script-alert-1-script-b-title-b-x.md")
        let untitled = Analysis(article: Article(title: nil, published: nil, source: "/tmp/My Article.txt", text: "x"))
        #expect(Export.suggestedFileName(for: untitled, as: .html) == "my-article.html")
        let bare = Analysis(article: Article(title: "  ", published: nil, source: nil, text: "x"))
        #expect(Export.suggestedFileName(for: bare, as: .json) == "article.json")
        let long = Analysis(article: Article(title: String(repeating: "word ", count: 40), published: nil, source: nil, text: ""))
        let name = Export.suggestedFileName(for: long, as: .pdf)
        #expect(name.count <= 64 && name.hasSuffix("word.pdf"))
    }

    @Test func templateEscapesByDefaultAndHandlesSections() throws {
        let t = try Template("""
            <h1>{{title}}</h1>
            {{#items}}
            <li>{{name}}{{#note}} ({{note}}){{/note}}</li>
            {{/items}}
            {{^items}}
            none
            {{/items}}
            {{{raw}}}
            """, escape: HTMLExporter.escape)
        let out = t.render([
            "title": .string("<b>&</b>"),
            "items": .list([["name": .string("a"), "note": .string("x<y")], ["name": .string("b"), "note": .string("")]]),
            "raw": .string("<hr/>"),
        ])
        #expect(out == "<h1>&lt;b&gt;&amp;&lt;/b&gt;</h1>\n<li>a (x&lt;y)</li>\n<li>b</li>\n<hr/>")
        #expect(t.render(["items": .list([])]) == "<h1></h1>\nnone\n")
        #expect(throws: Template.ParseError.self) { try Template("{{#a}}x", escape: { $0 }) }
        #expect(throws: Template.ParseError.self) { try Template("{{#a}}x{{/b}}", escape: { $0 }) }
    }

    @Test func markdownEscaping() {
        #expect(MarkdownExporter.escape("a *b* _c_ [d](e) <f> `g` # h | ~i~ & \\") ==
                "a \\*b\\* \\_c\\_ \\[d\\](e) \\<f\\> \\`g\\` \\# h \\| \\~i\\~ \\& \\\\")
        #expect(MarkdownExporter.escape("- item") == "\\- item")
        #expect(MarkdownExporter.escape("2014. A year") == "2014\\. A year")
        #expect(MarkdownExporter.escape("1) x") == "1\\) x")
        #expect(MarkdownExporter.escape("line\n\nbreak  ") == "line break")
        #expect(MarkdownExporter.escape("=== ") == "\\===")
    }
}

// MARK: - Summary

@Suite struct SummaryBuilderTests {
    @Test func keySentencesCarryTheMostAndKeepArticleOrder() throws {
        let a = try Fixtures.seed()
        let b = SummaryBuilder()
        let chosen = b.keySentences(a)
        #expect((3...5).contains(chosen.count))
        #expect(chosen.map(\.span.start) == chosen.map(\.span.start).sorted())
        // Every chosen sentence scores at least as high as every sentence left out.
        let document = TextDocument(a.article.text)
        let minChosen = chosen.map(\.score).min() ?? 0
        let chosenStarts = Set(chosen.map(\.span.start))
        for s in document.sentences where !chosenStarts.contains(s.span.start) {
            let ents = Set(a.entities.filter { e in e.mentions.contains { $0.span.overlaps(s.span) } }.map(\.id)).count
            let sts = a.statements.filter { $0.span.overlaps(s.span) }.count
            let lower = document.substring(s.span).lowercased()
            let tops = a.topics.filter { lower.contains($0.id.lowercased()) }.count
            #expect(ents + sts + tops <= minChosen)
        }
        // The text of each is the sentence as written.
        for k in chosen { #expect(a.article.text.contains(k.text)) }
    }

    @Test func emptyAnalysisFallsBackToLeadSentences() throws {
        let text = "First sentence here. Second one follows. Third is next. Fourth ends it. Fifth too."
        let a = Analysis(article: Article(title: nil, published: nil, source: nil, text: text))
        let s = SummaryBuilder().build(a)
        #expect(s.title == "Untitled article")
        #expect(s.keySentences.map(\.text) == ["First sentence here.", "Second one follows.", "Third is next."])
        #expect(SummaryBuilder().build(Analysis(article: Article(title: "t", published: nil, source: nil, text: "")))
                    .keySentences.isEmpty)
    }

    @Test func groupsStatementsAndOrdersTimeline() throws {
        let a = try Fixtures.seed()
        let s = SummaryBuilder().build(a)
        // Speakers in order of first statement, unattributed last.
        #expect(s.speakers.map(\.name).prefix(3) == ["Volodymyr Zelenskyy", "Prime Minister’s official spokesman", "Donald Trump"])
        #expect(s.speakers.last?.entity == nil)
        #expect(s.speakers.last?.statements.map(\.id) == ["s13"])
        #expect(s.speakers.reduce(0) { $0 + $1.statements.count } == a.statements.count)
        #expect(s.timeline.map(\.item.date) == ["1940", "1994", "2014", "2022", "2025-08-15", "2025-08-18"])
        #expect(s.timeline.last?.dateText == "18 August 2025")
        #expect(s.undatedTimeline.isEmpty)
        // Positions carry their supporting quote.
        let z = try #require(s.actors.first { $0.entity.id == "e1" })
        #expect(z.roleLine == "President of Ukraine, Ukraine")
        #expect(z.positions.first?.quote?.id == "s1")
        #expect(s.actors.first?.entity.id == "e1") // most statements and positions
    }

    @Test func undatedItemsStandApart() {
        let text = "On Friday they met. In 2020 they had met too."
        var a = Analysis(article: Article(title: "T", published: nil, source: nil, text: text))
        a.timeline = [
            TimelineItem(id: "t1", date: nil, precision: .day, relative: "On Friday", label: "Meeting",
                         start: 0, end: 9, actors: []),
            TimelineItem(id: "t2", date: "2020", precision: .year, relative: nil, label: "Earlier meeting",
                         start: 20, end: 27, actors: []),
        ]
        let s = SummaryBuilder().build(a)
        #expect(s.timeline.map(\.item.id) == ["t2"])
        #expect(s.undatedTimeline.map(\.dateText) == ["On Friday"])
        let md = try? MarkdownExporter.render(a)
        #expect(md?.contains("### Undated") == true)
        #expect(md?.contains("- **On Friday**: Meeting") == true)
    }

    @Test func readableDates() {
        #expect(DateText.readable("2025-08-18") == "18 August 2025")
        #expect(DateText.readable("2025-08") == "August 2025")
        #expect(DateText.readable("2014") == "2014")
    }

    @Test func highlightedArticleCoversTheTextExactly() throws {
        let a = try Fixtures.seed()
        let h = HighlightedArticle(a)
        let document = TextDocument(a.article.text)
        let nonEmpty = document.paragraphs.filter { $0.length > 0 }
        #expect(h.paragraphs.count == nonEmpty.count)
        for (runs, p) in zip(h.paragraphs, nonEmpty) {
            #expect(runs.map(\.text).joined() == document.substring(p))
        }
        let highlighted = h.paragraphs.flatMap { $0 }.filter { $0.entityID != nil }
        #expect(highlighted.contains { $0.text == "Volodymyr Zelenskyy" && $0.type == .person })
        #expect(highlighted.contains { $0.text == "Budapest Memorandum" && $0.type == .law })
    }
}

// MARK: - Markdown

@Suite struct MarkdownExportTests {
    func cmark(_ markdown: String) throws -> String? {
        guard let cmark = tool("cmark") else { return nil }
        let r = try run(cmark, [], input: Data(markdown.utf8))
        #expect(r.status == 0)
        return String(decoding: r.stdout, as: UTF8.self)
    }

    @Test func sampleRendersAsCommonMark() throws {
        let a = try Fixtures.seed()
        let md = try MarkdownExporter.render(a)
        guard let html = try cmark(md) else {
            Issue.record("cmark is not installed (apt install cmark)"); return
        }
        #expect(html.hasPrefix("<h1>Zelenskyy says Ukraine needs an effective security guarantee</h1>"))
        let h2 = html.components(separatedBy: "<h2>").dropFirst().map { $0.components(separatedBy: "</h2>")[0] }
        #expect(h2 == ["Summary", "Actors", "Positions", "Statements", "Timeline"])
        // One list item per actor, in the Actors section.
        let actors = section(html, "Actors")
        // (people, organisations, groups: 11 in the fixture; places, events and laws that say
        // nothing are listed on one line)
        #expect(actors.components(separatedBy: "<li>").count - 1 == 11)
        #expect(actors.contains("<p><strong>Also mentioned:</strong> Ukraine (Place), "))
        #expect(actors.contains("Budapest Memorandum (Law or agreement)"))
        #expect(actors.contains("<li><strong>Volodymyr Zelenskyy</strong> (Person): President of Ukraine, Ukraine</li>"))
        // Positions: topic, stance, summary, then the supporting quote on its own line.
        let positions = section(html, "Positions")
        #expect(positions.contains("<li><strong>security guarantees</strong>: <em>Supports</em>. Demands an effective security guarantee before any peace deal.<br />\n<em>Reported:</em> Volodymyr Zelenskyy has said Ukraine needs an “effective security guarantee” if it is to strike a peace deal with Russia</li>"))
        #expect(positions.contains("<li><strong>security guarantees</strong>: <em>Supports</em>. Calls firm security guarantees central.<br />\n<em>Quote:</em> “firm security guarantees are central”</li>"))
        // Statements grouped under speaker headings; direct quotes quoted, reported speech marked.
        let statements = section(html, "Statements")
        #expect(statements.contains("<h3>Volodymyr Zelenskyy</h3>"))
        // The cue as a verb phrase with its channel; reported speech says who ("he" alone would not).
        #expect(statements.contains("<li>“Peace must be lasting” (stated on social media)</li>"))
        #expect(statements.contains("<li><em>Reported:</em> Donald Trump signalled he would not accept</li>"))
        #expect(statements.contains("<h3>Unattributed</h3>"))
        // Timeline in date order.
        let timeline = section(html, "Timeline")
        let order = ["1940", "1994", "2014", "2022", "15 August 2025", "18 August 2025"].map {
            timeline.range(of: "<strong>\($0)</strong>")?.lowerBound
        }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
        // The summary paragraph holds the key sentences.
        let summary = section(html, "Summary")
        for k in SummaryBuilder().keySentences(a) {
            #expect(summary.contains(k.text.replacingOccurrences(of: "'", with: "&#39;")) ||
                    summary.contains(k.text), "missing key sentence \(k.text)")
        }
        #expect(!html.contains("<script"))
    }

    @Test func articleTextCannotBecomeMarkdown() throws {
        let md = try MarkdownExporter.render(Fixtures.hostile())
        guard let html = try cmark(md) else {
            Issue.record("cmark is not installed (apt install cmark)"); return
        }
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<a href"))
        #expect(!html.contains("<code>"))
        #expect(!html.contains("<ol"))
        #expect(html.components(separatedBy: "<h1>").count == 2)
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("*not emphasis*"))
        #expect(html.contains("[not a link](http://example.com)"))
    }

    func section(_ html: String, _ name: String) -> String {
        guard let r = html.range(of: "<h2>\(name)</h2>") else { return "" }
        let rest = html[r.upperBound...]
        return String(rest[..<(rest.range(of: "<h2>")?.lowerBound ?? rest.endIndex)])
    }
}

// MARK: - HTML

@Suite struct HTMLExportTests {
    /// Parses `html` as XML with libxml2 (strict: any well-formedness error fails) and returns
    /// the element names in document order, or nil.
    func strictElements(_ html: String) -> [String]? {
        let bytes = Array(html.utf8)
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        guard let doc = bytes.withUnsafeBufferPointer({ buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                xmlReadMemory($0, Int32(bytes.count), "export.html", "UTF-8", options)
            }
        }) else { return nil }
        defer { xmlFreeDoc(doc) }
        var names: [String] = []
        func walk(_ node: xmlNodePtr?) {
            var n = node
            while let cur = n {
                if cur.pointee.type == XML_ELEMENT_NODE { names.append(String(cString: cur.pointee.name)) }
                walk(cur.pointee.children)
                n = cur.pointee.next
            }
        }
        walk(xmlDocGetRootElement(doc))
        return names
    }

    /// Python's HTML parser with a tag-balance check: prints "ok" or the first problem.
    static let pythonCheck = """
        import sys, html.parser
        VOID = {"meta", "link", "br", "hr", "img", "input", "col", "area", "base", "wbr", "source"}
        class P(html.parser.HTMLParser):
            def __init__(self):
                super().__init__(convert_charrefs=True); self.stack = []; self.problems = []
            def handle_starttag(self, tag, attrs):
                if tag == "script": self.problems.append("script element")
                for k, v in attrs:
                    if k.startswith("on"): self.problems.append("event handler attribute " + k)
                if tag not in VOID: self.stack.append(tag)
            def handle_startendtag(self, tag, attrs):
                if tag == "script": self.problems.append("script element")
            def handle_endtag(self, tag):
                if not self.stack or self.stack[-1] != tag:
                    self.problems.append("unbalanced </%s> at %s" % (tag, self.getpos())); return
                self.stack.pop()
        p = P(); p.feed(sys.stdin.read()); p.close()
        if p.stack: p.problems.append("unclosed " + ",".join(p.stack))
        print(p.problems[0] if p.problems else "ok")
        """

    @Test func sampleIsWellFormedSelfContainedHTML() throws {
        let a = try Fixtures.seed()
        let html = try HTMLExporter.render(a)
        let elements = try #require(strictElements(html), "libxml2 rejected the HTML as malformed")
        #expect(elements.first == "html")
        #expect(!elements.contains("script"))
        #expect(!elements.contains("link"))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("src=\""))
        #expect(elements.contains("style"))
        if let python = tool("python3") {
            let r = try run(python, ["-c", Self.pythonCheck], input: Data(html.utf8))
            #expect(String(decoding: r.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) == "ok",
                    "\(r.stderr)")
        }
        // Light and dark, print.
        #expect(html.contains("@media (prefers-color-scheme: dark)"))
        #expect(html.contains("@media print"))
        // Highlighting by type, every type present.
        for type in EntityType.allCases {
            #expect(html.contains("class=\"ent ent-\(type.rawValue)\""), "no highlight for \(type)")
        }
        #expect(html.contains("<span class=\"ent ent-person\" title=\"Volodymyr Zelenskyy (Person)\">Volodymyr Zelenskyy</span>"))
        #expect(html.contains("<span class=\"ent ent-law\" title=\"Budapest Memorandum (Law or agreement)\">Budapest Memorandum</span>"))
        // Sections.
        for id in ["summary", "actors", "positions", "statements", "timeline", "article"] {
            #expect(html.contains("<section id=\"\(id)\">"))
        }
        #expect(html.contains("<span class=\"quote\">“Peace must be lasting”</span>"))
        #expect(!html.contains("<q>")) // browsers would add a second pair of quotation marks
        #expect(html.contains("<span class=\"stance stance-opposes\">Opposes</span>"))
        // The whole article text is there, paragraph by paragraph.
        let spans = elements.filter { $0 == "span" }.count
        #expect(spans > a.entities.count)
    }

    @Test func articleStringsAreEscaped() throws {
        let html = try HTMLExporter.render(Fixtures.hostile())
        #expect(strictElements(html) != nil, "libxml2 rejected the HTML as malformed")
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("<b>"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<i>"))
        #expect(!html.contains("</li><li>everything"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;b&gt;bold&lt;/b&gt;"))
        #expect(html.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;Title&lt;/b&gt; # *x*</title>"))
        #expect(html.contains("&quot;quoted&quot; &#39;single&#39;"))
        #expect(html.contains("title=\"Ms &lt;b&gt;Evil&lt;/b&gt; (Person)\">&lt;b&gt;Evil&lt;/b&gt;</span>"))
        if let python = tool("python3") {
            let r = try run(python, ["-c", Self.pythonCheck], input: Data(html.utf8))
            #expect(String(decoding: r.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) == "ok")
        }
    }
}

// MARK: - JSON

enum SchemaFile {
    /// The project's copy `spec/analysis.schema.json` (it owns its contract), or `$DRAMATIS_SCHEMA`.
    static var path: String? {
        if let env = ProcessInfo.processInfo.environment["DRAMATIS_SCHEMA"], FileManager.default.fileExists(atPath: env) {
            return env
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let p = root.appendingPathComponent("spec/analysis.schema.json").path
        return FileManager.default.fileExists(atPath: p) ? p : nil
    }

    /// Validates stdin against the schema file in argv[1]: jsonschema when installed, else a small
    /// stdlib validator for the keywords the schema uses. Prints "ok" or the first error.
    static let validator = """
        import json, re, sys
        schema = json.load(open(sys.argv[1])); doc = json.load(sys.stdin)
        try:
            import jsonschema
            errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(doc), key=lambda e: list(e.path))
            print("ok" if not errors else "%s: %s" % (list(errors[0].path), errors[0].message)); sys.exit(0)
        except ImportError:
            pass
        TYPES = {"object": dict, "array": list, "string": str, "null": type(None), "boolean": bool}
        def is_type(v, t):
            if t == "integer": return isinstance(v, int) and not isinstance(v, bool)
            if t == "number": return isinstance(v, (int, float)) and not isinstance(v, bool)
            return isinstance(v, TYPES[t])
        def check(v, s, path):
            if "$ref" in s: s = schema["$defs"][s["$ref"].split("/")[-1]]
            t = s.get("type")
            if t is not None and not any(is_type(v, x) for x in (t if isinstance(t, list) else [t])):
                return "%s: %r is not %s" % (path, v, t)
            if "const" in s and v != s["const"]: return "%s: not %r" % (path, s["const"])
            if "enum" in s and v not in s["enum"]: return "%s: %r not in enum" % (path, v)
            if "oneOf" in s and sum(check(v, x, path) is None for x in s["oneOf"]) != 1: return "%s: oneOf" % path
            if isinstance(v, str):
                if "pattern" in s and not re.search(s["pattern"], v): return "%s: pattern" % path
                if len(v) < s.get("minLength", 0): return "%s: minLength" % path
            if isinstance(v, (int, float)) and "minimum" in s and v < s["minimum"]: return "%s: minimum" % path
            if isinstance(v, dict):
                for k in s.get("required", []):
                    if k not in v: return "%s: missing %s" % (path, k)
                for k, sub in s.get("properties", {}).items():
                    if k in v:
                        e = check(v[k], sub, path + "." + k)
                        if e: return e
            if isinstance(v, list):
                if len(v) < s.get("minItems", 0): return "%s: minItems" % path
                for i, x in enumerate(v):
                    e = check(x, s.get("items", {}), "%s[%d]" % (path, i))
                    if e: return e
            return None
        print(check(doc, schema, "$") or "ok")
        """

    static func validate(_ data: Data) throws -> String {
        guard let path, let python = tool("python3") else { return "no schema" }
        let r = try run(python, ["-c", validator, path], input: data)
        return String(decoding: r.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) + r.stderr
    }
}

@Suite struct JSONExportTests {
    @Test(.enabled(if: SchemaFile.path != nil, "spec/analysis.schema.json is not here; set DRAMATIS_SCHEMA"))
    func validatesAgainstTheSchema() throws {
        for a in [try Fixtures.seed(), Fixtures.hostile()] {
            let data = try Export.render(a, as: .json)
            #expect(try SchemaFile.validate(data) == "ok")
            #expect(try Analysis.decode(from: data) == a)
        }
        // The validator does fail on a broken document.
        var broken = try JSONSerialization.jsonObject(with: Export.render(Fixtures.hostile(), as: .json)) as! [String: Any]
        broken["statements"] = [["id": "s1", "kind": "shouted"]]
        #expect(try SchemaFile.validate(JSONSerialization.data(withJSONObject: broken)) != "ok")
    }
}

// MARK: - PDF

@Suite struct PDFExportTests {
    func pdfInfo(_ data: Data) throws -> [String: String] {
        guard let pdfinfo = tool("pdfinfo") else { return [:] }
        let r = try run(pdfinfo, ["-"], input: data)
        var out: [String: String] = [:]
        for line in String(decoding: r.stdout, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2 { out[String(parts[0])] = parts[1].trimmingCharacters(in: .whitespaces) }
        }
        return out
    }

    func pdfText(_ data: Data, page: Int? = nil, from first: Int? = nil) throws -> String {
        guard let pdftotext = tool("pdftotext") else { return "" }
        var args: [String] = []
        if let page { args += ["-f", "\(page)", "-l", "\(page)"] }
        if let first { args += ["-f", "\(first)"] }
        let r = try run(pdftotext, args + ["-enc", "UTF-8", "-", "-"], input: data)
        return String(decoding: r.stdout, as: UTF8.self).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    @Test(.enabled(if: tool("pdfinfo") != nil && tool("pdftotext") != nil, "poppler-utils is not installed"))
    func sampleHasA4PagesAndItsText() throws {
        let a = try Fixtures.seed()
        let (data, pages) = try PDFExporter.renderDocument(a)
        let info = try pdfInfo(data)
        #expect(info["Pages"] == String(pages))
        #expect(info["Page size"]?.hasPrefix("595.276 x 841.89 pts") == true)
        #expect(info["Title"] == "Zelenskyy says Ukraine needs an effective security guarantee")
        #expect(pages >= 2)
        let text = try pdfText(data)
        for needle in ["Zelenskyy says Ukraine needs an effective security guarantee", "Summary", "Actors",
                       "Positions", "Statements", "Timeline", "Volodymyr Zelenskyy", "“Peace must be lasting”",
                       "Reported: Donald Trump signalled he would not accept", "18 August 2025", "Budapest Memorandum",
                       "page 1 of \(pages)", "page \(pages) of \(pages)"] {
            #expect(text.contains(needle), "PDF text lacks \(needle)")
        }
        // The article starts on a page of its own, after the summary sections.
        var articlePage = 0
        for p in 1...pages where try pdfText(data, page: p).contains("Article Person") { articlePage = p; break }
        #expect(articlePage > 1)
    }

    @Test(.enabled(if: tool("pdfinfo") != nil && tool("pdftotext") != nil, "poppler-utils is not installed"))
    func longArticlePaginatesWithoutLosingLines() throws {
        let count = 240
        let paragraphs = (1...count).map { i in
            "Paragraph mark\(String(format: "%04d", i)) begins here, and Alice Example says that the " +
                String(repeating: "long sentence keeps going across the line ", count: 2 + i % 5) + "until it ends."
        }
        let text = paragraphs.joined(separator: "\n\n")
        let mentions = Fixtures.occurrences(of: "Alice Example", in: text).map { Mention(start: $0.start, end: $0.end, text: "Alice Example") }
        let a = Analysis(article: Article(title: "Long", published: nil, source: nil, text: text),
                         entities: [Entity(id: "e1", name: "Alice Example", type: .person, mentions: mentions)])
        let (data, pages) = try PDFExporter.renderDocument(a)
        #expect(try pdfInfo(data)["Pages"] == String(pages))
        #expect(pages > 8)
        // The summary quotes a few lead sentences; the article starts on a page of its own.
        let articlePage = try #require(try (1...pages).first { try pdfText(data, page: $0).hasPrefix("Article Person Paragraph mark0001") })
        #expect(articlePage >= 2)
        let all = try pdfText(data, from: articlePage)
        var last = all.startIndex
        for i in 1...count {
            let mark = "mark\(String(format: "%04d", i))"
            guard let r = all.range(of: mark, range: last..<all.endIndex) else {
                Issue.record("\(mark) missing or out of order"); break
            }
            #expect(all.components(separatedBy: mark).count == 2, "\(mark) appears more than once")
            last = r.upperBound
        }
        #expect(try pdfText(data, page: pages).contains("mark\(String(format: "%04d", count))"))
        // Each page carries its footer.
        for p in [1, pages / 2, pages] {
            #expect(try pdfText(data, page: p).contains("page \(p) of \(pages)"))
        }
    }

    @Test(.enabled(if: tool("pdfinfo") != nil, "poppler-utils is not installed"))
    func shortAnalysisIsTwoPages() throws {
        let a = Analysis(article: Article(title: "Short", published: "2025-01-01", source: nil,
                                          text: "One line of text. Nothing else happens."))
        let (data, pages) = try PDFExporter.renderDocument(a)
        #expect(pages == 2) // summary page, then the article on its own page
        #expect(try pdfInfo(data)["Pages"] == "2")
    }

    @Test func rendersOnSeveralThreadsAtOnce() throws {
        let a = try Fixtures.seed()
        let expected = try PDFExporter.renderDocument(a).pageCount
        final class Results: @unchecked Sendable { let lock = NSLock(); var pages: [Int] = [] }
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            let pages = (try? PDFExporter.renderDocument(a).pageCount) ?? -1
            results.lock.lock(); results.pages.append(pages); results.lock.unlock()
        }
        #expect(results.pages == [expected, expected, expected, expected])
    }

    @Test func hostileTextIsMarkupSafe() throws {
        let (data, _) = try PDFExporter.renderDocument(Fixtures.hostile())
        if tool("pdftotext") != nil {
            let text = try pdfText(data)
            #expect(text.contains("<script>alert(1)</script>"))
            #expect(text.contains("<b>bold</b> & \"quoted\""))
        }
    }
}

// MARK: - Atomic writing

@Suite struct AtomicWriteTests {
    func leftovers(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".part") }
    }

    @Test func replacesAnExistingFileWithACompleteOne() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("summary.md")
        try Data("old".utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: url.path)
        let a = try Fixtures.seed()
        #expect(try Export.write(a, to: url) == .markdown)
        #expect(try String(contentsOf: url, encoding: .utf8) == MarkdownExporter.render(a))
        let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        #expect(mode == 0o640)
        #expect(try leftovers(folder).isEmpty)
        // Every format, by extension.
        for (name, format) in [("a.html", ExportFormat.html), ("a.json", .json), ("a.pdf", .pdf), ("a.markdown", .markdown)] {
            let u = folder.appendingPathComponent(name)
            #expect(try Export.write(a, to: u) == format)
            #expect(try withoutCreationDate(Data(contentsOf: u)) == withoutCreationDate(Export.render(a, as: format)))
        }
        #expect(try leftovers(folder).isEmpty)
    }

    /// A PDF records when it was made (to the second): two renders a second apart differ there only.
    func withoutCreationDate(_ data: Data) -> Data {
        guard let marker = "/CreationDate (D:".data(using: .ascii), let r = data.range(of: marker),
              let close = data[r.upperBound...].firstIndex(of: UInt8(ascii: ")")) else { return data }
        var copy = data
        copy.removeSubrange(r.upperBound..<close)
        return copy
    }

    @Test func aFailedWriteLeavesTheOldFileAndNoTemporary() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("summary.html")
        try Data("complete old file".utf8).write(to: url)
        struct Interrupted: Error {}
        #expect(throws: Interrupted.self) {
            try AtomicFile.write(to: url) { fd in
                let half = Data(String(repeating: "x", count: 100_000).utf8)
                try half.withUnsafeBytes { try AtomicFile.writeAll(fd, $0, path: url.path) }
                throw Interrupted()
            }
        }
        #expect(try String(contentsOf: url, encoding: .utf8) == "complete old file")
        #expect(try leftovers(folder).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["summary.html"])
    }

    @Test func unwritableDestinationsGiveClearErrors() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = Fixtures.hostile()

        let missing = folder.appendingPathComponent("no/such/folder/out.md")
        #expect(throws: ExportError.folderMissing(path: folder.appendingPathComponent("no/such/folder").path)) {
            try Export.write(a, to: missing)
        }
        let file = folder.appendingPathComponent("plain.txt")
        try Data().write(to: file)
        do {
            try Export.write(a, to: file.appendingPathComponent("out.html"))
            Issue.record("writing under a file succeeded")
        } catch let e as ExportError {
            guard case .notWritable = e else { Issue.record("unexpected \(e)"); return }
            #expect(e.description.contains("plain.txt"))
        }
        #expect(throws: ExportError.destinationIsFolder(path: folder.path)) {
            try Export.write(a, to: folder, as: .json)
        }
        #expect(throws: ExportError.unknownFormat(path: file.path)) { try Export.write(a, to: file) }
        #expect(ExportError.unknownFormat(path: "/x/a.txt").description ==
                "/x/a.txt: cannot tell the export format from the file name (use .md, .html, .json or .pdf)")
        // A read-only file system (or, without root, a folder without write permission).
        let readOnly: URL
        if getuid() == 0 {
            readOnly = URL(fileURLWithPath: "/proc/dramatis-export-test.md")
        } else {
            let locked = folder.appendingPathComponent("locked")
            try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
            try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: locked.path)
            readOnly = locked.appendingPathComponent("out.md")
        }
        do {
            try Export.write(a, to: readOnly)
            Issue.record("writing \(readOnly.path) succeeded")
        } catch let e as ExportError {
            guard case .notWritable(let path, let reason) = e else { Issue.record("unexpected \(e)"); return }
            #expect(path == readOnly.path)
            #expect(!reason.isEmpty)
            #expect(e.localizedDescription.hasPrefix(readOnly.path + ": cannot be written ("))
        }
        #expect(try leftovers(folder).isEmpty)
    }
}

// MARK: - The real sample, through the real analyser

/// Whatever the NLP stages currently find in data/articles/seed.txt must export cleanly.
@Suite struct SampleExportTests {
    static func analysis() throws -> Analysis {
        let url = try #require(DataDirectory.sampleArticle)
        return try Analyzer().analyze(path: url.path)
    }

    @Test func markdownOfTheSampleIsCommonMark() throws {
        let a = try Self.analysis()
        let summary = SummaryBuilder().build(a)
        let md = try MarkdownExporter.render(a)
        guard let cmark = tool("cmark") else { Issue.record("cmark is not installed"); return }
        let html = String(decoding: try run(cmark, [], input: Data(md.utf8)).stdout, as: UTF8.self)
        let tests = MarkdownExportTests()
        #expect(html.hasPrefix("<h1>\(HTMLExporter.escape(summary.title))</h1>"))
        let h2 = html.components(separatedBy: "<h2>").dropFirst().map { $0.components(separatedBy: "</h2>")[0] }
        #expect(h2 == ["Summary", "Actors", "Positions", "Statements", "Timeline"])
        #expect(tests.section(html, "Actors").components(separatedBy: "<li>").count - 1 == summary.actors.count)
        let statements = tests.section(html, "Statements")
        #expect(statements.components(separatedBy: "<h3>").count - 1 == summary.speakers.count)
        #expect(statements.components(separatedBy: "<li>").count - 1 == a.statements.count)
        let timeline = tests.section(html, "Timeline")
        #expect(timeline.components(separatedBy: "<li>").count - 1 == a.timeline.count)
        #expect(!html.contains("<script"))
    }

    @Test func htmlOfTheSampleIsWellFormed() throws {
        let a = try Self.analysis()
        let html = try HTMLExporter.render(a)
        let elements = try #require(HTMLExportTests().strictElements(html), "libxml2 rejected the HTML")
        #expect(!elements.contains("script"))
        let mentions = a.entities.reduce(0) { $0 + $1.mentions.count }
        if mentions > 0 { #expect(html.contains("class=\"ent ent-")) }
        if let python = tool("python3") {
            let r = try run(python, ["-c", HTMLExportTests.pythonCheck], input: Data(html.utf8))
            #expect(String(decoding: r.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) == "ok")
        }
    }

    @Test(.enabled(if: SchemaFile.path != nil, "spec/analysis.schema.json is not here; set DRAMATIS_SCHEMA"))
    func jsonOfTheSampleValidates() throws {
        let data = try Export.render(try Self.analysis(), as: .json)
        #expect(try SchemaFile.validate(data) == "ok")
    }

    @Test(.enabled(if: tool("pdfinfo") != nil, "poppler-utils is not installed"))
    func pdfOfTheSampleHasItsPages() throws {
        let (data, pages) = try PDFExporter.renderDocument(try Self.analysis())
        #expect(try PDFExportTests().pdfInfo(data)["Pages"] == String(pages))
        #expect(pages >= 2)
    }
}
