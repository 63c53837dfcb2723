import DramatisCore
import Foundation

/// An actor's record across the library as Markdown, HTML or JSON, every item with its source
/// (article title, outlet, date, URL, character span). Text from articles is escaped with the
/// core exporters' escapers.
public enum ActorExport {
    public static func render(_ record: ActorRecord, as format: ExportFormat) throws -> Data {
        switch format {
        case .markdown: return Data(markdown(record).utf8)
        case .html: return Data(html(record).utf8)
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            var data = try encoder.encode(Document(record: record))
            data.append(0x0A)
            return data
        case .pdf:
            throw LibraryError.invalid("an actor's record exports as Markdown, HTML or JSON, not \(format)")
        }
    }

    /// Writes atomically: the destination is the old file or the complete new one.
    public static func write(_ record: ActorRecord, to url: URL, as format: ExportFormat) throws {
        try AtomicFile.write(try render(record, as: format), to: url)
    }

    struct Document: Encodable {
        var schema = "dramatis.library-actor/1"
        var record: ActorRecord
    }

    static func sourceLine(_ s: SourceRef) -> String {
        [s.published ?? "undated", s.outlet, s.title ?? "article \(s.article)"].compactMap { $0 }.joined(separator: " · ")
    }

    static func markdown(_ r: ActorRecord) -> String {
        let e = MarkdownExporter.escape
        var out = "# \(e(r.actor.name))\n\n"
        out += "\(e(r.actor.type)), in \(r.actor.articles) article\(r.actor.articles == 1 ? "" : "s")"
        if r.aliases.count > 1 { out += "; also written \(r.aliases.filter { $0 != r.actor.name }.map(e).joined(separator: ", "))" }
        out += "\n\n## Statements\n\n"
        if r.statements.isEmpty { out += "None recorded.\n" }
        for s in r.statements {
            out += "- \(e(s.text))  \n  — \(e(sourceLine(s.source)))\(link(s.source, markdown: true)), characters \(s.source.start)–\(s.source.end)\n"
        }
        out += "\n## Positions\n"
        if r.positions.isEmpty { out += "\nNone recorded.\n" }
        var topic: String?
        for p in r.positions {
            if p.topic != topic { out += "\n### \(e(p.topic))\n\n"; topic = p.topic }
            out += "- \(p.changed ? "**changed:** " : "")\(e(p.stance)): \(e(p.summary))  \n  — \(e(sourceLine(p.source)))\(link(p.source, markdown: true))\n"
        }
        return out
    }

    static func link(_ s: SourceRef, markdown: Bool) -> String {
        guard let url = s.url, let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? "") else { return "" }
        return markdown ? " (<\(url.replacingOccurrences(of: ">", with: "%3E"))>)" : ""
    }

    static func html(_ r: ActorRecord) -> String {
        let e = HTMLExporter.escape
        func source(_ s: SourceRef) -> String {
            var text = e(sourceLine(s))
            if let url = s.url, let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? "") {
                text = "<a href=\"\(e(url))\">\(text)</a>"
            }
            return "<cite>\(text)</cite> <small>characters \(s.start)–\(s.end)</small>"
        }
        var out = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>\(e(r.actor.name)) — Dramatis library</title>
            <style>body{font-family:sans-serif;max-width:48em;margin:2em auto;line-height:1.4}li{margin:.6em 0}.changed{font-weight:bold}</style>
            </head><body>
            <h1>\(e(r.actor.name))</h1>
            <p>\(e(r.actor.type)), in \(r.actor.articles) article\(r.actor.articles == 1 ? "" : "s")</p>
            <h2>Statements</h2>
            <ol>

            """
        for s in r.statements { out += "<li><q>\(e(s.text))</q><br>\(source(s.source))</li>\n" }
        out += "</ol>\n<h2>Positions</h2>\n"
        var topic: String?
        for p in r.positions {
            if p.topic != topic { out += (topic == nil ? "" : "</ul>\n") + "<h3>\(e(p.topic))</h3>\n<ul>\n"; topic = p.topic }
            out += "<li\(p.changed ? " class=\"changed\"" : "")>\(p.changed ? "changed: " : "")\(e(p.stance)): \(e(p.summary))<br>\(source(p.source))</li>\n"
        }
        if topic != nil { out += "</ul>\n" }
        return out + "</body></html>\n"
    }
}
