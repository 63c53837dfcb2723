import DramatisCore
import Foundation

/// Hand-built analyses for the exporter tests. Offsets are found in the text (code points), so
/// the fixtures stay correct whatever the NLP stages currently return.
enum Fixtures {
    /// Code-point spans of every whole-word occurrence of `needle`.
    static func occurrences(of needle: String, in text: String) -> [Span] {
        let hay = Array(text.unicodeScalars), n = Array(needle.unicodeScalars)
        guard !n.isEmpty, hay.count >= n.count else { return [] }
        func isWordChar(_ u: Unicode.Scalar) -> Bool { u.properties.isAlphabetic || u.properties.numericType != nil }
        var out: [Span] = []
        var i = 0
        while i + n.count <= hay.count {
            if hay[i] == n[0], Array(hay[i..<(i + n.count)]) == n {
                let before = i == 0 || !isWordChar(hay[i - 1]) || !isWordChar(n[0])
                let after = i + n.count == hay.count || !isWordChar(hay[i + n.count]) || !isWordChar(n[n.count - 1])
                if before && after { out.append(Span(i, i + n.count)); i += n.count; continue }
            }
            i += 1
        }
        return out
    }

    static func span(of needle: String, in text: String, after: Int = 0) -> Span {
        guard let s = occurrences(of: needle, in: text).first(where: { $0.start >= after }) else {
            fatalError("fixture text not found: \(needle)")
        }
        return s
    }

    static func entity(_ id: String, _ name: String, _ type: EntityType, role: String? = nil,
                       affiliation: String? = nil, aliases: [String] = [], in text: String) -> Entity {
        var spans: [Span] = []
        for alias in [name] + aliases { spans += occurrences(of: alias, in: text) }
        // Keep the longest of overlapping spans.
        spans.sort { ($0.start, -$0.end) < ($1.start, -$1.end) }
        var kept: [Span] = []
        for s in spans where !(kept.last.map { $0.overlaps(s) } ?? false) { kept.append(s) }
        let scalars = Array(text.unicodeScalars)
        return Entity(id: id, name: name, type: type, role: role, affiliation: affiliation,
                      mentions: kept.map { s in
                          var v = String.UnicodeScalarView(); v.append(contentsOf: scalars[s.start..<s.end])
                          return Mention(start: s.start, end: s.end, text: String(v))
                      })
    }

    static var sampleURL: URL? { DataDirectory.sampleArticle }

