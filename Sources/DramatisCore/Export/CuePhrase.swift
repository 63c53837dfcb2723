import Foundation

/// How a statement's cue and channel read in a summary and in the window: the speech verb as a
/// reader expects it ("said", "stated at a press conference", "wrote on X"), never the raw
/// fields ("stating, on press conference"). The JSON keeps the raw `cue` and `channel`.
public enum CuePhrase {
    /// The cue as a verb phrase in the past: a participle becomes the past form ("stating" →
    /// "stated", "saying" → "said"); a cue that is only an adverb ("clearly", from
    /// `speech-modifiers.txt`) or a reporting phrase ("according to") is not a verb and gives nil.
    /// Other words are kept, lower-cased.
    public static func verb(_ cue: String?, resources: Resources = .shared) -> String? {
        guard let cue else { return nil }
        var words = collapseWhitespace(cue).split(separator: " ").map { $0.lowercased() }
        guard let first = words.first else { return nil }
        // "according to" introduces the speaker; it is no verb of the speaker's.
        if resources.reportingPatterns.contains(where: { $0.words == words }) { return nil }
        if words.count == 1, resources.speechVerbs[first] == nil,
           resources.speechModifiers.contains(first) || first.hasSuffix("ly") { return nil }
        if first.hasSuffix("ing"), first.count > 4 {
            if let lemma = resources.speechVerbs[first]?.lemma, let past = resources.speechVerbPast[lemma] {
                words[0] = past
            } else {
                // "emphasizing" → "emphasized", "citing" → "cited": the regular past.
                words[0] = String(first.dropLast(3)) + "ed"
            }
        }
        return words.joined(separator: " ")
    }

    /// "at a press conference", "on X", "in a statement"; a channel the lexicon does not know
    /// reads "on NAME" when it is a name (a platform), else "in a NAME".
    public static func channel(_ channel: String?, resources: Resources = .shared) -> String? {
        guard let channel else { return nil }
        let name = collapseWhitespace(channel)
        guard !name.isEmpty else { return nil }
        if let phrase = resources.channelPhrases[name] { return phrase }
        if name.first?.isUppercase == true { return "on \(name)" }
        let article = "aeiou".contains(name.first!) ? "an" : "a"
        return "in \(article) \(name)"
    }

    /// "stated on social media", "said at a press conference"; with `verb: false` only the
    /// channel (the verb is written elsewhere, as in "Donald Trump signalled …"). A belief or
    /// finding says so. Nil when there is nothing to say.
    public static func attribution(_ statement: Statement, verb includeVerb: Bool = true) -> String? {
        var phrase = [includeVerb ? verb(statement.cue) : nil, channel(statement.channel)]
            .compactMap { $0 }.joined(separator: " ")
        // A reported belief, intention or finding is not something said.
        if statement.speech == false { phrase += phrase.isEmpty ? "belief or finding, not speech" : "; belief or finding, not speech" }
        return phrase.isEmpty ? nil : phrase
    }

    /// The start of a reported statement naming who: "Donald Trump signalled" before "he would
    /// not accept", or "Donald Trump:" when the cue is no verb. Nil for direct quotes and for
    /// statements nobody could be named for.
    public static func reportedLead(_ statement: Statement, speakerName: String?) -> String? {
        guard statement.kind == .indirect, let name = speakerName.map(collapseWhitespace), !name.isEmpty else { return nil }
        guard let v = verb(statement.cue) else { return "\(name):" }
        return "\(name) \(v)"
    }

    /// A statement as the exports show it: a reported one led by who said it ("Donald Trump
    /// signalled he would not accept"; a sentence-initial "The" or "In" lower-cased after the
    /// lead), a direct quote in quotation marks.
    public static func shown(_ statement: Statement, speakerName: String?, resources: Resources = .shared) -> String {
        let text = Summary.quoted(statement)
        guard let lead = reportedLead(statement, speakerName: speakerName) else { return text }
        var words = text.split(separator: " ", maxSplits: 1).map(String.init)
        if let first = words.first, first != "I", resources.stopwords.contains(first.lowercased()) {
            words[0] = first.lowercased()
        }
        return lead + " " + words.joined(separator: " ")
    }
}
