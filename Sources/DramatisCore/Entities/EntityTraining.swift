import Foundation

/// Fits the entity tagger (`EntityTagger`) on gold articles whose entities carry `mentions`
/// (character spans of every named mention, as in shared/eval/gum-train): `dramatis train entities
/// --data DIR`. Each article is learnt four times — as written, in capitals, in title case and
/// tokenised with spaces before punctuation — so capitals alone never decide. Deterministic for a
/// given seed; the texts are only read, never stored.
public struct EntityTrainer {
    public var epochs = 6
    public var seed: UInt64 = 1
    /// Features seen in fewer training tokens are dropped.
    public var minFeatureCount = 2
    /// Use only the first N articles (sorted by name): the small-slice test.
    public var limit: Int?
    /// Articles whose name contains this are held out and scored instead of learnt (model choice).
    public var holdOut: String?
    public var augment = true
    /// Articles without mention spans (shared/eval/polnear-train, whose gold names the speakers
    /// only): labelled by the rule recogniser on the text as written, with the gold speakers'
    /// names as persons, and learnt in capitals and in title case only. The tagger so learns to
    /// find what the rules find in prose where capitals no longer show it.
    public var silver: URL?
    public var silverLimit: Int?
    let resources: Resources

    public init(resources: Resources = .shared) { self.resources = resources }

    public struct Result {
        public var rows: [String]
        public var report: [String]
        public var model: LinearModel
    }

    /// One article as the tagger sees it: a document, its tags and the rule recogniser's labels.
    struct Copy {
        var doc: TextDocument
        var tags: [String]
        var rule: [String]?
        var casing: [SentenceCasing]
    }

    enum Variant: CaseIterable { case original, upper, title, tokenised }

