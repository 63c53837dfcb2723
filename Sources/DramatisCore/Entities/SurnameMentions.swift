import Foundation

/// The first tokens of the mentions of the person drafts that share a surname, for
/// `RecognitionPass.personBySurname`: the draft with the latest mention before a token. Asking
/// each draft of the surname in turn made a text of many people with one surname quadratic (lines
/// of "First Last K." runs all ending in the same word: 19 s per MB). `drafts` are the person
/// drafts of the surname in creation order; entries are (first token, position of the draft in
/// `drafts`); they are kept sorted, with the entries
/// added since the last sort in a tail that is scanned and merged when it grows past √n.
/// Valid while mentions are only appended through `addMention` (collectChunks, resolveSingles,
/// addModelNames: the phases that ask personBySurname).
struct SurnameMentions {
    var drafts: [Int] = []
    private var sorted: [(start: Int, pos: Int)] = []
    private var tail: [(start: Int, pos: Int)] = []

    mutating func append(start: Int, pos: Int) {
        tail.append((start, pos))
        if tail.count > max(32, Int(Double(sorted.count).squareRoot())) {
            sorted += tail
            tail.removeAll(keepingCapacity: true)
            sorted.sort { ($0.start, $0.pos) < ($1.start, $1.pos) }
        }
    }

    /// The latest first token before `before` of a mention of an eligible draft and, among the
    /// drafts with a mention there, the first in list order: (position, first token), or nil.
    func latest(before: Int, eligible: (Int) -> Bool) -> (pos: Int, start: Int)? {
        var best: (pos: Int, start: Int)? = nil
        for e in tail where e.start < before && eligible(e.pos) {
            if best == nil || e.start > best!.start || e.start == best!.start && e.pos < best!.pos { best = (e.pos, e.start) }
        }
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid].start < before { lo = mid + 1 } else { hi = mid }
        }
        // Walk back over the groups of equal first tokens until one has an eligible draft.
        var end = lo
        while end > 0 {
            let s = sorted[end - 1].start
            if let b = best, b.start > s { break }
            var k = end - 1
            while k > 0, sorted[k - 1].start == s { k -= 1 }
            if let m = (k..<end).first(where: { eligible(sorted[$0].pos) }) {
                let e = sorted[m]
                if best == nil || e.start > best!.start || e.pos < best!.pos { best = (e.pos, e.start) }
                break
            }
            end = k
        }
        return best
    }
}
