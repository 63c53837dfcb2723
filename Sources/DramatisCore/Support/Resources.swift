import Foundation

/// The lexicons and gazetteers under `data/`, loaded once. Each file states its source in its
/// first line; lines starting with `#` are comments, columns are tab-separated.
public final class Resources: Sendable {
    public struct Country: Sendable {
        public let name: String
        public let alpha2: String
        public let demonyms: [String]
        public let capital: String
    }

    public struct SpeechVerb: Sendable {
        public let lemma: String
        public let isSpeech: Bool
    }

    public let abbreviations: Set<String>
    public let titleAbbreviations: Set<String>
    /// honorific → gender ("m", "f", "?")
    public let honorifics: [String: String]
    /// role title (as written) → is a head of state/government
    public let roles: [String: Bool]
    /// lower-case role noun → is a leader
    public let roleNouns: [String: Bool]
    public let countries: [Country]
    /// any spelling (country name, alias) → canonical country name
    public let countryNames: [String: String]
    /// demonym ("Ukrainian") → canonical country name
    public let demonyms: [String: String]
    /// demonym of a region or nation that is not a country ("Welsh") → place name
    public let extraDemonyms: [String: String]
    /// place name → (kind, country)
    public let places: [String: String]
    /// Towns and cities beside `places`, read with more care (CityReading).
    public let cities: [String: City]
    /// Cue verbs whose object is what the statement is about ("rejected the plan"), and words
    /// that open a reported clause without "that" (data/lexicons/statement-words.tsv).
    public let objectCueVerbs: Set<String>, clauseStarters: Set<String>
    public struct City: Sendable { public let country: String; public let big: Bool }
    /// organisation spelling → (canonical, type)
    public let organizations: [String: (canonical: String, type: EntityType)]
    /// metonym spelling → (canonical, country)
    public let metonyms: [String: (canonical: String, country: String)]
    public let platforms: Set<String>
    /// region spelling → canonical
    public let regions: [String: String]
    /// The most spaces in any gazetteer spelling (countries, metonyms, organisations, regions,
    /// platforms, places): a longer run of words cannot match, so lookups need not try it.
    public let gazetteerMaxSpaces: Int
    /// The first words (up to the first space) of those spellings: a text whose first word is
    /// none of them matches no spelling, which spares the lookups in every table.
    public let gazetteerFirstWords: Set<String>
    /// keyword → (type, position)
    public let entityKeywords: [String: (type: EntityType, position: String)]
    public let groupNouns: Set<String>
    /// head noun of an unnamed speaker → type ("source" → person, "bank" → organization)
    public let speakerNouns: [String: EntityType]
    /// plural speaker nouns that name documents or numbers, not people ("figures", "polls")
    public let impersonalSpeakerNouns: Set<String>
    /// a party's member as a noun ("Republican", "Democrat"): heads a description of a person
    public let partyMemberNouns: Set<String>
    /// lower-case noun after a name → type ("summit" → event, "inquiry" → organization)
    public let eventNouns: [String: EntityType]
    public let institutionNouns: [[String]]
    public let postnominals: Set<String>
    /// given name → gender
    public let givenNames: [String: String]
    /// lower-case word → Zipf frequency
    public let wordFrequency: [String: Double]
    public let speechVerbs: [String: SpeechVerb]
    /// channel phrase (lower-case words) → channel name
    public let channels: [(words: [String], channel: String)]
    /// `channels` by their first word, longest first.
    public let channelsByFirstWord: [String: [(words: [String], channel: String)]]
    /// channel name → how a summary writes it ("press conference" → "at a press conference"):
    /// the first phrase of `channels.tsv` for it that starts with a preposition.
    public let channelPhrases: [String: String]
    /// speech-verb lemma → its past form ("say" → "said", "state" → "stated"), from `speech-verbs.tsv`.
    public let speechVerbPast: [String: String]
    public let reportingPatterns: [(words: [String], cue: String)]
    /// Words that may stand between a speaker and its speech verb ("has", "also", "himself").
    public let speechModifiers: Set<String>
    /// Prepositions (`data/lexicons/prepositions.txt`): a mention after one is no subject.
    public let prepositions: Set<String>
    /// pronoun → (gender, number)
    public let pronouns: [String: (gender: String, number: String)]
    /// Cue phrases of the positions stage (`data/lexicons/position-cues.tsv`), features of its models.
    public let positionCues: PositionCueLexicon
    /// News outlets and agencies (`data/lexicons/news-outlets.txt`): never the holder of a position.
    public let newsOutlets: NewsOutlets
    /// Phrase shapes that name no issue (`data/lexicons/issue-shape.tsv`).
    public let issueShape: IssueShape
    /// The learnt stance and confidence weights (`data/models/positions.tsv`).
    public let positionModel: PositionModel
    public let temporalWords: TemporalLexicon
    public let stopwords: Set<String>
    /// topic word → canonical word ("deal" → "agreement")
    public let topicSynonyms: [String: String]
    /// The learnt cue and speaker models of attribution (`models/attribution.tsv`); empty in
    /// the rules-only resources that `AttributionTrainer` reads with, so training sees what the
    /// rules alone see and does not depend on the model it replaces.
    public let attribution: AttributionModel
    /// The learnt named-entity tagger (`models/entities.tsv`).
    public let entityTagger: EntityTagger
    /// The tokenizer's and sentence splitter's lists, from the lexicons above.
    public let textRules: TextRules

