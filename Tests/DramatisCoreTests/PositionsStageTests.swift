import DramatisCore
import Foundation
import Testing

/// The positions stage reading statements: who holds a side, what negation and scope do to it.
/// The readings are checked below the confidence floor too (`floor: 0`), so these tests are about
/// the reading, not about the learnt threshold.
@Suite struct PositionsStageTests {
    struct Reading {
        let analysis: Analysis
        let positions: [Position]
        init(_ text: String, title: String? = nil) {
            let article = Article(title: title, published: nil, source: nil, text: text)
            analysis = Analyzer().analyze(article)
            let document = TextDocument(text)
            let entities = EntityRecognizer(resources: .shared).recognize(document)
            let statements = StatementExtractor(resources: .shared).extract(document, entities: entities)
            let found = TopicFinder(resources: .shared).find(document, entities: entities)
            positions = PositionStage(resources: .shared).run(document, entities: entities, statements: statements, found: found,
                                                              title: title, floor: 0).positions
        }
        func holders() -> [String] { positions.compactMap { analysis.entity(id: $0.actor)?.name } }
        /// The stance `name` takes on the first issue whose name contains `topic`.
        func stance(_ name: String, _ topic: String) -> Stance? {
            positions.first { analysis.entity(id: $0.actor)?.name.contains(name) == true && $0.topic.lowercased().contains(topic) }?.stance
        }
    }

    @Test func anAgencyOrOutletNeverHoldsAPosition() {
        let texts = [
            "The government must reject the new border wall, according to AFP.",
            "ABC News reported that the council should scrap the new border wall.",
            "Reuters said the ministers had backed the new border wall. The Associated Press said the plan must be rejected.",
            "According to The New York Times, the senators oppose the new border wall.",
        ]
        let outlets: Set<String> = ["AFP", "ABC News", "ABC", "Reuters", "The Associated Press", "Associated Press", "The New York Times", "New York Times"]
        for text in texts {
            let r = Reading(text)
            #expect(r.holders().allSatisfy { !outlets.contains($0) }, "\(text): \(r.holders())")
            #expect(r.analysis.positions.allSatisfy { p in !outlets.contains(r.analysis.entity(id: p.actor)?.name ?? "") })
        }
    }

    @Test func theSpeakerRelayedByAnAgencyHoldsIt() {
        let r = Reading("Filippo Grandi called for an end to the pushbacks, AFP reported.")
        #expect(!r.holders().contains("AFP"))
    }

    @Test func aNegatedCallInvertsTheStance() {
        let urged = Reading("Filippo Grandi urged the governments not to turn away the migrant boats.")
        #expect(urged.stance("Grandi", "turn away") == .opposes)
        let plain = Reading("Filippo Grandi urged the governments to turn away the migrant boats.")
        #expect(plain.stance("Grandi", "turn away") == .supports)
    }

    @Test func negatedSupportAndRefusalOppose() {
        #expect(Reading("Jane Hutt said she would not support the new waiting time targets.").stance("Hutt", "targets") == .opposes)
        #expect(Reading("John Taylor said the US cannot support the International Finance Facility.").stance("Taylor", "finance facility") == .opposes)
        #expect(Reading("Jane Hutt said she backed the new waiting time targets.").stance("Hutt", "targets") == .supports)
        #expect(Reading("Jane Hutt said she rejected the new waiting time targets.").stance("Hutt", "targets") == .opposes)
        #expect(Reading("Jane Hutt said she would not oppose the new waiting time targets.").stance("Hutt", "targets") == .supports)
    }

    @Test func anEvaluationTakesASideOnItsSubject() {
        #expect(Reading("Kirsty Williams said the waiting time targets were wrong.").stance("Williams", "waiting time targets") == .opposes)
        #expect(Reading("Kirsty Williams said the waiting time targets were not wrong.").stance("Williams", "waiting time targets") == .supports)
    }

    @Test func statementsOfOneActorOnOneIssueAreOnePosition() {
        let r = Reading("""
            Jane Hutt said she supported the new waiting time targets. Jane Hutt added that she backed the waiting time targets.
            """)
        let hutt = r.positions.filter { r.analysis.entity(id: $0.actor)?.name == "Jane Hutt" && $0.topic.contains("waiting time targets") }
        #expect(hutt.count == 1)
        #expect((hutt.first?.evidence.count ?? 0) == 2)
        #expect(hutt.first?.shift == nil)
    }

    @Test func aChangeOfSideIsShown() {
        let r = Reading("""
            Jane Hutt said she supported the new waiting time targets. Later Jane Hutt said she opposed the new waiting time targets.
            """)
        let p = r.positions.first { r.analysis.entity(id: $0.actor)?.name == "Jane Hutt" && $0.topic.contains("waiting time targets") }
        #expect(p?.shift?.from == .supports)
        #expect(p?.shift?.to == .opposes)
    }

    @Test func positionsCarryEvidenceConfidenceAndTheirTopics() throws {
        let analysis = try Analyzer().analyze(path: DataDirectory.sampleArticle!.path)
        let topics = Set(analysis.topics.map(\.id))
        for p in analysis.positions {
            #expect(!p.evidence.isEmpty)
            for id in p.evidence { #expect(analysis.statement(id: id) != nil) }
            #expect(!p.summary.isEmpty)
            #expect(topics.contains(p.topic))
            let c = try #require(p.confidence)
            #expect(c >= Resources.shared.positionModel.floor && c <= 1)
            #expect(p.evidenceStances?.count == p.evidence.count)
        }
        let json = String(decoding: try analysis.jsonData(), as: UTF8.self)
        if !analysis.positions.isEmpty { #expect(json.contains("\"confidence\"")) }
        #expect(try Analysis.decode(from: analysis.jsonData()) == analysis)
    }

    @Test func trainingIsDeterministic() {
        var a = PositionModel(), b = PositionModel()
        let data: [(Features, Bool)] = [(["x": 1], true), (["y": 1], false), (["x": 1, "y": 1], true), ([:], false)]
        a.confidenceWeights = PositionModel.fitBinary(data)
        b.confidenceWeights = PositionModel.fitBinary(data)
        #expect(a.tableRows() == b.tableRows())
        #expect(a.confidence(["x": 1]) > a.confidence(["y": 1]))
    }

    @Test func theModelFileSaysWhatItWasTrainedOn() throws {
        let url = DataDirectory.shared!.appendingPathComponent("models/positions.tsv")
        let first = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.hasPrefix("# trained on "))
        #expect(first.contains("cross-validation"))
    }
}

@Suite struct PositionsBeliefTests {
    /// A reported attitude ("believes", "fears") is read apart from speech: its readings carry the
    /// `belief` feature, which the stance and confidence models weigh on their own.
    @Test func reportedAttitudesAreMarkedApartFromSpeech() {
        func features(_ text: String) -> [Features] {
            let document = TextDocument(text)
            let entities = EntityRecognizer(resources: .shared).recognize(document)
            let statements = StatementExtractor(resources: .shared).extract(document, entities: entities)
            let found = TopicFinder(resources: .shared).find(document, entities: entities)
            return PositionReader(resources: .shared).candidates(document, entities: entities, statements: statements, topics: found).map(\.features)
        }
        let believed = features("Jane Hutt said she feared the waiting time targets were wrong.")
        let said = features("Jane Hutt said the waiting time targets were wrong.")
        #expect(!said.isEmpty && !believed.isEmpty)
        #expect(said.allSatisfy { $0["belief"] == nil })
        #expect(believed.contains { $0["belief"] == 1 })
    }
}
