import Foundation

/// Fits the attribution model on gold articles (`NAME.txt` + `NAME.gold.json`, the format of
/// shared/spec/gold-format.md with PolNeAR's `cue` and `source_text` fields): `dramatis train
/// attribution --data DIR`. Deterministic for a given seed; the texts are only read, never stored.
public struct AttributionTrainer {
    public var epochs = 8
    /// Features seen in fewer training examples are dropped (chosen on polnear-dev).
    public var minFeatureCount = 5
    public var seed: UInt64 = 1
    /// Use only the first N articles (sorted by name): the small-slice test.
    public var limit: Int?
    let resources: Resources

    /// Training reads the text with the rules alone (no learnt attribution model) unless told otherwise.
    public init(resources: Resources? = nil) { self.resources = resources ?? Resources(directory: DataDirectory.shared, learnt: false) }

    public struct Result {
        public var rows: [String]
        public var report: [String]
        public var model: AttributionModel
    }

    /// Words that may stand before the verb of a cue without being it ("has said", "also told").
    static let cueFillers: Set<String> = ["has", "have", "had", "is", "are", "was", "were", "be", "been", "being", "also",
                                          "would", "will", "did", "does", "do", "to", "can", "could", "may", "might",
                                          "should", "not", "'s", "’s", "a", "an", "the", "in", "then", "later",
                                          "repeatedly", "often", "again", "further", "publicly", "previously"]

    /// The word of a gold cue that carries it ("has repeatedly said" → "said"; "according to" → "according").
    static func headWord(ofCue cue: String) -> String? {
        let words = cue.lowercased().split(whereSeparator: { $0 == " " || $0 == "\n" })
            .map { $0.trimmingCharacters(in: .punctuationCharacters) }.filter { !$0.isEmpty }
        // An adverb before the verb is not the cue ("privately express", "barely mentioned"):
        // the verb after it is, so the cue lands where the speaker rules look from.
        let content = words.indices.filter { !cueFillers.contains(words[$0]) }
        let verb = content.first { k in !(isAdverb(words[k]) && content.contains { $0 > k }) }
        return verb.map { words[$0] }
    }

    static func isAdverb(_ w: String) -> Bool { isLyAdverb(w) }

    struct Article {
        var name: String
        var doc: TextDocument
        var entities: EntityResult
        /// Gold attributions located in the text: content span (code points) and cue head word.
        var gold: [GoldAttribution]
    }

