import Foundation

/// The formats a summary can be exported to. The raw value is the name used by `--format`.
public enum ExportFormat: String, CaseIterable, Sendable, Codable {
    case markdown, html, json, pdf

    /// The format a file name's extension asks for (`.md`/`.markdown`, `.html`/`.htm`, `.json`,
    /// `.pdf`, any case), or nil.
    public static func from(extension ext: String) -> ExportFormat? {
        let e = ext.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        switch e {
        case "md", "markdown": return .markdown
        case "html", "htm": return .html
        case "json": return .json
        case "pdf": return .pdf
        default: return nil
        }
    }

    /// The format of a destination file, from its extension.
    public static func from(url: URL) -> ExportFormat? { from(extension: url.pathExtension) }

    /// A format by name as typed on a command line: the raw values plus `md`, `htm`.
    public static func from(name: String) -> ExportFormat? {
        ExportFormat(rawValue: name.lowercased()) ?? from(extension: name)
    }

    /// The extension written for a derived file name.
    public var fileExtension: String {
        switch self {
        case .markdown: "md"
        case .html: "html"
        case .json: "json"
        case .pdf: "pdf"
        }
    }

    /// Every extension that selects this format (for a file chooser filter).
    public var fileExtensions: [String] {
        switch self {
        case .markdown: ["md", "markdown"]
        case .html: ["html", "htm"]
        case .json: ["json"]
        case .pdf: ["pdf"]
        }
    }

    public var mimeType: String {
        switch self {
        case .markdown: "text/markdown"
        case .html: "text/html"
        case .json: "application/json"
        case .pdf: "application/pdf"
        }
    }

    /// A label for menus and file-chooser filters.
    public var displayName: String {
        switch self {
        case .markdown: "Markdown"
        case .html: "HTML (web page)"
        case .json: "JSON (dramatis.analysis/1)"
        case .pdf: "PDF"
        }
    }
}

/// Why an export failed; each case reads as one sentence naming the file.
public enum ExportError: Error, Equatable, CustomStringConvertible, LocalizedError {
    /// The destination's extension names no known format and none was given.
    case unknownFormat(path: String)
    /// The format exists but no exporter for it is linked in (PDF lives in DramatisPDF).
    case formatUnavailable(ExportFormat)
    /// The folder the file should go into does not exist.
    case folderMissing(path: String)
    /// The destination is a folder.
    case destinationIsFolder(path: String)
    /// The folder or file cannot be written (permissions, read-only file system, …).
    case notWritable(path: String, reason: String)
    /// Writing or renaming failed part-way (disk full, I/O error); the destination is untouched.
    case writeFailed(path: String, reason: String)
    /// The exporter could not produce the document.
    case renderFailed(ExportFormat, reason: String)

    public var description: String {
        switch self {
        case .unknownFormat(let p):
            "\(p): cannot tell the export format from the file name (use .md, .html, .json or .pdf)"
        case .formatUnavailable(let f):
            "the \(f.displayName) export is not available in this build"
        case .folderMissing(let p):
            "\(p): the folder does not exist"
        case .destinationIsFolder(let p):
            "\(p): is a folder; give a file name"
        case .notWritable(let p, let r):
            "\(p): cannot be written (\(r))"
        case .writeFailed(let p, let r):
            "\(p): writing failed (\(r)); the previous file, if any, is unchanged"
        case .renderFailed(let f, let r):
            "the \(f.displayName) export failed: \(r)"
        }
    }

    public var errorDescription: String? { description }
}
