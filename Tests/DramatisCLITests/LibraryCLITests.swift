import DramatisLibrary
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `dramatis library …` end to end, as a user runs it: a separate process on a library file.
@Suite struct LibraryCLITests {
    static func start(_ args: [String], stderr: FileHandle? = FileHandle.nullDevice) throws -> Process {
        let binary = try #require(ExportCLITests.binary, "the dramatis executable was not built beside the tests")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = args
        var env = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "LANG": "C.UTF-8"]
        if let data = ProcessInfo.processInfo.environment["DRAMATIS_DATA_DIR"] { env["DRAMATIS_DATA_DIR"] = data }
        p.environment = env
        p.standardOutput = FileHandle.nullDevice
        p.standardError = stderr
        try p.run()
        return p
    }

    static func run(_ args: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let binary = try #require(ExportCLITests.binary, "the dramatis executable was not built beside the tests")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = args
        var env = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "LANG": "C.UTF-8"]
        if let data = ProcessInfo.processInfo.environment["DRAMATIS_DATA_DIR"] { env["DRAMATIS_DATA_DIR"] = data }
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dramatis-library-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func jsonl(_ records: [[String: String]]) throws -> Data {
        var data = Data()
        for r in records {
            data += try JSONSerialization.data(withJSONObject: r, options: [.sortedKeys])
            data.append(0x0A)
        }
        return data
    }

    /// `count` copies of the sample article, each made a different article by a line of its own.
    static func sampleRecords(_ count: Int, tag: String) throws -> Data {
        let seed = try String(contentsOfFile: ExportCLITests.sample, encoding: .utf8)
        return try jsonl((0..<count).map { i in
            ["id": "\(tag)-\(i)", "text": seed + "\n\nCorrection \(tag) \(i): an earlier version misdated the talks.",
             "published": String(format: "2025-%02d-%02d", 1 + i % 12, 1 + i % 28)]
        })
    }

    @Test func addListActorSearchExportRemove() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let lib = dir.appendingPathComponent("lib.sqlite").path
        let records = dir.appendingPathComponent("news.jsonl")
        try Self.jsonl([
            ["id": "a", "published": "2025-02-03", "url": "https://kyiv.example.com/talks",
             "text": "Talks in Kyiv\n\nUkrainian President Volodymyr Zelenskyy said on Monday that his country would not give up territory. \"We will defend every village,\" Zelenskyy said."],
            ["id": "b", "published": "2025-02-07",
             "html": "<html><head><title>Summit ends</title></head><body><article><h1>Summit ends</h1><p>Volodymyr Zelensky, the president of Ukraine, said the summit had been useful. \"Our partners listened,\" he told reporters.</p></article></body></html>"],
        ]).write(to: records)
        let add = try Self.run(["library", "add", "--library", lib, records.path, ExportCLITests.sample])
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout.contains("added 3 articles (0 replaced), 0 failed"))
        // Again: replaced, not duplicated.
        let again = try Self.run(["library", "add", "--library", lib, records.path])
        #expect(again.stdout.contains("added 2 articles (2 replaced)"), "\(again.stdout)")

        let list = try Self.run(["library", "list", "--library", lib, "--format", "json"])
        let articles = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(articles.count == 3)
        #expect(articles.compactMap { $0["title"] as? String }.contains("Summit ends"))
        #expect(articles.first { $0["title"] as? String == "Talks in Kyiv" }?["outlet"] as? String == "kyiv.example.com")

        let actor = try Self.run(["library", "actor", "--library", lib, "--format", "json", "Zelensky"])
        #expect(actor.status == 0, "\(actor.stderr)")
        let record = try #require(try JSONSerialization.jsonObject(with: Data(actor.stdout.utf8)) as? [String: Any])
        let statements = try #require(record["statements"] as? [[String: Any]])
        let titles = statements.compactMap { ($0["source"] as? [String: Any])?["title"] as? String }
        #expect(Set(titles).isSuperset(of: ["Talks in Kyiv", "Summit ends"]))
        // By date: the sample (2025-08-18) after the February articles.
        #expect(titles.first == "Talks in Kyiv" && titles.last == "Zelenskyy says Ukraine needs an effective security guarantee")
        let text = try Self.run(["library", "actor", "--library", lib, "Volodymyr", "Zelenskiy"])
        #expect(text.stdout.contains("Statements") && text.stdout.contains("Summit ends"))

        let search = try Self.run(["library", "search", "--library", lib, "defend", "village"])
        #expect(search.status == 0 && search.stdout.contains("Talks in Kyiv") && search.stdout.contains("statement"))
        #expect(!search.stdout.contains("Summit ends"))

        let out = dir.appendingPathComponent("zelensky.html").path
        let export = try Self.run(["library", "export", "--library", lib, "-o", out, "Zelenskyy"])
        #expect(export.status == 0, "\(export.stderr)")
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(html.contains("Talks in Kyiv") && html.contains("https://kyiv.example.com/talks") && html.contains("Summit ends"))
        let pdf = try Self.run(["library", "export", "--library", lib, "-o", dir.appendingPathComponent("z.pdf").path, "Zelenskyy"])
        #expect(pdf.status != 0 && pdf.stderr.contains("Markdown, HTML or JSON"))

        let id = try #require(articles.first { $0["title"] as? String == "Summit ends" }?["id"] as? Int)
        let remove = try Self.run(["library", "remove", "--library", lib, String(id)])
        #expect(remove.status == 0 && remove.stdout.contains("removed 1 article"))
        let after = try Self.run(["library", "search", "--library", lib, "partners", "listened"])
        #expect(after.status == 0 && after.stdout.isEmpty)
        let gone = try Self.run(["library", "remove", "--library", lib, String(id)])
        #expect(gone.status == 1 && gone.stderr.contains("no article \(id)"))
    }

    @Test func badInputIsNamedAndTheRestIsAdded() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let lib = dir.appendingPathComponent("lib.sqlite").path
        let records = dir.appendingPathComponent("mixed.jsonl")
        var data = try Self.jsonl([["id": "ok", "text": "Fine day\n\nMayor Anna Weber said the bridge was safe."]])
        data += Data("{not json\n{\"id\": \"x\"}\n{\"text\": \"Dated\\n\\nShe said so.\", \"published\": \"soon\"}\n".utf8)
        try data.write(to: records)
        let add = try Self.run(["library", "add", "--library", lib, records.path, dir.appendingPathComponent("missing.txt").path])
        #expect(add.status == 1)
        #expect(add.stderr.contains("mixed.jsonl:2: not a JSON object"))
        #expect(add.stderr.contains("mixed.jsonl:3: a record needs \"text\" or \"html\""))
        #expect(add.stderr.contains("mixed.jsonl:4: \"published\" must be a date"))
        #expect(add.stderr.contains("missing.txt"))
        #expect(add.stdout.contains("added 1 article (0 replaced), 4 failed"))
        let nobody = try Self.run(["library", "actor", "--library", lib, "Nobody", "Atall"])
        #expect(nobody.status == 1 && nobody.stderr.contains("no actor named 'Nobody Atall'"))
        let blocked = try Self.run(["library", "list", "--library", dir.appendingPathComponent("mixed.jsonl/lib.sqlite").path])
        #expect(blocked.status == 1 && blocked.stderr.contains("cannot open the library"))
    }

    @Test func mergeAndSplitFromTheCommandLine() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let lib = dir.appendingPathComponent("lib.sqlite").path
        let records = dir.appendingPathComponent("smiths.jsonl")
        try Self.jsonl([
            ["id": "1", "published": "2025-01-01", "text": "Pipes\n\nJohn Smith, the chief plumber of the Ohio Water Company, said the pipes had frozen overnight."],
            ["id": "2", "published": "2025-01-02", "text": "Vote\n\nSenator John Smith said the bill would pass the Senate this week."],
        ]).write(to: records)
        #expect(try Self.run(["library", "add", "--library", lib, records.path]).status == 0)
        let ambiguous = try Self.run(["library", "actor", "--library", lib, "John", "Smith"])
        #expect(ambiguous.status == 1 && ambiguous.stderr.contains("names several actors"), "\(ambiguous.stdout) \(ambiguous.stderr)")
        let ids = ambiguous.stderr.split(separator: "#").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
        try #require(ids.count == 2)
        let merge = try Self.run(["library", "merge", "--library", lib, "#\(ids[0])", "#\(ids[1])"])
        #expect(merge.status == 0, "\(merge.stderr)")
        #expect(try Self.run(["library", "actor", "--library", lib, "John", "Smith"]).status == 0)
        // Re-analysis keeps the merge.
        #expect(try Self.run(["library", "add", "--library", lib, records.path]).status == 0)
        #expect(try Self.run(["library", "actor", "--library", lib, "John", "Smith"]).status == 0)
        let split = try Self.run(["library", "split", "--library", lib, "--article", "2", "John", "Smith"])
        #expect(split.status == 0, "\(split.stderr)")
        #expect(try Self.run(["library", "add", "--library", lib, records.path]).status == 0)
        #expect(try Self.run(["library", "actor", "--library", lib, "John", "Smith"]).stderr.contains("names several actors"))
    }

    /// SIGKILL at moments spread over a bulk add: the file is sound, every article in it has
    /// all its statements, and what was added before the kill is there. Each kill waits until
    /// the add has committed some articles (the start-up takes most of a short add, so a kill at
    /// a fraction of its duration often lands before the first write or after the last).
    @Test func killDuringBulkAddLeavesNoHalfArticle() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let records = dir.appendingPathComponent("bulk.jsonl")
        let n = 30
        try Self.sampleRecords(n, tag: "bulk").write(to: records)

        var counts: [Int] = []
        for (i, after) in [1, 8, 16].enumerated() {
            let path = dir.appendingPathComponent("killed-\(i).sqlite").path
            let p = try Self.start(["library", "add", "--library", path, records.path])
            // Reads through the WAL while the add writes; a file not yet made counts as none.
            let watch = try? Library(path: path)
            while p.isRunning, ((try? watch?.counts().articles) ?? 0) < after { usleep(2_000) }
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            let library = try Library(path: path)
            #expect(try library.integrityProblems().isEmpty, "run \(i)")
            let c = try library.counts()
            // The sample article has statements: an article without them is half an article.
            let articles = try library.articles()
            #expect(articles.allSatisfy { $0.statements > 0 })
            #expect(c.statements == articles.map(\.statements).reduce(0, +))
            counts.append(c.articles)
            // And the library carries on: the same add completes it.
            #expect(try Self.run(["library", "add", "--library", path, records.path]).status == 0)
            #expect(try library.counts().articles == n)
        }
        #expect(counts.contains { $0 > 0 && $0 < n }, "no kill landed in the middle of the add: \(counts)")
    }

    /// Two processes adding to one library at the same time both succeed.
    @Test func twoProcessesAddAtTheSameTime() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let lib = dir.appendingPathComponent("shared.sqlite").path
        let a = dir.appendingPathComponent("a.jsonl"), b = dir.appendingPathComponent("b.jsonl")
        try Self.sampleRecords(12, tag: "a").write(to: a)
        try Self.sampleRecords(12, tag: "b").write(to: b)
        let errors = (Pipe(), Pipe())
        let first = try Self.start(["library", "add", "--library", lib, a.path], stderr: errors.0.fileHandleForWriting)
        let second = try Self.start(["library", "add", "--library", lib, b.path], stderr: errors.1.fileHandleForWriting)
        try errors.0.fileHandleForWriting.close(); try errors.1.fileHandleForWriting.close()
        let messages = [errors.0, errors.1].map { String(decoding: $0.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) }
        first.waitUntilExit(); second.waitUntilExit()
        #expect(first.terminationStatus == 0 && second.terminationStatus == 0, "\(messages)")
        let library = try Library(path: lib)
        #expect(try library.counts().articles == 24)
        #expect(try library.integrityProblems().isEmpty)
        // One Zelenskyy across both processes' articles.
        #expect(try library.actor(named: "Zelenskyy").articles == 24)
    }
}
