import Foundation

/// Everything an exported summary shows, computed once from an `Analysis`. The Markdown, HTML
/// and PDF exporters only lay this value out; none of them re-derives anything.
public struct Summary: Sendable {
    public struct KeySentence: Sendable, Equatable {
        public var span: Span
        public var text: String
        /// Distinct entities + statements + distinct topics the sentence carries.
        public var score: Int
    }

    public struct PositionLine: Sendable {
        public var position: Position
        /// The first evidence statement found in the analysis, quoted in the summary.
        public var quote: Statement?
        /// Who said `quote` (the entity's name), for "Donald Trump signalled he would not accept".
        public var quoteSpeaker: String?
    }

    public struct Actor: Sendable {
        public var entity: Entity
        public var affiliationName: String?
        public var positions: [PositionLine]
        public var statements: [Statement]
        /// "President of Ukraine, Ukraine" style line (role and affiliation), nil when neither is known.
        public var roleLine: String? {
            let parts = [entity.role, affiliationName].compactMap { $0 }.filter { !$0.isEmpty }
            return parts.isEmpty ? nil : parts.joined(separator: ", ")
        }
    }

    public struct Speaker: Sendable {
        /// nil for statements nobody could be named for.
        public var entity: Entity?
        public var statements: [Statement]
        public var name: String { entity?.name ?? "Unattributed" }
    }

    public struct TimelineEntry: Sendable {
        public var item: TimelineItem
        /// "18 August 2025", "August 2025", "2014"; for undated items the relative expression.
        public var dateText: String
        public var actorNames: [String]
    }

    public var title: String
    public var source: String?
    public var published: String?
    /// `published` as "18 August 2025".
    public var publishedText: String?
    public var keySentences: [KeySentence]
    /// The actors, most prominent first (statements, positions, then mentions): every person,
    /// organisation and group, and any other entity that speaks or holds a position.
    public var actors: [Actor]
    /// The other entities (places, events, laws that neither speak nor hold a position), most
    /// mentioned first; the exports list them on one line.
    public var otherEntities: [Entity]
    /// Statements grouped by speaker, speakers in the order they first speak; unattributed last.
    public var speakers: [Speaker]
    /// Dated timeline items, earliest first.
    public var timeline: [TimelineEntry]
    /// Relative dates that could not be resolved (`date == nil`), in article order.
    public var undatedTimeline: [TimelineEntry]
    public var generator: String

    /// A statement as shown: direct quotes in quotation marks, reported speech as such.
    public static func quoted(_ statement: Statement) -> String {
        let text = collapseWhitespace(statement.text)
        switch statement.kind {
        case .direct: return "“\(text)”"
        case .indirect: return text
        }
    }

    /// "stated on social media" — how and where it was said, when known (`CuePhrase`).
    public static func attribution(_ statement: Statement) -> String? { CuePhrase.attribution(statement) }

    public static func stanceLabel(_ stance: Stance) -> String {
        switch stance {
        case .supports: "Supports"
        case .opposes: "Opposes"
        case .neutral: "Neutral"
        case .conditional: "Conditional"
        }
    }
}

/// Builds a `Summary` from an `Analysis`.
public struct SummaryBuilder: Sendable {
    /// Bounds on the extractive summary's length.
    public var minimumSentences = 3
    public var maximumSentences = 5

    public init() {}

