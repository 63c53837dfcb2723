import Foundation

/// Calendar words from `data/lexicons/temporal.tsv`.
public struct TemporalLexicon: Sendable {
    public let months: [String: Int]
    public let weekdays: [String: Int]
    public let numbers: [String: Int]
    public let units: [String: String]
    public let deictic: [String: Int]
    public let futureCues: Set<String>
    public let pastCues: Set<String>
    public let durationNouns: Set<String>
    public let measureWords: Set<String>
    public let eventNouns: Set<String>
    /// Parts of the day and time adverbs ("afternoon", "earlier"): when something was said.
    public let timeWords: Set<String>
    /// Every word that can start an expression: most tokens are rejected by one lookup.
    public let triggers: Set<String>

    init(rows: [[String]]) {
        var months: [String: Int] = [:], weekdays: [String: Int] = [:], numbers: [String: Int] = [:]
        var units: [String: String] = [:], deictic: [String: Int] = [:]
        var future = Set<String>(), past = Set<String>(), duration = Set<String>(), measure = Set<String>(), events = Set<String>()
        var timeWords = Set<String>()
        for r in rows where r.count >= 2 {
            let word = r[1], value = r.count > 2 ? r[2] : ""
            switch r[0] {
            case "month": months[word] = Int(value)
            case "weekday": weekdays[word] = Int(value)
            case "number": numbers[word] = Int(value)
            case "unit": units[word] = value
            case "deictic": deictic[word] = Int(value)
            case "future": future.insert(word)
            case "past": past.insert(word)
            case "duration": duration.insert(word)
            case "measure": measure.insert(word)
            case "event": events.insert(word)
            case "timeword": timeWords.insert(word)
            default: break
            }
        }
        self.months = months; self.weekdays = weekdays; self.numbers = numbers; self.units = units
        self.deictic = deictic; futureCues = future; pastCues = past; durationNouns = duration; measureWords = measure
        eventNouns = events
        self.timeWords = timeWords
        triggers = Set(months.keys).union(weekdays.keys).union(numbers.keys).union(deictic.keys)
            .union(["last", "next", "this", "past"])
    }
}

/// A temporal expression found in the text, before labelling.
struct TemporalExpression {
    var tokens: Range<Int>
    var date: String?
    var precision: DatePrecision
    var relative: String?
    var labelPrefix: String?
}

/// Finds dates (years, month-day forms, decades), weekdays and relative expressions, resolves
/// them against the publication date, and labels each with the clause around it.
public struct TimelineExtractor: Sendable {
    let resources: Resources
    public init(resources: Resources) { self.resources = resources }

    public func extract(_ document: TextDocument, published: ISODate?, entities: EntityResult) -> [TimelineItem] {
        let tagger = TemporalTagger(doc: document, lex: resources.temporalWords, published: published)
        let expressions = tagger.tag()
        var dateTokens = Set<Int>()
        for e in expressions { dateTokens.formUnion(e.tokens) }
        let labeler = EventLabeler(doc: document, entities: entities, resources: resources, dateTokens: dateTokens)
        var items: [TimelineItem] = []
        var datedSentences = Set<String>()   // "sentence:date" already on the timeline
        for (ei, e) in expressions.enumerated() {
            if ei & 63 == 0, AnalysisBudget.stopRequested { break }
            // Two names for one day in one sentence ("On Friday, June 7, …") are one event.
            if let date = e.date, !datedSentences.insert("\(document.sentenceOfToken[e.tokens.lowerBound]):\(date)").inserted { continue }
            let span = document.span(ofTokens: e.tokens)
            let (label, actors) = labeler.label(for: e.tokens, prefix: e.labelPrefix)
            items.append(TimelineItem(id: "t\(items.count + 1)", date: e.date, precision: e.precision, relative: e.relative,
                                      label: label, start: span.start, end: span.end, actors: actors))
        }
        return items
    }
}

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

