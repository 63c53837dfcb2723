import DramatisCore
import Foundation

/// A paragraph-level piece of the PDF: Pango markup in one style.
struct PDFBlock {
    enum Style {
        case title, meta, heading, subheading, lead, body, bullet, quote, article, legend, note
    }
    var style: Style
    /// Pango markup; every article-derived string in it went through `PDFContent.escape`.
    var markup: String
    /// Start this block on a new page.
    var pageBreakBefore = false
}

/// The summary as a sequence of PDF blocks: the PDF template. Same sections and order as the
/// Markdown and HTML templates (title, metadata, summary, actors, positions, statements,
/// timeline, article).
enum PDFContent {
    /// Entity colours (the core's `EntityStyle`, as in the window and the HTML export): text
    /// underline and a light background tint.
    static func colours(_ type: EntityType) -> (line: String, tint: String) {
        let style = EntityStyle.of(type)
        return (style.printColour, style.printTint)
    }

    static func stanceColour(_ stance: Stance) -> String {
        switch stance {
        case .supports: "#26a269"
        case .opposes: "#c01c28"
        case .neutral: "#5e5c64"
        case .conditional: "#c64600"
        }
    }

    static func blocks(summary: Summary, article: HighlightedArticle) -> [PDFBlock] {
        let e = escape
        var out: [PDFBlock] = []
        out.append(PDFBlock(style: .title, markup: e(summary.title)))
        var meta: [String] = []
        if let p = summary.publishedText { meta.append("Published " + e(p)) }
        if let s = summary.source { meta.append("Source: " + e(s)) }
        meta.append("Analysed by " + e(summary.generator))
        out.append(PDFBlock(style: .meta, markup: meta.joined(separator: "\n")))

        out.append(PDFBlock(style: .heading, markup: "Summary"))
        if summary.keySentences.isEmpty {
            out.append(PDFBlock(style: .note, markup: "The article has no text to summarise."))
        } else {
            out.append(PDFBlock(style: .lead, markup: summary.keySentences.map { e($0.text) }.joined(separator: " ")))
        }

        out.append(PDFBlock(style: .heading, markup: "Actors"))
        if summary.actors.isEmpty {
            out.append(PDFBlock(style: .note, markup: "No actors were found."))
        }
        for a in summary.actors {
            var m = mention(a.entity.name, a.entity.type) + "  <span foreground=\"#5e5c64\" size=\"smaller\">"
                + e(a.entity.type.displayName) + "</span>"
            if let r = a.roleLine { m += " · " + e(r) }
            out.append(PDFBlock(style: .bullet, markup: m))
        }

        if !summary.otherEntities.isEmpty {
            out.append(PDFBlock(style: .body, markup: "<span foreground=\"#5e5c64\">Also mentioned:</span>  "
                + summary.otherEntities.map { mention($0.name, $0.type) }.joined(separator: "  ")))
        }

        out.append(PDFBlock(style: .heading, markup: "Positions"))
        let withPositions = summary.actors.filter { !$0.positions.isEmpty }
        if withPositions.isEmpty {
            out.append(PDFBlock(style: .note, markup: "No positions were found."))
        }
        for a in withPositions {
            out.append(PDFBlock(style: .subheading, markup: e(a.entity.name)))
            for line in a.positions {
                let p = line.position
                out.append(PDFBlock(style: .bullet, markup:
                    "<b>" + e(p.topic) + "</b>  <span foreground=\"" + stanceColour(p.stance) + "\" weight=\"bold\">"
                    + e(Summary.stanceLabel(p.stance)) + "</span>  " + e(p.summary)))
                if let q = line.quote {
                    let prefix = q.kind == .indirect ? "Reported: " : ""
                    out.append(PDFBlock(style: .quote, markup: e(prefix + CuePhrase.shown(q, speakerName: line.quoteSpeaker))))
                }
            }
        }

        out.append(PDFBlock(style: .heading, markup: "Statements"))
        if summary.speakers.isEmpty {
            out.append(PDFBlock(style: .note, markup: "No statements were found."))
        }
        for sp in summary.speakers {
            out.append(PDFBlock(style: .subheading, markup: e(sp.name)))
            for st in sp.statements {
                // The same wording as the Markdown and HTML exports (SummaryContext).
                let lead = CuePhrase.reportedLead(st, speakerName: sp.entity?.name)
                let shown = e(CuePhrase.shown(st, speakerName: sp.entity?.name))
                var m = st.kind == .direct ? shown : "<i>Reported:</i> " + shown
                if let a = CuePhrase.attribution(st, verb: lead == nil) {
                    m += "  <span foreground=\"#5e5c64\">(" + e(a) + ")</span>"
                }
                out.append(PDFBlock(style: .bullet, markup: m))
            }
        }

        out.append(PDFBlock(style: .heading, markup: "Timeline"))
        if summary.timeline.isEmpty {
            out.append(PDFBlock(style: .note, markup: "No dated events were found."))
        }
        func timelineLine(_ t: Summary.TimelineEntry) -> String {
            var m = "<b>" + e(t.dateText) + "</b>   " + e(t.item.label)
            if !t.actorNames.isEmpty {
                m += "  <span foreground=\"#5e5c64\">(" + e(t.actorNames.joined(separator: ", ")) + ")</span>"
            }
            return m
        }
        for t in summary.timeline { out.append(PDFBlock(style: .bullet, markup: timelineLine(t))) }
        if !summary.undatedTimeline.isEmpty {
            out.append(PDFBlock(style: .subheading, markup: "Undated"))
            out.append(PDFBlock(style: .note, markup:
                "Relative dates that could not be resolved (the publication date is unknown):"))
            for t in summary.undatedTimeline { out.append(PDFBlock(style: .bullet, markup: timelineLine(t))) }
        }

        out.append(PDFBlock(style: .heading, markup: "Article", pageBreakBefore: true))
        let types = EntityType.allCases.filter { t in article.paragraphs.contains { $0.contains { $0.type == t } } }
        if !types.isEmpty {
            out.append(PDFBlock(style: .legend, markup: types.map { mention($0.displayName, $0) }.joined(separator: "    ")))
        }
        for paragraph in article.paragraphs {
            let m = paragraph.map { run in
                if let t = run.type { return mention(run.text, t) }
                return e(run.text)
            }.joined()
            out.append(PDFBlock(style: .article, markup: m))
        }
        return out
    }

    /// An entity mention: tinted background, coloured underline.
    static func mention(_ text: String, _ type: EntityType) -> String {
        let c = colours(type)
        return "<span background=\"\(c.tint)\" underline=\"single\" underline_color=\"\(c.line)\">"
            + escape(text) + "</span>"
    }

    /// Escapes text for Pango markup and drops control characters Pango rejects.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count + 8)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\t": out.unicodeScalars.append(" ")
            default:
                if u.value < 0x20 || (0x7F...0x9F).contains(u.value) || u.value == 0xFFFE || u.value == 0xFFFF { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
