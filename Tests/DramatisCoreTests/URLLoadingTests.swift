import Foundation
import Testing
@testable import DramatisCore

/// Tests/Fixtures/server.py, started on 127.0.0.1 with a free port for one test and stopped after it.
final class LoopbackServer: @unchecked Sendable {
    private let process = Process()
    let port: Int

    init() throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", LoaderFixtures.root.appendingPathComponent("server.py").path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        var buffer = Data()
        while !buffer.contains(0x0A) {
            let chunk = pipe.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
        }
        let line = String(decoding: buffer, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard line.hasPrefix("PORT "), let port = Int(line.dropFirst(5)) else {
            process.terminate()
            throw LoadError.network("server.py", detail: "did not start: \(line)")
        }
        self.port = port
    }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Stops the server: SIGTERM, then SIGKILL if it is still there after a second (a child
    /// spawned from a dispatch worker thread can inherit a mask that blocks SIGTERM).
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(1)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    deinit { stop() }
}

/// The `LoadError` a load throws, nil if it succeeds (any other error fails the test).
func loadError(_ body: () throws -> Article) -> LoadError? {
    do {
        _ = try body()
        return nil
    } catch let error as LoadError {
        return error
    } catch {
        Issue.record("not a LoadError: \(error)")
        return nil
    }
}

@Suite(.serialized) struct URLLoadingTests {
    @Test func articleOpensEndToEnd() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let url = server.url("/article")
        let article = try ArticleLoader.load(path: url)
        let expected = try LoaderFixtures.expected("harbor-gazette")
        #expect(article.source == url)
        #expect(article.title == expected.title)
        #expect(article.published == expected.date)
        #expect(article.siteName == "The Harbor Gazette")
        #expect(article.text.hasPrefix(expected.firstParagraph))
        #expect(article.text.hasSuffix(expected.lastParagraph))
        // --published still wins over the page's metadata.
        #expect(try ArticleLoader.load(path: url, published: "2030-01-02").published == "2030-01-02")
    }

    @Test func asyncAndCallbackVariantsOpenTheSamePage() async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let viaAsync = try await ArticleLoader.open(location: server.url("/article"))
        #expect(viaAsync.title == "Ferry operator adds night crossings after commuter petition")
        let viaCallback: Article = try await withCheckedThrowingContinuation { continuation in
            ArticleLoader.open(location: server.url("/redirect")) { result in
                continuation.resume(with: result.mapError { $0 as Error })
            }
        }
        #expect(viaCallback.text == viaAsync.text)
        // A local path goes through the same entry point.
        let local = try await ArticleLoader.open(location: LoaderFixtures.html.appendingPathComponent("wire-report.html").path)
        #expect(local.siteName == "Meridian")
    }

    @Test func followsUpToFiveRedirects() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let article = try ArticleLoader.load(path: server.url("/redirect-chain/5"))
        #expect(article.source == server.url("/redirect-chain/5"))
        #expect(article.title == "Ferry operator adds night crossings after commuter petition")
        let error = loadError { try ArticleLoader.load(path: server.url("/redirect-chain/7")) }
        #expect(error?.description.contains("too many redirects") == true, "\(String(describing: error))")
    }

    @Test func redirectLoopIsAClearError() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let error = loadError { try ArticleLoader.load(path: server.url("/redirect-loop")) }
        #expect(error?.description.contains("redirect loop") == true, "\(String(describing: error))")
    }

    @Test func httpErrorStatusesAreClearErrors() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let notFound = loadError { try ArticleLoader.load(path: server.url("/404")) }
        #expect(notFound?.description == "\(server.url("/404")): the server answered 404 Not Found")
        let broken = loadError { try ArticleLoader.load(path: server.url("/500")) }
        #expect(broken?.description.contains("500 Internal Server Error") == true)
    }

    @Test func slowServerTimesOut() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let start = Date()
        let error = loadError {
            try ArticleLoader.load(url: URL(string: server.url("/slow"))!, options: .init(timeout: 2))
        }
        let elapsed = Date().timeIntervalSince(start)
        print(String(format: "timeout test: failed after %.1f s: %@", elapsed, error?.description ?? "no error"))
        #expect(error?.description.contains("timed out") == true, "\(String(describing: error))")
        #expect(elapsed < 8)
    }

    @Test func responsesOverTheSizeLimitAreRefused() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        for path in ["/huge", "/huge-declared"] {
            let error = loadError { try ArticleLoader.load(path: server.url(path)) }
            guard case .tooLarge(_, let bytes, let limit)? = error else {
                Issue.record("\(path): expected tooLarge, got \(String(describing: error))")
                continue
            }
            #expect(limit == 20_000_000)
            #expect(bytes > limit && bytes < 30_000_000 || bytes == 50 * 1024 * 1024)
            #expect(error!.description.contains("too large"))
        }
    }

    @Test func binaryResponsesAreRefused() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let pdf = loadError { try ArticleLoader.load(path: server.url("/binary")) }
        #expect(pdf?.description.contains("application/pdf") == true, "\(String(describing: pdf))")
        let png = loadError { try ArticleLoader.load(path: server.url("/binary-untyped")) }
        #expect(png?.description.contains("PNG image") == true, "\(String(describing: png))")
    }

    @Test func charsetFromTheContentTypeHeader() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let article = try ArticleLoader.load(path: server.url("/latin1"))
        #expect(article.title == "Café owners protest")
        #expect(article.text.contains("Café Müller"))
        #expect(article.text.contains("«We will not pay it,» said Señora Ibáñez"))
    }

    @Test func plainTextOverHTTP() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let article = try ArticleLoader.load(path: server.url("/plain"))
        #expect(article.title == "Bridge reopens after repairs")
        #expect(article.text.hasPrefix("The Mill Street bridge reopened on Friday"))
        #expect(article.source == server.url("/plain"))
    }

    @Test func refusedConnectionIsAClearError() throws {
        let server = try LoopbackServer()
        let url = server.url("/article")
        server.stop()
        let error = loadError { try ArticleLoader.load(path: url) }
        #expect(error?.description == "\(url): could not connect to the server", "\(String(describing: error))")
    }

    @Test func cancellingAnAsyncFetchStopsIt() async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let task = Task { try await ArticleLoader.open(location: server.url("/slow")) }
        try await Task.sleep(nanoseconds: 300_000_000)
        task.cancel()
        let start = Date()
        let result = await task.result
        #expect(Date().timeIntervalSince(start) < 3)
        guard case .failure(let error) = result else { Issue.record("expected a cancellation error"); return }
        #expect((error as? LoadError)?.description.contains("cancelled") == true)
    }
}
