import DramatisCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// `dramatis analyze --stdin --format jsonl`: JSON Lines records in, one line out per record, in
/// input order. A record is `{"id", "text" | "html", "published", "url", "title"}`; its line is the
/// `dramatis.analysis/1` document with the record's `id` first, or `{"id", "line", "error"}` when
/// the record cannot be analysed (invalid JSON, no text, binary data, too long). Blank lines are
/// not records.
enum RecordStream {
    /// One line of input: its 1-based line number and bytes (without the newline), or the bytes
    /// kept of a line longer than the limit.
    struct Line: Sendable {
        var number: Int
        var bytes: [UInt8]
        var tooLong = false
    }

    /// Reads lines from a file descriptor in 1 MiB reads; a line longer than `maximumBytes` is cut
    /// to its first 4 KiB (enough to find its id) and the rest skipped, so memory stays bounded.
    final class LineReader: @unchecked Sendable {
        private let fd: Int32
        private let maximumBytes: Int
        private var buffer = [UInt8](repeating: 0, count: 1 << 20)
        private var start = 0, end = 0, number = 0, atEnd = false

        init(fd: Int32, maximumBytes: Int) {
            self.fd = fd
            self.maximumBytes = maximumBytes
        }

        /// The next non-blank line, nil at the end of the input.
        func next() -> Line? {
            while let line = nextLine() {
                if line.tooLong || line.bytes.contains(where: { !Self.isSpace($0) }) { return line }
            }
            return nil
        }

        private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D }