    public func train(data directory: URL) throws -> Result {
        let started = Date()
        let fm = FileManager.default
        var names = try fm.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".gold.json") }
            .map { String($0.dropLast(".gold.json".count)) }.sorted()
        if let limit { names = Array(names.prefix(limit)) }
        guard !names.isEmpty else { throw LoadError.unsupported(directory.path, detail: "no NAME.gold.json files to train on") }

        var trainCopies: [Copy] = [], heldCopies: [(variant: Variant, copy: Copy)] = []
        var mentionCount = 0, articleCount = 0, heldCount = 0
        for name in names {
            guard let raw = try? String(contentsOfFile: directory.appendingPathComponent("\(name).txt").path, encoding: .utf8),
                  let data = fm.contents(atPath: directory.appendingPathComponent("\(name).gold.json").path),
                  let gold = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { continue }
            var spans: [(Int, Int, String)] = []
            for e in (gold["entities"] as? [[String: Any]]) ?? [] {
                guard let type = e["type"] as? String, EntityType(rawValue: type) != nil else { continue }
                for m in (e["mentions"] as? [[Int]]) ?? [] where m.count == 2 && m[0] < m[1] { spans.append((m[0], m[1], type)) }
            }
            guard !spans.isEmpty else { continue }
            let held = holdOut.map { name.contains($0) } ?? false
            if held { heldCount += 1 } else { articleCount += 1; mentionCount += spans.count }
            for v in Variant.allCases where augment || v == .original || held {
                let c = copy(raw, spans, v)
                if held { heldCopies.append((v, c)) } else { trainCopies.append(c) }
            }
        }

        var silverCount = 0
        if let silver {
            var silverNames = try fm.contentsOfDirectory(atPath: silver.path).filter { $0.hasSuffix(".gold.json") }
                .map { String($0.dropLast(".gold.json".count)) }.sorted()
            if let silverLimit { silverNames = Array(silverNames.prefix(silverLimit)) }
            for name in silverNames {
                guard let raw = try? String(contentsOfFile: silver.appendingPathComponent("\(name).txt").path, encoding: .utf8),
                      let data = fm.contents(atPath: silver.appendingPathComponent("\(name).gold.json").path),
                      let gold = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { continue }
                let spans = silverSpans(raw, gold)
                silverCount += 1
                for v in [Variant.upper, .title] { trainCopies.append(copy(raw, spans, v)) }
            }
        }
        // Examples: every token, with the gold tag before it (the decoder sees its own).
        var tagSet = Set<String>(["O"])
        var examples: [(features: [String], tag: String)] = []
        for c in trainCopies {
            var prev = "O", prev2 = "O", lastSentence = -1
            for i in c.doc.tokens.indices {
                let s = c.doc.sentenceOfToken[i]
                if s != lastSentence { prev = "O"; prev2 = "O"; lastSentence = s }
                let f = EntityTagger.features(c.doc, i, casing: c.casing[s], rule: c.rule?[i], res: resources)
                    + EntityTagger.dynamicFeatures(prev: prev, prev2: prev2, word: c.doc.tokens[i].lower)
                examples.append((f, c.tags[i]))
                tagSet.insert(c.tags[i])
                prev2 = prev; prev = c.tags[i]
            }
        }
        let classes = tagSet.sorted()
        let index = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
        var labelled = examples.map { (features: $0.features, label: index[$0.tag]!) }
        examples = []
        labelled = PerceptronTrainer.pruned(labelled, features: { $0.features }, rebuild: { (features: $1, label: $0.label) }, minCount: minFeatureCount)
        var trainer = PerceptronTrainer(classes: classes)
        trainer.scale = 100
        let model = trainer.trainMulticlass(labelled, epochs: epochs, seed: seed)
        let rows = trainer.rows(of: model)

        var report = ["articles \(articleCount), named mentions \(mentionCount), silver articles \(silverCount) (\(silver?.lastPathComponent ?? "none"), capitals and title case), copies \(trainCopies.count) (as written, capitals, title case, tokenised)",
                      "tokens \(labelled.count), tags \(classes.count), features kept \(model.featureCount) (seen in >= \(minFeatureCount) tokens), epochs \(epochs), seed \(seed)"]
        if !heldCopies.isEmpty {
            let tagger = EntityTagger(model: LinearModel(rows: rows.map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }))
            var tp = 0, np = 0, ng = 0
            for (_, c) in heldCopies.filter({ $0.variant == .original }) {
                let g = Set(EntityTrainer.spans(of: c.tags).map { "\($0.0):\($0.1)" }), p = Set(EntityTrainer.spans(of: c.rule ?? []).map { "\($0.0):\($0.1)" })
                tp += g.intersection(p).count; np += p.count; ng += g.count
            }
            report.append(String(format: "held out, rules alone: span P %.3f R %.3f", Double(tp) / Double(max(np, 1)), Double(tp) / Double(max(ng, 1))))
            for v in Variant.allCases {
                let copies = heldCopies.filter { $0.variant == v }.map(\.copy)
                let (p, r, f) = EntityTrainer.spanScore(tagger, copies, resources)
                report.append(String(format: "held out (%d articles matching '%@'), %@: span P %.3f R %.3f F1 %.3f", heldCount, holdOut ?? "", "\(v)", p, r, f))
            }
        }
        report.append(String(format: "trained in %.1f s", Date().timeIntervalSince(started)))
        return Result(rows: rows, report: report, model: model)
    }

    /// Exact-span typed precision, recall and F1 of the tagger on some copies.
    static func spanScore(_ tagger: EntityTagger, _ copies: [Copy], _ res: Resources) -> (Double, Double, Double) {
        var tp = 0, fp = 0, fn = 0
        for c in copies {
            let predicted = Set(tagger.tag(c.doc, range: c.doc.tokens.indices, casing: c.casing, rule: c.rule, res: res)
                .map { "\($0.tokens.lowerBound):\($0.tokens.upperBound):\($0.type.rawValue)" })
            let gold = Set(spans(of: c.tags).map { "\($0.0.lowerBound):\($0.0.upperBound):\($0.1)" })
            tp += predicted.intersection(gold).count
            fp += predicted.subtracting(gold).count
            fn += gold.subtracting(predicted).count
        }
        let p = tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp), r = tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn)
        return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r))
    }

    static func spans(of tags: [String]) -> [(Range<Int>, String)] {
        var out: [(Range<Int>, String)] = []
        var start = -1, type = ""
        for (i, t) in (tags + ["O"]).enumerated() {
            let begins = t.hasPrefix("B-"), inside = t.hasPrefix("I-") && String(t.dropFirst(2)) == type && start >= 0
            if start >= 0 && !inside { out.append((start..<i, type)); start = -1 }
            if begins || (t.hasPrefix("I-") && start < 0) { start = i; type = String(t.dropFirst(2)) }
        }
        return out
    }

    /// A variant of an article with its token tags (from the gold character spans, longest first).
    func copy(_ raw: String, _ spans: [(Int, Int, String)], _ variant: Variant) -> Copy {
        var scalars = Array(raw.unicodeScalars)
        var goldSpans = spans
        switch variant {
        case .original: break
        case .upper, .title:
            let doc = TextDocument(raw)
            for t in doc.tokens where t.kind == .word {
                let form = variant == .upper ? t.text.uppercased() : EntityTagger.titled(t.lower)
                let u = Array(form.unicodeScalars)
                if u.count == t.end - t.start { for k in 0..<u.count { scalars[t.start + k] = u[k] } }
            }
        case .tokenised:
            // A space before every punctuation mark and clitic glued to the word before.
            let doc = TextDocument(raw)
            var insertAt = Set<Int>()
            for (i, t) in doc.tokens.enumerated() where i > 0 && !t.spaceBefore {
                if t.kind != .word || t.text.hasPrefix("'") || t.text.hasPrefix("’") || t.lower == "n't" { insertAt.insert(t.start) }
            }
            var out: [Unicode.Scalar] = []
            var map = [Int](repeating: 0, count: scalars.count + 1)
            for (k, u) in scalars.enumerated() {
                if insertAt.contains(k) { out.append(" ") }
                map[k] = out.count
                out.append(u)
            }
            map[scalars.count] = out.count
            goldSpans = spans.map { (map[min($0.0, scalars.count)], map[min($0.1 - 1, scalars.count - 1)] + 1, $0.2) }
            scalars = out
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        let doc = TextDocument(String(view))
        var tags = [String](repeating: "O", count: doc.tokens.count)
        for (s, e, type) in goldSpans.sorted(by: { ($0.1 - $0.0) > ($1.1 - $1.0) }) {
            var first = true
            for (i, t) in doc.tokens.enumerated() where t.start >= s && t.start < e {
                guard tags[i] == "O" else { break }
                tags[i] = (first ? "B-" : "I-") + type
                first = false
            }
        }
        let casing = SentenceCasing.classify(doc)
        var rule: [String]? = nil
        if variant == .original || variant == .tokenised {
            rule = EntityTrainer.ruleLabels(doc, resources)
        }
        return Copy(doc: doc, tags: tags, rule: rule, casing: casing)
    }

    /// Silver spans of an article: the rules' named mentions, and every occurrence of a gold
    /// speaker's capitalised name or alias as a person.
    func silverSpans(_ raw: String, _ gold: [String: Any]) -> [(Int, Int, String)] {
        let doc = TextDocument(raw)
        let labels = EntityTrainer.ruleLabels(doc, resources)
        var spans: [(Int, Int, String)] = []
        var speakerTokens = Set<Int>()
        var names: [[String]] = []
        for e in (gold["entities"] as? [[String: Any]]) ?? [] where (e["type"] as? String) == "person" {
            for n in [e["name"] as? String].compactMap({ $0 }) + ((e["aliases"] as? [String]) ?? []) {
                let words = TextDocument(n).tokens.map(\.text)
                if let f = words.first, f.first?.isUppercase == true, words.allSatisfy({ $0.first?.isUppercase == true || $0 == "." }) { names.append(words) }
            }
        }
        let toks = doc.tokens
        var byFirst: [String: [[String]]] = [:]
        for n in names { byFirst[n[0], default: []].append(n) }
        for i in toks.indices {
            guard let cands = byFirst[toks[i].text] else { continue }
            for n in cands.sorted(by: { $0.count > $1.count }) where i + n.count <= toks.count && (0..<n.count).allSatisfy({ toks[i + $0].text == n[$0] }) {
                spans.append((toks[i].start, toks[i + n.count - 1].end, "person"))
                for k in i..<(i + n.count) { speakerTokens.insert(k) }
                break
            }
        }
        for (r, type) in EntityTrainer.spans(of: labels) where !r.contains(where: speakerTokens.contains) {
            spans.append((toks[r.lowerBound].start, toks[r.upperBound - 1].end, type))
        }
        return spans
    }

    /// The rule recogniser's label of each token: B-/I- and the type of a named mention, else O.
    static func ruleLabels(_ doc: TextDocument, _ res: Resources) -> [String] {
        var pass = RecognitionPass(document: doc, resources: res)
        pass.useModel = false
        let result = pass.run()
        return ruleLabels(result, tokenCount: doc.tokens.count)
    }

    static func ruleLabels(_ result: EntityResult, tokenCount: Int) -> [String] {
        var labels = [String](repeating: "O", count: tokenCount)
        for m in result.mentions where m.kind == .name || m.kind == .alias {
            let type = result.entities[m.entity].type.rawValue
            for t in m.tokens where t < tokenCount && labels[t] == "O" { labels[t] = (t == m.tokens.lowerBound ? "B-" : "I-") + type }
        }
        return labels
    }

    /// The model file: a provenance line, the report as comments, then the weight rows.
    public static func fileText(rows: [String], report: [String], data: String) -> String {
        let day = ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
        var lines = ["# source: Dramatis entities model, trained \(day) by `dramatis train entities --data \(data)` (averaged-perceptron BIO tagger on case-augmented copies, see docs/entities-model.md): \(report.first ?? ""); no text of the training articles is stored"]
        lines += report.map { "# \($0)" }
        lines += rows
        return lines.joined(separator: "\n") + "\n"
    }
}
