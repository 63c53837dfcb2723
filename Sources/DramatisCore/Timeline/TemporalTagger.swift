import Foundation

/// Finds the temporal expressions of a document and resolves them against the publication date.
struct TemporalTagger {
    static let monthCues: Set<String> = ["in", "last", "next", "since", "until", "by", "early", "late", "mid", "this"]
    static let anchors: Set<String> = ["last", "next", "this"]
    static let relativeAnchors: Set<String> = ["last", "next", "this", "past"]
    let doc: TextDocument
    let lex: TemporalLexicon
    let published: ISODate?
    var tokens: [Token] { doc.tokens }

    func lower(_ i: Int) -> String { i >= 0 && i < tokens.count ? tokens[i].lower : "" }

    func year(_ i: Int) -> Int? {
        guard i >= 0, i < tokens.count, tokens[i].kind == .number, tokens[i].text.count == 4,
              let y = Int(tokens[i].text), (1000...2199).contains(y) else { return nil }
        return y
    }

    func day(_ i: Int) -> Int? {
        guard i >= 0, i < tokens.count, tokens[i].kind == .number else { return nil }
        var t = tokens[i].lower
        for suffix in ["st", "nd", "rd", "th"] where t.hasSuffix(suffix) { t.removeLast(2) }
        guard let d = Int(t), (1...31).contains(d) else { return nil }
        return d
    }

    func month(_ i: Int) -> Int? {
        guard i >= 0, i < tokens.count, tokens[i].isCapitalized else { return nil }
        let w = tokens[i].lower
        // "May" and "March" are also words: only with a day or year beside them (checked by callers).
        return lex.months[w]
    }

    func tag() -> [TemporalExpression] {
        var out: [TemporalExpression] = []
        var i = 0
        let n = tokens.count
        while i < n {
            if let e = match(at: i) {
                out.append(e)
                i = e.tokens.upperBound
            } else {
                i += 1
            }
        }
        return out
    }

    func iso(_ y: Int, _ m: Int? = nil, _ d: Int? = nil) -> String {
        if let m, let d { return String(format: "%04d-%02d-%02d", y, m, d) }
        if let m { return String(format: "%04d-%02d", y, m) }
        return String(format: "%04d", y)
    }

