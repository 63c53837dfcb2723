import Foundation
import Testing
@testable import DramatisCore

@Suite struct TokenizerTests {
    func words(_ s: String) -> [String] { TextDocument(s).tokens.map(\.text) }

    @Test func abbreviationsKeepTheirPeriod() {
        let doc = TextDocument("Mr. Smith met U.S. officials on Jan. 5. Then he left.")
        let w = doc.tokens.map(\.text)
        #expect(w.contains("Mr."))
        #expect(w.contains("U.S."))
        #expect(w.contains("Jan."))
        #expect(doc.sentences.count == 2)
    }

    @Test func possessivesSplitContractionsStay() {
        #expect(words("Trump’s meeting") == ["Trump", "’s", "meeting"])
        #expect(words("the US's plan") == ["the", "US", "'s", "plan"])
        #expect(words("it didn't work") == ["it", "didn't", "work"])
    }

    @Test func dashesNumbersAndHyphens() {
        let t = TextDocument("part of our east – part of Donbas – and 300,000 lives in the three-year conflict, 9.8% down")
        let w = t.tokens.map(\.text)
        #expect(w.contains("–"))
        #expect(w.contains("300,000"))
        #expect(w.contains("three-year"))
        #expect(w.contains("9.8"))
        #expect(t.tokens.first { $0.text == "–" }?.kind == .dash)
    }

    @Test func initialsKeepPeriodOnlyBeforeAName() {
        #expect(words("J. K. Rowling wrote").prefix(2) == ["J.", "K."])
        #expect(words("he wrote on X. Then").contains("X"))
    }

    @Test func quotesAreTyped() {
        let t = TextDocument("“Peace,” he said. \"Yes\"")
        #expect(t.tokens[0].kind == .openQuote)
        #expect(t.tokens.contains { $0.kind == .closeQuote })
        #expect(t.tokens.contains { $0.kind == .ambiguousQuote })
    }

    @Test func offsetsAreUnicodeScalars() {
        // A flag (two scalars, one Character) and a combining accent before the name.
        let text = "🇺🇦 Cafe\u{301} owner Jane Smith said so."
        let doc = TextDocument(text)
        let jane = doc.tokens.first { $0.text == "Jane" }!
        let scalars = Array(text.unicodeScalars)
        var v = String.UnicodeScalarView(); v.append(contentsOf: scalars[jane.start..<jane.end])
        #expect(String(v) == "Jane")
        #expect(jane.start == 15)
    }

    @Test func sentencesDoNotSplitInsideQuotesOrAfterTitles() {
        let doc = TextDocument("“We won. They lost,” Dr. Brown said. Mr Green agreed.")
        #expect(doc.sentences.count == 2)
    }

    @Test func initialsBeforeASurnameDoNotEndASentence() {
        #expect(TextDocument("Rep. G.K. Butterfield spoke first. Others followed.").sentences.count == 2)
        // A common word after an acronym still starts a sentence.
        #expect(TextDocument("He moved to the U.S. Officials said he was welcome.").sentences.count == 2)
    }

    @Test func sentenceEndsAfterClosingQuote() {
        let doc = TextDocument("He said: \"It is over.\" Health officials disagreed.")
        #expect(doc.sentences.count == 2)
    }

    @Test func paragraphsSplitOnNewlines() {
        let doc = TextDocument("One para.\n\nTwo para.\nThree.")
        #expect(doc.paragraphs.count == 3)
    }
}