/// A short label for what happened at a date: the clause around it, without the date.
struct EventLabeler {
    let doc: TextDocument
    let entities: EntityResult
    let resources: Resources
    /// Tokens of every date expression: none of them belongs in a label.
    let dateTokens: Set<Int>

    /// "the 1994 Budapest Memorandum, when Ukraine agreed …" → "Budapest Memorandum: Ukraine agreed …";
    /// "Mr Trump’s meeting with … in Alaska on Friday" → "Mr Trump’s meeting with … in Alaska".
    func eventPhrase(near date: Range<Int>, clause: Range<Int>) -> Range<Int>? {
        let tokens = doc.tokens
        // A law or event named right after the date.
        if let m = entities.mention(atToken: date.upperBound), [.law, .event].contains(entities.entities[m.entity].type) {
            return m.tokens
        }
        // The nearest event noun in the clause.
        var best: Int? = nil
        for j in clause where !dateTokens.contains(j) && resources.temporalWords.eventNouns.contains(tokens[j].lower) {
            if best == nil || abs(j - date.lowerBound) < abs(best! - date.lowerBound) { best = j }
        }
        guard let head = best else { return nil }
        var a = head
        while a > clause.lowerBound, head - a < 5 {
            let t = tokens[a - 1]
            if dateTokens.contains(a - 1) || t.kind == .punctuation || ["the", "a", "an", "and", "of", "in", "on", "to", "following", "after", "before", "during"].contains(t.lower) || t.isQuote { break }
            a -= 1
        }
        var b = head + 1
        while b < clause.upperBound, b - head < 12 {
            let t = tokens[b]
            if dateTokens.contains(b) || t.kind == .punctuation || t.isQuote { break }
            if ["with", "between", "of", "in", "at", "on", "against", "to"].contains(t.lower) {
                // Keep a modifier only when a name follows it.
                if b + 1 < clause.upperBound, !dateTokens.contains(b + 1), tokens[b + 1].isCapitalized || tokens[b + 1].lower == "the" && b + 2 < clause.upperBound && tokens[b + 2].isCapitalized { b += 1; continue }
                break
            }
            if t.isCapitalized || entities.mention(atToken: b) != nil || t.text == "’s" || t.text == "'s" { b += 1; continue }
            break
        }
        return a..<b
    }

    func render(_ words: [Int]) -> String {
        let tokens = doc.tokens
        var text = ""
        var prev: Int? = nil
        for j in words {
            if prev != nil, (j != prev! + 1 || tokens[j].spaceBefore) { text += " " }
            text += tokens[j].text
            prev = j
        }
        return text
    }

    static let boundaries: Set<String> = [",", ";", ":", "(", ")", "—", "–", "-"]
    static let clauseWords: Set<String> = ["which", "although", "though", "while", "because", "but", "whereas", "who"]
    static let edgeWords: Set<String> = ["in", "on", "at", "of", "by", "since", "until", "from", "to", "the", "a", "an", "and",
                                         "for", "during", "before", "after", "later", "earlier", "that", "with", "last", "this", "next"]

