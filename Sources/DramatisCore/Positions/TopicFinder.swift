import Foundation

/// A topic of the article: a salient noun phrase, merged over plural and synonym variants.
public struct FoundTopic: Sendable, Equatable {
    public var id: String
    public var mentions: Int
    /// Normalised word keys ("security guarante", "agreement") that identify the topic in text.
    public var key: [String]
    /// Token ranges where it is mentioned.
    public var occurrences: [Range<Int>]
}

/// Finds the issues an article is about: repeated one- to three-word phrases of content words
/// (outside names), ranked by count and by how rare their words are in general English
/// (Zipf frequency from `english-frequency.tsv`). Not a fixed list.
public struct TopicFinder: Sendable {
    let resources: Resources
    public init(resources: Resources) { self.resources = resources }

    public static let maximumTopics = 8

    /// Normalised form of a topic word: lower-cased, synonyms mapped, plural "s" dropped.
    public static func normalize(_ word: String, _ res: Resources) -> String {
        var w = word.lowercased()
        if w.unicodeScalars.contains("’") { w = String(w.map { $0 == "’" ? "'" : $0 }) }
        if let s = res.topicSynonyms[w] { w = s }
        if w.hasSuffix("ies"), w.count > 4 { w = String(w.dropLast(3)) + "y" }
        else if w.hasSuffix("s"), !w.hasSuffix("ss"), w.count > 3 { w.removeLast() }
        return w
    }

    func isContentWord(_ t: Token, entityToken: Bool, sentenceInitial: Bool = false) -> Bool {
        guard t.kind == .word, !entityToken, t.text.utf8.count >= 4 else { return false }
        let l = t.lower
        let z = resources.zipf(l)
        // A capitalised word is a name or an adjective of one ("Russian"), unless it only starts a sentence.
        if t.isCapitalized && (z < 3.0 || !sentenceInitial || resources.demonyms[t.text] != nil) { return false }
        // Very frequent words ("year", "people", "made") say little about the subject.
        if z >= 5.6 { return false }
        if l.hasSuffix("ly") { return false }
        if resources.stopwords.contains(l) || resources.speechVerbs[l] != nil { return false }
        // A verb of attaining names no issue ("achieve justice" is about justice).
        if resources.positionCues.byFirstWord[l]?.contains(where: { $0.cls == .attain }) == true { return false }
        if l.count < 4 { return false }
        if l.hasSuffix("ed") && z > 3.5 { return false }
        // Superlatives ("poorest") describe, they are not issues.
        if l.hasSuffix("est"), l.count > 6, resources.zipf(String(l.dropLast(3))) > 4 || resources.zipf(String(l.dropLast(4))) > 4 { return false }
        return true
    }

