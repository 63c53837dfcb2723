import Foundation
import Testing
@testable import DramatisCore
#if canImport(Glibc)
import Glibc
#endif

/// The bad-input table of README "Reliability": every hostile or broken input gives an analysis
/// or one clear `LoadError`, quickly and without crashing or blocking.
@Suite struct BadInputTests {
    /// Loads `path` as the app does (loader, then analysis) on another thread, failing the test
    /// instead of hanging when it takes longer than `seconds`; `unblock` runs on a timeout (e.g. to
    /// open a FIFO's writing end so the stuck reader returns).
    static func loadAndAnalyze(_ path: String, seconds: Double = 20, unblock: @escaping @Sendable () -> Void = {})
        -> (result: Result<Analysis, LoadError>?, elapsed: Double) {
        final class Box: @unchecked Sendable { var result: Result<Analysis, LoadError>? }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let start = Date()
        Thread.detachNewThread {
            box.result = Result {
                do { return Analyzer().analyze(try ArticleLoader.load(path: path)) } catch let e as LoadError { throw e }
                catch { throw LoadError.unreadable(path, reason: "unexpected error \(error)") }
            }.mapError { $0 as! LoadError }
            done.signal()
        }
        if done.wait(timeout: .now() + seconds) == .timedOut {
            unblock()
            _ = done.wait(timeout: .now() + 5)
            return (nil, Date().timeIntervalSince(start))
        }
        return (box.result, Date().timeIntervalSince(start))
    }

    /// The error of a load that must fail, with its message checked to name the file.
    static func error(_ path: String, seconds: Double = 20) -> LoadError? {
        let (result, elapsed) = loadAndAnalyze(path, seconds: seconds)
        guard let result else { Issue.record("\(path): still loading after \(elapsed) s"); return nil }
        switch result {
        case .success: Issue.record("\(path): expected a LoadError, got an analysis"); return nil
        case .failure(let e):
            #expect(e.description.hasPrefix(path + ": "))
            return e
        }
    }

    static func analysis(_ path: String, seconds: Double = 20) -> Analysis? {
        let (result, elapsed) = loadAndAnalyze(path, seconds: seconds)
        guard let result else { Issue.record("\(path): still loading after \(elapsed) s"); return nil }
        switch result {
        case .success(let a):
            FuzzEntry.checkInvariants(a)
            return a
        case .failure(let e): Issue.record("\(path): expected an analysis, got \(e)"); return nil
        }
    }

    static var isRoot: Bool { geteuid() == 0 }

    @Test func emptyAndWhitespaceOnlyFilesAreEmpty() throws {
        let dir = try ScratchFolder(); defer { dir.remove() }
        for (name, bytes) in [("empty.txt", ""), ("blank.txt", " \n\t\r\n  \u{00A0}\u{2003}\n"),
                              ("blank.md", "\n\n   \n"), ("blank.html", "<html><body> <p> </p></body></html>")] {
            let path = try dir.write(name, Data(bytes.utf8))
            #expect(Self.error(path) == .empty(path), "\(name)")
        }
    }

