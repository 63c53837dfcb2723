import Foundation
import Testing
@testable import DramatisCore

/// The start-up and lookup fast paths give what the plain paths give.
@Suite struct FastPathTests {
    static func weights(_ m: LinearModel) -> [String: [UInt64: Double]] {
        Dictionary(uniqueKeysWithValues: zip(m.classes, m.weights))
    }

    @Test func modelTableFromBytesEqualsTheRowReader() throws {
        let url = try #require(DataDirectory.shared).appendingPathComponent("models/entities.tsv")
        let data = try Data(contentsOf: url)
        let fast = LinearModel(table: data), rows = LinearModel(rows: Resources.parseTable(data))
        #expect(fast.classes == rows.classes)
        #expect(Self.weights(fast) == Self.weights(rows))
        #expect(fast.featureCount > 100_000)
        // Comments, blank lines, CRLF, spaces around columns, short rows and bad weights.
        let odd = Data("# c\n\nB-x\t a b \t1.5\r\nO\tw=x\t-2\nO\tonly two\nO\tf\tnot-a-number\nB-x\tq\t0.25\textra\n".utf8)
        let a = LinearModel(table: odd), b = LinearModel(rows: Resources.parseTable(odd))
        #expect(a.classes == ["B-x", "O"] && a.classes == b.classes)
        #expect(Self.weights(a) == Self.weights(b))
        #expect(a.featureCount == 3)
    }

    @Test func zipfOfAnyCasing() throws {
        let res = Resources.shared
        for w in ["the", "The", "THE", "government", "Ünïcode", "naïve", "x", "", "said", "Said"] {
            #expect(res.zipf(w) == (res.wordFrequency[w.lowercased()] ?? 0), "\(w)")
        }
        #expect(res.zipf("The") > 6)
    }

    @Test func cueKeysFoldTheCurlyApostrophe() {
        let doc = TextDocument("He won’t back the plan and doesn't")
        let keys = doc.tokens.map(PositionCueLexicon.key)
        #expect(keys == doc.tokens.map { $0.lower.replacingOccurrences(of: "’", with: "'") })
        #expect(doc.tokens.contains { $0.lower.contains("’") }, "the text has a curly apostrophe to fold")
    }
}
