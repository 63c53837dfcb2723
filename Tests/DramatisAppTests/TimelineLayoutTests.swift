import Testing
import DramatisCore
@testable import DramatisApp

/// The chart's layout is pure arithmetic: tested without a display.
struct TimelineLayoutTests {
    func item(_ id: String, _ date: String?, _ label: String, at start: Int = 0) -> TimelineItem {
        TimelineItem(id: id, date: date, precision: date.map { $0.count == 4 ? .year : .day } ?? .day,
                     relative: nil, label: label, start: start, end: start + 4, actors: [])
    }

    /// 7 pixels per character, like a narrow UI font.
    func measure(_ s: String) -> Double { Double(s.count) * 7 }

    @Test func everyDistinctYearGetsAnEqualSlotAndSkippedYearsABreak() {
        let items = [item("a", "1940", "Winter war"), item("b", "1994", "Budapest Memorandum"),
                     item("c", "2025-08-15", "Alaska summit"), item("d", "2025-08-18", "White House meeting"),
                     item("e", "2024", "Previous year")]
        let layout = TimelineLayout(items: items, width: 1000, measure: measure)
        #expect(layout.slots.map(\.year) == [1940, 1994, 2024, 2025])
        let widths = layout.slots.map { $0.x1 - $0.x0 }
        #expect(widths.allSatisfy { abs($0 - widths[0]) < 0.001 })
        #expect(layout.slots.map(\.breakBefore) == [false, true, true, false])
        #expect(layout.placed.count == 5)
    }

    @Test func labelsInTheSameRowNeverOverlap() {
        var items: [TimelineItem] = []
        for year in stride(from: 1940, through: 2025, by: 5) {
            items.append(item("y\(year)", "\(year)", "A fairly long event label for \(year)"))
            items.append(item("m\(year)", "\(year)-06-01", "Another event in June \(year)"))
        }
        let layout = TimelineLayout(items: items, width: 900, measure: measure)
        #expect(layout.rows > 1)
        for a in layout.placed {
            #expect(a.labelX0 >= 0 && a.labelX0 + a.labelWidth <= 900)
            for b in layout.placed where a.item.id < b.item.id && a.row <= b.topRow && b.row <= a.topRow {
                let disjoint = a.labelX0 + a.labelWidth <= b.labelX0 || b.labelX0 + b.labelWidth <= a.labelX0
                #expect(disjoint, "\(a.item.id) and \(b.item.id) overlap in row \(a.row)")
            }
        }
    }

    /// Several long labels on one day (as on the sample's 18 August): each is wrapped at words
    /// into lines no wider than the maximum, every word kept, and no two labels share a row
    /// where they would overlap.
    @Test func longLabelsOnOneDayWrapInsteadOfBeingCut() {
        let labels = ["International focus on Washington is intense with China’s foreign ministry spokeswoman",
                      "Among the European leaders joining him in Washington",
                      "Major meeting with US President Donald Trump and several major European leaders",
                      "Mr Trump’s meeting with Russian President Vladimir Putin in Alaska"]
        var items = labels.enumerated().map { item("d\($0.offset)", "2025-08-18", $0.element, at: $0.offset * 10) }
        items.append(item("old", "1994", "Budapest Memorandum: Ukraine agreed to give up its substantial nuclear weapons stockpile"))
        let layout = TimelineLayout(items: items, width: 1000, maxLabelWidth: 300, measure: measure)
        #expect(layout.placed.count == 5)
        for p in layout.placed {
            #expect(p.lines.joined(separator: " ") == p.text, "\(p.item.id) lost words: \(p.lines)")
            #expect(p.lines.allSatisfy { measure($0) <= 300 }, "\(p.item.id): \(p.lines)")
            #expect(p.labelWidth <= 300 && p.labelX0 >= 0 && p.labelX0 + p.labelWidth <= 1000)
            #expect(p.text.hasSuffix(p.item.label), "the label is whole, not cut with …")
        }
        #expect(layout.placed.contains { $0.lines.count > 1 })
        for a in layout.placed {
            for b in layout.placed where a.item.id < b.item.id {
                let sharedRow = a.row <= b.topRow && b.row <= a.topRow
                let disjoint = a.labelX0 + a.labelWidth <= b.labelX0 || b.labelX0 + b.labelWidth <= a.labelX0
                #expect(!sharedRow || disjoint, "\(a.item.id) and \(b.item.id) overlap")
            }
        }
        #expect(layout.rows == (layout.placed.map(\.topRow).max() ?? -1) + 1)
    }

    @Test func wrapBreaksBetweenWordsOnly() {
        let lines = TimelineLayout.wrap("one two three four five six", width: 70, measure: measure)
        #expect(lines == ["one two", "three four", "five six"])
        #expect(TimelineLayout.wrap("unbreakablewordthatislong", width: 70, measure: measure) == ["unbreakablewordthatislong"])
        #expect(TimelineLayout.wrap("", width: 70, measure: measure) == [""])
    }

    @Test func undatedItemsStayOffTheAxisAndDatesSortWithinAYear() {
        let items = [item("late", "2025-12-01", "December"), item("none", nil, "Years ago"),
                     item("early", "2025-01-10", "January")]
        let layout = TimelineLayout(items: items, width: 600, measure: measure)
        #expect(layout.placed.map(\.item.id) == ["early", "late"])
        #expect(layout.placed[0].x < layout.placed[1].x)
        #expect(layout.placed[0].text == "10 Jan: January")
    }

    @Test func distinctDatesOfOneYearGetDistinctMarkersAndTheSameDateShares() {
        let items = [item("fri", "2025-08-15", "Alaska summit"), item("mon", "2025-08-18", "White House"),
                     item("mon2", "2025-08-18", "European leaders"), item("old", "1994", "Memorandum")]
        let layout = TimelineLayout(items: items, width: 800, measure: measure)
        let x = Dictionary(uniqueKeysWithValues: layout.placed.map { ($0.item.id, $0.x) })
        #expect(x["fri"]! + 100 < x["mon"]!)
        #expect(x["mon"] == x["mon2"])
        let slot1994 = layout.slots[0]
        #expect(abs(x["old"]! - (slot1994.x0 + slot1994.x1) / 2) < 0.001)
    }

    @Test func mentionIndexFindsTheInnermostMentionByCodePointOffset() {
        let entities = [
            Entity(id: "e1", name: "Volodymyr Zelenskyy", type: .person,
                   mentions: [Mention(start: 10, end: 29, text: "Volodymyr Zelenskyy")]),
            Entity(id: "e2", name: "Ukraine", type: .place, mentions: [Mention(start: 0, end: 7, text: "Ukraine")]),
            Entity(id: "e3", name: "Zelenskyy", type: .person, mentions: [Mention(start: 20, end: 29, text: "Zelenskyy")]),
        ]
        let index = MentionIndex(entities: entities)
        #expect(index.entityIndex(at: 0) == 1)
        #expect(index.entityIndex(at: 7) == nil)
        #expect(index.entityIndex(at: 12) == 0)
        #expect(index.entityIndex(at: 25) == 2)
        #expect(index.entityIndex(at: 29) == nil)
    }
}
