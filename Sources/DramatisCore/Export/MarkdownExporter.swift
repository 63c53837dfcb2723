import Foundation

/// Markdown (CommonMark) summary: `Templates/MarkdownTemplate.swift` filled from the `Summary`.
public enum MarkdownExporter {
    static let template: Result<Template, Error> = Result { try Template(MarkdownTemplate.source, escape: escape) }

    public static func render(_ analysis: Analysis) throws -> String {
        let summary = SummaryBuilder().build(analysis)
        return try template.get().render(summary.templateContext())
    }

    /// Makes article-derived text inert inline Markdown: whitespace (newlines too) collapses to
    /// single spaces, the punctuation CommonMark or forges give meaning anywhere is
    /// backslash-escaped, and so is a leading character that would open a block (list item,
    /// heading underline, quote, ordered list `1.`).
    public static func escape(_ raw: String) -> String {
        let text = collapseWhitespace(stripControls(raw))
        var out = ""
        out.reserveCapacity(text.count + 8)
        for ch in text {
            if "\\`*_[]<>#|~&".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        // Block starters at the beginning of a line.
        if let first = out.first, "-+=".contains(first) {
            out.insert("\\", at: out.startIndex)
        } else {
            let digits = out.prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty, digits.count <= 9 {
                let after = out.index(out.startIndex, offsetBy: digits.count)
                if after < out.endIndex, out[after] == "." || out[after] == ")" {
                    out.insert("\\", at: after)
                }
            }
        }
        return out
    }
}

/// Drops C0/C1 control characters other than tab and newline (they are invalid in XML and
/// meaningless in a summary).
func stripControls(_ s: String) -> String {
    guard s.unicodeScalars.contains(where: isStrippedControl) else { return s }
    var view = String.UnicodeScalarView()
    view.append(contentsOf: s.unicodeScalars.filter { !isStrippedControl($0) })
    return String(view)
}

private func isStrippedControl(_ u: Unicode.Scalar) -> Bool {
    (u.value < 0x20 && u != "\n" && u != "\t" && u != "\r") || (0x7F...0x9F).contains(u.value)
        || u.value == 0xFFFE || u.value == 0xFFFF
}
