import Foundation
import Testing
@testable import DramatisCore

/// The committed fixtures: Tests/Fixtures/…, found from this file's location.
enum LoaderFixtures {
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    static var html: URL { root.appendingPathComponent("html") }

    /// NAME for every NAME.html that has a NAME.expected.json beside it.
    static func htmlNames() -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: html.path)) ?? []
        return files.filter { $0.hasSuffix(".expected.json") }.map { String($0.dropLast(".expected.json".count)) }.sorted()
    }

    struct Expected: Decodable {
        var title: String
        var date: String?
        var author: String?
        var siteName: String?
        var firstParagraph: String
        var lastParagraph: String
        var mustNotContain: [String]
        /// Checks this fixture is known to fail ("firstParagraph", "lastParagraph", "mustNotContain"):
        /// still run, reported as known issues, and reported as a failure once they pass.
        var knownIssues: [String]?
    }

    static func expected(_ name: String) throws -> Expected {
        try JSONDecoder().decode(Expected.self, from: Data(contentsOf: html.appendingPathComponent("\(name).expected.json")))
    }

    static func body(_ name: String) throws -> String {
        try String(contentsOf: html.appendingPathComponent("\(name).body.txt"), encoding: .utf8)
    }
}

/// Word-level precision/recall/F1 of an extracted text against a reference (bags of lowercased words).
enum WordF1 {
    static func words(_ s: String) -> [String] {
        s.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    static func score(extracted: String, reference: String) -> (precision: Double, recall: Double, f1: Double) {
        var ref: [String: Int] = [:]
        for w in words(reference) { ref[w, default: 0] += 1 }
        let got = words(extracted)
        var remaining = ref
        var overlap = 0
        for w in got where (remaining[w] ?? 0) > 0 { remaining[w]! -= 1; overlap += 1 }
        let refCount = ref.values.reduce(0, +)
        guard overlap > 0, !got.isEmpty, refCount > 0 else { return (0, 0, 0) }
        let p = Double(overlap) / Double(got.count), r = Double(overlap) / Double(refCount)
        return (p, r, 2 * p * r / (p + r))
    }
}

@Suite struct HTMLExtractionTests {
    @Test func thereAreAtLeastFiveFixtures() {
        #expect(LoaderFixtures.htmlNames().count >= 5)
    }

    @Test(arguments: LoaderFixtures.htmlNames())
    func fixture(_ name: String) throws {
        let expected = try LoaderFixtures.expected(name)
        let path = LoaderFixtures.html.appendingPathComponent("\(name).html").path
        let article = try ArticleLoader.load(path: path)
        #expect(article.title == expected.title, "\(name): title")
        #expect(article.published == expected.date, "\(name): date")
        if let author = expected.author { #expect(article.author == author, "\(name): author") }
        if let site = expected.siteName { #expect(article.siteName == site, "\(name): site name") }
        #expect(article.source == path)
        let paragraphs = article.text.components(separatedBy: "\n\n")
        #expect(!article.text.contains("\n\n\n"))
        #expect(paragraphs.allSatisfy { !$0.isEmpty && $0 == $0.trimmingCharacters(in: .whitespacesAndNewlines) })
        let known = Set(expected.knownIssues ?? [])
        func check(_ key: String, _ body: () -> Void) {
            if known.contains(key) { withKnownIssue("\(name): \(key)") { body() } } else { body() }
        }
        check("firstParagraph") { #expect(paragraphs.first == expected.firstParagraph, "\(name): first paragraph") }
        check("lastParagraph") { #expect(paragraphs.last == expected.lastParagraph, "\(name): last paragraph") }
        let leaked = expected.mustNotContain.filter { article.text.contains($0) }
        check("mustNotContain") { #expect(leaked.isEmpty, "\(name): body contains navigation/boilerplate text") }
    }

    @Test func averageWordF1AgainstHandCopiedBodies() throws {
        var scores: [Double] = []
        for name in LoaderFixtures.htmlNames() {
            let path = LoaderFixtures.html.appendingPathComponent("\(name).html").path
            let article = try ArticleLoader.load(path: path)
            let s = WordF1.score(extracted: article.text, reference: try LoaderFixtures.body(name))
            print(String(format: "word F1 %-18@ P=%.3f R=%.3f F1=%.3f", name as NSString, s.precision, s.recall, s.f1))
            scores.append(s.f1)
        }
        let mean = scores.reduce(0, +) / Double(max(scores.count, 1))
        print(String(format: "word F1 mean over %d fixtures: %.3f", scores.count, mean))
        #expect(scores.count >= 5)
        #expect(mean >= 0.90)
    }

    @Test func wordF1IsSensitive() {
        #expect(WordF1.score(extracted: "a b c", reference: "a b c").f1 == 1)
        #expect(WordF1.score(extracted: "x y z", reference: "a b c").f1 == 0)
        let half = WordF1.score(extracted: "a b", reference: "a b c d")
        #expect(half.precision == 1 && half.recall == 0.5)
    }
}
