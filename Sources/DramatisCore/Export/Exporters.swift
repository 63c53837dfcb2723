import Foundation

/// One export format: a pure function from the finished analysis to the file's bytes.
public struct Exporter: Sendable {
    public let format: ExportFormat
    public let render: @Sendable (Analysis) throws -> Data

    public init(format: ExportFormat, render: @escaping @Sendable (Analysis) throws -> Data) {
        self.format = format
        self.render = render
    }
}

/// The exporters as one table, shared by the CLI and the window (Foliate's `exportFunctions`).
///
/// The core registers Markdown, HTML and JSON. PDF needs cairo and Pango, which the core must not
/// link, so `DramatisPDF` adds its entry (`PDFExporter.register()`; its `Export.render` and
/// `Export.write` do that first, so callers that go through `Export` always see all four).
public enum Exporters {
    /// The entries the core provides itself.
    public static let builtIn: [Exporter] = [
        Exporter(format: .markdown) { Data(try MarkdownExporter.render($0).utf8) },
        Exporter(format: .html) { Data(try HTMLExporter.render($0).utf8) },
        Exporter(format: .json) { try JSONExporter.render($0) },
    ]

    private final class Registry: @unchecked Sendable {
        let lock = NSLock()
        var table: [ExportFormat: Exporter] = [:]
        init() { for e in Exporters.builtIn { table[e.format] = e } }
    }
    private static let registry = Registry()

    /// Adds or replaces the entry for `exporter.format`.
    public static func register(_ exporter: Exporter) {
        registry.lock.lock(); defer { registry.lock.unlock() }
        registry.table[exporter.format] = exporter
    }

    public static func exporter(for format: ExportFormat) -> Exporter? {
        registry.lock.lock(); defer { registry.lock.unlock() }
        return registry.table[format]
    }

    /// The formats that can be exported now, in menu order.
    public static var availableFormats: [ExportFormat] {
        ExportFormat.allCases.filter { exporter(for: $0) != nil }
    }

    /// The document's bytes in `format`.
    public static func render(_ analysis: Analysis, as format: ExportFormat) throws -> Data {
        guard let exporter = exporter(for: format) else { throw ExportError.formatUnavailable(format) }
        do {
            return try exporter.render(analysis)
        } catch let error as ExportError {
            throw error
        } catch {
            throw ExportError.renderFailed(format, reason: "\(error)")
        }
    }

    /// The format for a destination: `format` when given, else from the file's extension.
    public static func format(for url: URL, explicit format: ExportFormat? = nil) throws -> ExportFormat {
        if let format { return format }
        guard let f = ExportFormat.from(url: url) else { throw ExportError.unknownFormat(path: url.path) }
        return f
    }

    /// A file name for a save dialog: the title as a lower-case slug (at most about 60
    /// characters, cut at a word), else the source file's name, else "article"; plus the
    /// format's extension. "Zelenskyy says Ukraine needs…" → "zelenskyy-says-ukraine-needs….pdf".
    public static func suggestedFileName(for analysis: Analysis, as format: ExportFormat) -> String {
        func slug(_ s: String) -> String {
            var words: [String] = [], word = ""
            for ch in s.lowercased() {
                if ch.isLetter || ch.isNumber { word.append(ch) } else if !word.isEmpty { words.append(word); word = "" }
            }
            if !word.isEmpty { words.append(word) }
            var out = ""
            for w in words {
                if !out.isEmpty && out.count + 1 + w.count > 60 { break }
                out += out.isEmpty ? String(w.prefix(60)) : "-" + w
            }
            return out
        }
        var base = slug(analysis.article.title ?? "")
        if base.isEmpty, let source = analysis.article.source {
            let last = (URL(string: source)?.scheme != nil ? (URL(string: source)?.lastPathComponent ?? "") : (source as NSString).lastPathComponent)
            base = slug((last as NSString).deletingPathExtension)
        }
        return (base.isEmpty ? "article" : base) + "." + format.fileExtension
    }

    /// Renders and writes atomically: the destination is replaced only by a complete file.
    /// Returns the format used.
    @discardableResult
    public static func write(_ analysis: Analysis, to url: URL, as format: ExportFormat? = nil) throws -> ExportFormat {
        let f = try self.format(for: url, explicit: format)
        // Check the destination before rendering, so a bad path fails fast.
        let path = url.standardizedFileURL.path
        try AtomicFile.checkDestination(path: path, folder: (path as NSString).deletingLastPathComponent)
        let data = try render(analysis, as: f)
        try AtomicFile.write(data, to: url)
        return f
    }
}

/// JSON: the `dramatis.analysis/1` document itself, with a final newline.
public enum JSONExporter {
    public static func render(_ analysis: Analysis) throws -> Data {
        var data = try analysis.jsonData(pretty: true)
        data.append(0x0A)
        return data
    }
}
