import Foundation
import Testing
@testable import DramatisCore

/// The learnt entity tagger: `dramatis train entities` on a small slice written for the test,
/// the shipped model on text set in capitals, title case and tokenised, and alias merging.
@Suite struct EntityModelTests {
    /// Three tiny articles in the gold format with mention spans (as gum-train has them).
    static func writeSlice() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dramatis-train-ent-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let articles: [(String, String, [(String, String)])] = [
            ("a", "Harbour row\n\nAnna Berg met Olaf Rune in Tromsø. Berg said the Harbour Board was wrong.",
             [("Anna Berg", "person"), ("Olaf Rune", "person"), ("Tromsø", "place"), ("Berg", "person"), ("Harbour Board", "organization")]),
            ("b", "School vote\n\nOlaf Rune spoke in Tromsø. Anna Berg and the Harbour Board disagreed.",
             [("Olaf Rune", "person"), ("Tromsø", "place"), ("Anna Berg", "person"), ("Harbour Board", "organization")]),
            ("c", "Bridge plan\n\nThe Harbour Board met in Tromsø. Rune said Anna Berg was late.",
             [("Harbour Board", "organization"), ("Tromsø", "place"), ("Rune", "person"), ("Anna Berg", "person")]),
        ]
        for (name, text, mentions) in articles {
            try text.write(to: dir.appendingPathComponent("\(name).txt"), atomically: true, encoding: .utf8)
            let scalars = Array(text.unicodeScalars)
            var entities: [[String: Any]] = []
            var searchFrom = 0
            for (m, type) in mentions {
                let u = Array(m.unicodeScalars)
                var start = searchFrom
                while start + u.count <= scalars.count, Array(scalars[start..<(start + u.count)]) != u { start += 1 }
                searchFrom = start + u.count
                entities.append(["name": m, "type": type, "aliases": [String](), "mentions": [[start, start + u.count]]])
            }
            let gold: [String: Any] = ["id": name, "published": NSNull(), "entities": entities, "statements": []]
            try JSONSerialization.data(withJSONObject: gold).write(to: dir.appendingPathComponent("\(name).gold.json"))
        }
        return dir
    }

    @Test func trainsDeterministicallyOnASmallSlice() throws {
        let dir = try Self.writeSlice()
        defer { try? FileManager.default.removeItem(at: dir) }
        var trainer = EntityTrainer()
        trainer.epochs = 5
        trainer.minFeatureCount = 1
        let first = try trainer.train(data: dir)
        let second = try trainer.train(data: dir)
        #expect(first.rows == second.rows)                       // same seed, same weights
        #expect(first.report.first?.contains("articles 3") == true)
        #expect(Set(first.model.classes).isSuperset(of: ["O", "B-person", "I-person", "B-place", "B-organization"]))
        let file = EntityTrainer.fileText(rows: first.rows, report: first.report, data: dir.lastPathComponent)
        #expect(file.hasPrefix("# source: Dramatis entities model, trained "))
        #expect(!file.contains(FileManager.default.temporaryDirectory.path))
        #expect(!file.contains("Anna Berg met"))                  // no text of the training articles
        // Learnt on case-augmented copies: the names are found in capitals too.
        let tagger = EntityTagger(model: LinearModel(rows: Resources.parseTable(Data(file.utf8))))
        let doc = TextDocument("ANNA BERG VISITED TROMSØ WITH OLAF RUNE.")
        let spans = tagger.tag(doc, range: doc.tokens.indices, casing: SentenceCasing.classify(doc), rule: nil, res: .shared)
        #expect(SentenceCasing.classify(doc) == [.upper])
        #expect(spans.contains { doc.text(ofTokens: $0.tokens) == "ANNA BERG" && $0.type == .person })
        #expect(spans.contains { doc.text(ofTokens: $0.tokens) == "TROMSØ" && $0.type == .place })
    }

    @Test func sentenceCasing() {
        let doc = TextDocument("MOSCOW 1996-08-22\n\nRussia Says It Will Not Back The Plan\n\nThe minister said so on Monday in Moscow.")
        #expect(SentenceCasing.classify(doc) == [.upper, .title, .normal])
    }

    // MARK: - The shipped model

    /// Person and organisation names (lower-cased) of an analysis.
    static func actors(_ text: String) -> Set<String> {
        let a = Analyzer().analyze(Article(title: nil, published: nil, source: nil, text: text))
        return Set(a.entities.filter { $0.type == .person || $0.type == .organization }
            .filter { $0.mentions.contains { $0.kind == "name" || $0.kind == "alias" } }
            .map { $0.name.lowercased().filter { $0.isLetter || $0 == " " } })
    }

    static func kept(_ original: Set<String>, in variant: Set<String>) -> Double {
        let lastWords = Set(variant.compactMap { $0.split(separator: " ").last.map(String.init) })
        let kept = original.filter { variant.contains($0) || $0.split(separator: " ").last.map { lastWords.contains(String($0)) } == true }
        return Double(kept.count) / Double(max(original.count, 1))
    }

    static func titleCased(_ s: String) -> String {
        var out = ""
        var previousLetter = false
        for c in s {
            out += previousLetter ? c.lowercased() : c.uppercased()
            previousLetter = c.isLetter
        }
        return out
    }

    static func tokenised(_ s: String) -> String {
        var out = ""
        var previous: Character = " "
        for c in s {
            if (",.;:!?)\"”’'".contains(c)) && (previous.isLetter || previous.isNumber) { out += " " }
            out.append(c)
            previous = c
        }
        return out
    }

    @Test func sameActorsInCapitalsTitleCaseAndTokenised() throws {
        guard let url = DataDirectory.sampleArticle else { Issue.record("no sample article"); return }
        let text = try String(contentsOf: url, encoding: .utf8)
        let original = Self.actors(text)
        #expect(original.count >= 8)
        for (name, variant) in [("capitals", text.uppercased()), ("title case", Self.titleCased(text)), ("tokenised", Self.tokenised(text))] {
            let share = Self.kept(original, in: Self.actors(variant))
            #expect(share >= 0.9, "\(name): \(share)")
        }
    }

    @Test func wireTextDatelineAndHeadline() {
        let p = Probe("RUSSIA SAYS IT WILL NOT BACK PLAN\n\nMOSCOW 1996-08-22\n\nRussian President Boris Yeltsin said on Thursday that Moscow would not back the plan.")
        #expect(p.entity("Russia")?.type == .place)
        #expect(p.entity("Boris Yeltsin")?.type == .person)
        #expect(p.entity("MOSCOW") == nil)                      // a dateline is the city, not an acronym
        #expect(p.analysis.entities.first { $0.name.lowercased() == "moscow" }?.type == .place)
        // Mentions quote the text as written.
        #expect(p.analysis.entities.flatMap(\.mentions).contains { $0.text == "RUSSIA" })
    }

    @Test func capitalsRecasedOneWayThroughTheArticle() {
        // Names the gazetteers do not know, in an article set wholly in capitals.
        let p = Probe("G7 PLEDGE ON DEBT\n\nTHE MINISTERS MET IN LONDON ON FRIDAY.\n\n"
            + "OXFAM SENIOR POLICY ADVISER MAX LAWSON WELCOMED THE STATEMENT.\n\n"
            + "THE ARMS CONTROL ASSOCIATION SAID THE CFPB HAD FAILED.\n\nMR LAWSON ADDED THAT MORE WAS NEEDED.")
        let lawson = p.entity("Max Lawson")
        #expect(lawson?.type == .person)
        #expect(lawson?.mentions.map(\.text).contains("MR LAWSON") == true)   // one person, both mentions
        #expect(p.entity("Arms Control Association")?.type == .organization)
        #expect(p.entity("CFPB") != nil)
        #expect(p.entity("Minister") == nil && p.entity("Ministers") == nil)
    }

    @Test func capitalsHeadlineTakesTheBodysCasing() {
        // The body writes "Holtz" capitalised; the headline in capitals takes that form.
        let p = Probe("HOLTZ QUITS AS COACH\n\nThe football coach Lou Holtz resigned on Monday. Holtz said he was tired.")
        #expect(p.analysis.entities.first { $0.name.hasSuffix("Holtz") }?.mentions.contains { $0.text == "HOLTZ" } == true)
    }

    // MARK: - Alias merging

    @Test func aliasesOfOnePersonMerge() {
        let p = Probe("Barack Obama spoke in Ohio. Obama said taxes would fall. President Obama smiled. He left at noon.")
        let people = p.analysis.entities.filter { $0.type == .person }
        #expect(people.count == 1)
        let texts = Set(people.first?.mentions.map(\.text) ?? [])
        #expect(texts.isSuperset(of: ["Barack Obama", "Obama", "He"]))
    }

    @Test func twoSmithsStayTwo() {
        let p = Probe("John Smith met Jane Smith in Leeds. John Smith said the plan was good. Jane Smith said it was not.")
        #expect(p.entity("John Smith") != nil)
        #expect(p.entity("Jane Smith") != nil)
        #expect(p.speaker(of: "the plan was good") == "John Smith")
        #expect(p.speaker(of: "it was not") == "Jane Smith")
    }

    @Test func fullNameJoinsTitledSurname() {
        // "Lord Goldsmith" then "Peter Goldsmith": one person (no given name was known).
        let p = Probe("Lord Goldsmith gave his advice. Tony Blair said Peter Goldsmith had made his statement.")
        #expect(p.analysis.entities.filter { $0.type == .person && $0.name.hasSuffix("Goldsmith") }.count == 1)
    }

    @Test func bushesAsTheTextWarrants() {
        let one = Probe("George Bush visited Texas. George W. Bush said the war was right.")
        #expect(one.analysis.entities.filter { $0.type == .person && $0.name.hasSuffix("Bush") }.count == 1)
        let two = Probe("George H. W. Bush visited Texas. George W. Bush said the war was right.")
        #expect(two.analysis.entities.filter { $0.type == .person && $0.name.hasSuffix("Bush") }.count == 2)
    }
}
