import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why an article could not be opened; every case reads as one clear sentence.
public enum LoadError: Error, Equatable, CustomStringConvertible, LocalizedError {
    case notFound(String)
    case isDirectory(String)
    case unreadable(String, reason: String)
    case notText(String, detail: String)
    case empty(String)
    case tooLarge(String, bytes: Int, limit: Int)
    case textTooLong(String, characters: Int, limit: Int)
    case unsupported(String, detail: String)
    case network(String, detail: String)
    /// A web page that is not an article (a home page, an index, a paywall stub): why.
    case notAnArticle(String, reason: String)

    public var description: String {
        switch self {
        case .notFound(let p): "\(p): no such file"
        case .isDirectory(let p): "\(p): is a folder, not an article"
        case .unreadable(let p, let r): "\(p): cannot be read (\(r))"
        case .notText(let p, let d): "\(p): not a text article (\(d))"
        case .empty(let p): "\(p): the article is empty"
        case .tooLarge(let p, let b, let l): "\(p): too large (\(b / 1_000_000) MB; the limit is \(l / 1_000_000) MB)"
        case .textTooLong(let p, let c, let l): "\(p): the text is too long to analyse (\(c) characters; the limit is \(l))"
        case .unsupported(let p, let d): "\(p): \(d)"
        case .network(let p, let d): "\(p): \(d)"
        case .notAnArticle(let p, let r): "\(p): not an article: \(r)"
        }
    }
    public var errorDescription: String? { description }
}

/// Opens plain-text articles. Metadata sits in an optional sidecar `NAME.meta.json` beside
/// `NAME.txt` with the keys `title`, `published` (YYYY-MM-DD), `source`, `author`.
/// Without a sidecar the title is the first line when a blank line follows it.
public enum ArticleLoader {
    /// Files above this size are refused before reading (the same limit as downloads,
    /// `URLFetcher.Options.maximumBytes`): no news page is this large, and reading one would
    /// only lead to `maximumTextLength` refusing its text.
    public static let maximumBytes = 20_000_000

    /// Articles whose text (after HTML extraction or Markdown stripping) has more code points than
    /// this are refused with `LoadError.textTooLong`. The longest news features have about 200 000;
    /// a release build analyses a million in about 6 s (80 MB of memory); 100 MB would take ten
    /// minutes while the window waits. (`Analyzer.analyze` itself takes any length, for the command line.)
    public static let maximumTextLength = 1_000_000

    /// How much an opener accepts. The window and the CLI by default refuse what a reader could
    /// not use (`interactive`); batch work and benchmarks lift the limits (`unlimited`, the CLI's
    /// `--no-size-limit`) since the analysis itself is linear in the text's length.
    public struct Limits: Sendable, Equatable {
        public var maximumBytes: Int
        public var maximumTextLength: Int
        public init(maximumBytes: Int, maximumTextLength: Int) {
            self.maximumBytes = maximumBytes
            self.maximumTextLength = maximumTextLength
        }
        public static let interactive = Limits(maximumBytes: ArticleLoader.maximumBytes, maximumTextLength: ArticleLoader.maximumTextLength)
        public static let unlimited = Limits(maximumBytes: Int.max / 2, maximumTextLength: Int.max)
    }

    public struct Metadata: Codable, Sendable {
        public var title: String?
        public var published: String?
        public var source: String?
        public var author: String?
    }

    /// Opens an article: a local file (HTML, Markdown or plain text, chosen by extension and
    /// content, see `ArticleFormat`) or an `http://` / `https://` address (see `load(url:)`).
    /// `published` (YYYY-MM-DD) overrides the date found in the article's metadata.
    public static func load(path: String, published: String? = nil, limits: Limits = .interactive) throws -> Article {
        if let url = remoteURL(path) { return try load(url: url, published: published) }
        let data = try readFile(path: path, limit: limits.maximumBytes)
        var article = try parse(data: data, source: path, fileExtension: URL(fileURLWithPath: path).pathExtension,
                                maximumTextLength: limits.maximumTextLength)
        if let meta = sidecar(for: path) {
            if let t = meta.title { article.title = t }
            if let p = meta.published, ISODate(p) != nil { article.published = p }
            if let s = meta.source { article.source = s }
            if let a = meta.author { article.author = a; article.authors = nil }
        }
        if let published { article.published = published }
        return article
    }

