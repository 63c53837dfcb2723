import Testing
@testable import DramatisCore

@Suite struct TimelineTests {
    func dates(_ text: String, published: String?) -> [String?] {
        Probe(text, published: published).analysis.timeline.map(\.date)
    }

    @Test func yearsAndMonthDayForms() {
        let t = Probe("The 1994 Budapest Memorandum failed. Russia invaded in 2014 and 2022. Talks on 18 August 2025, on Aug. 19, 2025 and in March 2006 followed. Some 2000 people came.",
                      published: "2025-08-20").analysis.timeline
        let d = t.map(\.date)
        #expect(d.contains("1994") && d.contains("2014") && d.contains("2022"))
        #expect(d.contains("2025-08-18") && d.contains("2025-08-19") && d.contains("2006-03"))
        #expect(!d.contains("2000"))
        let budapest = t.first { $0.date == "1994" }
        #expect(budapest?.label.contains("Budapest Memorandum") == true)
        #expect(budapest?.precision == .year)
    }

    @Test func weekdaysResolveByTense() {
        // 2025-08-18 is a Monday.
        let p = Probe("Mr Trump met Mr Putin in Alaska on Friday. Leaders will meet at the White House on Monday. They will talk again on Wednesday.",
                      published: "2025-08-18")
        let d = p.analysis.timeline.map(\.date)
        #expect(d == ["2025-08-15", "2025-08-18", "2025-08-20"])
        #expect(p.analysis.timeline[0].relative == "Friday")
    }

    @Test func weekdaysAcrossMonthAndYearBoundaries() {
        // 2025-01-01 is a Wednesday: last Friday is 2024-12-27, next Monday 2025-01-06.
        #expect(dates("The vote was held on Friday.", published: "2025-01-01") == ["2024-12-27"])
        #expect(dates("The vote will be held on Monday.", published: "2025-01-01") == ["2025-01-06"])
        // 2024-03-01 is a Friday: "on Thursday" in the past is 2024-02-29 (leap day).
        #expect(dates("She spoke on Thursday.", published: "2024-03-01") == ["2024-02-29"])
        #expect(dates("They met last Friday.", published: "2024-03-01") == ["2024-02-23"])
    }

    @Test func unknownPublicationDateKeepsRelativeUnresolved() {
        let t = Probe("He spoke on Friday and yesterday, three years ago, and in 1999.", published: nil).analysis.timeline
        #expect(t.filter { $0.date == nil }.map(\.relative) == ["Friday", "yesterday", "three years ago"])
        #expect(t.contains { $0.date == "1999" })
    }

    @Test func relativeAndDurationForms() {
        let t = Probe("The three-year conflict goes on. It began three years ago. Prices rose last month and yesterday.",
                      published: "2025-01-15").analysis.timeline
        let d = t.map(\.date)
        #expect(d.contains("2022"))
        #expect(d.contains("2024-12"))
        #expect(d.contains("2025-01-14"))
        #expect(t.first { $0.relative == "three-year conflict" }?.label.hasPrefix("Start of the three-year conflict") == true)
    }
}

@Suite struct PositionTests {
    @Test func twoNamesForOneDayInOneSentenceAreOneEvent() {
        let a = Analyzer().analyze(Article(title: nil, published: "2019-06-10", source: nil, text: "On Friday, June 7, she left the party. She returned on Sunday."))
        #expect(a.timeline.filter { $0.date == "2019-06-07" }.count == 1)
        #expect(a.timeline.map(\.id) == a.timeline.indices.map { "t\($0 + 1)" })
    }

    @Test func aRepeatedCommonWordIsATopicButNotBesideItsPhrase() {
        let text = """
            Mr Blair rejected calls for the publication of the advice. Critics said the advice was flawed.
            Ms Short said the advice should have been shown to ministers. Mr Mates said the advice was clear.
            The advice was published in part. A peace agreement is near, and peace talks go on; the peace agreement holds.
            """
        // The salient topics the positions stage reads statements against (not the JSON `topics`,
        // which are the issues positions are taken on).
        let document = TextDocument(text)
        let entities = EntityRecognizer(resources: .shared).recognize(document)
        let topics = TopicFinder(resources: .shared).find(document, entities: entities).map(\.id)
        #expect(topics.contains("advice"))            // five mentions of a fairly common word
        #expect(topics.contains("peace agreement"))
        #expect(!topics.contains("peace"))            // part of the chosen phrase
    }

}