    /// The sample article (data/articles/seed.txt) with a careful reader's analysis.
    static func seed() throws -> Analysis {
        guard let url = sampleURL else { throw FixtureError.sampleMissing }
        let article = try ArticleLoader.load(path: url.path)
        let t = article.text
        let entities = [
            entity("e1", "Volodymyr Zelenskyy", .person, role: "President of Ukraine", affiliation: "e4",
                   aliases: ["Mr Zelenskyy", "Mr Zelenskky", "The Ukrainian leader", "Ukraine leader"], in: t),
            entity("e2", "Donald Trump", .person, role: "President of the United States", affiliation: "e5",
                   aliases: ["Mr Trump", "President Trump"], in: t),
            entity("e3", "Vladimir Putin", .person, role: "President of Russia", affiliation: "e6",
                   aliases: ["Putin", "Mr Putin"], in: t),
            entity("e4", "Ukraine", .place, in: t),
            entity("e5", "United States", .place, aliases: ["US", "America"], in: t),
            entity("e6", "Russia", .place, in: t),
            entity("e7", "Prime Minister’s official spokesman", .person, role: "official spokesman", affiliation: "e8",
                   aliases: ["the Prime Minister’s official spokesman", "Keir Starmer’s spokesman"], in: t),
            entity("e8", "United Kingdom", .place, aliases: ["UK", "Britain"], in: t),
            entity("e9", "Johann Wadephul", .person, role: "Foreign Minister", affiliation: "e10", in: t),
            entity("e10", "Germany", .place, in: t),
            entity("e11", "Petteri Orpo", .person, role: "Prime Minister", affiliation: "e12", in: t),
            entity("e12", "Finland", .place, in: t),
            entity("e13", "Mao Nin", .person, role: "foreign ministry spokeswoman", affiliation: "e14", in: t),
            entity("e14", "China", .place, in: t),
            entity("e15", "NATO", .organization, aliases: ["Nato"], in: t),
            entity("e16", "Truth Social", .organization, in: t),
            entity("e17", "coalition of the willing", .group, in: t),
            entity("e18", "European leaders", .group, aliases: ["European Leaders"], in: t),
            entity("e19", "Alaska summit", .event, in: t),
            entity("e20", "Budapest Memorandum", .law, in: t),
            entity("e21", "Washington", .place, in: t),
            entity("e22", "Crimea", .place, in: t),
        ]
        var statements: [Statement] = []
        func say(_ speaker: String?, _ kind: StatementKind, _ text: String, cue: String?, channel: String? = nil) {
            let s = span(of: text, in: t)
            statements.append(Statement(id: "s\(statements.count + 1)", speaker: speaker, kind: kind, text: text,
                                        start: s.start, end: s.end, cue: cue, channel: channel, confidence: 0.9))
        }
        say("e1", .indirect, "Ukraine needs an “effective security guarantee” if it is to strike a peace deal with Russia", cue: "has said")
        say("e7", .direct, "It’s always been clear that the coalition of the willing need to be successful in deterring Putin", cue: "said", channel: "media briefing")
        say("e7", .direct, "The US providing deterrent for that is critical", cue: "said")
        say("e1", .direct, "Peace must be lasting", cue: "stated", channel: "social media")
        say("e1", .direct, "Not like it was years ago, when Ukraine was forced to give up Crimea and part of our east – part of Donbas – and Putin simply used it as a springboard for a new attack", cue: "stated", channel: "social media")
        say("e1", .direct, "didn't work", cue: "said")
        say("e2", .indirect, "he would not accept", cue: "signalled")
        say("e9", .direct, "firm security guarantees are central", cue: "stated")
        say("e2", .direct, "Never had so many European Leaders at one time. My great honour to host them!!!", cue: "messaging", channel: "Truth Social")
        say("e3", .indirect, "he was willing to accept the guarantees", cue: "suggested", channel: "press conference")
        say("e11", .indirect, "a ceasefire and security guarantees for Ukraine were the “most important” topics at the meeting", cue: "stated")
        say("e13", .direct, "all parties", cue: "stating")
        say(nil, .indirect, "the guarantees were paramount", cue: "stated")

        let positions = [
            Position(actor: "e1", topic: "security guarantees", stance: .supports,
                     summary: "Demands an effective security guarantee before any peace deal.", evidence: ["s1", "s4"]),
            Position(actor: "e1", topic: "giving up territory", stance: .opposes,
                     summary: "Recalls that giving up Crimea and Donbas only invited a new attack.", evidence: ["s5"]),
            Position(actor: "e2", topic: "Ukraine joining NATO", stance: .opposes,
                     summary: "Signalled he would not accept Ukraine joining NATO.", evidence: ["s7"]),
            Position(actor: "e7", topic: "security guarantees", stance: .supports,
                     summary: "Says a US deterrent is critical.", evidence: ["s3"]),
            Position(actor: "e9", topic: "security guarantees", stance: .supports,
                     summary: "Calls firm security guarantees central.", evidence: ["s8"]),
            Position(actor: "e3", topic: "security guarantees", stance: .conditional,
                     summary: "Suggested he was willing to accept the guarantees.", evidence: ["s10"]),
        ]
        let topics = [Topic(id: "security guarantees", mentions: 9), Topic(id: "ceasefire", mentions: 2),
                      Topic(id: "peace deal", mentions: 3)]
        func when(_ id: String, _ date: String?, _ precision: DatePrecision, _ anchor: String, _ label: String,
                  relative: String? = nil, actors: [String]) -> TimelineItem {
            let s = span(of: anchor, in: t)
            return TimelineItem(id: id, date: date, precision: precision, relative: relative, label: label,
                                start: s.start, end: s.end, actors: actors)
        }
        let timeline = [
            when("t1", "2025-08-18", .day, "on Monday", "Zelenskyy meets Trump and European leaders at the White House",
                 relative: "on Monday", actors: ["e1", "e2", "e18"]),
            when("t2", "2025-08-15", .day, "on Friday", "Trump meets Putin in Alaska", relative: "on Friday", actors: ["e2", "e3"]),
            when("t3", "1994", .year, "1994", "Budapest Memorandum: Ukraine gives up its nuclear weapons", actors: ["e4"]),
            when("t4", "2014", .year, "2014", "Russian invasion of Ukraine", actors: ["e6", "e4"]),
            when("t5", "2022", .year, "2022", "Russian invasion of Ukraine", actors: ["e6", "e4"]),
            when("t6", "1940", .year, "1940", "Finland's winter war with Russia", actors: ["e12", "e6"]),
        ]
        return Analysis(article: article, entities: entities, statements: statements, positions: positions,
                        topics: topics, timeline: timeline)
    }

