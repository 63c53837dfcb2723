import Foundation
import Testing

/// `dramatis analyze --stdin --format jsonl`: one line out per record, in input order, with the
/// record's id; bad records give error lines, never a crash or a lost record.
@Suite struct StdinRecordsTests {
    let cli = ExportCLITests()

    static func jsonLine(_ object: [String: Any]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    /// The output lines as JSON objects.
    static func objects(_ stdout: String) throws -> [[String: Any]] {
        try stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any], "not a JSON object: \($0)")
        }
    }

    @Test func recordsComeBackInOrderWithTheirIds() throws {
        let sample = try String(contentsOfFile: ExportCLITests.sample, encoding: .utf8)
        let long = String(repeating: sample + "\n\n", count: 6)
        var lines: [String] = []
        // Long articles first and short ones after, more than the in-flight window: the short
        // ones finish first on the other core and must still be written after the long ones.
        for i in 0..<20 {
            let text = i < 3 ? long : "Minister Anna Berg said on Friday that record \(i) was fine."
            lines.append(try Self.jsonLine(["id": i % 2 == 0 ? "r\(i)" : i, "text": text, "published": "2024-05-06",
                                            "url": "https://example.org/\(i)"]))
        }
        let run = try cli.dramatis(["analyze", "--stdin", "--format", "jsonl"],
                                   input: Data((lines.joined(separator: "\n") + "\n").utf8))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        let out = try Self.objects(run.stdout)
        #expect(out.count == 20)
        for (i, object) in out.enumerated() {
            if i % 2 == 0 { #expect(object["id"] as? String == "r\(i)") } else { #expect((object["id"] as? NSNumber)?.intValue == i) }
            #expect(object["schema"] as? String == "dramatis.analysis/1")
            let article = try #require(object["article"] as? [String: Any])
            #expect(article["published"] as? String == "2024-05-06")
            #expect(article["source"] as? String == "https://example.org/\(i)")
            let statements = try #require(object["statements"] as? [[String: Any]])
            #expect(!statements.isEmpty)
        }
        // The first key of every line is the id (engines that split on it need not parse the rest).
        #expect(run.stdout.hasPrefix("{\"id\":\"r0\",\"article\":"))
    }

    @Test func aRecordIsAnalysedAsTheSameTextInAFile() throws {
        // The file's date comes from its sidecar (seed.meta.json); the record gives it itself.
        let sample = try String(contentsOfFile: ExportCLITests.sample, encoding: .utf8)
        let file = try cli.dramatis(["analyze", ExportCLITests.sample, "--format", "jsonl"])
        let record = try cli.dramatis(["analyze", "--stdin", "--format", "jsonl"],
                                      input: Data((try Self.jsonLine(["id": 1, "text": sample, "published": "2025-08-18"]) + "\n").utf8))
        #expect(file.status == 0 && record.status == 0, "\(file.stderr) \(record.stderr)")
        let a = try #require(try JSONSerialization.jsonObject(with: Data(file.stdout.utf8)) as? [String: Any])
        let b = try #require(try Self.objects(record.stdout).first)
        for key in ["entities", "statements", "positions", "timeline"] {
            let x = try JSONSerialization.data(withJSONObject: a[key] ?? NSNull(), options: [.sortedKeys])
            let y = try JSONSerialization.data(withJSONObject: b[key] ?? NSNull(), options: [.sortedKeys])
            #expect(x == y, "\(key) differs")
        }
        #expect((a["article"] as? [String: Any])?["title"] as? String == (b["article"] as? [String: Any])?["title"] as? String)
    }

    @Test func badRecordsGiveErrorLinesAndNothingIsLost() throws {
        let good = "Transport Minister Anna Berg said the bridge would open in May."
        let lines = [
            try Self.jsonLine(["id": "good-1", "text": good]),
            "{\"id\": \"broken-json\", \"text\": \"unterminated",               // invalid JSON: id read anyway
            try Self.jsonLine(["id": "no-text", "url": "https://example.org/x"]),
            try Self.jsonLine(["id": "binary", "text": "\u{0}\u{1}\u{2}ELF\u{0}\u{0}\u{0}\u{3}\u{4}"]),
            try Self.jsonLine(["id": "both", "text": good, "html": "<p>\(good)</p>"]),
            try Self.jsonLine(["id": "bad-date", "text": good, "published": "18/08/2025"]),
            try Self.jsonLine(["id": 7, "text": 42]),
            "[1, 2, 3]",
            "",                                                                  // blank: not a record
            try Self.jsonLine(["id": true, "text": good]),
            try Self.jsonLine(["id": "html-1", "html": "<html><head><title>Bridge</title></head><body><article><p>\(good)</p></article></body></html>"]),
            try Self.jsonLine(["id": "last", "text": good]),                     // no newline after it
        ]
        let run = try cli.dramatis(["analyze", "--stdin", "--format", "jsonl"], input: Data(lines.joined(separator: "\n").utf8))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "dramatis: 8 record(s) could not be analysed (error lines in the output)\n")
        let out = try Self.objects(run.stdout)
        #expect(out.count == 11)
        let ids = out.map { $0["id"].map { "\($0)" } ?? "nil" }
        #expect(ids == ["good-1", "broken-json", "no-text", "binary", "both", "bad-date", "7", "<null>", "<null>", "html-1", "last"])
        let errors = out.map { $0["error"] as? String }
        #expect(errors[0] == nil && errors[9] == nil && errors[10] == nil)
        #expect(errors[1] == "not valid JSON")
        #expect(errors[2] == "the record has no text and no html")
        #expect(errors[3]?.contains("not a text article") == true)
        #expect(errors[4] == "the record has both text and html: give one")
        #expect(errors[5]?.hasPrefix("published must be a date") == true)
        #expect(errors[6] == "text must be a string")
        #expect(errors[7] == "a record must be a JSON object")
        #expect(errors[8] == "id must be a string or an integer")
        // Error lines say which input line they answer (the blank line 9 is counted, not answered).
        #expect(out[7]["line"] as? Int == 8 && out[8]["line"] as? Int == 10)
        let html = try #require(out[9]["article"] as? [String: Any])
        #expect(html["title"] as? String == "Bridge")
        #expect((out[10]["statements"] as? [Any])?.count == 1)
    }

    @Test func emptyInputAndWrongUse() throws {
        let empty = try cli.dramatis(["analyze", "--stdin", "--format", "jsonl"], input: Data())
        #expect(empty.status == 0 && empty.stdout.isEmpty && empty.stderr.isEmpty)
        let json = try cli.dramatis(["analyze", "--stdin"], input: Data())
        #expect(json.status != 0 && json.stderr.contains("--format jsonl"))
        let both = try cli.dramatis(["analyze", "--stdin", "--format", "jsonl", ExportCLITests.sample], input: Data())
        #expect(both.status != 0 && both.stderr.contains("no files"))
        let none = try cli.dramatis(["analyze"])
        #expect(none.status != 0 && none.stderr.contains("--stdin"))
    }
}
