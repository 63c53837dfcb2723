import Foundation

/// Fits `data/models/positions.tsv` from hand-annotated articles (`NAME.gold.json` positions
/// beside `NAME.txt`, see docs/positions-model.md). Deterministic: the same files give the same
/// weights. Run by `scripts/train-positions.sh` (`dramatis-eval train-positions`).
public struct PositionTrainer {
    public struct GoldPosition: Sendable {
        public var forms: [String]      // the actor's name and aliases
        public var person: Bool
        public var topic: String
        public var stance: Stance
    }

    public struct Article: Sendable {
        public var name: String
        public var gold: [GoldPosition]
        var document: TextDocument
        var entities: EntityResult
        var statements: [Statement]
        var found: [FoundTopic]
        var title: String?
    }

    let resources: Resources
    public init(resources: Resources = .shared) { self.resources = resources }

    /// Reads `gold` (a `.gold.json`) and analyses `text` up to the positions stage.
    public func load(text: String, gold: String) throws -> Article {
        let data = try Data(contentsOf: URL(fileURLWithPath: gold))
        let doc = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        var aliases: [String: (forms: [String], person: Bool)] = [:]
        for e in doc["entities"] as? [[String: Any]] ?? [] {
            guard let n = e["name"] as? String else { continue }
            aliases[n] = ([n] + (e["aliases"] as? [String] ?? []), (e["type"] as? String) == "person")
        }
        var gp: [GoldPosition] = []
        for p in doc["positions"] as? [[String: Any]] ?? [] {
            guard let a = p["actor"] as? String, let t = p["topic"] as? String, let s = (p["stance"] as? String).flatMap(Stance.init(rawValue:)) else { continue }
            let e = aliases[a] ?? ([a], true)
            gp.append(GoldPosition(forms: e.forms, person: e.person, topic: t, stance: s))
        }
        let published = doc["published"] as? String
        let article = try ArticleLoader.load(path: text, published: published, limits: .interactive)
        let document = TextDocument(article.text)
        let entities = EntityRecognizer(resources: resources).recognize(document)
        let statements = StatementExtractor(resources: resources).extract(document, entities: entities)
        let found = TopicFinder(resources: resources).find(document, entities: entities)
        return Article(name: URL(fileURLWithPath: text).deletingPathExtension().lastPathComponent, gold: gp,
                       document: document, entities: entities, statements: statements, found: found, title: article.title)
    }

    // MARK: The scorer's matching rules (../shared/eval/score.py), for labels

