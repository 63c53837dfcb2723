import Foundation

/// A linear model over named string features: the score of a decision is the sum of the weights
/// of the features that fire. The learnt components (cue words, speakers, entity tags) each keep
/// one, fitted by `PerceptronTrainer` and stored as a TSV table under `data/models/`.
///
/// Feature names are hashed with FNV-1a (stable across processes and platforms, unlike
/// `Hasher`), so a prediction costs one string hash and one table lookup per feature.
public struct LinearModel: Sendable {
    /// feature hash → weight, one table per class (binary models use class 0 only).
    var weights: [[UInt64: Double]]
    public let classes: [String]

    public init(classes: [String] = ["yes"]) {
        self.classes = classes
        weights = Array(repeating: [:], count: classes.count)
    }

    public var isEmpty: Bool { weights.allSatisfy(\.isEmpty) }
    public var featureCount: Int { weights.reduce(0) { $0 + $1.count } }

    @inline(__always)
    public static func hash(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }

    /// The score of class `c` for these features.
    @inline(__always)
    public func score(_ features: [String], class c: Int = 0) -> Double {
        let table = weights[c]
        var s = 0.0
        for f in features { s += table[LinearModel.hash(f)] ?? 0 }
        return s
    }

    public func score(hashes: [UInt64], class c: Int = 0) -> Double {
        let table = weights[c]
        var s = 0.0
        for h in hashes { s += table[h] ?? 0 }
        return s
    }

    /// The best class for these features (multiclass models).
    public func best(_ features: [String]) -> (index: Int, score: Double) {
        let hashes = features.map(LinearModel.hash)
        var best = (0, -Double.infinity)
        for c in classes.indices {
            let s = score(hashes: hashes, class: c)
            if s > best.1 { best = (c, s) }
        }
        return best
    }

    /// Logistic squashing of a score into 0…1, for the confidence fields of the JSON.
    public static func probability(_ score: Double) -> Double { 1 / (1 + exp(-score)) }

    // MARK: - Storage: "class<TAB>feature<TAB>weight" rows

    /// Reads the rows of a model table (comments already skipped by the table reader).
    public init(rows: [[String]]) {
        var classes: [String] = []
        var index: [String: Int] = [:]
        var weights: [[UInt64: Double]] = []
        for r in rows where r.count >= 3 {
            guard let w = Double(r[2]) else { continue }
            let c: Int
            if let i = index[r[0]] { c = i } else {
                c = classes.count; index[r[0]] = c; classes.append(r[0]); weights.append([:])
            }
            weights[c][LinearModel.hash(r[1])] = w
        }
        self.classes = classes.isEmpty ? ["yes"] : classes
        self.weights = weights.isEmpty ? [[:]] : weights
    }

    /// `init(rows: Resources.parseTable(data))` without the table of strings: the feature column
    /// is hashed from its bytes and a class name is made once per run of rows of that class.
    /// The large entity model is read at every start-up (0.2 s the other way).
    public init(table data: Data) {
        var classes: [String] = []
        var index: [String: Int] = [:]
        var weights: [[UInt64: Double]] = []
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            let n = bytes.count
            var lastClass: Range<Int> = 0..<0, lastIndex = -1
            var lineStart = 0
            var cols: [Range<Int>] = []
            cols.reserveCapacity(4)
            while lineStart < n {
                var lineEnd = lineStart
                while lineEnd < n, bytes[lineEnd] != 0x0A { lineEnd += 1 }
                var end = lineEnd
                if end > lineStart, bytes[end - 1] == 0x0D { end -= 1 }
                defer { lineStart = lineEnd + 1 }
                guard end > lineStart, bytes[lineStart] != 0x23 else { continue } // blank, '#'
                // The first three tab-separated columns, trimmed of spaces as the table reader does
                // (one array for all rows: a new one per row was a third of the loading).
                cols.removeAll(keepingCapacity: true)
                var colStart = lineStart
                for i in lineStart...end where i == end || bytes[i] == 0x09 {
                    var a = colStart, b = i
                    while a < b, bytes[a] == 0x20 { a += 1 }
                    while b > a, bytes[b - 1] == 0x20 { b -= 1 }
                    cols.append(a..<b)
                    colStart = i + 1
                    if cols.count == 3 { break }
                }
                guard cols.count >= 3,
                      let w = Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[cols[2]]), as: UTF8.self)) else { continue }
                let c: Int
                if lastIndex >= 0, bytes[cols[0]].elementsEqual(bytes[lastClass]) {
                    c = lastIndex
                } else {
                    let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[cols[0]]), as: UTF8.self)
                    if let i = index[name] { c = i } else {
                        c = classes.count; index[name] = c; classes.append(name); weights.append([:])
                    }
                    lastClass = cols[0]; lastIndex = c
                }
                var h: UInt64 = 0xcbf2_9ce4_8422_2325 // LinearModel.hash over the column's bytes
                for b in bytes[cols[1]] { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
                weights[c][h] = w
            }
        }
        self.classes = classes.isEmpty ? ["yes"] : classes
        self.weights = weights.isEmpty ? [[:]] : weights
    }
}

/// Averaged perceptron training (Collins 2002; the trainer of early spaCy and citron's
/// classifiers): deterministic for a given seed, linear in the examples per epoch.
public struct PerceptronTrainer {
    let classes: [String]
    var weights: [[UInt64: Double]]
    var totals: [[UInt64: Double]]
    var stamps: [[UInt64: Int]]
    var step = 0
    /// The feature name of every hash seen in training, so the table is written readably.
    var names: [UInt64: String] = [:]
    /// Factor on the averaged weights, so that models trained over many steps (whose averages are
    /// small) keep their weights through the 4-decimal rounding of the table. Decisions do not change.
    public var scale = 1.0

