import Foundation

/// Sparse named features of one candidate position ("cue=for", "negated", "for&negated").
public typealias Features = [String: Double]

/// The learnt decisions of the positions stage, read from `data/models/positions.tsv`
/// (written by `dramatis-eval train-positions`, see docs/positions-model.md):
/// - a multinomial logistic regression from a candidate's features to its stance;
/// - a logistic regression from a candidate's features to the probability that a careful reader
///   lists it (actor, topic and stance right), the position's `confidence`;
/// - the default confidence threshold below which the window hides a position.
public struct PositionModel: Sendable {
    public static let stances: [Stance] = [.supports, .opposes, .conditional, .neutral]
    public var stanceWeights: [Stance: [String: Double]] = [:]
    public var confidenceWeights: [String: Double] = [:]
    public var threshold: Double = 0.5
    /// Candidates below this confidence are left out of the analysis altogether.
    public var floor: Double = 0.2

    public init() {}

    init(rows: [[String]]) {
        for r in rows {
            switch r.first {
            case "stance" where r.count >= 4:
                if let s = Stance(rawValue: r[1]), let w = Double(r[3]) { stanceWeights[s, default: [:]][r[2]] = w }
            case "confidence" where r.count >= 3:
                if let w = Double(r[2]) { confidenceWeights[r[1]] = w }
            case "threshold" where r.count >= 2:
                threshold = Double(r[1]) ?? threshold
            case "floor" where r.count >= 2:
                floor = Double(r[1]) ?? floor
            default: break
            }
        }
    }

    public var isEmpty: Bool { stanceWeights.isEmpty && confidenceWeights.isEmpty }

    /// Probability of each stance (in `stances` order).
    public func stanceProbabilities(_ f: Features) -> [Double] {
        let scores = PositionModel.stances.map { s in PositionModel.dot(stanceWeights[s] ?? [:], f) }
        return PositionModel.softmax(scores)
    }

    public func confidence(_ f: Features) -> Double {
        PositionModel.sigmoid(PositionModel.dot(confidenceWeights, f))
    }

    static func dot(_ w: [String: Double], _ f: Features) -> Double {
        var s = w["bias"] ?? 0
        for (k, v) in f { s += (w[k] ?? 0) * v }
        return s
    }

    static func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

    static func softmax(_ x: [Double]) -> [Double] {
        let m = x.max() ?? 0
        let e = x.map { exp($0 - m) }
        let s = e.reduce(0, +)
        return e.map { $0 / s }
    }

    /// The weights as the rows of `data/models/positions.tsv`, sorted so that a retraining on the
    /// same data writes the same file.
    public func tableRows() -> [String] {
        var out: [String] = []
        for s in PositionModel.stances {
            for (k, w) in (stanceWeights[s] ?? [:]).sorted(by: { $0.key < $1.key }) where abs(w) > 1e-9 {
                out.append("stance\t\(s.rawValue)\t\(k)\t\(String(format: "%.6f", w))")
            }
        }
        for (k, w) in confidenceWeights.sorted(by: { $0.key < $1.key }) where abs(w) > 1e-9 {
            out.append("confidence\t\(k)\t\(String(format: "%.6f", w))")
        }
        out.append("threshold\t\(String(format: "%.3f", threshold))")
        out.append("floor\t\(String(format: "%.3f", floor))")
        return out
    }

    // MARK: Fitting (deterministic: zero start, full-batch gradient descent, fixed step count,
    // features in sorted order so every sum is added in the same order)

    static func indexed(_ data: [Features]) -> (keys: [String], rows: [[(Int, Double)]]) {
        let keys = Array(Set(data.flatMap { $0.keys }).union(["bias"])).sorted()
        let pos = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
        let b = pos["bias"]!
        let rows = data.map { f in ([(b, 1.0)] + f.filter { $0.key != "bias" }.map { (pos[$0.key]!, $0.value) }).sorted { $0.0 < $1.0 } }
        return (keys, rows)
    }

    /// Multinomial logistic regression with L2 penalty `l2`.
    public static func fitStance(_ data: [(Features, Stance)], l2: Double = 0.01, steps: Int = 600, rate: Double = 0.5) -> [Stance: [String: Double]] {
        let (keys, rows) = indexed(data.map(\.0))
        let k = stances.count
        var w = [[Double]](repeating: [Double](repeating: 0, count: keys.count), count: k)
        let n = Double(max(1, data.count))
        for _ in 0..<steps {
            var grad = [[Double]](repeating: [Double](repeating: 0, count: keys.count), count: k)
            for (r, (_, y)) in zip(rows, data) {
                let p = softmax((0..<k).map { c in r.reduce(0) { $0 + w[c][$1.0] * $1.1 } })
                for c in 0..<k {
                    let g = p[c] - (stances[c] == y ? 1 : 0)
                    for (j, v) in r { grad[c][j] += g * v }
                }
            }
            for c in 0..<k {
                for j in 0..<keys.count {
                    let reg = keys[j] == "bias" ? 0 : l2 * w[c][j]
                    w[c][j] -= rate * (grad[c][j] / n + reg)
                }
            }
        }
        var out: [Stance: [String: Double]] = [:]
        for c in 0..<k { out[stances[c]] = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, w[c][$0]) }) }
        return out
    }

    /// Binary logistic regression with L2 penalty `l2`.
    public static func fitBinary(_ data: [(Features, Bool)], l2: Double = 0.02, steps: Int = 800, rate: Double = 0.5) -> [String: Double] {
        let (keys, rows) = indexed(data.map(\.0))
        var w = [Double](repeating: 0, count: keys.count)
        let n = Double(max(1, data.count))
        for _ in 0..<steps {
            var grad = [Double](repeating: 0, count: keys.count)
            for (r, (_, y)) in zip(rows, data) {
                let g = sigmoid(r.reduce(0) { $0 + w[$1.0] * $1.1 }) - (y ? 1 : 0)
                for (j, v) in r { grad[j] += g * v }
            }
            for j in 0..<keys.count {
                let reg = keys[j] == "bias" ? 0 : l2 * w[j]
                w[j] -= rate * (grad[j] / n + reg)
            }
        }
        return Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, w[$0]) })
    }
}
