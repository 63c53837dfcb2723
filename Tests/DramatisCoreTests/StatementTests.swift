import Testing
@testable import DramatisCore

@Suite struct StatementTests {
    @Test func quoteSplitByAttributionIsTwoStatementsBySameSpeaker() {
        let p = Probe("“Peace must be lasting,” Mr Smith stated on social media. “Not like it was years ago.”")
        let a = p.statement("Peace must be lasting")
        let b = p.statement("Not like it was")
        #expect(a?.kind == .direct && b?.kind == .direct)
        #expect(a?.text == "Peace must be lasting")
        #expect(p.speaker(of: "Peace") == "Smith")
        #expect(p.speaker(of: "Not like") == "Smith")
        #expect(a?.channel == "social media")
        #expect(a?.cue == "stated")
    }

    @Test func transcriptLabelsSpeakTheirParagraphs() {
        let p = Probe("Gov. Mike Pence spoke on Sunday.\n\nPartial transcript as follows:\n\n\"WALLACE: Will she be at the debate tomorrow?\n\n\"PENCE: She will not be attending the debate.\n\n\"But the truth is that he has a unique way of communicating.\n\n\"(CROSSTALK.)\n\nMR. TRUMP: We will win so much.")
        #expect(p.speaker(of: "Will she be") == "Wallace")
        #expect(p.statement("She will not")?.text == "She will not be attending the debate")
        #expect(p.speaker(of: "She will not") == "Mike Pence")
        #expect(p.speaker(of: "But the truth") == "Mike Pence")  // the turn continues
        #expect(p.speaker(of: "We will win") == "Trump")
        #expect(p.statement("CROSSTALK") == nil)                  // a stage direction
        #expect(!p.analysis.entities.contains { $0.name == "CROSSTALK" })
    }

    @Test func quotedTitlesAreNotStatements() {
        let p = Probe("On this weekend's broadcast of \"Fox News Sunday,\" Mr Pence said the tweet was a joke.")
        #expect(p.statement("Fox News Sunday") == nil)
        #expect(p.speaker(of: "the tweet was a joke") == "Pence")
    }

    @Test func invertedSpeakerAfterATitleAndInitials() {
        let p = Probe("\"There's some thought that the same enthusiasm might not be there,\" said Representative Charles B. Rangel of New York.\n\n\"This is a disgusting day,\" said Rep. G.K. Butterfield, a Democrat from North Carolina.\n\n\"Absolutely hate this framing,\" Vann R. Newkirk II, a writer for The Atlantic, said on Twitter.\n\n\"Turnout makes a difference,\" said Charlie King, a prominent New York Democrat.")
        #expect(p.speaker(of: "some thought") == "Charles B. Rangel")
        #expect(p.speaker(of: "disgusting day") == "G.K. Butterfield")
        #expect(p.speaker(of: "Absolutely hate") == "Vann R. Newkirk")
        #expect(p.speaker(of: "Turnout makes") == "Charlie King")
    }

    @Test func questionsAndExclamationsKeepTheirAttribution() {
        let p = Probe("Lindsey Graham spoke at a gathering.\n\n“Does anybody know what the platform is?” Graham asked. “Neither do I.”")
        #expect(p.speaker(of: "Does anybody know") == "Lindsey Graham")
        #expect(p.speaker(of: "Neither do I") == "Lindsey Graham")
    }

    @Test func participleCueAfterAnIntroductoryPhrase() {
        let p = Probe("During a speech earlier in the day, Donald Trump attacked Hillary Clinton for her record, saying, \"She's trigger-happy and very unstable.\"")
        #expect(p.speaker(of: "trigger-happy") == "Donald Trump")
    }

    @Test func quoteAfterReportedSpeechInItsParagraphIsTheSameSpeaker() {
        let p = Probe("Adam Schiff spoke on Monday.\n\nThe administration may be reluctant to act, Schiff said. \"The other factor is the appearance of tipping the scales for one side.\"")
        #expect(p.speaker(of: "The other factor") == "Adam Schiff")
    }

