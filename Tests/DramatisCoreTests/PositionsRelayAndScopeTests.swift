import DramatisCore
import Foundation
import Testing

/// Issue #17's two rules, checked so that they cannot pass on an empty result: an outlet or agency
/// that relays a statement never holds a position, while the speaker it relays does; a negated or
/// composed call turns the stance ("urged them not to turn away the boats" is against turning
/// them away). Readings are taken below the confidence floor (`floor: 0`): these are rules of the
/// reading, not of the learnt threshold.
@Suite struct PositionsRelayAndScopeTests {
    typealias Reading = PositionsStageTests.Reading
    static let outlets: Set<String> = ["AFP", "ABC News", "ABC", "Reuters", "The Associated Press", "Associated Press",
                                       "The New York Times", "New York Times", "BBC", "CNN"]

    func speakers(_ r: Reading) -> [String] { r.analysis.statements.compactMap { $0.speaker.flatMap { r.analysis.entity(id: $0)?.name } } }

    @Test(arguments: [
        ("Filippo Grandi called for an end to the pushbacks, AFP reported.", "Grandi", "pushbacks", Stance.supports),
        ("According to AFP, Filippo Grandi urged the governments to reject the new border wall.", "Grandi", "border wall", .opposes),
        ("ABC News reported that Jane Hutt had rejected the new border wall.", "Hutt", "border wall", .opposes),
        ("The United States urged governments not to turn away the migrant boats, according to AFP.", "United States", "turn away", .opposes),
    ])
    func theRelayedSpeakerHoldsItNotTheOutlet(text: String, holder: String, topic: String, stance: Stance) {
        let r = Reading(text)
        #expect(r.stance(holder, topic) == stance, "\(text): \(r.positions.map { ($0.actor, $0.topic, $0.stance) })")
        #expect(r.holders().allSatisfy { !Self.outlets.contains($0) }, "\(text): \(r.holders())")
    }

    /// The outlet is the statement's only speaker: the statement is there, and still no position.
    @Test(arguments: [
        "ABC News reported that the council should scrap the new border wall.",
        "Reuters said the ministers had backed the new border wall. The Associated Press said the plan must be rejected.",
    ])
    func anOutletSpeakingAloneHoldsNothing(text: String) {
        let r = Reading(text)
        #expect(speakers(r).contains { Self.outlets.contains($0) }, "the outlet's statement must be read: \(speakers(r))")
        #expect(r.holders().allSatisfy { !Self.outlets.contains($0) }, "\(text): \(r.holders())")
    }

    @Test func negatedAndComposedCallsTurnTheStance() {
        #expect(Reading("Filippo Grandi urged the governments not to turn away the migrant boats.").stance("Grandi", "turn away") == .opposes)
        #expect(Reading("Filippo Grandi urged the governments to turn away the migrant boats.").stance("Grandi", "turn away") == .supports)
        // The call is on another side-taking verb: one reading, the inner one, turned by the outer.
        #expect(Reading("Filippo Grandi urged the governments to reject the new border wall.").stance("Grandi", "border wall") == .opposes)
        #expect(Reading("Filippo Grandi urged the governments to support the new border wall.").stance("Grandi", "border wall") == .supports)
        #expect(Reading("Jane Hutt said she would never support the new border wall.").stance("Hutt", "border wall") == .opposes)
    }

    /// "called the new targets “reasonably impressive”": the statement is only the quoted words;
    /// the issue is the object of its cue verb, before it.
    @Test func theObjectBeforeAQuotedEvaluationIsTheIssue() {
        let praised = Reading("Tony Beddow called the new waiting time targets \"reasonably impressive\".")
        #expect(praised.stance("Beddow", "waiting time targets") == .supports)
        #expect(praised.positions.allSatisfy { !$0.topic.contains("reasonably") })
        #expect(Reading("Kirsty Williams called the new waiting time targets \"hugely unambitious\".").stance("Williams", "waiting time targets") == .opposes)
        #expect(Reading("Richard Lewis welcomed the new waiting time targets \"to make further progress\".").stance("Lewis", "waiting time targets") == .supports)
    }

    @Test func phrasesThatNameNoIssueAreDropped() {
        let shape = Resources.shared.issueShape
        #expect(!shape.isIssue("amid sagging poll numbers"))
        #expect(!shape.isIssue("we're blaming"))
        #expect(!shape.isIssue("money you took"))
        #expect(!shape.isIssue("vetted"))
        #expect(shape.isIssue("security guarantees"))
        #expect(shape.isIssue("the ban on Muslims entering the country"))
        #expect(shape.isIssue("Clinton"))
    }
}
