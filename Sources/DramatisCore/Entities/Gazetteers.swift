import Foundation

// Entity recognition: lookups in the gazetteers and the role list (no state changes).
extension RecognitionPass {
    enum GazetteerHit { case country(String), place(String), org(String, EntityType), metonym(String), platform(String), region(String) }

    func gazetteer(_ r: Range<Int>) -> GazetteerHit? {
        for f in lookupForms(r) where res.gazetteerFirstWords.contains(String(f.prefix { $0 != " " })) {
            if let c = res.countryNames[f] { return .country(c) }
            if let m = res.metonyms[f] { return .metonym(m.canonical) }
            if let o = res.organizations[f] { return .org(o.canonical, o.type) }
            if let g = res.regions[f] { return .region(g) }
            if res.platforms.contains(f) {
                // "X" or "Threads" only when they read as a platform: "on X", "via X".
                let ambiguous = f.count == 1 || res.isCommonWord(f)
                if !ambiguous { return .platform(f) }
                let prev = r.lowerBound > 0 ? tokens[r.lowerBound - 1].lower : ""
                if prev == "on" || prev == "via" { return .platform(f) }
                continue
            }
            if res.places[f] != nil { return .place(f) }
        }
        return nil
    }

    /// No lookup form of `r` starts with the first word of a gazetteer spelling (so `gazetteer`
    /// finds nothing for `r`, nor for any shorter run from its first token that still holds
    /// the first space of its text).
    func gazetteerFirstWordsMiss(_ r: Range<Int>) -> Bool {
        !lookupForms(r).contains { res.gazetteerFirstWords.contains(String($0.prefix { $0 != " " })) }
    }

    /// The scalars of the text of `r` before its first space (all of them when it has none).
    func firstWordLength(_ r: Range<Int>) -> Int {
        let t = text(r)
        return t[..<(t.firstIndex(of: " ") ?? t.endIndex)].unicodeScalars.count
    }

    func countryOf(_ r: Range<Int>) -> String? {
        for f in lookupForms(r) {
            if let c = res.countryNames[f] { return c }
            if let c = res.demonyms[f] { return c }
            if let g = res.regions[f] { return g }
            if let d = res.extraDemonyms[f] { return d }
        }
        return nil
    }

    func isDemonym(_ i: Int) -> Bool {
        let t = tokens[i].text
        return res.demonyms[t] != nil || res.extraDemonyms[t] != nil
    }

    /// Longest role title (from roles.txt) starting at token `i`, within `limit`.
    func roleMatch(at i: Int, limit: Int) -> Int {
        var best = 0
        var phrase = ""
        var j = i
        while j < limit, j - i < 5 {
            phrase += (j == i ? "" : " ") + tokens[j].text
            if res.roles[phrase] != nil { best = j - i + 1 }
            j += 1
        }
        return best
    }

    func isRoleWord(_ i: Int, limit: Int) -> Bool { roleMatch(at: i, limit: limit) > 0 }
}