    /// Reads and analyses each gold article up to the entity stage and locates its gold
    /// attributions; also counts the head nouns of unnamed gold speakers by type.
    func read(_ directory: URL) throws -> (articles: [Article], total: Int, unlocated: Int, nounTypes: [String: [String: Int]]) {
        let fm = FileManager.default
        var names = try fm.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".gold.json") }
            .map { String($0.dropLast(".gold.json".count)) }.sorted()
        if let limit { names = Array(names.prefix(limit)) }
        guard !names.isEmpty else { throw LoadError.unsupported(directory.path, detail: "no NAME.gold.json files to train on") }

        var articles: [Article] = []
        var unlocated = 0, total = 0
        var nounTypes: [String: [String: Int]] = [:]
        for name in names {
            let txt = directory.appendingPathComponent("\(name).txt").path
            let goldURL = directory.appendingPathComponent("\(name).gold.json")
            guard let raw = try? String(contentsOfFile: txt, encoding: .utf8),
                  let data = fm.contents(atPath: goldURL.path),
                  let gold = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { continue }
            let article = try ArticleLoader.parsePlainText(raw, source: txt)
            let doc = TextDocument(article.text)
            let entities = EntityRecognizer(resources: resources).recognize(doc)
            var types: [String: String] = [:]
            for e in (gold["entities"] as? [[String: Any]]) ?? [] { if let n = e["name"] as? String { types[n] = e["type"] as? String } }
            for s in (gold["statements"] as? [[String: Any]]) ?? [] where (s["speaker_resolution"] as? String) == "nominal" {
                guard let source = s["source_text"] as? String, let head = AttributionTrainer.headNoun(of: source),
                      let speaker = s["speaker"] as? String, let type = types[speaker] else { continue }
                nounTypes[head, default: [:]][type, default: 0] += 1
            }
            var located: [(Span, String?, Bool, String?)] = []
            var used = Set<Int>()
            for s in (gold["statements"] as? [[String: Any]]) ?? [] {
                guard let text = s["text"] as? String, !text.isEmpty else { continue }
                total += 1
                guard let start = AttributionTrainer.find(Array(text.unicodeScalars), in: doc.scalars, avoiding: &used) else { unlocated += 1; continue }
                let span = Span(start, start + text.unicodeScalars.count)
                located.append((span, (s["cue"] as? String).flatMap(AttributionTrainer.headWord(ofCue:)),
                                (s["speech"] as? Bool) ?? true, s["source_text"] as? String))

            }
            articles.append(Article(name: name, doc: doc, entities: entities, gold: located))
        }

        return (articles, total, unlocated, nounTypes)
    }

    /// Figures of the shipped model on gold articles it was not trained on (polnear-dev):
    /// cue precision/recall over candidate words, and speaker accuracy on the gold cues for
    /// the rules alone, the ranker alone and the two as the statements stage combines them.
    public func diagnose(data directory: URL) throws -> [String] {
        let resources = Resources.shared   // the shipped model, as `analyze` runs it
        let (articles, _, _, _) = try AttributionTrainer(resources: resources).read(directory)
        var tp = 0, fp = 0, fn = 0, ruleRight = 0, rankerRight = 0, combinedRight = 0, cues = 0, ruleNone = 0, ruleNoneRankerRight = 0
        for a in articles {
            let pass = StatementPass(doc: a.doc, res: resources, entities: a.entities)
            let positives = cueTokens(a)
            for i in a.doc.tokens.indices where pass.isCueCandidate(i) {
                let yes = pass.lexiconCue(i) || pass.cueScore(i) > 0
                let gold = positives[i] != nil
                if yes && gold { tp += 1 } else if yes { fp += 1 } else if gold { fn += 1 }
            }
            fn += positives.keys.filter { !pass.isCueCandidate($0) }.count
            for (v, source) in positives.sorted(by: { $0.key < $1.key }) {
                let sentence = a.doc.sentences[a.doc.sentenceOfToken[v]]
                let rule = pass.findSpeaker(forVerb: v, in: sentence, insideQuote: pass.quoted[v])
                let candidates = pass.speakerCandidates(forCue: v, rule: rule)
                guard let gold = goldCandidate(candidates, source: source, cue: v, article: a) else { continue }
                cues += 1
                let goldEntity = candidates[gold].mention.map { a.entities.mentions[$0].entity }
                let ranked = pass.chooseSpeaker(forCue: v, rule: rule).0
                if rule.speaker == goldEntity { ruleRight += 1 }
                if ranked == goldEntity { rankerRight += 1 }
                if rule.speaker == nil { ruleNone += 1; if ranked == goldEntity { ruleNoneRankerRight += 1 } }
                if (rule.speaker ?? ranked) == goldEntity { combinedRight += 1 }
            }
        }
        func r(_ x: Int, _ n: Int) -> String { String(format: "%.3f", Double(x) / Double(max(n, 1))) }
        return ["articles \(articles.count)",
                "cues: precision \(r(tp, tp + fp)) recall \(r(tp, tp + fn)) (tp \(tp), fp \(fp), fn \(fn))",
                "speakers on \(cues) gold cues with a candidate source: rules \(r(ruleRight, cues)), ranker \(r(rankerRight, cues)), combined \(r(combinedRight, cues)); rules find nobody on \(ruleNone), ranker right on \(r(ruleNoneRankerRight, ruleNone)) of them"]
    }

    public func train(data directory: URL) throws -> Result {
        let started = Date()
        let (articles, total, unlocated, nounTypes) = try read(directory)

        // 2. The cue vocabulary and each word's share of speech.
        var headCount: [String: Int] = [:], speechCount: [String: Int] = [:]
        for a in articles { for g in a.gold { if let h = g.head { headCount[h, default: 0] += 1; if g.speech { speechCount[h, default: 0] += 1 } } } }
        // Function words ("on", "that", "as") head a few odd cues but would make every other token a candidate.
        let vocabulary = headCount.filter { $0.value >= 2 && $0.key.unicodeScalars.allSatisfy { CharacterSet.letters.contains($0) }
            && (!resources.stopwords.contains($0.key) || resources.speechVerbs[$0.key] != nil) }

        // 3. Cue examples: every candidate word, positive when it is the cue of a gold attribution.
        var cueExamples: [(features: [String], label: Bool)] = []
        var speakerExamples: [(candidates: [[String]], gold: Int)] = []
        for a in articles {
            let pass = StatementPass(doc: a.doc, res: resources, entities: a.entities)
            let positives = cueTokens(a)
            for i in a.doc.tokens.indices where a.doc.tokens[i].isWord {
                let w = a.doc.tokens[i].lower
                guard resources.speechVerbs[w] != nil || vocabulary[w] != nil else { continue }
                cueExamples.append((pass.cueFeatures(i), positives[i] != nil))
            }
            // Speaker examples: the candidates of each gold cue, the right one being the mention
            // that covers the gold source nearest the cue, or nobody when gold names no source.
            for (v, source) in positives.sorted(by: { $0.key < $1.key }) {
                let sentence = a.doc.sentences[a.doc.sentenceOfToken[v]]
                let rule = pass.findSpeaker(forVerb: v, in: sentence, insideQuote: pass.quoted[v])
                // The ranker is asked only where the rules find nobody (StatementPass.findCues): learn those cases.
                if rule.speaker != nil { continue }
                let candidates = pass.speakerCandidates(forCue: v, rule: rule)
                guard let gold = goldCandidate(candidates, source: source, cue: v, article: a) else { continue }
                speakerExamples.append((candidates.map(\.features), gold))
            }
        }
        cueExamples = PerceptronTrainer.pruned(cueExamples, features: { $0.features }, rebuild: { ($1, $0.label) }, minCount: minFeatureCount)
        var trainer = PerceptronTrainer()
        let cueModel = trainer.trainBinary(cueExamples, epochs: epochs, seed: seed)
        var rows = trainer.rows(of: cueModel).map { "cue" + $0.dropFirst(3) }
        var speakerTrainer = PerceptronTrainer()
        let speakerModel = speakerTrainer.trainRanking(speakerExamples, epochs: epochs, seed: seed)
        rows += speakerTrainer.rows(of: speakerModel).map { "speaker" + $0.dropFirst(3) }
        var right = 0, ruleRight = 0
        for ex in speakerExamples {
            let rulePick = ex.candidates.firstIndex { $0.contains("rule_pick") } ?? (ex.candidates.count - 1)
            if rulePick == ex.gold { ruleRight += 1 }
            let scores = ex.candidates.map { speakerModel.score($0) }
            if scores.indices.max(by: { scores[$0] < scores[$1] }) == ex.gold { right += 1 }
        }

        // Where each cue word's content starts: right after it (1–3 tokens on), or elsewhere.
        var follow: [String: [Int: Int]] = [:]
        for a in articles {
            for (v, g) in cueGold(a) {
                let w = a.doc.tokens[v].lower
                guard vocabulary[w] != nil else { continue }
                let start = a.doc.tokenIndex(atOrAfter: g.content.start)
                let offset = start - v
                follow[w, default: [:]][(1...3).contains(offset) ? offset : 0, default: 0] += 1
            }
        }
        var words: [String: AttributionModel.CueWord] = [:]
        for (w, n) in vocabulary.sorted(by: { $0.key < $1.key }) {
            let rate = Double(speechCount[w] ?? 0) / Double(n)
            let offsets = follow[w] ?? [:]
            let seen = max(offsets.values.reduce(0, +), 1)
            let near = (1...3).map { offsets[$0] ?? 0 }
            let followRate = Double(near.reduce(0, +)) / Double(seen)
            let offset = (near.indices.max { near[$0] < near[$1] } ?? 0) + 1
            words[w] = AttributionModel.CueWord(speechRate: rate, followRate: followRate, followOffset: offset)
            rows.append("word\t\(w)\t\((rate * 1000).rounded() / 1000)\t\((followRate * 1000).rounded() / 1000)\t\(offset)")
        }

        var speakerNouns: [String: EntityType] = [:]
        for (noun, byType) in nounTypes.sorted(by: { $0.key < $1.key }) {
            let n = byType.values.reduce(0, +)
            guard n >= 5, !resources.stopwords.contains(noun), !noun.hasSuffix("ed"), !noun.hasSuffix("ing"),
                  // Titles are resolved to the person they describe ("the senator" → Sanders) by the entity stage.
                  resources.roleNouns[noun] == nil, resources.roleNouns[String(noun.dropLast())] == nil,
                  resources.temporalWords.deictic[noun] == nil, resources.temporalWords.units[noun] == nil, resources.temporalWords.units[String(noun.dropLast())] == nil, resources.pronouns[noun] == nil,
                  let top = byType.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }), let type = EntityType(rawValue: top.key),
                  // People and groups only: PolNeAR also counts documents and polls as sources ("the report found").
                  type == .person || type == .group else { continue }
            speakerNouns[noun] = type
            rows.append("noun\t\(noun)\t\(type.rawValue)")
        }

        // Fit on the training set itself (a sanity figure; dev figures come from score.py).
        let model = AttributionModel(cue: cueModel, speaker: speakerModel, words: words, speakerNouns: speakerNouns)
        var tp = 0, fp = 0, fn = 0
        for ex in cueExamples {
            let yes = cueModel.score(ex.features) > 0
            if yes && ex.label { tp += 1 } else if yes { fp += 1 } else if ex.label { fn += 1 }
        }
        let seconds = Date().timeIntervalSince(started)
        let report = [
            "articles \(articles.count), gold attributions \(total) (\(unlocated) not found in the text)",
            "cue vocabulary \(vocabulary.count) words; cue examples \(cueExamples.count), positive \(cueExamples.filter(\.label).count)",
            String(format: "cue model on its training set: precision %.3f recall %.3f (%d features)",
                   Double(tp) / Double(max(tp + fp, 1)), Double(tp) / Double(max(tp + fn, 1)), cueModel.featureCount),
            String(format: "speaker ranker: %d examples, right on its training set %.3f (the rules alone: %.3f; %d features)", speakerExamples.count,
                   Double(right) / Double(max(speakerExamples.count, 1)), Double(ruleRight) / Double(max(speakerExamples.count, 1)), speakerModel.featureCount),
            "unnamed-speaker nouns \(speakerNouns.count)",
            "epochs \(epochs), seed \(seed), \(String(format: "%.1f", seconds)) s",
        ]
        return Result(rows: rows, report: report, model: model)
    }

    /// The head noun of an unnamed speaker's phrase: its last lower-case word before a
    /// preposition, relative or comma ("Officials at Homeland Security" → "officials").
    static func headNoun(of phrase: String) -> String? {
        var last: String? = nil
        for raw in phrase.split(separator: " ") {
            let w = raw.trimmingCharacters(in: .punctuationCharacters)
            if ["at", "of", "from", "for", "with", "in", "who", "that", "close", "on", "to"].contains(w.lowercased()) || raw.hasSuffix(",") {
                if raw.hasSuffix(","), w.first?.isLowercase == true { last = w.lowercased() }
                break
            }
            if let c = w.first, c.isLetter, w.allSatisfy({ $0.isLetter || $0 == "-" }) { last = c.isLowercase ? w.lowercased() : nil }
        }
        return last
    }

    typealias GoldAttribution = (content: Span, head: String?, speech: Bool, source: String?)

    /// Each gold cue's token with its gold attribution: the nearest word equal to the cue's
    /// head word, in the sentence of the content's start or the one before or after it,
    /// outside the content.
    func cueGold(_ a: Article) -> [(token: Int, gold: GoldAttribution)] {
        let doc = a.doc
        var out: [(token: Int, gold: GoldAttribution)] = []
        for g in a.gold {
            guard let head = g.head else { continue }
            let first = doc.tokenIndex(atOrAfter: g.content.start)
            guard first < doc.tokens.count else { continue }
            let s0 = doc.sentenceOfToken[first]
            let lastToken = max(first, doc.tokenIndex(atOrAfter: g.content.end) - 1)
            let s1 = doc.sentenceOfToken[min(lastToken, doc.tokens.count - 1)]
            let lo = doc.sentences[max(0, s0 - 1)].tokenRange.lowerBound
            let hi = doc.sentences[min(doc.sentences.count - 1, s1 + 1)].tokenRange.upperBound
            var best: (Int, Int)? = nil
            for t in lo..<hi where doc.tokens[t].lower == head {
                let tok = doc.tokens[t]
                if tok.start >= g.content.start && tok.end <= g.content.end { continue }
                let d = tok.end <= g.content.start ? g.content.start - tok.end : tok.start - g.content.end
                if best == nil || d < best!.1 { best = (t, d) }
            }
            if let b = best { out.append((b.0, g)) }
        }
        return out
    }

    /// The gold cue tokens with the source each names (the last attribution wins a shared cue).
    func cueTokens(_ a: Article) -> [Int: String?] {
        var out: [Int: String?] = [:]
        for (t, g) in cueGold(a) { out[t] = g.source }
        return out
    }

    /// The index of the candidate that is the gold source: the mention overlapping the
    /// occurrence of the source text nearest the cue; "nobody" when gold has no source; nil
    /// (no example) when the source is a phrase no candidate covers.
    func goldCandidate(_ candidates: [SpeakerCandidate], source: String?, cue v: Int, article a: Article) -> Int? {
        guard let source, !source.isEmpty else { return candidates.count - 1 }
        let needle = Array(source.unicodeScalars)
        let doc = a.doc
        let s = doc.sentences[doc.sentenceOfToken[v]]
        let lo = doc.tokens[s.tokenRange.lowerBound].start, hi = doc.tokens[s.tokenRange.upperBound - 1].end
        let cueAt = doc.tokens[v].start
        var best: (Int, Int)? = nil
        var i = lo
        while i + needle.count <= hi {
            if doc.scalars[i] == needle[0], Array(doc.scalars[i..<(i + needle.count)]) == needle {
                let d = abs(i - cueAt)
                if best == nil || d < best!.1 { best = (i, d) }
            }
            i += 1
        }
        guard let (start, _) = best else { return nil }
        // The mention that starts the source phrase is its head ("Rhodri Glyn Thomas, Plaid Cymru
        // health spokesman", "Officials at Homeland Security"): the earliest overlapping one.
        let end = start + needle.count
        var pick: (Int, Int)? = nil
        for (ci, c) in candidates.enumerated() {
            guard let mi = c.mention else { continue }
            let span = a.entities.mentions[mi].span
            if span.start < end && start < span.end, pick == nil || span.start < pick!.1 { pick = (ci, span.start) }
        }
        return pick?.0
    }

    /// First occurrence of `needle` in `hay` whose start is not in `used` (so repeated
    /// statements take successive occurrences); marks it used.
    static func find(_ needle: [Unicode.Scalar], in hay: [Unicode.Scalar], avoiding used: inout Set<Int>) -> Int? {
        guard !needle.isEmpty, needle.count <= hay.count else { return nil }
        var firstHit: Int? = nil
        var i = 0
        let n0 = needle[0]
        while i + needle.count <= hay.count {
            if hay[i] == n0 {
                var k = 1
                while k < needle.count, hay[i + k] == needle[k] { k += 1 }
                if k == needle.count {
                    if !used.contains(i) { used.insert(i); return i }
                    if firstHit == nil { firstHit = i }
                }
            }
            i += 1
        }
        return firstHit
    }

    /// The model file: provenance header, then the rows.
    public static func fileText(rows: [String], report: [String], data: String) -> String {
        let day = ISO8601DateFormatter.string(from: Date(), timeZone: .gmt, formatOptions: [.withFullDate])
        var lines = ["# source: Dramatis attribution model, trained \(day) by `dramatis train attribution --data \(data)` (averaged perceptron, see docs/attribution-model.md); no text of the training articles is stored"]
        for r in report { lines.append("# \(r)") }
        lines.append("# kind\tfeature\tweight")
        lines.append(contentsOf: rows)
        return lines.joined(separator: "\n") + "\n"
    }
}