    public static let shared: Resources = Resources(directory: DataDirectory.shared)

    /// Data files that could not be read; analysis without them would be silently wrong.
    public let missingFiles: [String]

    /// `learnt: false` leaves the learnt attribution model out (the trainer's view of the text).
    public init(directory: URL?, learnt: Bool = true) {
        var missing: [String] = []
        func rows(_ name: String) -> [[String]] {
            var out: [[String]] = []
            eachRow(name) { out.append($0) }
            return out
        }
        // The large word lists row by row: no table of them all is ever held (less peak memory).
        func eachRow(_ name: String, _ body: ([String]) -> Void) {
            guard let dir = directory, let data = FileManager.default.contents(atPath: dir.appendingPathComponent(name).path) else {
                missing.append(name)
                return
            }
            Resources.forEachRow(data, body)
        }
        func list(_ s: String) -> [String] { s.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        func col(_ r: [String], _ i: Int) -> String { i < r.count ? r[i] : "" }
        // The entity model (164,000 rows, a third of this reading) on a thread of its own meanwhile.
        let tagger = Background { () -> EntityTagger? in
            guard let dir = directory, let data = FileManager.default.contents(atPath: dir.appendingPathComponent("models/entities.tsv").path) else { return nil }
            return EntityTagger(model: LinearModel(table: data))
        }

        let abbr = rows("lexicons/abbreviations.txt")
        abbreviations = Set(abbr.map { col($0, 1) })
        titleAbbreviations = Set(abbr.filter { col($0, 0) == "title" }.map { col($0, 1) })
        honorifics = Dictionary(rows("lexicons/honorifics.txt").map { (col($0, 0), col($0, 1)) }, uniquingKeysWith: { a, _ in a })
        roles = Dictionary(rows("lexicons/roles.txt").map { (col($0, 0), col($0, 1) == "1") }, uniquingKeysWith: { a, _ in a })
        roleNouns = Dictionary(rows("lexicons/role-nouns.txt").map { (col($0, 0), col($0, 1) == "1") }, uniquingKeysWith: { a, _ in a })

        var countries: [Country] = [], names: [String: String] = [:], dem: [String: String] = [:]
        for r in rows("gazetteer/countries.tsv") {
            let name = col(r, 0)
            let c = Country(name: name, alpha2: col(r, 1), demonyms: list(col(r, 4)), capital: col(r, 5))
            countries.append(c)
            names[name] = name
            for a in list(col(r, 3)) where names[a] == nil { names[a] = name }
            for d in c.demonyms where dem[d] == nil { dem[d] = name }
        }
        self.countries = countries
        countryNames = names
        demonyms = dem

        var freq: [String: Double] = Dictionary(minimumCapacity: 40_000)
        eachRow("lexicons/english-frequency.tsv") { r in
            let word = col(r, 0)
            if freq[word] == nil { freq[word] = Double(col(r, 1)) ?? 0 }
        }
        wordFrequency = freq

        let placeRows = rows("gazetteer/places.tsv")
        let statementWords = rows("lexicons/statement-words.tsv")
        objectCueVerbs = Set(statementWords.filter { col($0, 0) == "object-verb" }.map { col($0, 1) })
        clauseStarters = Set(statementWords.filter { col($0, 0) == "clause-starter" }.map { col($0, 1) })
        var regions: [String: String] = [:]
        for r in rows("lexicons/regions.tsv") {
            regions[col(r, 0)] = col(r, 0)
            for a in list(col(r, 1)) { regions[a] = col(r, 0) }
        }
        self.regions = regions
        extraDemonyms = Dictionary(rows("lexicons/demonyms-extra.tsv").map { (col($0, 0), col($0, 1)) }, uniquingKeysWith: { a, _ in a })

        var orgs: [String: (canonical: String, type: EntityType)] = [:]
        for r in rows("lexicons/organizations.tsv") {
            let type = EntityType(rawValue: col(r, 1)) ?? .organization
            orgs[col(r, 0)] = (col(r, 0), type)
            for a in list(col(r, 2)) { orgs[a] = (col(r, 0), type) }
        }
        organizations = orgs
        var met: [String: (canonical: String, country: String)] = [:]
        for r in rows("lexicons/metonyms.tsv") {
            met[col(r, 0)] = (col(r, 0), col(r, 2))
            for a in list(col(r, 3)) { met[a] = (col(r, 0), col(r, 2)) }
        }
        metonyms = met
        platforms = Set(rows("lexicons/platforms.txt").map { col($0, 0) })
        var kw: [String: (type: EntityType, position: String)] = [:]
        for r in rows("lexicons/entity-keywords.tsv") {
            kw[col(r, 0)] = (EntityType(rawValue: col(r, 1)) ?? .organization, col(r, 2))
        }
        entityKeywords = kw
        groupNouns = Set(rows("lexicons/group-nouns.txt").map { col($0, 0) })
        speakerNouns = Dictionary(rows("lexicons/speaker-nouns.tsv").compactMap { r in EntityType(rawValue: col(r, 1)).map { (col(r, 0), $0) } },
                                  uniquingKeysWith: { a, _ in a })
        impersonalSpeakerNouns = Set(rows("lexicons/impersonal-speaker-nouns.txt").map { col($0, 0) })
        partyMemberNouns = Set(rows("lexicons/party-member-nouns.txt").map { col($0, 0) })
        eventNouns = Dictionary(rows("lexicons/event-nouns.tsv").compactMap { r in EntityType(rawValue: col(r, 1)).map { (col(r, 0), $0) } },
                                uniquingKeysWith: { a, _ in a })
        institutionNouns = rows("lexicons/institution-nouns.txt").map { col($0, 0).split(separator: " ").map(String.init) }
            .sorted { $0.count > $1.count }
        let stop = Set(rows("lexicons/stopwords.txt").map { col($0, 0) })
        // A "name" that is mostly an English function or very common word ("The", "Will") is no evidence.
        var given: [String: String] = Dictionary(minimumCapacity: 34_000)
        eachRow("lexicons/given-names.tsv") { r in
            let n = col(r, 0), l = n.lowercased()
            if given[n] == nil, !stop.contains(l), (freq[l] ?? 0) < 5.5 { given[n] = col(r, 1) }
        }
        givenNames = given
        // One-word place names that are ordinary words ("Central", "Reading") or frequent given names
        // ("Paul") are too ambiguous to stand alone; word frequency alone would drop "California".
        let ordinaryPlaceNames = Set(rows("lexicons/ordinary-place-names.txt").map { col($0, 0) })
        func ambiguous(_ name: String) -> Bool {
            // Bytes, not Foundation's search (most of the start-up's cost of the cities); no name
            // in data/gazetteer has a space or hyphen that a combining mark could join.
            !name.utf8.contains(0x20) && !name.utf8.contains(0x2D)
                && (ordinaryPlaceNames.contains(name) || given[name] != nil && (freq[name.lowercased()] ?? 0) > 4.7)
        }
        var places: [String: String] = [:]
        for r in placeRows {
            let name = col(r, 0)
            if ambiguous(name), col(r, 2) != "capital" { continue }
            if places[name] == nil { places[name] = col(r, 1) }
        }
        self.places = places
        cities = Resources.cities(rows("gazetteer/cities.tsv"), besides: places, ambiguous: ambiguous)
        postnominals = Set(rows("lexicons/postnominals.txt").map { col($0, 0) })
        var verbs: [String: SpeechVerb] = [:]
        for r in rows("lexicons/speech-verbs.tsv") {
            verbs[col(r, 0)] = SpeechVerb(lemma: col(r, 1), isSpeech: col(r, 2) != "belief")
        }
        speechVerbs = verbs
        var past: [String: String] = [:]
        for (form, verb) in verbs where !form.hasSuffix("ing") && !form.hasSuffix("s") && form != verb.lemma {
            // "said" or "stated"; a lemma with two such forms keeps the "-ed" one.
            if past[verb.lemma] == nil || form.hasSuffix("ed") { past[verb.lemma] = form }
        }
        speechVerbPast = past
        var phrases: [String: String] = [:]
        for r in rows("lexicons/channels.tsv") where phrases[col(r, 1)] == nil {
            let words = col(r, 0).split(separator: " ").map(String.init), channel = col(r, 1)
            guard let first = words.first, ["on", "in", "at", "during"].contains(first) else { continue }
            // "on x" → "on X": the phrase's own words before the channel's, then its name as spelt.
            let name = channel.lowercased().split(separator: " ").map(String.init)
            phrases[channel] = words.count > name.count && Array(words.suffix(name.count)) == name
                ? (words.dropLast(name.count) + [channel]).joined(separator: " ") : words.joined(separator: " ")
        }
        channelPhrases = phrases
        channels = rows("lexicons/channels.tsv").map { (col($0, 0).split(separator: " ").map(String.init), col($0, 1)) }
            .sorted { $0.words.count > $1.words.count }
        channelsByFirstWord = Dictionary(grouping: channels, by: { $0.words.first ?? "" })
        speechModifiers = Set(rows("lexicons/speech-modifiers.txt").map { col($0, 0) })
        prepositions = Set(rows("lexicons/prepositions.txt").map { col($0, 0) })
        reportingPatterns = rows("lexicons/reporting-patterns.tsv").map { (col($0, 0).split(separator: " ").map(String.init), col($0, 1)) }
        var pro: [String: (gender: String, number: String)] = [:]
        for r in rows("lexicons/pronouns.tsv") { pro[col(r, 0)] = (col(r, 1), col(r, 2)) }
        pronouns = pro
        positionCues = PositionCueLexicon(rows: rows("lexicons/position-cues.tsv"))
        newsOutlets = NewsOutlets(rows: rows("lexicons/news-outlets.txt"))
        issueShape = IssueShape(rows: rows("lexicons/issue-shape.tsv"))
        positionModel = PositionModel(rows: rows("models/positions.tsv"))
        temporalWords = TemporalLexicon(rows: rows("lexicons/temporal.tsv"))
        stopwords = stop
        topicSynonyms = Dictionary(rows("lexicons/topic-synonyms.tsv").map { (col($0, 0), col($0, 1)) }, uniquingKeysWith: { a, _ in a })
        attribution = learnt ? AttributionModel(rows: rows("models/attribution.tsv")) : AttributionModel()
        // 164,000 rows: read from the bytes (LinearModel(table:)), not as a table of strings.
        if let read = tagger.value {
            entityTagger = read
        } else {
            missing.append("models/entities.tsv")
            entityTagger = EntityTagger(model: LinearModel(rows: []))
        }
        missingFiles = missing
        let spellings = [Array(countryNames.keys), Array(metonyms.keys), Array(organizations.keys), Array(regions.keys),
                         Array(platforms), Array(places.keys)].joined()
        gazetteerMaxSpaces = spellings.map { $0.utf8.reduce(0) { $0 + ($1 == 0x20 ? 1 : 0) } }.max() ?? 0
        gazetteerFirstWords = Set(spellings.map { String($0.prefix { $0 != " " }) })
        textRules = TextRules(abbreviations: abbreviations, functionWords: stopwords, titleAbbreviations: titleAbbreviations,
                              speechVerbs: Set(speechVerbs.filter { $0.value.isSpeech }.keys), wordFrequency: wordFrequency)
    }

    /// Towns and cities of GeoNames (15,000 people or more) that are not already places, less
    /// the one-word names too ambiguous to read as a town at all unless the city is big
    /// ("Shanghai" stays, "Nice" and "Reading" go).
    static func cities(_ rows: [[String]], besides places: [String: String], ambiguous: (String) -> Bool) -> [String: City] {
        var out: [String: City] = Dictionary(minimumCapacity: rows.count)
        for r in rows where r.count >= 3 {
            let name = r[0]
            guard places[name] == nil, let population = Int(r[2]) else { continue }
            let big = population >= 1_000_000
            if !big, ambiguous(name) { continue }
            out[name] = City(country: r[1], big: big)
        }
        return out
    }

    /// Splits a UTF-8 table into rows of tab-separated, space-trimmed columns, skipping `#`
    /// comments and blank lines. Works on bytes: the lexicons are read at every start-up.
    public static func parseTable(_ data: Data) -> [[String]] {
        var out: [[String]] = []
        forEachRow(data) { out.append($0) }
        return out
    }

    /// `parseTable`, one row at a time.
    static func forEachRow(_ data: Data, _ body: ([String]) -> Void) {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            let n = bytes.count
            var lineStart = 0
            while lineStart < n {
                var lineEnd = lineStart
                while lineEnd < n, bytes[lineEnd] != 0x0A { lineEnd += 1 }
                var end = lineEnd
                if end > lineStart, bytes[end - 1] == 0x0D { end -= 1 }
                if end > lineStart, bytes[lineStart] != 0x23 { // '#'
                    var row: [String] = []
                    row.reserveCapacity(4)
                    var colStart = lineStart
                    var i = lineStart
                    while i <= end {
                        if i == end || bytes[i] == 0x09 {
                            var a = colStart, b = i
                            while a < b, bytes[a] == 0x20 { a += 1 }
                            while b > a, bytes[b - 1] == 0x20 { b -= 1 }
                            row.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[a..<b]), as: UTF8.self))
                            colStart = i + 1
                        }
                        i += 1
                    }
                    body(row)
                }
                lineStart = lineEnd + 1
            }
        }
    }

    /// Zipf frequency of a lower-cased word (0 when rare or unknown).
    public func zipf(_ word: String) -> Double {
        // Most callers pass a token's lower-cased form: ASCII without capitals needs no new string.
        if word.utf8.allSatisfy({ $0 < 0x80 && !($0 >= 0x41 && $0 <= 0x5A) }) { return wordFrequency[word] ?? 0 }
        return wordFrequency[word.lowercased()] ?? 0
    }

    /// A common English word (so a capitalised occurrence at a sentence start is not a name).
    public func isCommonWord(_ word: String) -> Bool { zipf(word) >= 3.5 }
}

/// A value computed on a thread of its own (not the shared pools, whose threads may all be
/// busy or blocked), waited for when needed.
final class Background<Value>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        let thread = Thread { self.result = work(); self.done.signal() }
        thread.qualityOfService = .userInitiated
        thread.start()
    }

    /// The value (the first read waits for it).
    var value: Value {
        done.wait()
        done.signal()
        return result!
    }
}
