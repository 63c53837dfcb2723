import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the bytes of a web page (or a text file with a declared charset) into a `String`.
///
/// Order for HTML: a byte-order mark, then the charset from the HTTP `Content-Type` header,
/// then the page's `<meta charset>` / `http-equiv` declaration, then UTF-8 when the bytes are
/// valid UTF-8, and finally Windows-1252, which decodes every byte (what browsers do).
/// `ISO-8859-1` and `US-ASCII` labels are read as Windows-1252, as the WHATWG Encoding standard says.
public enum CharsetDecoder {
    /// The charset parameter of a `Content-Type` value, e.g. `text/html; charset="ISO-8859-1"`.
    public static func charset(fromContentType value: String?) -> String? {
        guard let value else { return nil }
        for part in value.split(separator: ";").dropFirst() {
            let kv = part.split(separator: "=", maxSplits: 1)
            guard kv.count == 2, kv[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" else { continue }
            let label = kv[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            if !label.isEmpty { return label }
        }
        return nil
    }

    /// The charset a page declares in its first 4 KB: `<meta charset=…>` or
    /// `<meta http-equiv="Content-Type" content="…; charset=…">`.
    public static func sniffMetaCharset(_ data: Data) -> String? {
        // Read the head as Latin-1 so every byte maps to one character; declarations are ASCII.
        let head = String(decoding: data.prefix(4096).map { $0 < 0x80 ? $0 : 0x3F }, as: UTF8.self).lowercased()
        var searchStart = head.startIndex
        while let metaRange = head.range(of: "<meta", range: searchStart..<head.endIndex) {
            let tagEnd = head.range(of: ">", range: metaRange.upperBound..<head.endIndex)?.lowerBound ?? head.endIndex
            let tag = head[metaRange.upperBound..<tagEnd]
            if let r = tag.range(of: "charset") {
                var rest = tag[r.upperBound...].drop { $0 == " " }
                if rest.first == "=" {
                    rest = rest.dropFirst().drop { $0 == " " || $0 == "\"" || $0 == "'" }
                    let label = rest.prefix { !" \"';/>".contains($0) }
                    if !label.isEmpty { return String(label) }
                }
            }
            searchStart = tagEnd
        }
        return nil
    }

    /// The encoding label to use for this label (WHATWG aliases for the common cases).
    static func canonicalLabel(_ label: String) -> String {
        let l = label.trimmingCharacters(in: .whitespaces).lowercased()
        switch l {
        case "utf8", "utf-8", "unicode-1-1-utf-8": return "UTF-8"
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "iso_8859-1", "us-ascii", "ascii",
             "windows-1252", "cp1252", "x-cp1252", "cp819", "ibm819", "iso-ir-100":
            return "WINDOWS-1252"
        case "utf-16", "utf16": return "UTF-16"
        case "utf-16le": return "UTF-16LE"
        case "utf-16be": return "UTF-16BE"
        default: return l.uppercased()
        }
    }

    /// Decodes an HTML page. Returns the text and the encoding that was used.
    public static func decodeHTML(_ data: Data, declaredCharset: String? = nil) -> (text: String, encoding: String) {
        if let (text, enc) = decodeWithBOM(data) { return (text, enc) }
        for label in [declaredCharset, sniffMetaCharset(data)].compactMap({ $0 }) {
            let canonical = canonicalLabel(label)
            // A page saying UTF-16 in a meta tag is really ASCII-compatible (HTML standard).
            if canonical.hasPrefix("UTF-16") && declaredCharset == nil { continue }
            if let text = decode(data, charset: canonical) { return (text, canonical) }
        }
        if let text = String(data: data, encoding: .utf8) { return (text, "UTF-8") }
        return (decodeWindows1252(data), "WINDOWS-1252")
    }

    /// Decodes text in a named charset; nil when the charset is unknown or the bytes are invalid.
    public static func decode(_ data: Data, charset: String) -> String? {
        let canonical = canonicalLabel(charset)
        switch canonical {
        case "UTF-8":
            var body = data
            if data.starts(with: [0xEF, 0xBB, 0xBF]) { body = data.dropFirst(3) }
            return String(data: body, encoding: .utf8)
        case "WINDOWS-1252": return decodeWindows1252(data)
        default: return iconvDecode(data, from: canonical)
        }
    }

    /// UTF-8 or UTF-16 with a byte-order mark.
    static func decodeWithBOM(_ data: Data) -> (String, String)? {
        if data.starts(with: [0xEF, 0xBB, 0xBF]) {
            return String(data: data.dropFirst(3), encoding: .utf8).map { ($0, "UTF-8") }
        }
        if data.starts(with: [0xFF, 0xFE]) {
            return iconvDecode(data.dropFirst(2), from: "UTF-16LE").map { ($0, "UTF-16LE") }
        }
        if data.starts(with: [0xFE, 0xFF]) {
            return iconvDecode(data.dropFirst(2), from: "UTF-16BE").map { ($0, "UTF-16BE") }
        }
        return nil
    }

    /// UTF-16 without a byte-order mark, recognised by its zero bytes: most characters of
    /// Latin-script text have a zero high byte. Returns "UTF-16LE" / "UTF-16BE" or nil.
    public static func sniffUTF16(_ data: Data) -> String? {
        let head = [UInt8](data.prefix(1024))
        guard head.count >= 8, head.count % 2 == 0 || data.count > head.count else { return nil }
        var evenZero = 0, oddZero = 0
        for (i, b) in head.enumerated() where b == 0 { if i % 2 == 0 { evenZero += 1 } else { oddZero += 1 } }
        let pairs = head.count / 2
        if oddZero * 10 >= pairs * 7, evenZero * 10 < pairs { return iconvDecode(data, from: "UTF-16LE") != nil ? "UTF-16LE" : nil }
        if evenZero * 10 >= pairs * 7, oddZero * 10 < pairs { return iconvDecode(data, from: "UTF-16BE") != nil ? "UTF-16BE" : nil }
        return nil
    }

    private static let cp1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// Windows-1252 decodes every byte sequence (the five unassigned bytes map to C1 controls).
    public static func decodeWindows1252(_ data: Data) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(data.count)
        for b in data {
            let v: UInt32 = (0x80...0x9F).contains(b) ? cp1252High[Int(b) - 0x80] : UInt32(b)
            scalars.append(Unicode.Scalar(v)!)
        }
        return String(scalars)
    }

    /// Any other charset through the C library's iconv. Invalid input gives nil.
    static func iconvDecode<D: DataProtocol>(_ data: D, from charset: String) -> String? {
        let cd = iconv_open("UTF-8", charset)
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var input = [UInt8](data)
        var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
        let produced: Int? = input.withUnsafeMutableBufferPointer { inBuf -> Int? in
            output.withUnsafeMutableBufferPointer { outBuf -> Int? in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outLeft = outBuf.count
                if inLeft > 0 {
                    let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    if r == -1 || inLeft != 0 { return nil }
                }
                return outBuf.count - outLeft
            }
        }
        guard let produced else { return nil }
        return String(decoding: output[0..<produced], as: UTF8.self)
    }
}
