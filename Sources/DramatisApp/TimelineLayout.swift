import DramatisCore
import Foundation

/// Where each dated event goes on the timeline chart. The axis is broken: every distinct year
/// gets an equal slot (so 1940, 1994 and 2025 are all readable), with break marks where years are
/// skipped; inside a slot, the distinct dates of that year are spread evenly in order (Friday and
/// Monday of the same week get two markers, not one blot). Labels go in rows above the axis and
/// never overlap: each takes the first rows where it fits. A label wider than `maxLabelWidth` is
/// wrapped at words over several rows instead of being cut, so events stacked on one date can
/// all be read in full.
struct TimelineLayout {
    struct Slot { var year: Int; var x0: Double; var x1: Double; var breakBefore: Bool }
    struct Placed {
        var item: TimelineItem
        var x: Double
        var row: Int
        var labelX0: Double
        var labelWidth: Double
        var text: String
        /// `text` wrapped to `labelWidth`, first line first; the label spans `lines.count` rows
        /// from `row` upwards (its last line in `row`, nearest the axis).
        var lines: [String]
        var topRow: Int { row + lines.count - 1 }
    }

    var slots: [Slot] = []
    var placed: [Placed] = []
    var rows = 0

    static let labelGap = 10.0
    /// Labels keep this far from the chart's edges.
    static let edge = 6.0

    /// `measure` returns a label's natural width in pixels; labels wrap at `maxLabelWidth`.
    init(items: [TimelineItem], width: Double, margin: Double = 28, maxLabelWidth: Double = 300,
         measure: (String) -> Double) {
        let dated = items.compactMap { item -> (TimelineItem, DateParts)? in
            guard let d = item.date.flatMap(DateParts.init) else { return nil }
            return (item, d)
        }.sorted { ($0.1, $0.0.start) < ($1.1, $1.0.start) }
        let years = Array(Set(dated.map(\.1.year))).sorted()
        guard !years.isEmpty, width > 2 * margin else { return }
        let slotWidth = (width - 2 * margin) / Double(years.count)
        for (i, year) in years.enumerated() {
            let x0 = margin + Double(i) * slotWidth
            slots.append(Slot(year: year, x0: x0, x1: x0 + slotWidth, breakBefore: i > 0 && years[i - 1] != year - 1))
        }
        var datesByYear: [Int: [DateParts]] = [:]
        for (_, date) in dated where datesByYear[date.year]?.contains(date) != true {
            datesByYear[date.year, default: []].append(date) // already in order
        }
        var rowEnds: [Double] = []
        for (item, date) in dated {
            guard let slot = slots.first(where: { $0.year == date.year }) else { continue }
            let x = Self.position(of: date, among: datesByYear[date.year] ?? [date], in: slot)
            let text = Self.labelText(item, date)
            let limit = min(maxLabelWidth, width - 2 * Self.edge)
            let lines = Self.wrap(text, width: limit, measure: measure)
            let w = min(lines.map(measure).max() ?? 0, limit)
            let x0 = min(max(x - w / 2, Self.edge), max(Self.edge, width - w - Self.edge))
            // The lowest run of rows free at this label's left edge (rows fill left to right).
            var row = 0
            while !(row..<(row + lines.count)).allSatisfy({ $0 >= rowEnds.count || rowEnds[$0] + Self.labelGap <= x0 }) { row += 1 }
            while rowEnds.count < row + lines.count { rowEnds.append(-.infinity) }
            for r in row..<(row + lines.count) { rowEnds[r] = x0 + w }
            placed.append(Placed(item: item, x: x, row: row, labelX0: x0, labelWidth: w, text: text, lines: lines))
        }
        rows = rowEnds.count
    }

    /// `text` in lines no wider than `width`, broken between words; a single word wider than
    /// that keeps a line of its own (drawn clipped, never dropped).
    static func wrap(_ text: String, width: Double, measure: (String) -> Double) -> [String] {
        var lines: [String] = [], line = ""
        for word in text.split(separator: " ") {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if line.isEmpty || measure(candidate) <= width {
                line = candidate
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// One date alone sits in the middle of its slot; several are spread evenly, in order.
    static func position(of date: DateParts, among dates: [DateParts], in slot: Slot) -> Double {
        let width = slot.x1 - slot.x0
        guard dates.count > 1, let rank = dates.firstIndex(of: date) else { return slot.x0 + width / 2 }
        let inset = min(24, width / 5)
        return slot.x0 + inset + (width - 2 * inset) * Double(rank) / Double(dates.count - 1)
    }

    /// "18 Aug: label" for day dates, "Aug: label" for months, the label alone for years.
    static func labelText(_ item: TimelineItem, _ d: DateParts) -> String {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        guard let m = d.month, (1...12).contains(m) else { return item.label }
        if let day = d.day { return "\(day) \(months[m - 1]): \(item.label)" }
        return "\(months[m - 1]): \(item.label)"
    }
}

/// The parts of an ISO date `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
struct DateParts: Comparable {
    var year: Int
    var month: Int?
    var day: Int?

    init?(_ iso: String) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, let y = Int(first) else { return nil }
        year = y
        month = parts.count > 1 ? Int(parts[1]) : nil
        day = parts.count > 2 ? Int(parts[2]) : nil
    }

    static func < (a: DateParts, b: DateParts) -> Bool {
        (a.year, a.month ?? 0, a.day ?? 0) < (b.year, b.month ?? 0, b.day ?? 0)
    }
}
