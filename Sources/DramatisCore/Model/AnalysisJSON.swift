import Foundation

/// Writes the `dramatis.analysis/1` document directly as UTF-8 bytes: keys sorted, `"key" : value`
/// as Foundation's pretty printer spells it, no escaped slashes. `JSONEncoder` builds a tree of
/// boxed values first, which for a ten-million-word article costs more than a quarter of the
/// analysis; decoding still goes through `JSONDecoder` (`Analysis.decode`).
struct AnalysisJSONWriter {
    private(set) var bytes: [UInt8] = []
    let pretty: Bool
    private var depth = 0
    private var firstInContainer = true

    init(pretty: Bool, capacity: Int) {
        self.pretty = pretty
        bytes.reserveCapacity(capacity)
    }

    // MARK: - Structure

    mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        depth += 1
        firstInContainer = true
    }

    mutating func close(_ bracket: UInt8) {
        depth -= 1
        if pretty && !firstInContainer { newline() }
        bytes.append(bracket)
        firstInContainer = false
    }

    private mutating func newline() {
        bytes.append(0x0A)
        for _ in 0..<depth { bytes.append(0x20); bytes.append(0x20) }
    }

    /// Separator before an element or a key.
    private mutating func element() {
        if !firstInContainer { bytes.append(0x2C) }
        if pretty { newline() }
        firstInContainer = false
    }

    mutating func key(_ k: StaticString) {
        element()
        bytes.append(0x22)
        k.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(0x22)
        if pretty { bytes.append(contentsOf: [0x20, 0x3A, 0x20]) } else { bytes.append(0x3A) }
        firstInContainer = true // the value that follows needs no separator
    }

    mutating func arrayElement() { element() }

    // MARK: - Values

    mutating func string(_ s: String) {
        bytes.append(0x22)
        var s = s
        s.withUTF8 { utf8 in
            var runStart = 0
            for (i, b) in utf8.enumerated() where b < 0x20 || b == 0x22 || b == 0x5C {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
                switch b {
                case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
                case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
                case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])
                case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
                case 0x08: bytes.append(contentsOf: [0x5C, 0x62])
                case 0x0C: bytes.append(contentsOf: [0x5C, 0x66])
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
                }
                runStart = i + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(0x22)
        firstInContainer = false
    }

    mutating func string(_ s: String?) {
        if let s { string(s) } else { null() }
    }

    mutating func int(_ n: Int) {
        bytes.append(contentsOf: Array(String(n).utf8))
        firstInContainer = false
    }

    mutating func double(_ d: Double) {
        bytes.append(contentsOf: Array((d.isFinite ? "\(d)" : "0").utf8))
        firstInContainer = false
    }

    mutating func bool(_ b: Bool) {
        bytes.append(contentsOf: Array((b ? "true" : "false").utf8))
        firstInContainer = false
    }

    mutating func null() {
        bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
        firstInContainer = false
    }

    mutating func stringArray(_ items: [String]) {
        open(0x5B)
        for item in items { arrayElement(); string(item) }
        close(0x5D)
    }

    // MARK: - The document

    mutating func write(_ a: Analysis) {
        open(0x7B)
        key("article"); write(a.article)
        key("entities"); open(0x5B); for e in a.entities { arrayElement(); write(e) }; close(0x5D)
        key("generator"); string(a.generator)
        if let paragraphs = a.paragraphs { key("paragraphs"); spans(paragraphs) }
        key("positions"); open(0x5B); for p in a.positions { arrayElement(); write(p) }; close(0x5D)
        key("schema"); string(a.schema)
        if let sentences = a.sentences { key("sentences"); spans(sentences) }
        key("statements"); open(0x5B); for s in a.statements { arrayElement(); write(s) }; close(0x5D)
        key("timeline"); open(0x5B); for t in a.timeline { arrayElement(); write(t) }; close(0x5D)
        key("topics"); open(0x5B); for t in a.topics { arrayElement(); write(t) }; close(0x5D)
        close(0x7D)
    }

    mutating func spans(_ list: [Span]) {
        open(0x5B)
        for s in list { arrayElement(); open(0x7B); key("end"); int(s.end); key("start"); int(s.start); close(0x7D) }
        close(0x5D)
    }

    mutating func write(_ a: Article) {
        open(0x7B)
        if let author = a.author { key("author"); string(author) }
        if let authors = a.authors, !authors.isEmpty {
            key("authors"); open(0x5B); for name in authors { arrayElement(); string(name) }; close(0x5D)
        }
        if let notice = a.notice { key("notice"); string(notice) }
        key("published"); string(a.published)
        if let site = a.siteName { key("site_name"); string(site) }
        key("source"); string(a.source)
        key("text"); string(a.text)
        key("title"); string(a.title)
        close(0x7D)
    }

    mutating func write(_ e: Entity) {
        open(0x7B)
        key("affiliation"); string(e.affiliation)
        key("id"); string(e.id)
        key("mentions"); open(0x5B)
        for m in e.mentions {
            arrayElement(); open(0x7B)
            key("end"); int(m.end)
            if let kind = m.kind { key("kind"); string(kind) }
            key("start"); int(m.start)
            key("text"); string(m.text)
            close(0x7D)
        }
        close(0x5D)
        key("name"); string(e.name)
        key("role"); string(e.role)
        key("type"); string(e.type.rawValue)
        close(0x7D)
    }

    mutating func write(_ s: Statement) {
        open(0x7B)
        key("channel"); string(s.channel)
        if let c = s.confidence { key("confidence"); double(c) }
        key("cue"); string(s.cue)
        key("end"); int(s.end)
        key("id"); string(s.id)
        key("kind"); string(s.kind.rawValue)
        key("speaker"); string(s.speaker)
        if let speech = s.speech { key("speech"); bool(speech) }
        key("start"); int(s.start)
        key("text"); string(s.text)
        close(0x7D)
    }

    mutating func write(_ p: Position) {
        open(0x7B)
        key("actor"); string(p.actor)
        if let c = p.confidence { key("confidence"); double(c) }
        key("evidence"); stringArray(p.evidence)
        if let e = p.evidenceStances { key("evidence_stances"); stringArray(e.map(\.rawValue)) }
        if let s = p.shift {
            key("shift"); open(0x7B)
            key("at"); string(s.at)
            key("from"); string(s.from.rawValue)
            key("to"); string(s.to.rawValue)
            close(0x7D)
        }
        key("stance"); string(p.stance.rawValue)
        key("summary"); string(p.summary)
        key("topic"); string(p.topic)
        close(0x7D)
    }

    mutating func write(_ t: Topic) {
        open(0x7B)
        key("id"); string(t.id)
        key("mentions"); int(t.mentions)
        close(0x7D)
    }

    mutating func write(_ t: TimelineItem) {
        open(0x7B)
        key("actors"); stringArray(t.actors)
        key("date"); string(t.date)
        key("end"); int(t.end)
        key("id"); string(t.id)
        key("label"); string(t.label)
        key("precision"); string(t.precision.rawValue)
        key("relative"); string(t.relative)
        key("start"); int(t.start)
        close(0x7D)
    }
}