    func match(at i: Int) -> TemporalExpression? {
        let t = tokens[i]
        // Fast reject: a word that is no calendar word, number word or hyphenated duration.
        if t.kind == .word, !lex.triggers.contains(t.lower), !t.lower.utf8.contains(UInt8(ascii: "-")) { return nil }
        if t.kind != .word && t.kind != .number { return nil }
        // 18 August 2025 / 18 August
        if let d = day(i), let m = month(i + 1), ISODate.daysIn(month: m, year: 2000) >= d {
            if let y = year(i + 2) ?? (i + 3 < tokens.count && tokens[i + 2].text == "," ? year(i + 3) : nil) {
                let end = year(i + 2) != nil ? i + 3 : i + 4
                return TemporalExpression(tokens: i..<end, date: iso(y, m, d), precision: .day, relative: nil)
            }
            return withPublishedYear(i..<(i + 2), m, d)
        }
        if let m = month(i) {
            // August 18, 2025 / Aug. 18 / August 2025
            if let d = day(i + 1), tokens[i + 1].text.count <= 4 {
                var end = i + 2
                if end < tokens.count, tokens[end].text == "," { end += 1 }
                if let y = year(end) { return TemporalExpression(tokens: i..<(end + 1), date: iso(y, m, d), precision: .day, relative: nil) }
                if let y = year(i + 2) { return TemporalExpression(tokens: i..<(i + 3), date: iso(y, m, d), precision: .day, relative: nil) }
                return withPublishedYear(i..<(i + 2), m, d)
            }
            if let y = year(i + 1) ?? (lower(i + 1) == "of" ? year(i + 2) : nil) {
                let end = year(i + 1) != nil ? i + 2 : i + 3
                return TemporalExpression(tokens: i..<end, date: iso(y, m), precision: .month, relative: nil)
            }
            // "in March", "last August": a month of the publication year (or the one before when ahead).
            if TemporalTagger.monthCues.contains(lower(i - 1)) {
                guard let p = published else {
                    return TemporalExpression(tokens: i..<(i + 1), date: nil, precision: .month, relative: tokens[i].text)
                }
                var y = p.year
                let cue = lower(i - 1)
                if cue == "last" || (cue != "next" && m > p.month && pastContext(i)) { y -= 1 }
                if cue == "next" && m <= p.month { y += 1 }
                return TemporalExpression(tokens: i..<(i + 1), date: iso(y, m), precision: .month, relative: tokens[i].text)
            }
        }
        // Weekdays: "on Friday", "Friday’s press conference", "later on Monday", "last Friday"
        if let wd = lex.weekdays[t.lower], t.isCapitalized {
            var start = i
            if TemporalTagger.anchors.contains(lower(i - 1)) { start = i - 1 }
            let rel = doc.text(ofTokens: start..<(i + 1))
            guard let p = published else {
                return TemporalExpression(tokens: start..<(i + 1), date: nil, precision: .day, relative: rel)
            }
            let date = resolveWeekday(wd, at: i, cue: lower(i - 1), published: p)
            return TemporalExpression(tokens: start..<(i + 1), date: date.description, precision: .day, relative: rel)
        }
        // yesterday / today / tomorrow
        if let off = lex.deictic[t.lower] {
            guard let p = published else {
                return TemporalExpression(tokens: i..<(i + 1), date: nil, precision: .day, relative: t.text)
            }
            return TemporalExpression(tokens: i..<(i + 1), date: p.adding(days: off).description, precision: .day, relative: t.text)
        }
        // last/next/this week|month|year
        if TemporalTagger.relativeAnchors.contains(t.lower), let unit = lex.units[lower(i + 1)], !lower(i + 1).hasSuffix("s") {
            let r = i..<(i + 2)
            let rel = doc.text(ofTokens: r)
            guard let p = published else { return TemporalExpression(tokens: r, date: nil, precision: unit == "year" ? .year : unit == "month" ? .month : .day, relative: rel) }
            let sign = t.lower == "next" ? 1 : t.lower == "this" ? 0 : -1
            switch unit {
            case "year": return TemporalExpression(tokens: r, date: iso(p.year + sign), precision: .year, relative: rel)
            case "month":
                var y = p.year, m = p.month + sign
                if m < 1 { m += 12; y -= 1 }
                if m > 12 { m -= 12; y += 1 }
                return TemporalExpression(tokens: r, date: iso(y, m), precision: .month, relative: rel)
            case "week": return TemporalExpression(tokens: r, date: p.adding(days: 7 * sign).description, precision: .day, relative: rel)
            case "day": return TemporalExpression(tokens: r, date: p.adding(days: sign).description, precision: .day, relative: rel)
            default: return nil
            }
        }
        // "three years ago", "two days ago"
        if let count = number(i), let unit = lex.units[lower(i + 1)], lower(i + 2) == "ago" {
            let r = i..<(i + 3)
            let rel = doc.text(ofTokens: r)
            guard let p = published else { return TemporalExpression(tokens: r, date: nil, precision: unit == "year" ? .year : .day, relative: rel) }
            switch unit {
            case "year": return TemporalExpression(tokens: r, date: iso(p.year - count), precision: .year, relative: rel)
            case "decade": return TemporalExpression(tokens: r, date: iso(p.year - 10 * count), precision: .year, relative: rel)
            case "month":
                let total = p.year * 12 + (p.month - 1) - count
                return TemporalExpression(tokens: r, date: iso(total / 12, total % 12 + 1), precision: .month, relative: rel)
            case "week": return TemporalExpression(tokens: r, date: p.adding(days: -7 * count).description, precision: .day, relative: rel)
            case "day": return TemporalExpression(tokens: r, date: p.adding(days: -count).description, precision: .day, relative: rel)
            default: return nil
            }
        }
        // "the three-year conflict": a duration that implies when something began.
        if t.kind == .word, t.lower.utf8.contains(UInt8(ascii: "-")) {
            let parts = t.lower.split(separator: "-").map(String.init)
            if parts.count == 2, let count = lex.numbers[parts[0]] ?? Int(parts[0]), lex.units[parts[1]] == "year",
               lex.durationNouns.contains(lower(i + 1)) {
                let r = i..<(i + 2)
                let rel = doc.text(ofTokens: r)
                let prefix = "Start of the \(rel)"
                guard let p = published else { return TemporalExpression(tokens: r, date: nil, precision: .year, relative: rel, labelPrefix: prefix) }
                return TemporalExpression(tokens: r, date: iso(p.year - count), precision: .year, relative: rel,
                                          labelPrefix: "\(prefix) (about \(count) years before publication)")
            }
        }
        // Decades: "the 1990s"
        if t.kind == .number, t.lower.hasSuffix("s"), t.text.count == 5, let y = Int(t.text.dropLast()), y % 10 == 0, (1000...2190).contains(y) {
            return TemporalExpression(tokens: i..<(i + 1), date: iso(y), precision: .year, relative: nil, labelPrefix: nil)
        }
        // Years
        if let y = year(i), isYearContext(i) {
            return TemporalExpression(tokens: i..<(i + 1), date: iso(y), precision: .year, relative: nil)
        }
        return nil
    }