        private func nextLine() -> Line? {
            var line: [UInt8] = []
            var tooLong = false
            while true {
                if start < end {
                    let newline = buffer[start..<end].firstIndex(of: 0x0A)
                    let stop = newline ?? end
                    if !tooLong {
                        line.append(contentsOf: buffer[start..<stop])
                        if line.count > maximumBytes { tooLong = true; line.removeSubrange(4096...) }
                    }
                    start = newline.map { $0 + 1 } ?? end
                    if newline != nil { break }
                }
                if atEnd {
                    if line.isEmpty && !tooLong { return nil }
                    break
                }
                let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { atEnd = true } // a read error ends the input like its end
                start = 0
                end = max(0, n)
            }
            number += 1
            if line.last == 0x0D { line.removeLast() }
            return Line(number: number, bytes: line, tooLong: tooLong)
        }
    }

    /// Why a record gives an error line rather than an analysis.
    struct RecordError: Error {
        var message: String
        var id: String? = nil
    }

    /// A record's fields, each checked for its type.
    struct Record: Decodable {
        var id: String? // as JSON: a string (quoted) or an integer
        var text: String?, html: String?, published: String?, url: String?, title: String?

        enum Key: String, CodingKey { case id, text, html, published, url, title }

        init(from decoder: Decoder) throws {
            guard let c = try? decoder.container(keyedBy: Key.self) else {
                throw RecordError(message: "a record must be a JSON object")
            }
            if c.contains(.id), !(try c.decodeNil(forKey: .id)) {
                if let i = try? c.decode(Int64.self, forKey: .id) {
                    id = String(i)
                } else if let s = try? c.decode(String.self, forKey: .id) {
                    id = RecordStream.quoted(s)
                } else {
                    throw RecordError(message: "id must be a string or an integer")
                }
            }
            func string(_ key: Key) throws -> String? {
                guard c.contains(key), !(try c.decodeNil(forKey: key)) else { return nil }
                guard let s = try? c.decode(String.self, forKey: key) else {
                    throw RecordError(message: "\(key.rawValue) must be a string")
                }
                return s
            }
            do {
                text = try string(.text); html = try string(.html)
                published = try string(.published); url = try string(.url); title = try string(.title)
            } catch var error as RecordError {
                error.id = id
                throw error
            }
        }
    }

    /// The output line for one input line (newline included), and whether it is an error line.
    struct Output: Sendable {
        var bytes: [UInt8]
        var failed: Bool
    }

    static func process(_ line: Line, analyzer: Analyzer, published: String?, limits: ArticleLoader.Limits) -> Output {
        var id: String?
        do {
            if line.tooLong {
                id = salvageID(line.bytes)
                throw RecordError(message: "the record is longer than \(limits.maximumBytes / 1_000_000) MB")
            }
            let record: Record
            do {
                record = try JSONDecoder().decode(Record.self, from: Data(line.bytes))
            } catch let error as RecordError {
                id = error.id
                throw error
            } catch {
                id = salvageID(line.bytes)
                throw RecordError(message: "not valid JSON")
            }
            id = record.id
            let analysis = try analyze(record, analyzer: analyzer, published: published, limits: limits)
            var out = Array("{\"id\":\(id ?? "null"),".utf8)
            // The document is one JSON object: the id becomes its first member.
            out.append(contentsOf: try analysis.jsonData(pretty: false).dropFirst())
            out.append(0x0A)
            return Output(bytes: out, failed: false)
        } catch {
            let message = (error as? RecordError)?.message ?? "\(error.localizedDescription)"
            return Output(bytes: Array("{\"id\":\(id ?? "null"),\"line\":\(line.number),\"error\":\(quoted(message))}\n".utf8), failed: true)
        }
    }

    static func analyze(_ record: Record, analyzer: Analyzer, published: String?, limits: ArticleLoader.Limits) throws -> Analysis {
        let source = record.url ?? "record " + (record.id ?? "without id")
        let body: (String, String)
        switch (record.text, record.html) {
        case (let text?, nil): body = (text, "text/plain")
        case (nil, let html?): body = (html, "text/html")
        case (nil, nil): throw RecordError(message: "the record has no text and no html")
        default: throw RecordError(message: "the record has both text and html: give one")
        }
        if let p = record.published {
            do { _ = try ISODate.validated(p, field: "published") } catch { throw RecordError(message: "\(error)") }
        }
        let data = Data(body.0.utf8)
        if data.count > limits.maximumBytes { throw LoadError.tooLarge(source, bytes: data.count, limit: limits.maximumBytes) }
        var article = try ArticleLoader.parse(data: data, source: source, mimeType: body.1,
                                              maximumTextLength: limits.maximumTextLength)
        article.source = record.url
        if let t = record.title { article.title = t }
        if let p = record.published ?? published { article.published = p }
        return analyzer.analyze(article)
    }

    /// A string as a JSON string literal.
    static func quoted(_ s: String) -> String {
        String(decoding: (try? JSONEncoder().encode(s)) ?? Data("\"\"".utf8), as: UTF8.self)
    }

    /// The id of a record that is not valid JSON, when one can be read: the first `"id"` key
    /// followed by a string or an integer. Best effort, so the error line can still be matched to
    /// its record.
    static func salvageID(_ bytes: [UInt8]) -> String? {
        let key = Array("\"id\"".utf8)
        var i = 0
        func skipSpace() { while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 } }
        while i + key.count <= bytes.count {
            guard bytes[i..<(i + key.count)].elementsEqual(key) else { i += 1; continue }
            i += key.count
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { continue }
            i += 1
            skipSpace()
            guard i < bytes.count else { return nil }
            let from = i
            if bytes[i] == UInt8(ascii: "\"") {
                i += 1
                while i < bytes.count, bytes[i] != UInt8(ascii: "\"") { i += bytes[i] == UInt8(ascii: "\\") ? 2 : 1 }
                guard i < bytes.count,
                      let s = try? JSONDecoder().decode(String.self, from: Data(bytes[from...i])) else { return nil }
                return quoted(s)
            }
            while i < bytes.count, bytes[i] == UInt8(ascii: "-") || (bytes[i] >= 0x30 && bytes[i] <= 0x39) { i += 1 }
            if i < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[i]) { return nil }
            guard i > from, let n = Int64(String(decoding: bytes[from..<i], as: UTF8.self)) else { return nil }
            return String(n)
        }
        return nil
    }
}