    /// `document` is the article's `TextDocument` when the caller already has one.
    public func build(_ analysis: Analysis, document: TextDocument? = nil) -> Summary {
        let article = analysis.article
        let entitiesByID = Dictionary(analysis.entities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let statementsByID = Dictionary(analysis.statements.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

        // Actors, most prominent first.
        var statementsOf: [String: [Statement]] = [:]
        for st in analysis.statements { if let id = st.speaker { statementsOf[id, default: []].append(st) } }
        var positionsOf: [String: [Position]] = [:]
        for p in analysis.positions { positionsOf[p.actor, default: []].append(p) }
        let ordered = analysis.entitiesByProminence()
        func isActor(_ e: Entity) -> Bool {
            [.person, .organization, .group].contains(e.type) || statementsOf[e.id] != nil || positionsOf[e.id] != nil
        }
        let actors = ordered.filter(isActor).map { e -> Summary.Actor in
            let affiliation = e.affiliation.map { entitiesByID[$0]?.name ?? $0 }
            let positions = (positionsOf[e.id] ?? []).map { p in
                let quote = p.evidence.lazy.compactMap { statementsByID[$0] }.first
                return Summary.PositionLine(position: p, quote: quote, quoteSpeaker: quote?.speaker.flatMap { entitiesByID[$0]?.name })
            }
            return Summary.Actor(entity: e, affiliationName: affiliation, positions: positions,
                                 statements: (statementsOf[e.id] ?? []).sorted { $0.start < $1.start })
        }

        // Statements by speaker, in the order speakers first speak.
        var speakerOrder: [String] = []
        var bySpeaker: [String: [Statement]] = [:]
        var unattributed: [Statement] = []
        for s in analysis.statements.sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) }) {
            if let id = s.speaker, entitiesByID[id] != nil {
                if bySpeaker[id] == nil { speakerOrder.append(id) }
                bySpeaker[id, default: []].append(s)
            } else {
                unattributed.append(s)
            }
        }
        var speakers = speakerOrder.map { Summary.Speaker(entity: entitiesByID[$0], statements: bySpeaker[$0] ?? []) }
        if !unattributed.isEmpty { speakers.append(Summary.Speaker(entity: nil, statements: unattributed)) }

        // Timeline: dated items by date (then position in the text), unresolved ones apart.
        func names(_ ids: [String]) -> [String] { ids.compactMap { entitiesByID[$0]?.name } }
        let dated = analysis.timeline.filter { $0.date != nil }
            .sorted { ($0.date ?? "", $0.start, $0.id) < ($1.date ?? "", $1.start, $1.id) }
            .map { Summary.TimelineEntry(item: $0, dateText: DateText.readable($0.date ?? ""), actorNames: names($0.actors)) }
        let undated = analysis.timeline.filter { $0.date == nil }
            .sorted { $0.start < $1.start }
            .map { Summary.TimelineEntry(item: $0, dateText: collapseWhitespace($0.relative ?? "undated"),
                                         actorNames: names($0.actors)) }