    static func nameKey(_ s: String) -> String {
        var k = s.lowercased().folding(options: .diacriticInsensitive, locale: nil)
            .replacingOccurrences(of: "’", with: "'")
        if k.hasSuffix("'s") { k = String(k.dropLast(2)) }
        k = String(k.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) || $0 == " " }.map(Character.init))
        var words = k.split(separator: " ").map(String.init)
        if words.first == "the" { words.removeFirst() }
        return words.joined(separator: " ")
    }

    static func surname(_ s: String) -> String? {
        var words = s.split(separator: " ").map(String.init)
        while let l = words.last, ["jr", "jr.", "sr", "sr.", "ii", "iii", "iv"].contains(l.lowercased()) { words.removeLast() }
        guard let l = words.last, l.first?.isUppercase == true else { return nil }
        return nameKey(l)
    }

    static func actorMatches(_ e: Entity, _ g: GoldPosition) -> Bool {
        let gold = Set(g.forms.map(nameKey))
        let forms = [e.name] + e.mentions.filter { $0.kind != "pronoun" }.map(\.text)
        if forms.contains(where: { gold.contains(nameKey($0)) }) { return true }
        if g.person {
            let gs = Set(g.forms.compactMap(surname))
            if forms.contains(where: { surname($0).map(gs.contains) ?? false }) { return true }
        }
        return false
    }

    static func topicMatches(_ a: String, _ b: String) -> Bool {
        let ta = TopicKey.of(a), tb = TopicKey.of(b)
        guard !ta.isEmpty, !tb.isEmpty else { return false }
        if ta.isSubset(of: tb) || tb.isSubset(of: ta) { return true }
        return Double(ta.intersection(tb).count) / Double(ta.union(tb).count) >= 0.5
    }

    // MARK: Fitting

    public struct Report: Sendable {
        public var model: PositionModel
        public var lines: [String]
    }

    /// Stance model on the candidates whose actor and topic a gold position has; confidence model
    /// on (actor, issue) groups, labelled by whether a gold position has that actor, topic and the
    /// decided stance; threshold from 5-fold cross-validation by article (precision first: the
    /// threshold with the best F0.5, which weighs precision twice as much as recall).
    public func fit(_ articles: [Article]) -> Report {
        let stage = PositionStage(resources: resources)
        func stanceData(_ arts: [Article]) -> [(Features, Stance)] {
            var out: [(Features, Stance)] = []
            for a in arts {
                let r = stage.run(a.document, entities: a.entities, statements: a.statements, found: a.found, title: a.title, model: PositionModel(), floor: 2)
                for (ci, c) in r.candidates.enumerated() {
                    let e = a.entities.entities[c.actor]
                    let issue = r.issueNames[r.groups.first { $0.members.contains(ci) }!.issue]
                    if let g = a.gold.first(where: { PositionTrainer.actorMatches(e, $0) && (PositionTrainer.topicMatches(c.topic, $0.topic) || PositionTrainer.topicMatches(issue, $0.topic)) }) {
                        out.append((PositionStage.stanceFeatures(c.features), g.stance))
                    }
                }
            }
            return out
        }
        func groupData(_ arts: [Article], _ m: PositionModel, relaxed: Bool = false) -> [(Features, Bool)] {
            var out: [(Features, Bool)] = []
            for a in arts {
                let r = stage.run(a.document, entities: a.entities, statements: a.statements, found: a.found, title: a.title, model: m, floor: 2)
                // One-to-one, as the scorer matches: each gold position labels at most one group
                // (the one with most readings), which must have its actor, topic and stance.
                var right = [Bool](repeating: false, count: r.groups.count)
                for g in a.gold {
                    let fits = r.groups.indices.filter { gi in
                        !right[gi] && r.decisions[gi].stance == g.stance
                            && PositionTrainer.actorMatches(a.entities.entities[r.groups[gi].actor], g)
                            && PositionTrainer.topicMatches(r.issueNames[r.groups[gi].issue], g.topic)
                    }
                    if let best = fits.max(by: { r.groups[$0].members.count != r.groups[$1].members.count ? r.groups[$0].members.count < r.groups[$1].members.count : $0 > $1 }) {
                        right[best] = true
                    }
                }
                // Readings about a gold issue of the same actor with the right stance, though named
                // otherwise (one content word shared), count as right too: they teach which readings
                // point at an issue. The threshold is still chosen with the scorer's strict rule.
                if relaxed {
                    for gi in r.groups.indices where !right[gi] {
                        let issue = TopicKey.of(r.issueNames[r.groups[gi].issue])
                        right[gi] = a.gold.contains { g in r.decisions[gi].stance == g.stance
                            && PositionTrainer.actorMatches(a.entities.entities[r.groups[gi].actor], g)
                            && !issue.intersection(TopicKey.of(g.topic)).isEmpty }
                    }
                }
                for (gi, g) in r.groups.enumerated() { out.append((g.features, right[gi])) }
            }
            return out
        }
        func train(_ arts: [Article]) -> PositionModel {
            var m = PositionModel()
            m.stanceWeights = PositionModel.fitStance(stanceData(arts))
            m.confidenceWeights = PositionModel.fitBinary(groupData(arts, m, relaxed: true), l2: 0.002)
            return m
        }
        // Out-of-fold confidences, for an honest threshold.
        let folds = 5
        var scored: [(conf: Double, right: Bool)] = []
        let goldTotal = articles.reduce(0) { $0 + $1.gold.count }
        for k in 0..<folds {
            let test = articles.enumerated().filter { $0.offset % folds == k }.map(\.element)
            let trainSet = articles.enumerated().filter { $0.offset % folds != k }.map(\.element)
            let m = train(trainSet)
            for (f, y) in groupData(test, m) { scored.append((m.confidence(f), y)) }
        }
        func figures(_ t: Double, _ s: [(conf: Double, right: Bool)]) -> (p: Double, r: Double, f: Double, n: Int) {
            let kept = s.filter { $0.conf >= t }
            let tp = Double(kept.filter(\.right).count)
            let p = kept.isEmpty ? 0 : tp / Double(kept.count)
            let r = goldTotal == 0 ? 0 : min(1, tp / Double(goldTotal))
            return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), kept.count)
        }
        // Precision first: the threshold with the best F0.5 (precision weighted twice recall).
        var best = (t: 0.5, f: -1.0)
        for step in 1..<100 {
            let t = Double(step) / 100
            let x = figures(t, scored)
            let f05 = x.p + x.r == 0 ? 0 : 1.25 * x.p * x.r / (0.25 * x.p + x.r)
            if f05 > best.f + 1e-12 { best = (t, f05) }
        }
        var model = train(articles)
        // DRAMATIS_TRAIN_DUMP=FILE writes each group's label and features (for inspecting the data).
        if let dump = ProcessInfo.processInfo.environment["DRAMATIS_TRAIN_DUMP"] {
            let rows = groupData(articles, model).map { f, y in (y ? "1" : "0") + "\t" + f.sorted { $0.key < $1.key }.map { "\($0.key)=\(String(format: "%.3f", $0.value))" }.joined(separator: " ") }
            try? rows.joined(separator: "\n").write(toFile: dump, atomically: true, encoding: .utf8)
        }
        model.threshold = best.t
        model.floor = best.t
        let cv = figures(best.t, scored)
        let fitted = groupData(articles, model).map { (model.confidence($0.0), $0.1) }
        let fit = figures(best.t, fitted)
        var curve = "cross-validated curve (threshold P R kept):"
        for t in stride(from: 0.05, through: 0.6, by: 0.05) { let x = figures(t, scored); curve += String(format: " %.2f %.2f %.2f %d;", t, x.p, x.r, x.n) }
        let lines = [
            "articles \(articles.count), gold positions \(goldTotal), candidate groups \(fitted.count)",
            String(format: "5-fold cross-validation by article at threshold %.2f: P %.3f R %.3f F1 %.3f (%d kept)", best.t, cv.p, cv.r, cv.f, cv.n),
            String(format: "fit on all articles at threshold %.2f: P %.3f R %.3f F1 %.3f (%d kept)", best.t, fit.p, fit.r, fit.f, fit.n),
            curve,
        ]
        return Report(model: model, lines: lines)
    }
}