    func number(_ i: Int) -> Int? {
        guard i < tokens.count else { return nil }
        if tokens[i].kind == .number { return Int(tokens[i].text) }
        return lex.numbers[tokens[i].lower]
    }

    /// A four-digit number reads as a year unless it is an amount or a count.
    func isYearContext(_ i: Int) -> Bool {
        if i > 0, tokens[i - 1].kind == .symbol || ["$", "£", "€"].contains(tokens[i - 1].text) { return false }
        if i + 1 < tokens.count, lex.measureWords.contains(tokens[i + 1].lower) || tokens[i + 1].text == "%" { return false }
        if i > 0, ["about", "around", "some", "nearly", "almost", "over", "than"].contains(tokens[i - 1].lower),
           !(i > 1 && ["in", "since", "until", "before", "after"].contains(tokens[i - 2].lower)) { return false }
        return true
    }

    func withPublishedYear(_ r: Range<Int>, _ m: Int, _ d: Int) -> TemporalExpression {
        let rel = doc.text(ofTokens: r)
        guard let p = published else { return TemporalExpression(tokens: r, date: nil, precision: .day, relative: rel) }
        var y = p.year
        // A date months ahead of publication in a past-tense sentence is last year's.
        if m > p.month + 1, pastContext(r.lowerBound) { y -= 1 }
        return TemporalExpression(tokens: r, date: iso(y, m, d), precision: .day, relative: rel)
    }

    /// Past or future reading of the clause around token `i`.
    func pastContext(_ i: Int) -> Bool {
        let s = doc.sentences[doc.sentenceOfToken[i]].tokenRange
        var future = 0, past = 0
        for j in s where abs(j - i) <= 12 {
            let w = tokens[j].lower
            if lex.futureCues.contains(w) { future += (abs(j - i) <= 6 ? 3 : 1) }
            // "-ed" after be/been is a passive participle, not a past tense.
            let passive = j > 0 && ["be", "been", "being"].contains(tokens[j - 1].lower)
            if lex.pastCues.contains(w) || (w.hasSuffix("ed") && w.count > 4 && j < i && !passive) { past += (abs(j - i) <= 4 ? 2 : 1) }
        }
        return past >= future
    }

    /// The weekday nearest the publication date in the direction the sentence points:
    /// the same day when it is that day, the previous one in past context, else the coming one.
    func resolveWeekday(_ wd: Int, at i: Int, cue: String, published p: ISODate) -> ISODate {
        let today = p.weekday
        if cue == "last" { return p.adding(days: -(((today - wd) + 7) % 7 == 0 ? 7 : ((today - wd) + 7) % 7)) }
        if cue == "next" { return p.adding(days: (((wd - today) + 7) % 7 == 0 ? 7 : ((wd - today) + 7) % 7)) }
        if wd == today { return p }
        let back = ((today - wd) + 7) % 7
        let ahead = ((wd - today) + 7) % 7
        if cue == "later" || lower(i - 2) == "later" { return p.adding(days: ahead) }
        return pastContext(i) ? p.adding(days: -back) : p.adding(days: ahead)
    }
}
