import Foundation

// Statements: where something was said ("on social media", "in a statement").
extension StatementPass {
    func channelStart(_ i: Int) -> Int? {
        for c in res.channels where i + c.words.count <= tokens.count {
            if (0..<c.words.count).allSatisfy({ tokens[i + $0].lower == c.words[$0] || tokens[i + $0].normalized.lowercased() == c.words[$0] }) {
                return c.words.count
            }
        }
        return nil
    }

    /// Where it was said, when the sentence says so near the cue ("on social media", "in a statement").
    func channel(near cueToken: Int, sentence si: Int) -> String? {
        let s = doc.sentences[si]
        var best: (distance: Int, name: String)? = nil
        // Only tokens within reach of the cue can matter (distance ≤ 12).
        let lo = max(s.tokenRange.lowerBound, cueToken - 12), hi = min(s.tokenRange.upperBound, cueToken + 13)
        for i in lo..<max(lo, hi) where !quoted[i] {
            guard let candidates = res.channelsByFirstWord[tokens[i].lower] else { continue }
            for c in candidates where i + c.words.count <= s.tokenRange.upperBound {
                if (0..<c.words.count).allSatisfy({ tokens[i + $0].lower == c.words[$0] || tokens[i + $0].normalized.lowercased() == c.words[$0] }) {
                    let d = abs(i - cueToken)
                    if d <= 12, best == nil || d < best!.distance { best = (d, c.channel) }
                    break
                }
            }
        }
        return best?.name
    }
}
