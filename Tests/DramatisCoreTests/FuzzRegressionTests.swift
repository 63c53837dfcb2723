import Foundation
import Testing
@testable import DramatisCore

/// Replays every input in Tests/Fixtures/fuzz-regressions/<target>/ and the seed corpus
/// Fuzz/corpus/<target>/ through the fuzz targets' own entry points (`FuzzEntry`). A regression
/// crashes or trips an invariant there, which fails the run.
@Suite struct FuzzRegressionTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let targets = ["analyze", "html", "export", "structured"]

    static func inputs(_ target: String) -> [URL] {
        let folders = [repository.appendingPathComponent("Tests/Fixtures/fuzz-regressions/\(target)"),
                       repository.appendingPathComponent("Fuzz/corpus/\(target)")]
        return folders.flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
                .filter { !$0.lastPathComponent.hasPrefix(".") && $0.pathExtension != "md" }
        }.sorted { $0.path < $1.path }
    }

    @Test(arguments: targets)
    func replay(target: String) throws {
        let files = Self.inputs(target)
        #expect(files.count >= 5, "the seed corpus of \(target) is missing")
        var analysed = 0
        for file in files {
            let bytes = [UInt8](try Data(contentsOf: file))
            let start = Date()
            bytes.withUnsafeBufferPointer { buffer in
                switch target {
                case "analyze": if FuzzEntry.analyze(buffer) != nil { analysed += 1 }
                case "html": if FuzzEntry.html(buffer) != nil { analysed += 1 }
                case "structured": if FuzzEntry.structured(buffer) != nil { analysed += 1 }
                default: FuzzEntry.export(buffer); analysed += 1
                }
            }
            let elapsed = Date().timeIntervalSince(start)
            #expect(elapsed < 10, "\(target)/\(file.lastPathComponent): \(elapsed) s")
        }
        // The seeds are articles: most of them must give an analysis, or the entry point is broken.
        #expect(analysed * 2 >= files.count, "\(target): only \(analysed) of \(files.count) inputs analysed")
    }
}