        let title = article.title.map(collapseWhitespace).flatMap { $0.isEmpty ? nil : $0 } ?? "Untitled article"
        return Summary(title: title,
                       source: article.source.flatMap { $0.isEmpty ? nil : $0 },
                       published: article.published,
                       publishedText: article.published.map(DateText.readable),
                       keySentences: keySentences(analysis, document: document),
                       actors: actors,
                       otherEntities: ordered.filter { !isActor($0) },
                       speakers: speakers,
                       timeline: dated,
                       undatedTimeline: undated,
                       generator: analysis.generator)
    }

    /// The 3–5 sentences that carry the most actors, statements and topics, in article order.
    /// With nothing to score (an empty analysis) the lead sentences stand in.
    /// Linear in the article: mentions and statements are bucketed by sentence.
    public func keySentences(_ analysis: Analysis, document given: TextDocument? = nil) -> [Summary.KeySentence] {
        let document = ArticleText(analysis, document: given)
        let all = document.sentences
        guard !all.isEmpty else { return [] }

        // For each sentence: the distinct entities mentioned and the statements overlapping it.
        var entities = [Set<String>](repeating: [], count: all.count)
        var statements = [Int](repeating: 0, count: all.count)
        func sentences(overlapping span: Span) -> ClosedRange<Int>? {
            guard span.end > span.start else { return nil }
            let first = document.sentenceIndex(at: span.start)
            var last = document.sentenceIndex(at: max(span.start, span.end - 1))
            last = max(first, last)
            return first...last
        }
        for e in analysis.entities {
            for m in e.mentions {
                guard let r = sentences(overlapping: m.span) else { continue }
                for i in r where all[i].overlaps(m.span) { entities[i].insert(e.id) }
            }
        }
        for st in analysis.statements {
            guard let r = sentences(overlapping: st.span) else { continue }
            for i in r where all[i].overlaps(st.span) { statements[i] += 1 }
        }
        let topics = Set(analysis.topics.map { $0.id.lowercased() }.filter { !$0.isEmpty })

        var scored: [(index: Int, score: Int)] = []
        for (i, s) in all.enumerated() {
            let text = document.substring(s)
            // Skip fragments with no letters (a stray "—", a number on its own line).
            guard text.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) else { continue }
            let lower = text.lowercased()
            let topicCount = topics.isEmpty ? 0 : topics.filter { lower.contains($0) }.count
            scored.append((i, entities[i].count + statements[i] + topicCount))
        }
        guard !scored.isEmpty else { return [] }
        let count = min(scored.count, max(minimumSentences, min(maximumSentences, scored.count / 6)))
        let chosen: [(index: Int, score: Int)]
        if scored.allSatisfy({ $0.score == 0 }) {
            chosen = Array(scored.prefix(count))
        } else {
            chosen = scored.sorted { ($0.score, -$0.index) > ($1.score, -$1.index) }
                .prefix(count).sorted { $0.index < $1.index }
        }
        return chosen.map { c in
            Summary.KeySentence(span: all[c.index],
                                text: collapseWhitespace(document.substring(all[c.index])),
                                score: c.score)
        }
    }

}

/// The article text cut into paragraphs and runs, each run either plain or one entity mention —
/// what the HTML and PDF exports highlight. Overlapping mentions keep the earlier, then longer one.
public struct HighlightedArticle: Sendable {
    public struct Run: Sendable, Equatable {
        public var text: String
        public var entityID: String?
        public var type: EntityType?
        public var name: String?
    }
    public var paragraphs: [[Run]]

    public init(_ analysis: Analysis, document given: TextDocument? = nil) {
        let document = ArticleText(analysis, document: given)
        let n = document.scalars.count
        var spans: [(span: Span, entity: Entity)] = []
        for e in analysis.entities {
            for m in e.mentions where m.start >= 0 && m.end <= n && m.start < m.end {
                spans.append((m.span, e))
            }
        }
        spans.sort { ($0.span.start, -$0.span.end) < ($1.span.start, -$1.span.end) }
        var kept: [(span: Span, entity: Entity)] = []
        var reach = 0
        for s in spans where s.span.start >= reach {
            kept.append(s)
            reach = s.span.end
        }
        var paragraphs: [[Run]] = []
        var k = 0
        for p in document.paragraphs where p.length > 0 {
            var runs: [Run] = []
            var cursor = p.start
            while k < kept.count, kept[k].span.end <= p.start { k += 1 }
            var j = k
            while j < kept.count, kept[j].span.start < p.end {
                let s = Span(max(kept[j].span.start, p.start), min(kept[j].span.end, p.end))
                if s.start > cursor { runs.append(Run(text: document.substring(cursor, s.start))) }
                let e = kept[j].entity
                runs.append(Run(text: document.substring(s), entityID: e.id, type: e.type, name: e.name))
                cursor = s.end
                j += 1
            }
            if cursor < p.end { runs.append(Run(text: document.substring(cursor, p.end))) }
            paragraphs.append(runs)
        }
        self.paragraphs = paragraphs
    }
}

/// Runs of whitespace (newlines included) become one space; ends are trimmed.
func collapseWhitespace(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.count)
    var pendingSpace = false
    for ch in s {
        if ch.isWhitespace {
            pendingSpace = !out.isEmpty
        } else {
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(ch)
        }
    }
    return out
}
