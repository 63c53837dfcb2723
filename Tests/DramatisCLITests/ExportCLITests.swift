import Foundation
import Testing

/// `dramatis analyze --format markdown|html` and `dramatis export`, run as a process the way a
/// user runs them (no display: the environment carries no DISPLAY or WAYLAND_DISPLAY).
@Suite struct ExportCLITests {
    static var binary: String? {
        let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [dir, dir.deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("dramatis").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        // Bundle-style layouts (xctest bundles on Linux sit beside the products).
        let bundle = Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("dramatis").path
        return FileManager.default.isExecutableFile(atPath: bundle) ? bundle : nil
    }

    static var sample: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("data/articles/seed.txt").path
    }

    /// Runs dramatis with a display-less environment; `input` (from a file, so no pipe can fill
    /// up while the output is read) becomes its standard input.
    func dramatis(_ args: [String], in folder: URL? = nil, input: Data? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let binary = try #require(Self.binary, "the dramatis executable was not built beside the tests")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = args
        var env = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "LANG": "C.UTF-8"]
        if let data = ProcessInfo.processInfo.environment["DRAMATIS_DATA_DIR"] { env["DRAMATIS_DATA_DIR"] = data }
        p.environment = env
        if let folder { p.currentDirectoryURL = folder }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        if let input {
            let file = try temporaryFolder().appendingPathComponent("stdin")
            try input.write(to: file)
            p.standardInput = try FileHandle(forReadingFrom: file)
        }
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dramatis-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func analyzePrintsMarkdownAndHTML() throws {
        let md = try dramatis(["analyze", Self.sample, "--format", "markdown"])
        #expect(md.status == 0, "\(md.stderr)")
        #expect(md.stdout.hasPrefix("# Zelenskyy says Ukraine needs an effective security guarantee\n"))
        #expect(md.stdout.contains("\n## Statements\n"))
        let html = try dramatis(["analyze", Self.sample, "--format", "html"])
        #expect(html.status == 0, "\(html.stderr)")
        #expect(html.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(html.stdout.contains("<h1>Zelenskyy says Ukraine needs an effective security guarantee</h1>"))
        #expect(!html.stdout.contains("<script"))
    }

