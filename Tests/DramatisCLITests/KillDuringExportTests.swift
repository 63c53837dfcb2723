import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `dramatis export` killed (SIGKILL: no handler runs) at moments spread over its whole run never
/// leaves a truncated destination: the file is the old one or the complete new one.
@Suite struct KillDuringExportTests {
    @Test func killedExportLeavesTheOldOrTheNewFile() throws {
        let binary = try #require(ExportCLITests.binary, "the dramatis executable was not built beside the tests")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dramatis-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // A long article, so rendering and writing take a measurable part of the run.
        let seed = try String(contentsOfFile: ExportCLITests.sample, encoding: .utf8)
        let article = folder.appendingPathComponent("long.txt")
        try Data(Array(repeating: seed, count: 4).joined(separator: "\n\n").utf8).write(to: article)
        let out = folder.appendingPathComponent("summary.html")

        func start() throws -> Process {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: binary)
            p.arguments = ["export", article.path, "-o", out.path, "--published", "2025-08-18"]
            var env = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "LANG": "C.UTF-8"]
            if let data = ProcessInfo.processInfo.environment["DRAMATIS_DATA_DIR"] { env["DRAMATIS_DATA_DIR"] = data }
            p.environment = env
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            return p
        }
        // The complete new file, and how long a whole (warm) run takes: the shorter of two.
        var duration = Double.infinity
        for _ in 0..<2 {
            let began = Date()
            let full = try start()
            full.waitUntilExit()
            duration = min(duration, Date().timeIntervalSince(began))
            try #require(full.terminationStatus == 0)
        }
        let complete = try Data(contentsOf: out)
        #expect(complete.count > 10_000)

        let old = Data("old summary\n".utf8)
        var sawOld = false
        let runs = 6
        for i in 0..<runs {
            try old.write(to: out)
            let p = try start()
            // Spread the kills over the run, the last ones close to its end (render, write, rename).
            let fraction = [0.3, 0.7, 0.9, 0.97, 1.0, 1.03][i]
            usleep(useconds_t(duration * fraction * 1_000_000))
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            let now = try Data(contentsOf: out)
            #expect(now == old || now == complete, "run \(i): a \(now.count)-byte destination is neither file")
            if now == old { sawOld = true }
        }
        #expect(sawOld, "no kill landed before the rename")
        // Only hidden .part files may be left behind by a kill, never anything else.
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names.allSatisfy { ["long.txt", "summary.html"].contains($0) || ($0.hasPrefix(".summary.html.") && $0.hasSuffix(".part")) },
                "\(names)")
    }
}
