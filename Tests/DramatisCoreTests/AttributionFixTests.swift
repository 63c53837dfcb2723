import Testing
@testable import DramatisCore

/// Hand-built sentences for the attribution fixes of issue #15 (cue words, speaker choice).
@Suite struct AttributionFixTests {
    @Test func aLexiconVerbInsideANameIsNoCue() {
        // "States" of "United States" is not the verb "states".
        let p = Probe("The most-visited page in China was the air-quality monitor maintained by the United States Embassy in Beijing.")
        #expect(p.statement("Embassy") == nil)
        #expect(p.analysis.statements.allSatisfy { $0.cue != "States" })
    }

    @Test func theCueOfAGoldAttributionIsItsVerbNotAnAdverb() {
        #expect(AttributionTrainer.headWord(ofCue: "privately express") == "express")
        #expect(AttributionTrainer.headWord(ofCue: "has repeatedly said") == "said")
        #expect(AttributionTrainer.headWord(ofCue: "successfully argued") == "argued")
        #expect(AttributionTrainer.headWord(ofCue: "reportedly") == "reportedly")
        #expect(AttributionTrainer.headWord(ofCue: "reply to") == "reply")
    }
}
