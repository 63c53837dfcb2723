import DramatisCore
import Testing

/// The cue and channel as a reader expects them in the exports and the window.
@Suite struct CuePhraseTests {
    func statement(_ kind: StatementKind, cue: String?, channel: String? = nil, speech: Bool? = nil) -> Statement {
        var s = Statement(id: "s1", speaker: "e1", kind: kind, text: "it was fine", start: 0, end: 11,
                          cue: cue, channel: channel, confidence: 0.9)
        s.speech = speech
        return s
    }

    @Test func participlesBecomeThePastAndAdverbsAreNoVerb() {
        #expect(CuePhrase.verb("stating") == "stated")
        #expect(CuePhrase.verb("saying") == "said")      // from speech-verbs.tsv, not "sayed"
        #expect(CuePhrase.verb("telling") == "told")
        #expect(CuePhrase.verb("emphasizing") == "emphasized")
        #expect(CuePhrase.verb("said") == "said")
        #expect(CuePhrase.verb("called for") == "called for")
        #expect(CuePhrase.verb("States") == "states")
        #expect(CuePhrase.verb("clearly") == nil)
        #expect(CuePhrase.verb("according to") == nil)
        #expect(CuePhrase.verb("  ") == nil)
        #expect(CuePhrase.verb(nil) == nil)
    }

    @Test func channelsTakeTheirPreposition() {
        #expect(CuePhrase.channel("press conference") == "at a press conference")
        #expect(CuePhrase.channel("media briefing") == "in a media briefing")
        #expect(CuePhrase.channel("social media") == "on social media")
        #expect(CuePhrase.channel("X") == "on X")
        #expect(CuePhrase.channel("Truth Social") == "on Truth Social")
        #expect(CuePhrase.channel("statement") == "in a statement")
        #expect(CuePhrase.channel("interview") == "in an interview")
        // Not in channels.tsv (a saved analysis from elsewhere): a name, or a common noun.
        #expect(CuePhrase.channel("Bloomberg TV") == "on Bloomberg TV")
        #expect(CuePhrase.channel("podcast") == "in a podcast")
        #expect(CuePhrase.channel("") == nil)
    }

    @Test func attributionReadsAsOnePhrase() {
        #expect(CuePhrase.attribution(statement(.direct, cue: "stating", channel: "press conference")) == "stated at a press conference")
        #expect(CuePhrase.attribution(statement(.direct, cue: "said", channel: "media briefing")) == "said in a media briefing")
        #expect(CuePhrase.attribution(statement(.direct, cue: "clearly", channel: "Truth Social", speech: false))
                == "on Truth Social; belief or finding, not speech")
        #expect(CuePhrase.attribution(statement(.direct, cue: nil)) == nil)
        #expect(CuePhrase.attribution(statement(.indirect, cue: "said", channel: "X"), verb: false) == "on X")
    }

    @Test func reportedSpeechNamesItsSpeaker() {
        #expect(CuePhrase.reportedLead(statement(.indirect, cue: "signalled"), speakerName: "Donald Trump") == "Donald Trump signalled")
        #expect(CuePhrase.reportedLead(statement(.indirect, cue: "suggesting"), speakerName: "Vladimir Putin") == "Vladimir Putin suggested")
        #expect(CuePhrase.reportedLead(statement(.indirect, cue: "according to"), speakerName: "Ana Ruiz") == "Ana Ruiz:")
        #expect(CuePhrase.reportedLead(statement(.indirect, cue: "said"), speakerName: nil) == nil)
        #expect(CuePhrase.reportedLead(statement(.direct, cue: "said"), speakerName: "Ana Ruiz") == nil)
    }

    @Test func theLeadJoinsTheReportedTextAsOneSentence() {
        var s = statement(.indirect, cue: "said")
        s.text = "The plan would work"
        #expect(CuePhrase.shown(s, speakerName: "Ana Ruiz") == "Ana Ruiz said the plan would work")
        s.text = "Ukraine needs help"
        #expect(CuePhrase.shown(s, speakerName: "Ana Ruiz") == "Ana Ruiz said Ukraine needs help")
        s.text = "I was right"
        #expect(CuePhrase.shown(s, speakerName: "Ana Ruiz") == "Ana Ruiz said I was right")
        #expect(CuePhrase.shown(s, speakerName: nil) == "I was right")
        s.kind = .direct
        #expect(CuePhrase.shown(s, speakerName: "Ana Ruiz") == "“I was right”")
    }

    /// The Markdown export of a reported statement says who and how, never a bare "he …".
    @Test func markdownNamesTheSpeakerOfReportedSpeech() throws {
        let md = try MarkdownExporter.render(Fixtures.seed())
        #expect(md.contains("- *Reported:* Donald Trump signalled he would not accept\n"))
        #expect(!md.contains("*Reported:* he would not accept"))
        #expect(md.contains("(said in a media briefing)"))
        #expect(!md.contains(", on "))
    }
}
