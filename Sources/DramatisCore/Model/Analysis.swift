import Foundation

/// The finished analysis of one article: the `dramatis.analysis/1` document.
/// The window, the exporters and the CLI read this value; none of them re-derives it.
public struct Analysis: Codable, Sendable, Equatable {
    public static let schemaName = "dramatis.analysis/1"

    public var schema: String = Analysis.schemaName
    public var generator: String = "dramatis \(DramatisVersion.string)"
    public var article: Article
    public var entities: [Entity]
    public var statements: [Statement]
    public var positions: [Position]
    public var topics: [Topic]
    public var timeline: [TimelineItem]
    /// The spans of the text's sentences and paragraphs as the analysis cut them (extra fields,
    /// nil in analyses saved before them), so exporters never tokenise the text again.
    public var sentences: [Span]?
    public var paragraphs: [Span]?

    public init(article: Article, entities: [Entity] = [], statements: [Statement] = [],
                positions: [Position] = [], topics: [Topic] = [], timeline: [TimelineItem] = [],
                sentences: [Span]? = nil, paragraphs: [Span]? = nil) {
        self.article = article
        self.sentences = sentences
        self.paragraphs = paragraphs
        self.entities = entities
        self.statements = statements
        self.positions = positions
        self.topics = topics
        self.timeline = timeline
    }

    public func entity(id: String?) -> Entity? {
        guard let id else { return nil }
        return entities.first { $0.id == id }
    }

    public func statements(by entityID: String) -> [Statement] {
        statements.filter { $0.speaker == entityID }
    }

    public func positions(of entityID: String) -> [Position] {
        positions.filter { $0.actor == entityID }
    }

    public func statement(id: String) -> Statement? {
        statements.first { $0.id == id }
    }

    /// The position's evidence statement that comes first in the text: what activating the
    /// position shows in the article.
    public func firstEvidence(of position: Position) -> Statement? {
        position.evidence.compactMap { statement(id: $0) }.min { $0.start < $1.start }
    }
}

public enum DramatisVersion {
    public static let string = "0.3.0"
}

/// A span of `Article.text` in Unicode code points, half-open.
public struct Span: Codable, Sendable, Hashable, Comparable {
    public var start: Int
    public var end: Int
    public init(_ start: Int, _ end: Int) { self.start = start; self.end = end }
    public var length: Int { end - start }
    public func overlaps(_ other: Span) -> Bool { start < other.end && other.start < end }
    public func contains(_ other: Span) -> Bool { start <= other.start && other.end <= end }
    public static func < (a: Span, b: Span) -> Bool { (a.start, a.end) < (b.start, b.end) }
}

public struct Article: Codable, Sendable, Equatable {
    public var title: String?
    /// ISO date `YYYY-MM-DD`, nil when unknown.
    public var published: String?
    public var source: String?
    /// The cleaned body text, without the title line. Never rewritten after loading.
    public var text: String
    /// Optional extras from the loader (author, site name); not part of the scored contract.
    public var author: String?
    public var siteName: String?
    /// The authors one by one, when the page lists them (`author` joins them with ", ").
    public var authors: [String]?
    /// A note on the text for the reader ("only a teaser … is in the page"), nil when there is none.
    public var notice: String?

    public init(title: String?, published: String?, source: String?, text: String,
                author: String? = nil, siteName: String? = nil, authors: [String]? = nil) {
        self.title = title
        self.published = published
        self.source = source
        self.text = text
        self.author = author
        self.siteName = siteName
        self.authors = authors
    }

    enum CodingKeys: String, CodingKey { case title, published, source, text, author, siteName = "site_name", authors, notice }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(title, forKey: .title)
        try c.encode(published, forKey: .published)
        try c.encode(source, forKey: .source)
        try c.encode(text, forKey: .text)
        try c.encodeIfPresent(author, forKey: .author)
        try c.encodeIfPresent(siteName, forKey: .siteName)
        if let authors, !authors.isEmpty { try c.encode(authors, forKey: .authors) }
        try c.encodeIfPresent(notice, forKey: .notice)
    }
}

public enum EntityType: String, Codable, Sendable, CaseIterable {
    case person, organization, place, group, event, law
    // Labels and colours: `EntityStyle`.
}

public struct Mention: Codable, Sendable, Hashable {
    public var start: Int
    public var end: Int
    public var text: String
    /// How the mention refers to the entity: name, alias, role (a description) or pronoun. Extra field.
    public var kind: String?
    public init(start: Int, end: Int, text: String, kind: String? = nil) {
        self.start = start; self.end = end; self.text = text; self.kind = kind
    }
    public var span: Span { Span(start, end) }
}