    /// Reads a regular file with size checks; all failures become `LoadError`s.
    ///
    /// The file is opened first (non-blocking, so a FIFO or a device cannot stall the caller) and
    /// its type and size are checked on the open descriptor, so a file replaced, removed or made
    /// unreadable between a check and the read still gives one clear error. Symbolic links are
    /// followed; what they point to must be a regular file.
    public static func readFile(path: String, limit: Int = maximumBytes) throws -> Data {
        let fd = openFile(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 {
            let code = errno
            switch code {
            case ENOENT, ENOTDIR: throw LoadError.notFound(path)
            case EACCES, EPERM: throw LoadError.unreadable(path, reason: "permission denied")
            case EISDIR: throw LoadError.isDirectory(path)
            default: throw LoadError.unreadable(path, reason: String(cString: strerror(code)).lowercased())
            }
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            throw LoadError.unreadable(path, reason: String(cString: strerror(errno)).lowercased())
        }
        switch st.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw LoadError.isDirectory(path)
        default: throw LoadError.unsupported(path, detail: "not a regular file")
        }
        if Int(st.st_size) > limit { throw LoadError.tooLarge(path, bytes: Int(st.st_size), limit: limit) }
        // A regular file never blocks; clear O_NONBLOCK anyway so reads behave as usual.
        let flags = fcntl(fd, F_GETFL)
        if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) }

        // Read up to limit + 1 bytes: the file may have grown since fstat.
        var data = Data(capacity: Int(st.st_size))
        let chunk = 1 << 20
        var buffer = [UInt8](repeating: 0, count: chunk)
        while data.count <= limit {
            let want = min(chunk, limit + 1 - data.count)
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, want) }
            if n < 0 {
                if errno == EINTR { continue }
                throw LoadError.unreadable(path, reason: String(cString: strerror(errno)).lowercased())
            }
            if n == 0 { break }
            data.append(contentsOf: buffer[0..<n])
        }
        if data.count > limit { throw LoadError.tooLarge(path, bytes: data.count, limit: limit) }
        return data
    }

    /// Decodes bytes as text: UTF-8 (BOM stripped), or UTF-16 with a BOM. Binary data is refused.
    public static func decodeText(_ data: Data, source: String) throws -> String {
        if data.isEmpty { throw LoadError.empty(source) }
        let bytes = [UInt8](data.prefix(4))
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            guard let s = String(data: data, encoding: .utf16) else {
                throw LoadError.notText(source, detail: "invalid UTF-16")
            }
            return s
        }
        if let kind = BinarySniffer.kind(of: data) {
            throw LoadError.notText(source, detail: "looks like \(kind)")
        }
        var body = data
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { body = data.dropFirst(3) }
        guard let text = String(data: body, encoding: .utf8) else {
            throw LoadError.notText(source, detail: "not valid UTF-8")
        }
        return text
    }

    public static func parsePlainText(_ raw: String, source: String?) throws -> Article {
        let text = normalizeNewlines(raw)
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            throw LoadError.empty(source ?? "article")
        }
        // Title: the first line, when a blank line follows it.
        let lines = text.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false)
        if lines.count >= 3, !lines[0].trimmingCharacters(in: .whitespaces).isEmpty,
           lines[1].trimmingCharacters(in: .whitespaces).isEmpty,
           lines[0].count <= 300 {
            let title = lines[0].trimmingCharacters(in: .whitespaces)
            var body = String(lines[2])
            while body.hasPrefix("\n") { body.removeFirst() }
            return Article(title: title, published: nil, source: source, text: body)
        }
        return Article(title: nil, published: nil, source: source, text: text)
    }

    static func normalizeNewlines(_ s: String) -> String {
        // A byte test: Foundation's `contains` searched the whole article for every file.
        guard s.utf8.contains(0x0D) else { return s }
        return s.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    static func sidecar(for path: String) -> Metadata? {
        let url = URL(fileURLWithPath: path)
        let meta = url.deletingPathExtension().appendingPathExtension("meta.json")
        guard let data = try? readFile(path: meta.path, limit: 1_000_000) else { return nil }
        return try? JSONDecoder().decode(Metadata.self, from: data)
    }
}

/// `open(2)`, named apart from `ArticleLoader.open(location:)`.
private func openFile(_ path: String, _ flags: Int32) -> Int32 { open(path, flags) }

/// Recognises common binary formats and control-character-heavy data.
enum BinarySniffer {
    static func kind(of data: Data) -> String? {
        let head = [UInt8](data.prefix(512))
        let signatures: [([UInt8], String)] = [
            ([0x89, 0x50, 0x4E, 0x47], "a PNG image"), ([0xFF, 0xD8, 0xFF], "a JPEG image"),
            ([0x47, 0x49, 0x46, 0x38], "a GIF image"), ([0x25, 0x50, 0x44, 0x46], "a PDF document"),
            ([0x7F, 0x45, 0x4C, 0x46], "an ELF executable"), ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive"),
            ([0x1F, 0x8B], "a gzip archive"),
        ]
        for (sig, name) in signatures where head.starts(with: sig) { return name }
        if head.contains(0) { return "binary data" }
        let control = head.filter { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0x0C }.count
        if head.count > 16, control * 10 > head.count { return "binary data" }
        return nil
    }
}

/// A calendar date `YYYY-MM-DD` without time zone arithmetic.
public struct ISODate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var year: Int, month: Int, day: Int

    public init(year: Int, month: Int, day: Int) { self.year = year; self.month = month; self.day = day }

    public init?(_ text: String) {
        let parts = text.prefix(10).split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), d >= 1, d <= ISODate.daysIn(month: m, year: y) else { return nil }
        year = y; month = m; day = d
    }

    public var description: String { String(format: "%04d-%02d-%02d", year, month, day) }

    /// A date the user typed for `field` (an option, a record's key): the one rule and message
    /// of the CLI's `--published`, a JSON Lines record and `library add`.
    public static func validated(_ text: String, field: String) throws -> ISODate {
        guard let date = ISODate(text) else { throw Invalid(message: "\(field) must be a date like 2025-08-18, not '\(text)'") }
        return date
    }

    public struct Invalid: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for arithmetic.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(dayNumber z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    public func adding(days: Int) -> ISODate { ISODate(dayNumber: dayNumber + days) }

    /// 0 = Sunday … 6 = Saturday.
    public var weekday: Int { ((dayNumber % 7) + 11) % 7 }

    public static func < (a: ISODate, b: ISODate) -> Bool { a.dayNumber < b.dayNumber }
}
