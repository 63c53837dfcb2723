import Foundation
import Testing
@testable import DramatisCore

/// `dramatis train attribution` on a small slice of gold articles written for the test: it
/// runs, is deterministic for a seed, and what it learns carries to a sentence it never saw.
@Suite struct AttributionTrainingTests {
    /// Three tiny articles in the gold format, with PolNeAR's cue and source fields.
    static func writeSlice() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dramatis-train-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let articles: [(String, String, [[String: Any]])] = [
            ("a", "Budget row\n\nThe mayor, Ann Lee, insisted that the budget was balanced. Critics contend that the numbers were wrong. Officials reckon that the deficit will grow.",
             [["speaker": "Ann Lee", "kind": "indirect", "text": "the budget was balanced", "cue": "insisted", "source_text": "The mayor, Ann Lee", "speaker_resolution": "name", "speech": true],
              ["speaker": "Critics", "kind": "indirect", "text": "the numbers were wrong", "cue": "contend", "source_text": "Critics", "speaker_resolution": "nominal", "speech": true],
              ["speaker": "Officials", "kind": "indirect", "text": "the deficit will grow", "cue": "reckon", "source_text": "Officials", "speaker_resolution": "nominal", "speech": false]]),
            ("b", "Harbour plan\n\nBob Stone reckons that the harbour plan will fail. He insisted that the port stays open. Critics contend that the plan is too costly.",
             [["speaker": "Bob Stone", "kind": "indirect", "text": "the harbour plan will fail", "cue": "reckons", "source_text": "Bob Stone", "speaker_resolution": "name", "speech": false],
              ["speaker": "Bob Stone", "kind": "indirect", "text": "the port stays open", "cue": "insisted", "source_text": "He", "speaker_resolution": "coref", "speech": true],
              ["speaker": "Critics", "kind": "indirect", "text": "the plan is too costly", "cue": "contend", "source_text": "Critics", "speaker_resolution": "nominal", "speech": true]]),
            ("c", "School vote\n\nMary Hill reckons that the school will close. Critics contend that the vote was rigged. Officials reckon that turnout was low. Critics contend that the count was slow. Officials reckon that the result stands.",
             [["speaker": "Mary Hill", "kind": "indirect", "text": "the school will close", "cue": "reckons", "source_text": "Mary Hill", "speaker_resolution": "name", "speech": false],
              ["speaker": "Critics", "kind": "indirect", "text": "the vote was rigged", "cue": "contend", "source_text": "Critics", "speaker_resolution": "nominal", "speech": true],
              ["speaker": "Officials", "kind": "indirect", "text": "turnout was low", "cue": "reckon", "source_text": "Officials", "speaker_resolution": "nominal", "speech": false],
              ["speaker": "Critics", "kind": "indirect", "text": "the count was slow", "cue": "contend", "source_text": "Critics", "speaker_resolution": "nominal", "speech": true],
              ["speaker": "Officials", "kind": "indirect", "text": "the result stands", "cue": "reckon", "source_text": "Officials", "speaker_resolution": "nominal", "speech": false]]),
        ]
        for (name, text, statements) in articles {
            try text.write(to: dir.appendingPathComponent("\(name).txt"), atomically: true, encoding: .utf8)
            let gold: [String: Any] = ["id": name, "published": NSNull(), "entities": [], "statements": statements]
            try JSONSerialization.data(withJSONObject: gold).write(to: dir.appendingPathComponent("\(name).gold.json"))
        }
        return dir
    }

    @Test func trainsDeterministicallyOnASmallSlice() throws {
        let dir = try Self.writeSlice()
        defer { try? FileManager.default.removeItem(at: dir) }
        var trainer = AttributionTrainer()
        trainer.epochs = 4
        trainer.minFeatureCount = 1
        let first = try trainer.train(data: dir)
        let second = try trainer.train(data: dir)
        #expect(first.rows == second.rows)                       // same seed, same weights
        #expect(first.rows.contains { $0.hasPrefix("cue\t") })
        #expect(first.report.contains { $0.hasPrefix("speaker ranker:") })
        // The cue words and how often each reported speech.
        #expect(first.model.words["reckon"]?.speechRate == 0)
        #expect(first.model.words["contend"]?.speechRate == 1)
        #expect(first.report.first?.contains("articles 3") == true)
        // The file carries its provenance and no machine path.
        let file = AttributionTrainer.fileText(rows: first.rows, report: first.report, data: dir.lastPathComponent)
        #expect(file.hasPrefix("# source: Dramatis attribution model, trained "))
        #expect(!file.contains(FileManager.default.temporaryDirectory.path))
        #expect(AttributionModel(rows: Resources.parseTable(Data(file.utf8))).words.count == first.model.words.count)
    }

    @Test func learntCueWordsFireOnUnseenSentences() throws {
        let dir = try Self.writeSlice()
        defer { try? FileManager.default.removeItem(at: dir) }
        var trainer = AttributionTrainer()
        trainer.epochs = 4
        trainer.minFeatureCount = 1
        let model = try trainer.train(data: dir).model
        let doc = TextDocument("Jane Doe reckons that the bridge is unsafe.")
        let entities = EntityRecognizer(resources: .shared).recognize(doc)
        let pass = StatementPass(doc: doc, res: .shared, entities: entities)
        let reckons = doc.tokens.firstIndex { $0.lower == "reckons" }!
        let bridge = doc.tokens.firstIndex { $0.lower == "bridge" }!
        #expect(model.cue.score(pass.cueFeatures(reckons)) > 0)
        #expect(model.words["bridge"] == nil)                 // never a cue in training: never a candidate
        #expect(!pass.isCueCandidate(bridge))
    }

    @Test func shippedModelMarksBeliefsApartFromSpeech() {
        // With the model in data/models: a belief verb's statement is marked speech: false.
        let p = Probe("Senator Jane Doe believes that the bridge is unsafe. Jane Doe said that the bridge must close.")
        #expect(p.statement("the bridge is unsafe")?.speech == false)
        #expect(p.statement("the bridge must close")?.speech == true)
        #expect(p.speaker(of: "the bridge is unsafe") == "Jane Doe")
    }

    @Test func unnamedAndDescribedSpeakersSpeakAsWritten() {
        let p = Probe("Bernie Sanders spoke in Ohio on Monday. The crowd cheered.\n\nThe Vermont senator acknowledged that the race was close. Advisers to Mr. Obama say that the turnout will be low. The New York businessman said that we need change.")
        #expect(p.speaker(of: "the race was close") == "Vermont senator")       // not "Vermont"
        #expect(p.entityMentioned("The Vermont senator")?.type == .person)
        #expect(p.speaker(of: "the turnout will be low") == "Advisers to Mr. Obama")
        #expect(p.speaker(of: "we need change") == "New York businessman")     // the whole name inside it
        // A bare title is left to the person the article names, never made an actor of its own.
        let q = Probe("Tony Blair spoke on Monday.\n\nThe prime minister said that the advice was clear.")
        #expect(q.entity("prime minister") == nil)
    }

    @Test func participleCueKeepsTheMainVerbsSpeakerAndMayOpenTheText() {
        let p = Probe("Robby Mook said as much on Thursday, arguing that the general lashed out at reporters.")
        #expect(p.speaker(of: "the general lashed out") == "Robby Mook")
        // A participle cue as the very first word has no token before it to look at.
        let q = Probe("Saying that the plan works, Bob Smith left.")
        #expect(q.analysis.entities.contains { $0.name == "Bob Smith" })
    }
}
