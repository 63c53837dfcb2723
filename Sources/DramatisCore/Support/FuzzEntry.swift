import Foundation

/// The entry points of the libFuzzer targets in `Fuzz/` (one per target), kept in the core so that
/// `Fuzz/build.sh` and the regression test (`Tests/Fixtures/fuzz-regressions/<target>/`, replayed by
/// `swift test`) run exactly the same code on an input.
///
/// Each entry returns normally for every input it handles correctly (an analysis, or a `LoadError`
/// for input that is not an article). A crash, a hang, a leak reported by the sanitizer or a broken
/// invariant (`check`, which traps) is a bug.
enum FuzzEntry {
    /// Fuzz inputs larger than this are ignored: the targets look for crashes, not for slowness on
    /// huge inputs (`BadInputTests` covers those).
    static let maximumInput = 64 * 1024

    /// "analyze": the bytes decoded leniently (invalid UTF-8 becomes U+FFFD), read as a plain-text
    /// article (title rule included) and analysed.
    @discardableResult
    static func analyze(_ bytes: UnsafeBufferPointer<UInt8>) -> Analysis? {
        guard bytes.count <= maximumInput else { return nil }
        let raw = String(decoding: bytes, as: UTF8.self)
        guard let article = try? ArticleLoader.parsePlainText(raw, source: "fuzz.txt") else { return nil }
        let analysis = Analyzer().analyze(article)
        checkInvariants(analysis)
        return analysis
    }

    /// "structured": the bytes read as a sequence of article fragments (`FuzzText`: quotes, names,
    /// combining marks, scripts, markup), the text analysed as a plain-text article. Besides
    /// crashes, libFuzzer's `-timeout` flags inputs that make the analysis slow.
    @discardableResult
    static func structured(_ bytes: UnsafeBufferPointer<UInt8>) -> Analysis? {
        guard bytes.count <= maximumInput else { return nil }
        guard let article = try? ArticleLoader.parsePlainText(FuzzText.text(bytes), source: "fuzz.txt") else { return nil }
        let analysis = Analyzer().analyze(article)
        checkInvariants(analysis)
        return analysis
    }

    /// "html": the bytes opened as an `.html` file by the loader (binary sniffing, charset
    /// detection, libxml2, body extraction, metadata), then the article analysed.
    @discardableResult
    static func html(_ bytes: UnsafeBufferPointer<UInt8>) -> Analysis? {
        guard bytes.count <= maximumInput else { return nil }
        let data = Data(buffer: bytes)
        let article: Article
        do {
            article = try ArticleLoader.parse(data: data, source: "fuzz.html", fileExtension: "html")
        } catch is LoadError {
            return nil
        } catch {
            fatalError("the loader threw a non-LoadError: \(error)")
        }
        check(!article.text.unicodeScalars.allSatisfy(\.properties.isWhitespace), "an HTML article with no text")
        let analysis = Analyzer().analyze(article)
        checkInvariants(analysis)
        return analysis
    }

    /// "export": the analysis of the bytes (as "analyze") rendered as Markdown, HTML and JSON. The
    /// HTML must hold no `<script` and nothing of the article as markup; the JSON must read back as
    /// the same analysis.
    static func export(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let analysis = analyze(bytes) else { return }
        do {
            let markdown = try Exporters.render(analysis, as: .markdown)
            check(String(data: markdown, encoding: .utf8) != nil, "Markdown export is not UTF-8")
            let htmlData = try Exporters.render(analysis, as: .html)
            guard let html = String(data: htmlData, encoding: .utf8) else { fatalError("HTML export is not UTF-8") }
            check(!html.lowercased().contains("<script"), "HTML export contains <script")
            let json = try Exporters.render(analysis, as: .json)
            let back = try Analysis.decode(from: json)
            check(back == analysis, "JSON export does not read back as the same analysis")
        } catch {
            fatalError("export failed: \(error)")
        }
    }

    /// Every offset lies inside the article and every reference names an entity, so the window can
    /// highlight and link everything it is given.
    static func checkInvariants(_ analysis: Analysis) {
        let length = analysis.article.text.unicodeScalars.count
        func inside(_ start: Int, _ end: Int, _ what: String) {
            check(0 <= start && start <= end && end <= length, "\(what) span \(start)..<\(end) outside 0..<\(length)")
        }
        let ids = Set(analysis.entities.map(\.id))
        check(ids.count == analysis.entities.count, "duplicate entity ids")
        for e in analysis.entities {
            for m in e.mentions { inside(m.start, m.end, "mention of \(e.id)") }
        }
        for s in analysis.statements {
            inside(s.start, s.end, "statement \(s.id)")
            if let speaker = s.speaker { check(ids.contains(speaker), "statement \(s.id) speaker \(speaker) unknown") }
        }
        for t in analysis.timeline {
            inside(t.start, t.end, "timeline item \(t.id)")
            for a in t.actors { check(ids.contains(a), "timeline item \(t.id) actor \(a) unknown") }
        }
        for p in analysis.positions { check(ids.contains(p.actor), "position actor \(p.actor) unknown") }
    }

    static func check(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
        if !condition() { fatalError("fuzz invariant: \(message())") }
    }
}