    @Test func twoApostrophesQuoteLikeDoubleQuotes() {
        let p = Probe("Hillary Clinton has come up with one.\n\n''This isn't tax reform,'' said Douglas Holtz-Eakin, an economist. ''It's anti-reform.''")
        #expect(p.statement("This isn't tax reform")?.text == "This isn't tax reform")
        #expect(p.speaker(of: "This isn't tax reform") == "Douglas Holtz-Eakin")
        #expect(p.speaker(of: "anti-reform") == "Douglas Holtz-Eakin")
    }

    @Test func passiveSpeechVerbsAndTimePhrasesAreNotStatements() {
        let p = Probe("Mr. Quiros was accused of using $50 million for personal expenses. The page was maintained by the embassy in Beijing. Mr Flynn said Thursday morning on Fox News that the generals were angry.")
        #expect(p.statement("using $50 million") == nil)
        #expect(p.statement("Beijing") == nil)
        #expect(p.statement("Thursday morning") == nil)
        #expect(p.speaker(of: "the generals were angry") == "Flynn")
    }

    @Test func urgedSomeoneToActIsTheContent() {
        let p = Probe("Secretary of State John F. Kerry said the US would act, and he urged North Korea to resume talks it abandoned in 2009.")
        #expect(p.statement("North Korea to resume")?.text == "North Korea to resume talks it abandoned in 2009")
        #expect(p.speaker(of: "North Korea to resume") == "John F. Kerry")
    }

    @Test func trailingAttributionOverAudienceAndTime() {
        let p = Probe("Donald Trump could embrace a clean energy policy, Sen. Lindsey Graham (R-S.C.) told The Huffington Post on Thursday.\n\nThe obsession is an insult to all Americans, top black lawmakers said Friday afternoon, as they bristled at the questions.\n\nThe skepticism has hurt the nominee with young voters, Graham said, since most of them accept that human activity causes it.")
        #expect(p.speaker(of: "could embrace a clean energy policy") == "Lindsey Graham")
        #expect(p.statement("could embrace")?.text == "Donald Trump could embrace a clean energy policy")
        #expect(p.statement("The obsession is an insult")?.text == "The obsession is an insult to all Americans")
        #expect(p.speaker(of: "has hurt the nominee") == "Lindsey Graham")
        #expect(p.statement("human activity causes it") == nil)
        #expect(!p.analysis.entities.contains { $0.name.hasPrefix("R-S") })
    }

    @Test func coordinatedSpeechVerbsAreSeparateStatements() {
        let p = Probe("G7 ministers called for more flexibility in exchange rates and said \"excess volatility\" would impede economic growth. Oxfam adviser Max Lawson welcomed the statement and said ministers had \"passed the first hurdle of 2005\".")
        #expect(p.statement("more flexibility")?.text == "more flexibility in exchange rates")
        let s = p.statement("excess volatility")
        #expect(s?.kind == .indirect)
        #expect(s?.text == "\"excess volatility\" would impede economic growth")
        #expect(p.statement("the statement") == nil)   // a bare object of "welcomed"
        #expect(p.speaker(of: "passed the first hurdle") == "Max Lawson")
    }

    @Test func aSpokespersonForABodySpeaks() {
        let p = Probe("\"We are reviewing the decision,\" said a spokesperson for the Department of Health.\n\n\"We take these concerns seriously,\" a spokeswoman for Amazon said.\n\nAngelique Brunner, a developer and spokeswoman for the EB-5 Investment Coalition, said the program helped.\n\n\"It's hard to convince them,\" she said.")
        #expect(p.speaker(of: "reviewing the decision") == "spokesperson for the Department of Health")
        #expect(p.speaker(of: "concerns seriously") == "spokeswoman for Amazon")
        #expect(p.speaker(of: "hard to convince") == "Angelique Brunner")   // an apposition, not a new speaker
    }

    @Test func aSurnameThatIsAMonth() {
        let p = Probe("Asked whether she would resign, Theresa May replied: \"No, I will not.\" Mrs May spoke again in May 2019.")
        #expect(p.speaker(of: "No, I will not") == "Theresa May")
        #expect(p.analysis.entities.first { $0.name == "Theresa May" }?.mentions.count ?? 0 >= 2)
        #expect(p.analysis.timeline.contains { $0.date == "2019-05" })
    }

