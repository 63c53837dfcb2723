import Testing
@testable import DramatisCore

/// Timeline labels read as phrases: never a clause's bare verb or a lone word, never cut mid-word.
@Suite struct EventLabelTests {
    func labels(_ text: String) -> [String] {
        Probe(text, published: "2025-08-18").analysis.timeline.map(\.label)
    }

    @Test func aRelativeClauseLosesItsCopulaNotItsSense() {
        let l = labels("Those guarantees will be demanded by the leaders of Germany, France and Britain, who are among the European leaders joining him in Washington later on Monday.")
        #expect(l == ["Among the European leaders joining him in Washington"])
    }

    @Test func aLoneWordGivesWayToTheRestOfTheSentence() {
        let l = labels("Starting on Monday, the city will close the old bridge to traffic.")
        #expect(l == ["The city will close the old bridge to traffic"])
    }

    @Test func longLabelsEndAtAWord() {
        let long = String(repeating: "parliamentary ", count: 12) + "committee hearings"
        let cut = EventLabeler.cut(long)
        #expect(cut.count <= EventLabeler.maximumLabelLength)
        #expect(cut.hasSuffix("…"))
        let kept = String(cut.dropLast())
        #expect(long.hasPrefix(kept + " "), "cut inside a word: \(cut)")
        #expect(EventLabeler.cut("short label") == "short label")
    }
}
