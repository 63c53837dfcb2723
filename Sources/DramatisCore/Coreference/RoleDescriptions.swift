import Foundation

// Coreference: a lower-case description ("the Ukrainian leader") as a mention of the one person it fits.
extension RecognitionPass {
    /// "the California congressman", "the GOP candidate": a description that fits exactly one
    /// person whose role names the same function.
    mutating func resolveFunctionDescriptions() {
        // Person drafts by the words of their role, with their first mention (kept current).
        var holdersByWord: [Substring: [Int]] = [:]
        var firstToken: [Int: Int] = [:]
        for d in drafts.indices where drafts[d].type == .person && !drafts[d].key.hasPrefix("spokes:") {
            guard let role = drafts[d].role else { continue }
            for w in Set(role.lowercased().split(separator: " ")) { holdersByWord[w, default: []].append(d) }
            firstToken[d] = drafts[d].firstToken
        }
        for i in tokens.indices where i > 0 && tokens[i].kind == .word && !tokens[i].isCapitalized && claimed[i] == nil {
            let noun = tokens[i].lower
            guard res.roleNouns[noun] != nil, !RecognitionPass.nonDescriptiveRoles.contains(noun) else { continue }
            if i + 1 < tokens.count, isCapWord(i + 1) { continue }
            // "the [modifiers] noun", modifiers being capitalised words or "former".
            var s = i - 1
            // (A sentence-initial "The" is capitalised too: it opens the description.)
            while s >= 0, i - s <= 3, tokens[s].lower != "the", isCapWord(s) || tokens[s].lower == "former" { s -= 1 }
            guard s >= 0, tokens[s].lower == "the" else { continue }
            let holders = (holdersByWord[Substring(noun)] ?? []).filter { firstToken[$0, default: Int.max] < i }
            guard holders.count == 1 else { continue }
            drafts[holders[0]].mentions.append((s..<(i + 1), .role))
            firstToken[holders[0]] = min(firstToken[holders[0], default: Int.max], s)
            for t in s..<(i + 1) where claimed[t] == nil { claimed[t] = holders[0] }
        }
    }

    static let nonDescriptiveRoles: Set<String> = ["spokesman", "spokeswoman", "spokesperson", "official", "aide", "adviser", "advisor"]

    /// "the Ukrainian leader", "Ukraine leader": the leader whose title belongs to that country.
    mutating func resolveRoleDescriptions() {
        resolveFunctionDescriptions()
        for i in tokens.indices {
            guard let noun = res.roleNouns[tokens[i].lower], noun, tokens[i].kind == .word, !tokens[i].isCapitalized, i > 0 else { continue }
            // Two-word nouns ("prime minister") end at i.
            var modifier = i - 1
            if i >= 2, res.roleNouns["\(tokens[i - 1].lower) \(tokens[i].lower)"] != nil { modifier = i - 2 }
            guard modifier >= 0, isCapWord(modifier) || claimed[modifier] != nil,
                  let country = countryOf(modifier..<(modifier + 1)) ?? claimed[modifier].flatMap({ drafts[$0].type == .place ? drafts[$0].name : nil })
            else { continue }
            if i + 1 < tokens.count, isCapWord(i + 1) { continue } // "Ukraine leader Volodymyr …" is a title
            let leaders = drafts.indices.filter {
                drafts[$0].type == .person && drafts[$0].roleIsLeader && drafts[$0].roleCountry == country
            }
            guard leaders.count == 1 else { continue }
            var start = modifier
            if start > 0, tokens[start - 1].lower == "the" { start -= 1 }
            drafts[leaders[0]].mentions.append((start..<(i + 1), .role))
            for t in start..<(i + 1) where claimed[t] == nil { claimed[t] = leaders[0] }
        }
    }
}