    @Test func exportsEachFormatByExtension() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, magic) in [("s.pdf", "%PDF-"), ("s.md", "# Zelenskyy"), ("s.html", "<!DOCTYPE html>"),
                              ("s.json", "{")] {
            let out = folder.appendingPathComponent(name).path
            let r = try dramatis(["export", Self.sample, "-o", out, "--published", "2025-08-18"])
            #expect(r.status == 0, "\(name): \(r.stderr)")
            #expect(r.stdout == out + "\n")
            let data = try Data(contentsOf: URL(fileURLWithPath: out))
            #expect(data.prefix(magic.utf8.count) == Data(magic.utf8), "\(name) does not start with \(magic)")
        }
        // --format wins over an unknown extension.
        let txt = folder.appendingPathComponent("summary.txt").path
        #expect(try dramatis(["export", Self.sample, "-o", txt, "--format", "md"]).status == 0)
        #expect(try String(contentsOfFile: txt, encoding: .utf8).hasPrefix("# "))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["s.html", "s.json", "s.md", "s.pdf", "summary.txt"]) // no temporary files left
    }

    @Test func severalInputsGoToAFolderWithDerivedNames() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let second = folder.appendingPathComponent("second.txt")
        try Data("A second article\n\nAlice Smith, the mayor, said the bridge would open in May 2026.\n".utf8)
            .write(to: second)
        let out = folder.appendingPathComponent("summaries/")
        let r = try dramatis(["export", Self.sample, second.path, "-o", out.path, "--format", "html"])
        #expect(r.status == 0, "\(r.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(names == ["second.html", "seed.html"])
        // Without -o: derived names in the current folder.
        let here = try dramatis(["export", second.path, "--format", "md"], in: folder)
        #expect(here.status == 0, "\(here.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("second.md").path))
        // Several inputs and a file name is refused.
        let bad = try dramatis(["export", Self.sample, second.path, "-o", folder.appendingPathComponent("x.md").path])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("-o names a folder"))
    }

    @Test func savedAnalysisIsExportedWithoutAnalysingAgain() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = try dramatis(["analyze", Self.sample, "--format", "json"])
        #expect(json.status == 0)
        let saved = folder.appendingPathComponent("seed.analysis.json")
        try Data(json.stdout.utf8).write(to: saved)
        let a = try dramatis(["export", saved.path, "-o", folder.appendingPathComponent("a.md").path])
        let b = try dramatis(["export", Self.sample, "-o", folder.appendingPathComponent("b.md").path])
        #expect(a.status == 0 && b.status == 0, "\(a.stderr) \(b.stderr)")
        #expect(try Data(contentsOf: folder.appendingPathComponent("a.md")) ==
                Data(contentsOf: folder.appendingPathComponent("b.md")))
        // --published sets the date.
        let c = try dramatis(["export", Self.sample, "--published", "2024-02-29", "-o",
                              folder.appendingPathComponent("c.json").path])
        #expect(c.status == 0)
        let doc = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("c.json"))) as? [String: Any]
        #expect((doc?["article"] as? [String: Any])?["published"] as? String == "2024-02-29")
    }

    /// Ctrl-C at any moment leaves either the old file or a complete new one, and no temporary.
    @Test func interruptedExportKeepsTheOldFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A saved analysis of a long article (rendering its PDF takes a moment).
        let text = (1...1500).map { "Paragraph \($0) says that the long sentence keeps going across the line until it ends." }
            .joined(separator: "\n\n")
        let doc: [String: Any] = [
            "schema": "dramatis.analysis/1", "generator": "test",
            "article": ["title": "Long", "published": NSNull(), "source": NSNull(), "text": text],
            "entities": [], "statements": [], "positions": [], "topics": [], "timeline": [],
        ]
        let input = folder.appendingPathComponent("long.json")
        try JSONSerialization.data(withJSONObject: doc).write(to: input)
        let out = folder.appendingPathComponent("long.pdf")
        let old = Data("the previous, complete export".utf8)
        let binary = try #require(Self.binary)
        var outcomes: Set<String> = []
        for delay in [0.05, 0.3, 0.6, 1.0, 1.5, 2.5] {
            try old.write(to: out)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: binary)
            p.arguments = ["export", input.path, "-o", out.path]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            Thread.sleep(forTimeInterval: delay)
            p.interrupt()
            p.waitUntilExit()
            let now = try Data(contentsOf: out)
            if now == old {
                outcomes.insert("old")
            } else {
                #expect(now.prefix(5) == Data("%PDF-".utf8))
                #expect(now.suffix(6).contains(Data("%%EOF".utf8)), "truncated PDF after \(delay) s")
                outcomes.insert("new")
            }
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            #expect(names == ["long.json", "long.pdf"], "left behind after \(delay) s: \(names)")
        }
        #expect(outcomes.contains("old")) // at least the early interruptions stopped it
    }

    @Test func errorsAreReadable() throws {
        let unknown = try dramatis(["export", Self.sample, "-o", "/tmp/summary.txt"])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("cannot tell the format"))
        let missing = try dramatis(["export", Self.sample, "-o", "/nonexistent-folder/x.md"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("/nonexistent-folder: the folder does not exist"))
        let noSuchInput = try dramatis(["export", "/nonexistent-article.txt", "-o", "/tmp/x-dramatis.md"])
        #expect(noSuchInput.status == 1)
        // The path once: "dramatis: /nonexistent-article.txt: no such file", not twice.
        #expect(noSuchInput.stderr == "dramatis: /nonexistent-article.txt: no such file\n")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/x-dramatis.md"))
    }

    /// `export FILE` without -o or --format writes Markdown to the current folder, as --help says.
    @Test func exportWithoutOutputWritesMarkdownHere() throws {
        let folder = try temporaryFolder()
        let r = try dramatis(["export", Self.sample], in: folder)
        #expect(r.status == 0, "\(r.stderr)")
        let written = folder.appendingPathComponent("seed.md")
        #expect(FileManager.default.fileExists(atPath: written.path))
        let md = try String(contentsOf: written, encoding: .utf8)
        #expect(md.hasPrefix("# Zelenskyy says Ukraine needs an effective security guarantee\n"))
        let help = try dramatis(["export", "--help"])
        let helpText = help.stdout.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        #expect(helpText.contains("Without -o, files are written to the current folder under derived names, as Markdown unless --format says otherwise"))
        // A folder as -o without --format: Markdown too.
        let out = folder.appendingPathComponent("out", isDirectory: true)
        let second = folder.appendingPathComponent("second.txt")
        try Data("Plan backed\n\nThe minister, Anna Berg, said the plan would work.".utf8).write(to: second)
        let two = try dramatis(["export", Self.sample, second.path, "-o", out.path])
        #expect(two.status == 0, "\(two.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["second.md", "seed.md"])
    }

    @Test func exportOfAFolderWithoutArticlesSaysSo() throws {
        let folder = try temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let r = try dramatis(["export", folder.path, "-o", folder.appendingPathComponent("out").path + "/"])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("dramatis: \(folder.path): holds no articles"))
        #expect(r.stderr.contains("--recursive"))
    }
}