    public func find(_ document: TextDocument, entities: EntityResult? = nil) -> [FoundTopic] {
        let tokens = document.tokens
        let n = tokens.count
        var isEntity = [Bool](repeating: false, count: n)
        if let entities { for m in entities.mentions where m.kind != .pronoun { for t in m.tokens { isEntity[t] = true } } }
        // Runs of content words; every 1- to 3-gram inside a run is a candidate.
        var counts: [[String]: (count: Int, surface: [String: Int], occurrences: [Range<Int>])] = [:]
        // Each token's normalised form, computed once (every token is in up to three n-grams).
        var norm = [String](repeating: "", count: n)
        var i = 0
        while i < n {
            let initial = i == 0 || (document.sentenceOfToken[i] != document.sentenceOfToken[i - 1]) || tokens[i - 1].isQuote
            guard isContentWord(tokens[i], entityToken: isEntity[i], sentenceInitial: initial) else { i += 1; continue }
            var j = i + 1
            while j < n, isContentWord(tokens[j], entityToken: isEntity[j]), tokens[j].spaceBefore { j += 1 }
            for a in i..<j { norm[a] = TopicFinder.normalize(tokens[a].text, resources) }
            for a in i..<j {
                for len in 1...3 where a + len <= j {
                    let r = a..<(a + len)
                    let key = Array(norm[r])
                    let surface = r.map { tokens[$0].lower }.joined(separator: " ")
                    // Mutated in place: a copy out of the dictionary would copy `occurrences` at every append.
                    TopicFinder.count(&counts[key, default: (0, [:], [])], surface: surface, occurrence: r)
                }
            }
            i = j
        }
        // Salience: repeated, specific phrases; a multi-word phrase needs two mentions, a single
        // word three and rarity.
        var scored: [(key: [String], score: Double)] = []
        for (key, entry) in counts {
            let rarity = key.map { max(0.5, 6.5 - resources.zipf($0)) }.reduce(0, +) / Double(key.count)
            // A single word needs three mentions, or two when it is rare in general English; a
            // fairly common word ("advice") counts when the article keeps coming back to it.
            if key.count == 1 && (entry.count < 2 || (entry.count == 2 && rarity < 3.0) || rarity < (entry.count >= 5 ? 1.4 : 1.8)) { continue }
            if key.count > 1 && entry.count < 2 { continue }
            let score = Double(entry.count) * rarity * (1 + 0.6 * Double(key.count - 1))
            scored.append((key, score))
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.key.joined() < $1.key.joined() }
        var chosen: [[String]] = []
        for (key, _) in scored {
            // Skip a phrase inside a chosen one, or one that extends a chosen word by a weak word.
            if chosen.contains(where: { contains($0, key) || contains(key, $0) }) { continue }
            chosen.append(key)
            if chosen.count == TopicFinder.maximumTopics { break }
        }
        // A word that mostly appears inside one longer phrase is named by it
        // ("guarantees" → "security guarantees").
        chosen = chosen.map { key in
            guard key.count == 1, let entry = counts[key] else { return key }
            let longer = counts.filter { $0.key.count == 2 && $0.key.last == key[0] && $0.value.count >= max(2, entry.count * 3 / 10) }
            return longer.max { $0.value.count != $1.value.count ? $0.value.count < $1.value.count : $0.key.joined() > $1.key.joined() }?.key ?? key
        }
        var unique: [[String]] = []
        for k in chosen where !unique.contains(k) { unique.append(k) }
        // A word already part of a chosen phrase is that topic ("peace" beside "peace agreement").
        chosen = unique.filter { k in !(k.count == 1 && unique.contains { $0.count > 1 && $0.contains(k[0]) }) }
        var topics: [FoundTopic] = []
        // Actions between two actors ("Ukraine joining Nato", "Britain leaving the EU") are
        // issues in their own right, even when named once.
        if let entities {
            var actionNames = Set<String>()
            for (mi, m) in entities.mentions.enumerated() where m.kind == .name || m.kind == .alias {
                let v = m.tokens.upperBound
                guard v + 1 < n, tokens[v].kind == .word, tokens[v].lower.hasSuffix("ing"), tokens[v].lower.count > 5,
                      !tokens[v].isCapitalized else { continue }
                var o = v + 1
                if tokens[o].lower == "the" { o += 1 }
                guard let other = entities.mention(atToken: o), other.entity != m.entity, mi >= 0 else { continue }
                let kinds: Set<EntityType> = [.place, .organization, .group, .person]
                guard kinds.contains(entities.entities[m.entity].type), kinds.contains(entities.entities[other.entity].type) else { continue }
                let r = m.tokens.lowerBound..<other.tokens.upperBound
                let name = "\(entities.entities[m.entity].name) \(tokens[v].lower) \(entities.entities[other.entity].name)"
                if !actionNames.insert(name).inserted { continue }
                topics.append(FoundTopic(id: name, mentions: 1, key: [name.lowercased()], occurrences: [r]))
            }
        }
        for key in chosen {
            guard let entry = counts[key] else { continue }
            let surface = entry.surface.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }!.key
            // A topic's mentions include its head word alone ("the guarantees" for "security guarantees").
            var occurrences = entry.occurrences
            if key.count > 1, let head = key.last, let headEntry = counts[[head]] {
                // Head occurrences are single tokens, distinct from one another: one overlaps the
                // list only where a phrase occurrence covers its token.
                var covered = Set<Int>()
                for r in entry.occurrences { for t in r { covered.insert(t) } }
                for r in headEntry.occurrences where !(r.count == 1 ? covered.contains(r.lowerBound) : occurrences.contains(where: { $0.overlaps(r) })) {
                    occurrences.append(r)
                }
            }
            topics.append(FoundTopic(id: canonicalName(surface, key), mentions: occurrences.count, key: key,
                                     occurrences: occurrences.sorted { $0.lowerBound < $1.lowerBound }))
        }
        topics.sort { $0.mentions != $1.mentions ? $0.mentions > $1.mentions : $0.id < $1.id }
        return topics
    }

    static func count(_ entry: inout (count: Int, surface: [String: Int], occurrences: [Range<Int>]), surface: String, occurrence r: Range<Int>) {
        entry.count += 1
        entry.surface[surface, default: 0] += 1
        entry.occurrences.append(r)
    }

    /// The surface form with synonyms mapped ("peace deal" → "peace agreement"), so merged
    /// variants share one name.
    func canonicalName(_ surface: String, _ key: [String]) -> String {
        let words = surface.split(separator: " ").map(String.init)
        return words.enumerated().map { i, w in
            if let s = resources.topicSynonyms[w] { return i == words.count - 1 && w.hasSuffix("s") && !s.hasSuffix("s") ? s + "s" : s }
            return w
        }.joined(separator: " ")
    }

    func contains(_ a: [String], _ b: [String]) -> Bool {
        guard a.count > b.count else { return false }
        for s in 0...(a.count - b.count) where Array(a[s..<(s + b.count)]) == b { return true }
        return false
    }
}