    func label(for date: Range<Int>, prefix: String?) -> (String, [String]) {
        let tokens = doc.tokens
        let s = doc.sentences[doc.sentenceOfToken[date.lowerBound]].tokenRange
        var a = date.lowerBound
        while a > s.lowerBound {
            let t = tokens[a - 1]
            if EventLabeler.boundaries.contains(t.text) || EventLabeler.clauseWords.contains(t.lower) || t.isQuote { break }
            a -= 1
        }
        var b = date.upperBound
        while b < s.upperBound {
            let t = tokens[b]
            if EventLabeler.boundaries.contains(t.text) || EventLabeler.clauseWords.contains(t.lower) || t.isQuote
                || (t.kind == .punctuation && t.text != "’s" && t.text != "'s") { break }
            b += 1
        }
        var phraseText: String? = nil
        if let phrase = eventPhrase(near: date, clause: a..<b) {
            // "Friday’s press conference" keeps its day; elsewhere the date is the item's own field.
            let possessiveDate = phrase.lowerBound <= date.upperBound + 1 && phrase.lowerBound >= date.upperBound
                && date.upperBound < tokens.count && ["’s", "'s"].contains(tokens[date.upperBound].text)
            var words = possessiveDate ? Array(date.lowerBound..<phrase.upperBound) : Array(phrase).filter { !dateTokens.contains($0) }
            while let f = words.first, !possessiveDate, ["’s", "'s"].contains(tokens[f].text) { words.removeFirst() }
            var text = render(words)
            // "…, when Ukraine agreed to give up …": what the event was.
            let after = phrase.upperBound
            if after + 1 < s.upperBound, tokens[after].text == ",", ["when", "which", "in which", "under which"].contains(tokens[after + 1].lower) {
                var e = after + 2
                while e < s.upperBound, e - after < 14, tokens[e].kind != .punctuation { e += 1 }
                text += ": " + render(Array((after + 2)..<e))
            }
            phraseText = text
        }
        // Prefer the words next to the date; keep at most 14.
        var words: [Int] = []
        for j in a..<b where !dateTokens.contains(j) { words.append(j) }
        while words.count > 14 {
            let firstDist = date.lowerBound - words.first!
            let lastDist = words.last! - date.upperBound
            if firstDist > lastDist { words.removeFirst() } else { words.removeLast() }
        }
        while let f = words.first, EventLabeler.edgeWords.contains(tokens[f].lower) || tokens[f].text == "’s" || tokens[f].text == "'s" { words.removeFirst() }
        while let l = words.last, EventLabeler.edgeWords.contains(tokens[l].lower) { words.removeLast() }
        // Drop connectors left dangling by removed dates ("invasions of and").
        words = words.enumerated().filter { k, j in
            guard ["of", "and", "on", "in", "or"].contains(tokens[j].lower) else { return true }
            let nextIsDate = j + 1 < tokens.count && dateTokens.contains(j + 1)
            let prevIsDate = j > 0 && dateTokens.contains(j - 1)
            return !(nextIsDate || (prevIsDate && (k + 1 >= words.count)))
        }.map(\.1)
        // "who are among the European leaders …": the copula of a cut relative clause goes.
        words = trimmed(words)
        if phraseText == nil, isWeak(words) {
            let wider = widerWords(sentence: s, clause: a..<b)
            if !wider.isEmpty { words = wider }
        }
        var text = phraseText ?? render(words)
        // "its winter war" → "Finland’s winter war": the sentence's first actor owns it.
        if let first = text.split(separator: " ").first, ["its", "their", "his", "her"].contains(first.lowercased()),
           let owner = (s.lowerBound..<date.lowerBound).lazy.compactMap({ entities.mention(atToken: $0) })
               .first(where: { $0.kind != .pronoun && [.place, .organization, .person, .group].contains(entities.entities[$0.entity].type) }) {
            text = entities.entities[owner.entity].name + "’s" + text.dropFirst(first.count)
        }
        // A duration's label says what it implies; the clause would only repeat it.
        if let prefix { return (prefix, actorsOf(a..<b)) }
        if text.isEmpty { text = doc.text(ofTokens: s).trimmingCharacters(in: .whitespaces) }
        if let f = text.first, f.isLowercase { text = f.uppercased() + text.dropFirst() }
        text = EventLabeler.cut(text)
        return (text, actorsOf(a..<b))
    }

    /// People, bodies, groups and places named in the clause.
    func actorsOf(_ r: Range<Int>) -> [String] {
        var actors: [String] = []
        for j in r {
            guard let m = entities.mention(atToken: j) else { continue }
            let e = entities.entities[m.entity]
            guard e.type == .person || e.type == .organization || e.type == .group || e.type == .place else { continue }
            if !actors.contains(e.id) { actors.append(e.id) }
        }
        return actors
    }
}
