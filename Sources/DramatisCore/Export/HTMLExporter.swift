import Foundation

/// One self-contained HTML page: inline CSS, no script, the summary sections and the article with
/// its entity mentions highlighted by type. The layout is `Templates/HTMLTemplate.swift`; every
/// value goes through `escape`, so article text can never become markup.
/// The output is also well-formed XML (void elements self-closed), which the tests check strictly.
public enum HTMLExporter {
    static let template: Result<Template, Error> = Result { try Template(HTMLTemplate.source, escape: escape) }

    public static func render(_ analysis: Analysis) throws -> String {
        // Sentences and paragraphs come with the analysis: nothing is tokenised again.
        let summary = SummaryBuilder().build(analysis)
        var context = summary.templateContext(includeArticle: true, analysis: analysis)
        // The entity colours of the style sheet, from the one table the window and the PDF read too.
        context["entity_colours"] = .string(EntityStyle.cssVariables(\.colour))
        context["entity_colours_dark"] = .string(EntityStyle.cssVariables(\.darkColour))
        context["entity_colours_print"] = .string(EntityStyle.cssVariables(\.printColour))
        return try template.get().render(context)
    }

    /// Escapes text for HTML content and quoted attribute values.
    public static func escape(_ raw: String) -> String {
        let text = stripControls(raw)
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\r\n", "\r": out += "\n"
            default: out.append(ch)
            }
        }
        return out
    }
}