public struct Entity: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    public var type: EntityType
    public var role: String?
    public var affiliation: String?
    public var mentions: [Mention]

    public init(id: String, name: String, type: EntityType, role: String? = nil,
                affiliation: String? = nil, mentions: [Mention] = []) {
        self.id = id; self.name = name; self.type = type; self.role = role
        self.affiliation = affiliation; self.mentions = mentions
    }

    enum CodingKeys: String, CodingKey { case id, name, type, role, affiliation, mentions }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(type, forKey: .type)
        try c.encode(role, forKey: .role)
        try c.encode(affiliation, forKey: .affiliation)
        try c.encode(mentions, forKey: .mentions)
    }
}

public enum StatementKind: String, Codable, Sendable { case direct, indirect }

public struct Statement: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var speaker: String?
    public var kind: StatementKind
    public var text: String
    public var start: Int
    public var end: Int
    public var cue: String?
    public var channel: String?
    /// 0…1: how sure the attribution is (citron-style); extra field.
    public var confidence: Double?
    /// Whether the cue is a verb of saying (true) or a reported belief, intention or finding
    /// ("believes", "wants", "a poll found": false), as PolNeAR marks attributions; extra field,
    /// null when unknown.
    public var speech: Bool?

    public init(id: String, speaker: String?, kind: StatementKind, text: String, start: Int, end: Int,
                cue: String?, channel: String?, confidence: Double? = nil, speech: Bool? = nil) {
        self.id = id; self.speaker = speaker; self.kind = kind; self.text = text
        self.start = start; self.end = end; self.cue = cue; self.channel = channel
        self.confidence = confidence; self.speech = speech
    }
    public var span: Span { Span(start, end) }

    enum CodingKeys: String, CodingKey { case id, speaker, kind, text, start, end, cue, channel, confidence, speech }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(speaker, forKey: .speaker)
        try c.encode(kind, forKey: .kind)
        try c.encode(text, forKey: .text)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        try c.encode(cue, forKey: .cue)
        try c.encode(channel, forKey: .channel)
        try c.encodeIfPresent(confidence, forKey: .confidence)
        try c.encodeIfPresent(speech, forKey: .speech)
    }
}

public enum Stance: String, Codable, Sendable, CaseIterable {
    case supports, opposes, neutral, conditional
}

public struct Position: Codable, Sendable, Equatable {
    public var actor: String
    public var topic: String
    public var stance: Stance
    public var summary: String
    public var evidence: [String]
    /// 0…1: the learnt probability that a careful reader would list this position (extra field).
    public var confidence: Double?
    /// The stance each evidence statement takes, in `evidence` order (extra field).
    public var evidenceStances: [Stance]?
    /// Set when the actor changes sides within the article (extra field).
    public var shift: StanceShift?
    public init(actor: String, topic: String, stance: Stance, summary: String, evidence: [String],
                confidence: Double? = nil, evidenceStances: [Stance]? = nil, shift: StanceShift? = nil) {
        self.actor = actor; self.topic = topic; self.stance = stance; self.summary = summary; self.evidence = evidence
        self.confidence = confidence; self.evidenceStances = evidenceStances; self.shift = shift
    }
    enum CodingKeys: String, CodingKey { case actor, topic, stance, summary, evidence, confidence, evidenceStances = "evidence_stances", shift }
}

/// A change of side within one article: `from` up to statement `at`, `to` from there on.
public struct StanceShift: Codable, Sendable, Equatable {
    public var from: Stance
    public var to: Stance
    public var at: String
    public init(from: Stance, to: Stance, at: String) { self.from = from; self.to = to; self.at = at }
}

public struct Topic: Codable, Sendable, Equatable {
    public var id: String
    public var mentions: Int
    public init(id: String, mentions: Int) { self.id = id; self.mentions = mentions }
}

public enum DatePrecision: String, Codable, Sendable { case year, month, day }

public struct TimelineItem: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    /// ISO `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; nil when a relative date cannot be resolved.
    public var date: String?
    public var precision: DatePrecision
    public var relative: String?
    public var label: String
    public var start: Int
    public var end: Int
    public var actors: [String]

    public init(id: String, date: String?, precision: DatePrecision, relative: String?, label: String,
                start: Int, end: Int, actors: [String]) {
        self.id = id; self.date = date; self.precision = precision; self.relative = relative
        self.label = label; self.start = start; self.end = end; self.actors = actors
    }

    enum CodingKeys: String, CodingKey { case id, date, precision, relative, label, start, end, actors }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(date, forKey: .date)
        try c.encode(precision, forKey: .precision)
        try c.encode(relative, forKey: .relative)
        try c.encode(label, forKey: .label)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        try c.encode(actors, forKey: .actors)
    }
}

extension Analysis {
    /// The canonical JSON text of the document (pretty, stable key order).
    public func jsonData(pretty: Bool = true) throws -> Data {
        var writer = AnalysisJSONWriter(pretty: pretty, capacity: article.text.utf8.count * 3 + 4096)
        writer.write(self)
        return Data(writer.bytes)
    }

    public static func decode(from data: Data) throws -> Analysis {
        try JSONDecoder().decode(Analysis.self, from: data)
    }
}