    @Test func saidXInversionAndPronoun() {
        let p = Probe("Jane Hutt leads the team. “We are turning the corner,” she said. “It works,” said Mr Tom Price.")
        #expect(p.speaker(of: "turning the corner") == "Jane Hutt")
        #expect(p.speaker(of: "It works") == "Tom Price")
    }

    @Test func colonIntroducedQuote() {
        let p = Probe("Mr Trump is clearly aware of that focus, messaging on Truth Social that: “Never had so many leaders at one time.”")
        #expect(p.speaker(of: "Never had") == "Trump")
        #expect(p.statement("Never had")?.channel == "Truth Social")
    }

    @Test func reportedSpeechTrailingAndLeading() {
        let p = Probe("Ukraine needs a guarantee if it is to strike a deal, its President Volodymyr Zelenskyy has said.\n\nMs Jane Hutt said no patient would wait more than 12 months.")
        let a = p.statement("Ukraine needs a guarantee")
        #expect(a?.kind == .indirect)
        #expect(a?.text == "Ukraine needs a guarantee if it is to strike a deal")
        #expect(p.speaker(of: "Ukraine needs") == "Volodymyr Zelenskyy")
        let b = p.statement("no patient would wait")
        #expect(b?.kind == .indirect)
        #expect(b?.text == "no patient would wait more than 12 months")
        #expect(p.speaker(of: "no patient") == "Jane Hutt")
    }

    @Test func quotedFragmentBelongsToReportedSentence() {
        let p = Probe("Prime Minister Petteri Orpo stated that a ceasefire and guarantees were the “most important” topics at the meeting.")
        #expect(p.analysis.statements.count == 1)
        #expect(p.statement("most important")?.kind == .indirect)
        #expect(p.speaker(of: "ceasefire") == "Petteri Orpo")
    }

    @Test func shortLeadBeforeClosingQuoteIsDirect() {
        let p = Probe("Mr Brown also referred to the treaty. He said this agreement “didn't work”.")
        let s = p.statement("didn't work")
        #expect(s?.kind == .direct)
        #expect(s?.text == "didn't work")
        #expect(p.speaker(of: "didn't work") == "Brown")
    }

    @Test func whoClauseAndAppositionFindTheSubject() {
        let p = Probe("That received backing from Minister Johann Wadephul, who during a trip to Japan stated that “firm guarantees are central”.\n\nHealth analyst Tony Beddow, from the Welsh Institute for Health, called the new targets \"reasonably impressive\".")
        #expect(p.speaker(of: "firm guarantees") == "Johann Wadephul")
        #expect(p.speaker(of: "reasonably impressive") == "Tony Beddow")
    }

    @Test func neverAttributeToSomeoneOnlyInsideTheQuote() {
        let p = Probe("“Putin simply used it as a springboard for a new attack.”")
        #expect(p.statement("springboard")?.speaker == nil)
    }

    @Test func continuedQuoteInNextParagraphKeepsSpeaker() {
        let p = Probe("“The first part runs on,” Mr Adam Brook said. “And it continues\n\n“into the next paragraph without a break.”")
        #expect(p.speaker(of: "And it continues") == "Adam Brook")
        #expect(p.speaker(of: "into the next paragraph") == "Adam Brook")
    }

    @Test func accordingTo() {
        let p = Probe("According to Mr Dan Reed, the plan will fail.")
        #expect(p.statement("the plan will fail")?.kind == .indirect)
        #expect(p.speaker(of: "the plan will fail") == "Dan Reed")
    }
}

@Suite struct QuotationPairingTests {
    @Test func straightQuotesInsideCurlyQuotesDoNotSplitIt() {
        let doc = TextDocument("“Use <span foreground=\"red\">x</span> here,” Mr Dan Reed said.")
        #expect(doc.quotations.count == 1)
        let p = Probe("“Use <span foreground=\"red\">x</span> here,” Mr Dan Reed said.")
        #expect(p.analysis.statements.count == 1)
        #expect(p.statement("here")?.text == "Use <span foreground=\"red\">x</span> here")
    }
}
