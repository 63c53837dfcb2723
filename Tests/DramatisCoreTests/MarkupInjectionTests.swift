import Foundation
import Testing
@testable import DramatisCore

/// Article-derived strings (title, entity names, statement texts, roles, topics, labels) never
/// become markup in the HTML or Markdown export.
@Suite struct MarkupInjectionTests {
    static let payloads = ["<b>bold</b>", "Tom & Jerry", "<span foreground=\"red\" size=\"xx-large\">red</span>",
                           "<script>alert(1)</script>", "&amp; &lt;already&gt;", "{{title}} {{{raw}}}"]

    /// An analysis whose every string field holds every payload.
    static func hostileAnalysis() -> Analysis {
        let all = payloads.joined(separator: " ")
        let text = "Ms \(all) said “\(all)” on Monday. \(all) happened."
        let scalars = Array(text.unicodeScalars)
        let quoteStart = scalars.firstIndex(of: "“")! + 1, quoteEnd = scalars.firstIndex(of: "”")!
        let article = Article(title: "Title \(all)", published: "2025-03-04", source: "file:///tmp/\(all).txt", text: text,
                              author: "Author \(all)", siteName: "Site \(all)")
        let entity = Entity(id: "e1", name: "Ms \(all)", type: .person, role: "role \(all)", affiliation: "party \(all)",
                            mentions: [Mention(start: 0, end: 3 + all.unicodeScalars.count, text: "Ms \(all)")])
        let statement = Statement(id: "s1", speaker: "e1", kind: .direct, text: all, start: quoteStart, end: quoteEnd,
                                  cue: "said \(all)", channel: "channel \(all)")
        let position = Position(actor: "e1", topic: "topic \(all)", stance: .opposes, summary: "Opposes \(all)",
                                evidence: ["s1"])
        let item = TimelineItem(id: "t1", date: "2025-03-03", precision: .day, relative: "Monday \(all)",
                                label: "label \(all)", start: 0, end: 3, actors: ["e1"])
        return Analysis(article: article, entities: [entity], statements: [statement], positions: [position],
                        topics: [Topic(id: "topic \(all)", mentions: 1)], timeline: [item])
    }

    /// Every `&` starts a character reference and no payload tag survives.
    static func expectInertHTML(_ html: String, _ context: String) {
        for tag in ["<b>", "</b>", "<span foreground", "<script", "</script", "<i>"] {
            #expect(!html.contains(tag), "\(context): \(tag) in the HTML export")
        }
        let bareAmpersand = try! NSRegularExpression(pattern: "&(?!(amp|lt|gt|quot|#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z]+);)")
        let range = NSRange(html.startIndex..., in: html)
        let bare = bareAmpersand.matches(in: html, range: range).count
        #expect(bare == 0, "\(context): \(bare) bare & in the HTML export")
        #expect(html.contains("&lt;span foreground=&quot;red&quot;"), "\(context): span not escaped")
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(context): script not escaped")
        // A payload that is already escaped is escaped again, not passed through.
        #expect(!html.contains("&lt;already&gt;") || html.contains("&amp;lt;already&amp;gt;"), "\(context)")
    }

    /// Markdown renderers pass raw HTML through, so every `<` and `&` must be backslash-escaped.
    static func expectInertMarkdown(_ markdown: String, _ context: String) {
        var previous: Character = " "
        var raw = 0
        for ch in markdown {
            if ch == "<" || ch == "&", previous != "\\" { raw += 1 }
            previous = ch
        }
        #expect(raw == 0, "\(context): \(raw) unescaped < or & in the Markdown export")
    }

    @Test func htmlExportEscapesEveryField() throws {
        let a = Self.hostileAnalysis()
        let html = try #require(String(data: try Exporters.render(a, as: .html), encoding: .utf8))
        Self.expectInertHTML(html, "hostile analysis")
        // Template syntax inside a value is text, never expanded.
        #expect(html.contains("{{title}} {{{raw}}}"))
        #expect(html.contains("<title>Title &lt;b&gt;bold&lt;/b&gt; Tom &amp; Jerry"))
    }

    @Test func markdownExportEscapesEveryField() throws {
        let md = try #require(String(data: try Exporters.render(Self.hostileAnalysis(), as: .markdown), encoding: .utf8))
        Self.expectInertMarkdown(md, "hostile analysis")
        #expect(md.contains("Tom \\& Jerry"))
        #expect(md.contains("{{title}} {{{raw}}}"))
    }

    @Test func jsonExportKeepsTheStringsVerbatim() throws {
        let a = Self.hostileAnalysis()
        let back = try Analysis.decode(from: try Exporters.render(a, as: .json))
        #expect(back == a)
        #expect(back.entities[0].name.contains("<span foreground=\"red\""))
    }

    /// End to end: an article with markup in its text, title and quotes, analysed and exported.
    @Test func analysedHostileArticle() throws {
        let raw = """
            <b>Port</b> & <span foreground="red">harbour</span> <script>alert(1)</script>

            The mayor, Ana <b>Ruiz</b>, said on Monday: "<span foreground='red'>We</span> & the <b>council</b> oppose the <script>deal</script>."
            Ben & Jerry Ltd said it supports the plan. "Tom & <i>Jerry</i> agree," said Ben <Ode>.
            """
        let article = try ArticleLoader.parsePlainText(raw, source: "hostile.txt")
        #expect(article.title == "<b>Port</b> & <span foreground=\"red\">harbour</span> <script>alert(1)</script>")
        let a = Analyzer().analyze(article)
        FuzzEntry.checkInvariants(a)
        #expect(a.statements.contains { $0.text.contains("<span foreground='red'>We</span> & the <b>council</b>") })
        let html = try #require(String(data: try Exporters.render(a, as: .html), encoding: .utf8))
        Self.expectInertHTML(html.replacingOccurrences(of: "&lt;span foreground=&#39;red&#39;", with: "&lt;span foreground=&quot;red&quot;"),
                             "analysed article")
        let md = try #require(String(data: try Exporters.render(a, as: .markdown), encoding: .utf8))
        Self.expectInertMarkdown(md, "analysed article")
    }
}
