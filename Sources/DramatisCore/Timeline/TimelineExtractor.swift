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
