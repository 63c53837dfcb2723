import Testing
@testable import DramatisCore

@Suite struct TokenizerTests {
    @Test func abbreviationsKeepTheirPeriod() {
        let doc = TextDocument("Mr. Smith met U.S. officials on Jan. 5. Then he left.")
        let words = doc.tokens.map(\.text)
        #expect(words.contains("Mr."))
        #expect(words.contains("U.S."))
        #expect(words.contains("Jan."))
        #expect(doc.sentences.count == 2)
    }
}
