import DramatisCore
import Foundation
import Testing

/// Who else holds a statement's side: speakers named together, the owner of an initiative; and
/// readings that must not become positions (an actor's own country), negation with a curly apostrophe.
@Suite struct PositionsHolderTests {
    typealias Reading = PositionsStageTests.Reading

    @Test func speakersNamedTogetherHoldTheSide() {
        let r = Reading("The Conservatives and Liberal Democrats say they want the publication of the full legal advice.")
        #expect(r.stance("Liberal Democrats", "publication") == .supports, "\(r.holders())")
        let three = Reading("Sens. Jeff Merkley, Sherrod Brown and Robert Menendez said they backed a securities fraud case against Stumpf.")
        for name in ["Merkley", "Brown", "Menendez"] {
            #expect(three.stance(name, "securities fraud case") == .supports, "\(name): \(three.holders())")
        }
    }

    @Test func anAppositionIsNoCoSpeaker() {
        let r = Reading("Angelique Brunner, a spokeswoman for the EB-5 Investment Coalition, said she backed the EB-5 program.")
        #expect(!r.holders().contains { $0.contains("Coalition") }, "\(r.holders())")
    }

    @Test func theOwnerOfAnInitiativeHoldsIt() {
        let r = Reading("John Taylor said the US cannot support Mr Brown's International Finance Facility. Gordon Brown said he would stay.")
        #expect(r.stance("Taylor", "finance facility") == .opposes)
        #expect(r.stance("Gordon Brown", "finance facility") == .supports, "\(r.holders())")
    }

    @Test func anActorsOwnCountryIsNoIssue() {
        let r = Reading("Ukrainian President Volodymyr Zelenskyy said: “We will defend Ukraine.”")
        #expect(r.stance("Zelenskyy", "ukraine") == nil)
    }

    @Test func aCurlyContractionNegates() {
        let r = Reading("Hillary Clinton told police officials that she didn’t want the escort at all.")
        #expect(r.stance("Clinton", "escort") == .opposes)
    }

    @Test func callingAVoteForSomethingAMistakeOpposesIt() {
        let r = Reading("At the forum, Hillary Clinton called her vote in favor of the Iraq War a mistake.")
        #expect(r.stance("Clinton", "war") == .opposes, "\(r.positions.map { "\($0.stance) \($0.topic)" })")
    }

    @Test func recognisedAsAnEvaluationTakesItsSide() {
        let r = Reading("Hillary Clinton said the killing of unarmed black people should be recognized as “intolerable.”")
        #expect(r.stance("Clinton", "killing of unarmed black people") == .opposes, "\(r.positions.map { "\($0.stance) \($0.topic)" })")
    }

    @Test func anAttainingVerbNamesNoIssue() {
        let r = Reading("Chief Chuck Jordan said the police must achieve justice in this case.")
        #expect(!r.positions.contains { $0.topic.lowercased().hasPrefix("achieve") }, "\(r.positions.map(\.topic))")
    }

    @Test func whatSomeoneIsAccusedOfIsTheIssue() {
        let r = Reading("Ted Cruz said he criticized Obama of leading from behind on the Islamic State.")
        #expect(!r.positions.contains { $0.topic.contains("Obama of") }, "\(r.positions.map(\.topic))")
    }
}