    /// A small article whose text, title and names carry markup and Markdown syntax.
    static func hostile() -> Analysis {
        let text = """
            The page said <script>alert(1)</script> and <b>bold</b> & "quoted" 'single' words.
            # Not a heading, *not emphasis*, [not a link](http://example.com) and `not code`.
            1. Not a list item either. Ms <b>Evil</b> said “<img src=x onerror=alert(2)>” loudly.
            """
        let name = "Ms <b>Evil</b>"
        let nameSpan = span(of: "<b>Evil</b>", in: text)
        let quote = "<img src=x onerror=alert(2)>"
        let q = span(of: quote, in: text)
        let article = Article(title: "<script>alert(1)</script> & <b>Title</b> # *x*", published: "2025-01-02",
                              source: "file:///tmp/<b>src</b>.txt", text: text)
        let entity = Entity(id: "e1", name: name, type: .person, role: "<i>role</i>", affiliation: nil,
                            mentions: [Mention(start: nameSpan.start, end: nameSpan.end, text: "<b>Evil</b>")])
        let statement = Statement(id: "s1", speaker: "e1", kind: .direct, text: quote, start: q.start, end: q.end,
                                  cue: "said <script>", channel: nil)
        let position = Position(actor: "e1", topic: "<script>topic</script>", stance: .opposes,
                                summary: "Opposes </li><li>everything & more", evidence: ["s1"])
        let item = TimelineItem(id: "t1", date: "2025-01-01", precision: .day, relative: nil,
                                label: "<script>alert(3)</script> happened", start: 0, end: 3, actors: ["e1"])
        return Analysis(article: article, entities: [entity], statements: [statement], positions: [position],
                        topics: [Topic(id: "<script>topic</script>", mentions: 1)], timeline: [item])
    }

    enum FixtureError: Error { case sampleMissing }
}

/// Runs a program, feeding `input` on standard input; returns status and standard output.
@discardableResult
func run(_ executable: String, _ arguments: [String], input: Data? = nil,
         environment: [String: String]? = nil) throws -> (status: Int32, stdout: Data, stderr: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: executable)
    p.arguments = arguments
    if let environment { p.environment = environment }
    let out = Pipe(), err = Pipe(), inp = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = inp
    try p.run()
    // Read both pipes concurrently with writing, so large outputs cannot dead-lock.
    let outBox = DataBox(), errBox = DataBox()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async { outBox.data = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
    group.enter()
    DispatchQueue.global().async { errBox.data = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
    if let input { inp.fileHandleForWriting.write(input) }
    try? inp.fileHandleForWriting.close()
    group.wait()
    p.waitUntilExit()
    return (p.terminationStatus, outBox.data, String(decoding: errBox.data, as: UTF8.self))
}

final class DataBox: @unchecked Sendable { var data = Data() }

func tool(_ name: String) -> String? {
    for dir in ["/usr/bin", "/usr/local/bin", "/bin"] {
        let path = "\(dir)/\(name)"
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
}

func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("dramatis-export-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
