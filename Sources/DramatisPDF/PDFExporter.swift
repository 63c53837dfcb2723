import CCairo
import DramatisCore
import Foundation

/// PDF export through cairo's PDF surface and Pango: A4 pages, wrapped Pango layouts, headings
/// kept with what follows, paragraphs split across pages line by line, "page N of M" footers,
/// and the article with its entity mentions highlighted. Needs no display (fontconfig only).
///
/// The page layout itself is `PDFLayout` (blocks → lines → pages); this type registers it in the
/// `Exporters` table.
public enum PDFExporter {
    /// The table entry for the PDF format.
    public static let exporter = Exporter(format: .pdf) { try render($0) }

    /// Adds the PDF entry to `Exporters` (idempotent; `Export.render`/`Export.write` call it).
    public static func register() { _ = registration }
    private static let registration: Void = { Exporters.register(exporter) }()

    /// The PDF file's bytes.
    public static func render(_ analysis: Analysis) throws -> Data {
        try renderDocument(analysis).data
    }

    /// The PDF and the number of pages it has.
    public static func renderDocument(_ analysis: Analysis) throws -> (data: Data, pageCount: Int) {
        // Sentences and paragraphs come with the analysis: nothing is tokenised again.
        let summary = SummaryBuilder().build(analysis)
        let blocks = PDFContent.blocks(summary: summary, article: HighlightedArticle(analysis))
        return try PDFLayout().render(blocks: blocks, title: summary.title, creator: analysis.generator)
    }
}

/// The one place the window and the CLI go through: the `Exporters` table with PDF registered.
public enum Export {
    /// Every format, PDF included.
    public static var formats: [ExportFormat] {
        PDFExporter.register()
        return Exporters.availableFormats
    }

    /// The document's bytes in `format`.
    public static func render(_ analysis: Analysis, as format: ExportFormat) throws -> Data {
        PDFExporter.register()
        return try Exporters.render(analysis, as: format)
    }

    /// A file name for a save dialog, e.g. "zelenskyy-says-ukraine-needs-an-effective-security.pdf".
    public static func suggestedFileName(for analysis: Analysis, as format: ExportFormat) -> String {
        Exporters.suggestedFileName(for: analysis, as: format)
    }

    /// Renders and writes `url` atomically; the format comes from `format` or the extension.
    /// Throws `ExportError` (readable `description`) for unknown extensions and unwritable paths.
    @discardableResult
    public static func write(_ analysis: Analysis, to url: URL, as format: ExportFormat? = nil) throws -> ExportFormat {
        PDFExporter.register()
        return try Exporters.write(analysis, to: url, as: format)
    }
}