    public init(classes: [String] = ["yes"]) {
        self.classes = classes
        weights = Array(repeating: [:], count: classes.count)
        totals = weights
        stamps = Array(repeating: [:], count: classes.count)
    }

    mutating func update(_ c: Int, _ h: UInt64, _ delta: Double) {
        let w = weights[c][h] ?? 0
        totals[c][h, default: 0] += Double(step - (stamps[c][h] ?? 0)) * w
        stamps[c][h] = step
        weights[c][h] = w + delta
    }

    /// Drops the features seen in fewer than `minCount` examples: rare lexical features are
    /// memorised by a perceptron ("social" after "stated on") instead of generalising.
    public static func pruned<T>(_ examples: [T], features: (T) -> [String], rebuild: (T, [String]) -> T, minCount: Int) -> [T] {
        guard minCount > 1 else { return examples }
        var count: [String: Int] = [:]
        for e in examples { for f in Set(features(e)) { count[f, default: 0] += 1 } }
        return examples.map { e in rebuild(e, features(e).filter { (count[$0] ?? 0) >= minCount }) }
    }

    func hashes(_ features: [String], remember: inout [UInt64: String]) -> [UInt64] {
        features.map { f in
            let h = LinearModel.hash(f)
            if remember[h] == nil { remember[h] = f }
            return h
        }
    }

    func score(_ hashes: [UInt64], _ c: Int) -> Double {
        var s = 0.0
        for h in hashes { s += weights[c][h] ?? 0 }
        return s
    }

    /// Binary training: each example is (features, label); the model answers yes when its score is > 0.
    public mutating func trainBinary(_ examples: [(features: [String], label: Bool)], epochs: Int, seed: UInt64) -> LinearModel {
        let hashed = examples.map { (hashes($0.features, remember: &names), $0.label) }
        for i in PerceptronTrainer.schedule(hashed.count, epochs: epochs, seed: seed) {
            step += 1
            let (hs, label) = hashed[i]
            let guess = score(hs, 0) > 0
            if guess != label { for h in hs { update(0, h, label ? 1 : -1) } }
        }
        return averaged()
    }

    /// Ranking training: each example is a list of candidates' features and the index of the
    /// right one; the model picks the candidate with the highest score.
    public mutating func trainRanking(_ examples: [(candidates: [[String]], gold: Int)], epochs: Int, seed: UInt64) -> LinearModel {
        let hashed = examples.map { ex in (ex.candidates.map { hashes($0, remember: &names) }, ex.gold) }
        for i in PerceptronTrainer.schedule(hashed.count, epochs: epochs, seed: seed) {
            step += 1
            let (cands, gold) = hashed[i]
            let best = argmax(cands.indices) { score(cands[$0], 0) }
            if best != gold {
                for h in cands[gold] { update(0, h, 1) }
                for h in cands[best] { update(0, h, -1) }
            }
        }
        return averaged()
    }

    /// Multiclass training: each example is (features, class index).
    public mutating func trainMulticlass(_ examples: [(features: [String], label: Int)], epochs: Int, seed: UInt64) -> LinearModel {
        let hashed = examples.map { (hashes($0.features, remember: &names), $0.label) }
        for i in PerceptronTrainer.schedule(hashed.count, epochs: epochs, seed: seed) {
            step += 1
            let (hs, label) = hashed[i]
            let best = argmax(classes.indices) { score(hs, $0) }
            if best != label {
                for h in hs { update(label, h, 1); update(best, h, -1) }
            }
        }
        return averaged()
    }

    /// Every example index once per epoch, in a new seeded order each epoch.
    static func schedule(_ count: Int, epochs: Int, seed: UInt64) -> [Int] {
        var order = Array(0..<count), out: [Int] = []
        out.reserveCapacity(count * epochs)
        var rng = SplitMix(seed: seed)
        for _ in 0..<epochs {
            order.shuffle(using: &rng)
            out += order
        }
        return out
    }

    /// The first index with the highest score.
    func argmax(_ indices: Range<Int>, _ score: (Int) -> Double) -> Int {
        var best = indices.lowerBound, bestScore = -Double.infinity
        for i in indices {
            let s = score(i)
            if s > bestScore { best = i; bestScore = s }
        }
        return best
    }

    func averaged() -> LinearModel {
        var model = LinearModel(classes: classes)
        for c in classes.indices {
            for (h, w) in weights[c] {
                let total = (totals[c][h] ?? 0) + Double(step - (stamps[c][h] ?? 0)) * w
                let avg = total / Double(max(step, 1)) * scale
                if abs(avg) >= 1e-4 { model.weights[c][h] = avg }
            }
        }
        return model
    }

    /// The model as "class<TAB>feature<TAB>weight" rows, sorted (so retraining with the same
    /// seed gives the same file), weights rounded to 4 decimals.
    public func rows(of model: LinearModel) -> [String] {
        var out: [String] = []
        for (c, name) in model.classes.enumerated() {
            for (h, w) in model.weights[c] {
                guard let f = names[h] else { continue }
                let r = (w * 10_000).rounded() / 10_000
                if r != 0 { out.append("\(name)\t\(f)\t\(r)") }
            }
        }
        return out.sorted()
    }
}

/// A small deterministic generator (SplitMix64) for shuffling training examples.
public struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
