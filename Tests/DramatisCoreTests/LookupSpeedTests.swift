import Foundation
import Testing
@testable import DramatisCore

/// The indexes that made long runs of names and decomposed text fast (issue #22) answer as the
/// plain look-ups they replaced.
struct LookupSpeedTests {
    @Test func surnameAloneIsThePersonMentionedLast() {
        let p = Probe("Anna Smith arrived on Monday. John Smith left early. Smith said the plan would fail. "
                      + "Later Anna Smith spoke again, and Smith added that the talks would resume.")
        let anna = p.entity("Anna Smith"), john = p.entity("John Smith")
        #expect(anna != nil && john != nil)
        #expect(john?.mentions.map(\.text) == ["John Smith", "Smith"])
        #expect(anna?.mentions.map(\.text) == ["Anna Smith", "Anna Smith", "Smith"])
    }

    @Test func surnameMentionsPickTheLatestEarlierMention() {
        var index = SurnameMentions()
        // Draft positions 0, 1, 2 with mentions at these tokens, appended out of order.
        for (start, pos) in [(10, 0), (40, 1), (25, 2), (40, 0), (5, 2)] + (0..<100).map({ (200 + $0, $0 % 3) }) {
            index.append(start: start, pos: pos)
        }
        #expect(index.latest(before: 41, eligible: { _ in true })! == (0, 40))   // two at 40: the first in list order
        #expect(index.latest(before: 41, eligible: { $0 != 0 })! == (1, 40))
        #expect(index.latest(before: 40, eligible: { _ in true })! == (2, 25))
        #expect(index.latest(before: 6, eligible: { _ in true })! == (2, 5))
        #expect(index.latest(before: 5, eligible: { _ in true }) == nil)
        #expect(index.latest(before: 250, eligible: { _ in true })! == (49 % 3, 249))
        #expect(index.latest(before: 41, eligible: { _ in false }) == nil)
    }

    @Test func makeStringKeepsEveryScalar() {
        let text = "Plain ASCII, café, Nguye\u{0302}\u{0303}n, Ødegaard, 東京, 👩‍👩‍👧‍👦, \u{10FFFF}, \u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}"
        let scalars = Array(text.unicodeScalars)
        for a in [0, 3, 12] {
            for b in [a, a + 1, scalars.count] where b <= scalars.count {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[a..<b])
                let made = makeString(scalars[a..<b])
                #expect(Array(made.unicodeScalars) == Array(view))
                #expect(Array(made.utf8) == Array(String(view).utf8))
            }
        }
    }

    @Test func indexedCuesMatchAsTheLexicon() {
        let res = Resources.shared
        let doc = TextDocument("He said he didn’t support the plan and would not back it, but we can’t oppose a deal "
                               + "that isn't bad. She opposed it, if the vote fails; they won't agree unless asked.",
                               rules: res.textRules)
        let lex = res.positionCues, indexed = lex.indexed(doc.tokens)
        let classes: [CueClasses?] = [nil, PositionReader.sideClasses, [.cond], [.neutral], [.neg], [.belief], [.for, .against]]
        var matched = 0
        for i in doc.tokens.indices {
            for end in [i + 1, min(i + 3, doc.tokens.count), doc.tokens.count] {
                for c in classes {
                    let a = lex.match(at: i, in: i..<end, tokens: doc.tokens, classes: c)
                    let b = indexed.match(at: i, in: i..<end, classes: c)
                    #expect(a?.words == b?.words && a?.cls == b?.cls)
                    if a != nil { matched += 1 }
                }
            }
        }
        #expect(matched > 0)
    }

    @Test func surnameCandidatesHoldEveryNearSurname() {
        var index = SurnameIndex()
        let surnames = ["zelenskyy", "zelensky", "müller", "mueller", "nguyễn", "okafor", "okafour", "smith", "smyth", "schmidt"]
        for s in surnames { index.insert(s) }
        // As nearMiss asks: words of 5 or more characters, two edits from 9 on.
        for word in ["zelenskky", "zelenskyy", "muller", "okafor", "smitt", "schmid", "nguyen", "zelenskiyy"] {
            let w = Array(word), limit = w.count >= 9 ? 2 : 1
            let found = Set(index.candidates(w, limit: limit))
            for s in surnames where abs(s.count - w.count) <= 1 && editDistance(Array(s), w, limit: limit) {
                #expect(found.contains(s), "\(word) should find \(s)")
            }
        }
        #expect(Set(index.candidates(Array("zelenskky"), limit: 2)).isSuperset(of: ["zelenskyy", "zelensky"]))
    }
}