@Suite struct ArticleLoaderTests {
    func temp(_ name: String, _ data: Data) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dramatis-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }

    @Test func titleIsFirstLineBeforeBlankLine() throws {
        let a = try ArticleLoader.parsePlainText("A title\n\nBody one.\n\nBody two.", source: nil)
        #expect(a.title == "A title")
        #expect(a.text == "Body one.\n\nBody two.")
        let b = try ArticleLoader.parsePlainText("No title here.\nStill body.", source: nil)
        #expect(b.title == nil)
    }

    @Test func sidecarMetadataIsRead() throws {
        let path = try temp("story.txt", Data("Headline\n\nText of it.".utf8))
        let meta = URL(fileURLWithPath: path).deletingPathExtension().appendingPathExtension("meta.json")
        try Data(#"{"title": "Better title", "published": "2024-02-29", "source": "Example Times"}"#.utf8).write(to: meta)
        let a = try ArticleLoader.load(path: path)
        #expect(a.title == "Better title")
        #expect(a.published == "2024-02-29")
        #expect(a.source == "Example Times")
        let overridden = try ArticleLoader.load(path: path, published: "2024-03-01")
        #expect(overridden.published == "2024-03-01")
    }

    @Test func sampleArticleHasItsMetadata() throws {
        let path = try #require(DataDirectory.sampleArticle?.path)
        let a = try ArticleLoader.load(path: path)
        #expect(a.published == "2025-08-18")
        #expect(a.title == "Zelenskyy says Ukraine needs an effective security guarantee")
        #expect(a.text.hasPrefix("Ukraine needs"))
    }

    @Test func badInputGivesClearErrors() throws {
        #expect(throws: LoadError.self) { try ArticleLoader.load(path: "/nonexistent/nowhere.txt") }
        let empty = try temp("empty.txt", Data())
        #expect(throws: LoadError.empty(empty)) { try ArticleLoader.load(path: empty) }
        let blank = try temp("blank.txt", Data("  \n\n\t ".utf8))
        #expect(throws: LoadError.self) { try ArticleLoader.load(path: blank) }
        let png = try temp("image.txt", Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]))
        #expect(throws: LoadError.self) { try ArticleLoader.load(path: png) }
        let invalid = try temp("bad.txt", Data([0x48, 0x69, 0xC3, 0x28, 0x20, 0xFF, 0xFE, 0x41]))
        do { _ = try ArticleLoader.load(path: invalid); Issue.record("invalid UTF-8 accepted") }
        catch let e as LoadError { #expect(e.description.contains("UTF-8") || e.description.contains("text")) }
        let dir = URL(fileURLWithPath: empty).deletingLastPathComponent().path
        #expect(throws: LoadError.isDirectory(dir)) { try ArticleLoader.load(path: dir) }
    }

    @Test func utf16WithBOMIsDecoded() throws {
        var data = Data([0xFF, 0xFE])
        data.append("Title\n\nMr Brown said hello.".data(using: .utf16LittleEndian)!)
        let path = try temp("u16.txt", data)
        let a = try ArticleLoader.load(path: path)
        #expect(a.title == "Title")
        #expect(a.text.contains("Mr Brown"))
    }
}

@Suite struct ISODateTests {
    @Test func weekdaysAndArithmetic() {
        let d = ISODate("2025-08-18")!
        #expect(d.weekday == 1) // Monday
        #expect(d.adding(days: -3).description == "2025-08-15")
        #expect(ISODate("2024-12-31")!.adding(days: 1).description == "2025-01-01")
        #expect(ISODate("2024-02-29") != nil)
        #expect(ISODate("2023-02-29") == nil)
    }
}

@Suite struct AnalysisJSONTests {
    @Test func writerRoundTripsAwkwardStrings() throws {
        let text = "Quote \" back\\slash /slash\ttab\nnew\u{1}ctl “curly” 🇺🇦 e\u{301}"
        var a = Analysis(article: Article(title: "T \"x\"", published: nil, source: "a/b", text: text))
        a.entities = [Entity(id: "e1", name: "N\u{0}ull", type: .person, role: nil, affiliation: nil,
                             mentions: [Mention(start: 0, end: 5, text: "Quote", kind: "name")])]
        a.statements = [Statement(id: "s1", speaker: "e1", kind: .direct, text: "back\\slash", start: 9, end: 19,
                                  cue: nil, channel: "X", confidence: 0.95)]
        a.topics = [Topic(id: "t", mentions: 2)]
        a.timeline = [TimelineItem(id: "t1", date: nil, precision: .day, relative: "Friday", label: "L", start: 0, end: 1, actors: [])]
        a.positions = [Position(actor: "e1", topic: "t", stance: .supports, summary: "S", evidence: ["s1"])]
        for pretty in [true, false] {
            let data = try a.jsonData(pretty: pretty)
            #expect(try Analysis.decode(from: data) == a)
            let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            #expect(object?["schema"] as? String == "dramatis.analysis/1")
        }
        let pretty = String(decoding: try a.jsonData(pretty: true), as: UTF8.self)
        #expect(pretty.contains("\"schema\" : \"dramatis.analysis/1\""))
        #expect(pretty.contains("\"source\" : \"a/b\""))
    }
}