    @Test func binaryFilesAreNotText() throws {
        let dir = try ScratchFolder(); defer { dir.remove() }
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]
        let elf: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0] + [UInt8](repeating: 0, count: 56)
        for (name, bytes, kind) in [("image.png", png, "a PNG image"), ("photo.txt", png, "a PNG image"),
                                    ("program", elf, "an ELF executable"), ("notes.md", elf, "an ELF executable")] {
            let path = try dir.write(name, Data(bytes))
            guard case .notText(_, let detail)? = Self.error(path) else { Issue.record("\(name): not notText"); continue }
            #expect(detail.hasPrefix("looks like \(kind)"), "\(name): \(detail)")
        }
        // A real executable, whole.
        let data = try Data(contentsOf: URL(fileURLWithPath: "/bin/sh").resolvingSymlinksInPath())
        let sh = try dir.write("sh.txt", data)
        guard case .notText? = Self.error(sh) else { Issue.record("/bin/sh read as text"); return }
    }

    @Test func invalidUTF8() throws {
        let dir = try ScratchFolder(); defer { dir.remove() }
        let bytes = Data("The minister said on Monday that the caf".utf8) + Data([0xE9, 0xC3, 0x28, 0xFF])
            + Data(" would close, the mayor said.\n".utf8)
        // Plain text must be UTF-8 (or UTF-16): refused with one message.
        let txt = try dir.write("latin1.txt", bytes)
        guard case .notText(_, let detail)? = Self.error(txt) else { Issue.record("invalid UTF-8 text was read"); return }
        #expect(detail == "not valid UTF-8")
        // A web page without a declared charset falls back to Windows-1252, as browsers do.
        let html = try dir.write("latin1.html", Data("<html><body><p>".utf8) + bytes + Data("</p></body></html>".utf8))
        let a = try #require(Self.analysis(html))
        #expect(a.article.text.contains("caf\u{E9}\u{C3}(\u{FF} would close"))
    }

    @Test(arguments: [("le-bom", true, String.Encoding.utf16LittleEndian), ("be-bom", true, .utf16BigEndian),
                      ("le", false, .utf16LittleEndian), ("be", false, .utf16BigEndian)])
    func utf16(name: String, bom: Bool, encoding: String.Encoding) throws {
        let dir = try ScratchFolder(); defer { dir.remove() }
        let text = "Talks resume\n\nThe mayor, Ana Ruiz, said on Monday that “talks will resume” in Zürich.\n"
        var data = Data()
        if bom { data += encoding == .utf16LittleEndian ? Data([0xFF, 0xFE]) : Data([0xFE, 0xFF]) }
        data += try #require(text.data(using: encoding))
        let path = try dir.write("\(name).txt", data)
        let a = try #require(Self.analysis(path))
        #expect(a.article.title == "Talks resume")
        #expect(a.article.text.hasPrefix("The mayor, Ana Ruiz, said on Monday that “talks will resume” in Zürich."))
        #expect(a.entities.contains { $0.name == "Ana Ruiz" })
    }

    /// 100 MB is refused before a byte is read (the file is sparse: no disk, no memory).
    @Test func hundredMegabyteFileIsRefusedAtOnce() throws {
        let dir = try ScratchFolder(); defer { dir.remove() }
        let path = try dir.write("huge.txt", Data("A huge article.\n".utf8))
        let handle = try FileHandle(forWritingAtPath: path).unwrap()
        try handle.truncate(atOffset: 100_000_000)
        try handle.close()
        let start = Date()
        let e = Self.error(path)
        #expect(e == .tooLarge(path, bytes: 100_000_000, limit: ArticleLoader.maximumBytes))
        #expect(e?.description == "\(path): too large (100 MB; the limit is 20 MB)")
        #expect(Date().timeIntervalSince(start) < 1)
    }

    /// One line of 10 million characters: read, then refused by its length, in seconds.
    @Test func tenMillionCharacterLineIsRefused() throws {
        let dir = try ScratchFolder(); defer { dir.remove() }
        let unit = "Officials said the talks would resume on Monday and "
        var line = String(repeating: unit, count: 10_000_000 / unit.count + 1)
        line = String(line.prefix(10_000_000))
        let path = try dir.write("line.txt", Data(line.utf8))
        line = ""
        let start = Date()
        #expect(Self.error(path) == .textTooLong(path, characters: 10_000_000, limit: ArticleLoader.maximumTextLength))
        #expect(Date().timeIntervalSince(start) < 10)
        // The same refusal for a page whose extracted text is that long.
        let html = try dir.write("line.html", Data(("<html><body><p>" + String(repeating: unit, count: 25_000) + "</p></body></html>").utf8))
        guard case .textTooLong(_, let n, _)? = Self.error(html) else { Issue.record("long page not refused"); return }
        #expect(n > ArticleLoader.maximumTextLength)
    }

    /// A long line below the limit is analysed: no word is lost for want of a line break.
    @Test func longLineWithoutBreaksIsAnalysed() throws {
        let dir = try ScratchFolder(); defer { dir.remove() }
        let line = String(repeating: "x", count: 200_000) + " said Ana Ruiz on Monday in Berlin."
        let path = try dir.write("x.txt", Data(line.utf8))
        let a = try #require(Self.analysis(path))
        #expect(a.article.text.unicodeScalars.count == 200_000 + 35)
        #expect(a.entities.contains { $0.name == "Berlin" })
    }

    @Test func hundredThousandQuotationMarks() throws {
        let dir = try ScratchFolder(); defer { dir.remove() }
        for (name, text) in [("straight.txt", String(repeating: "\"", count: 100_000)),
                             ("curly.txt", String(repeating: "“", count: 50_000) + String(repeating: "”", count: 50_000)),
                             ("spaced.txt", String(repeating: "\" ", count: 100_000)),
                             ("said.txt", String(repeating: "\"Yes,\" said Ana Ruiz. ", count: 5_000))] {
            let path = try dir.write(name, Data(text.utf8))
            let start = Date()
            let a = try #require(Self.analysis(path, seconds: 25), "\(name)")
            print(String(format: "bad input %@: %.2f s, %d statements", name, Date().timeIntervalSince(start), a.statements.count))
            if name == "said.txt" {
                #expect(a.statements.count == 5_000)
                #expect(a.statements.allSatisfy { $0.text == "Yes" }, "\(a.statements.prefix(2).map(\.text))")
            }
        }
    }

    @Test func unbalancedQuotes() throws {
        let dir = try ScratchFolder(); defer { dir.remove() }
        let text = """
            The mayor said: "we will not close the port. The council met on Monday.

            “It is over,” said Ben Ode. Then he added “and it ends here.

            ‘Never, said the union. «Non, a dit le maire.
            """
        let path = try dir.write("unbalanced.txt", Data(text.utf8))
        let a = try #require(Self.analysis(path))
        // The closed quote is found; the unclosed ones end at their paragraph, never swallowing the next.
        #expect(a.statements.contains { $0.text.hasPrefix("It is over") })
        for s in a.statements { #expect(!s.text.contains("\n\n"), "\(s.text)") }
    }

    @Test func deeplyNestedHTMLFile() throws {
        let dir = try ScratchFolder(); defer { dir.remove() }
        let depth = 100_000
        let html = "<html><head><title>Deep</title></head><body><p>The mayor, Ana Ruiz, said on Monday that the port would stay open.</p>"
            + String(repeating: "<div><span>", count: depth) + "Buried." + String(repeating: "</span></div>", count: depth)
            + "</body></html>"
        let path = try dir.write("deep.html", Data(html.utf8))
        let a = try #require(Self.analysis(path))
        #expect(a.article.title == "Deep")
        #expect(a.article.text.hasPrefix("The mayor, Ana Ruiz, said on Monday"))
    }

    @Test func scriptsAndEventHandlersNeverReachTheText() throws {
        let dir = try ScratchFolder(); defer { dir.remove() }
        let html = """
            <html><head><title>Port stays open</title><script>var s = "The secret script said so, the mayor said.";</script>
            <style>p { color: red } /* The style said so too, said the mayor. */</style></head>
            <body onload="alert('onload')"><article>
            <p onclick="alert('click')" onmouseover="steal()">The mayor, Ana Ruiz, said on Monday that the port would stay open.</p>
            <script>document.write("<p>Injected paragraph written by a script, said the mayor.</p>")</script>
            <noscript><p>Please enable JavaScript to read this article, the mayor said.</p></noscript>
            <p><a href="javascript:alert(1)">A link</a> and <img src=x onerror="alert(2)"> an image, said Ben Ode.</p>
            <iframe src="https://ads.example/"></iframe>
            </article></body></html>
            """
        let path = try dir.write("script.html", Data(html.utf8))
        let a = try #require(Self.analysis(path))
        #expect(a.article.title == "Port stays open")
        #expect(a.article.text.contains("The mayor, Ana Ruiz, said on Monday that the port would stay open."))
        for needle in ["secret script", "style said", "Injected", "alert", "steal", "onerror", "onclick", "javascript", "color: red", "<"] {
            #expect(!a.article.text.contains(needle), "\(needle)")
        }
    }

    @Test func unreadableFile() throws {
        let dir = try ScratchFolder(); defer { dir.remove() }
        if !Self.isRoot {
            let path = try dir.write("secret.txt", Data("The mayor said so.".utf8))
            chmod(path, 0)
            #expect(Self.error(path) == .unreadable(path, reason: "permission denied"))
        }
        // Root reads anything chmod forbids, so an I/O error is made another way: /proc/self/mem
        // is a regular file that fails with EIO when read from offset 0. The same path is taken
        // by a file that becomes unreadable (a failing disk, a revoked network mount) mid-read.
        guard case .unreadable("/proc/self/mem", let reason)? = Self.error("/proc/self/mem") else {
            Issue.record("/proc/self/mem: no read error"); return
        }
        #expect(reason == "input/output error")
    }

    @Test func fileThatDisappears() throws {
        let dir = try ScratchFolder(); defer { dir.remove() }
        // Removed before it is opened (a dangling link is a file removed between listing and opening).
        let path = try dir.write("gone.txt", Data("The mayor said so.".utf8))
        let link = dir.url.appendingPathComponent("link.txt").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        try FileManager.default.removeItem(atPath: path)
        #expect(Self.error(path) == .notFound(path))
        #expect(Self.error(link) == .notFound(link))
        // A path through a file.
        let file = try dir.write("plain.txt", Data("x".utf8))
        #expect(Self.error(file + "/child.txt") == .notFound(file + "/child.txt"))
        // Removed while being read: the open descriptor still reads the whole file (POSIX), so the
        // load succeeds; the loader never reopens by name. (Loaded only: the race is in the read.)
        for round in 0..<20 {
            let racing = try dir.write("racing-\(round).txt", Data(String(repeating: "The mayor said so on Monday. ", count: 20_000).utf8))
            let remover = Thread { usleep(useconds_t(round * 50)); try? FileManager.default.removeItem(atPath: racing) }
            remover.start()
            switch Result(catching: { try ArticleLoader.load(path: racing) }) {
            case .success(let a): #expect(a.text.count == 29 * 20_000, "round \(round)")
            case .failure(let e): #expect(e as? LoadError == .notFound(racing), "round \(round)")
            }
        }
    }

    @Test func directoryIsRefused() throws {
        let dir = try ScratchFolder(); defer { dir.remove() }
        #expect(Self.error(dir.url.path) == .isDirectory(dir.url.path))
        let link = dir.url.appendingPathComponent("folder-link.txt").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: dir.url.path)
        #expect(Self.error(link) == .isDirectory(link))
    }

    /// Opening a FIFO for reading blocks until a writer appears; the loader opens non-blocking and
    /// refuses anything that is not a regular file, also behind a symbolic link.
    @Test func fifoAndDevicesDoNotBlock() throws {
        let dir = try ScratchFolder(); defer { dir.remove() }
        let fifo = dir.url.appendingPathComponent("pipe.txt").path
        try #require(mkfifo(fifo, 0o644) == 0)
        let link = dir.url.appendingPathComponent("pipe-link.txt").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: fifo)
        for path in [fifo, link] {
            let (result, elapsed) = Self.loadAndAnalyze(path, seconds: 5) {
                // Unstick a blocked reader so the test fails instead of hanging.
                let w = open(fifo, O_WRONLY | O_NONBLOCK); if w >= 0 { close(w) }
            }
            guard case .failure(let e)? = result else { Issue.record("\(path): \(elapsed) s, \(String(describing: result))"); continue }
            #expect(e == .unsupported(path, detail: "not a regular file"))
        }
        #expect(Self.error("/dev/zero") == .unsupported("/dev/zero", detail: "not a regular file"))
        #expect(Self.error("/dev/null") == .unsupported("/dev/null", detail: "not a regular file"))
    }

    /// A sidecar that is a FIFO is ignored, not waited for.
    @Test func fifoSidecarIsIgnored() throws {
        let dir = try ScratchFolder(); defer { dir.remove() }
        let path = try dir.write("story.txt", Data("Port stays open\n\nThe mayor said so on Monday.\n".utf8))
        try #require(mkfifo(dir.url.appendingPathComponent("story.meta.json").path, 0o644) == 0)
        let a = try #require(Self.analysis(path, seconds: 5))
        #expect(a.article.title == "Port stays open")
    }
    /// A saved analysis (`.json`) is opened without re-analysis, so its offsets are not trusted:
    /// spans past the end, reversed or negative, and references to missing entities still export.
    @Test func savedAnalysisWithBrokenOffsetsStillExports() throws {
        let text = "Ana Ruiz said “no” on Monday."
        var a = Analysis(article: Article(title: "T", published: "2025-01-02", source: nil, text: text))
        a.entities = [Entity(id: "e1", name: "Ana Ruiz", type: .person, mentions: [
            Mention(start: 0, end: 8, text: "Ana Ruiz"), Mention(start: 20, end: 500, text: "past the end"),
            Mention(start: 9, end: 3, text: "reversed"), Mention(start: -5, end: 2, text: "negative"),
            Mention(start: Int.max - 1, end: Int.max, text: "huge")])]
        a.statements = [Statement(id: "s1", speaker: "e9", kind: .direct, text: "no", start: 40, end: 10,
                                  cue: "said", channel: nil),
                        Statement(id: "s2", speaker: "e1", kind: .direct, text: "no", start: -3, end: 1_000,
                                  cue: "said", channel: nil)]
        a.positions = [Position(actor: "e9", topic: "x", stance: .opposes, summary: "s", evidence: ["s7"])]
        a.timeline = [TimelineItem(id: "t1", date: "2025-13-45", precision: .day, relative: nil, label: "Monday",
                                   start: 400, end: 300, actors: ["e9"])]
        let saved = try Analysis.decode(from: try a.jsonData())
        for format in [ExportFormat.markdown, .html, .json] {
            let data = try Exporters.render(saved, as: format)
            #expect(!data.isEmpty, "\(format)")
        }
    }
}

private extension Optional {
    func unwrap() throws -> Wrapped {
        guard let self else { throw CocoaError(.fileNoSuchFile) }
        return self
    }
}
