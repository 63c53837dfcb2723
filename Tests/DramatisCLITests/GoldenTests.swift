import Foundation
import Testing

/// Whole outputs of `dramatis` against checked-in files in `Tests/Golden/` (swift-argument-parser's
/// golden-test style): any change to what a user sees shows up here as a diff. After a change
/// that is meant, regenerate them with `DRAMATIS_UPDATE_GOLDEN=1 swift test --filter GoldenTests`
/// and review the diff before committing.
@Suite struct GoldenTests {
    let cli = ExportCLITests()

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden")
    static let updating = ProcessInfo.processInfo.environment["DRAMATIS_UPDATE_GOLDEN"] == "1"

    static let article = """
        Minister backs plan

        “We will build the bridge,” Transport Minister Anna Berg said on Friday in a statement.

        The opposition leader, Mr Tomas Lind, said the plan would cost too much. He called it “a bridge to nowhere”.
        The vote is due in March 2025, three years after the first plan failed.
        """

    /// Runs dramatis in a folder holding `article.txt` (so the source reads "article.txt").
    func run(_ args: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let folder = try cli.temporaryFolder()
        try Data(Self.article.utf8).write(to: folder.appendingPathComponent("article.txt"))
        return try cli.dramatis(args, in: folder)
    }

    func expectGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = Self.folder.appendingPathComponent(name)
        if Self.updating {
            try Data(actual.utf8).write(to: url)
            return
        }
        let expected = try #require(try? String(contentsOf: url, encoding: .utf8),
                                    "Tests/Golden/\(name) is missing: run with DRAMATIS_UPDATE_GOLDEN=1", sourceLocation: sourceLocation)
        if actual != expected {
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = (0..<min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
            Issue.record("""
                output differs from Tests/Golden/\(name) at line \(line + 1):
                expected: \(line < e.count ? String(e[line]) : "<end>")
                actual:   \(line < a.count ? String(a[line]) : "<end>")
                (DRAMATIS_UPDATE_GOLDEN=1 rewrites the file)
                """, sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: [("json", "analyze.json"), ("markdown", "analyze.md"), ("html", "analyze.html")])
    func analyzeOutput(format: String, file: String) throws {
        let r = try run(["analyze", "article.txt", "--published", "2024-05-06", "--format", format])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        try expectGolden(r.stdout, file)
    }

    @Test func helpText() throws {
        for (args, file) in [(["--help"], "help.txt"), (["analyze", "--help"], "analyze-help.txt")] {
            let r = try run(args)
            #expect(r.status == 0)
            try expectGolden(r.stdout, file)
        }
    }

    @Test func errorForABadDate() throws {
        let r = try run(["analyze", "article.txt", "--published", "6 May 2024"])
        #expect(r.status != 0)
        #expect(r.stdout.isEmpty)
        try expectGolden(r.stderr, "analyze-bad-date.txt")
    }
}
