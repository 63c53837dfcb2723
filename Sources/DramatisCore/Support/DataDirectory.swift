import Foundation

/// Finds the `data/` folder (lexicons, gazetteers, sample articles).
///
/// Order: `$DRAMATIS_DATA_DIR`; `<prefix>/share/dramatis/data` next to an installed binary
/// (`<prefix>/bin/dramatis`), so a relocated or `--destdir` staged install works; the source tree
/// (walking up from the executable, as `swift run` and `swift test` place it under `.build/`).
public enum DataDirectory {
    public static let environmentVariable = "DRAMATIS_DATA_DIR"

    public static func locate() -> URL? {
        let fm = FileManager.default
        func isData(_ url: URL) -> Bool {
            fm.fileExists(atPath: url.appendingPathComponent("lexicons").path)
        }
        if let env = ProcessInfo.processInfo.environment[environmentVariable], !env.isEmpty {
            let url = URL(fileURLWithPath: env)
            if isData(url) { return url }
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        var candidates: [URL] = []
        if let exe = Bundle.main.executableURL?.resolvingSymlinksInPath() { candidates.append(exe) }
        candidates.append(executable)
        for exe in candidates {
            let installed = exe.deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("share/dramatis/data")
            if isData(installed) { return installed }
            var dir = exe.deletingLastPathComponent()
            for _ in 0..<8 {
                let data = dir.appendingPathComponent("data")
                if isData(data), fm.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
                    return data
                }
                dir = dir.deletingLastPathComponent()
            }
        }
        // Last resort for tests and tools built from this source tree.
        let source = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("data")
        return isData(source) ? source : nil
    }

    /// The located folder, cached for the process.
    public static let shared: URL? = locate()

    public static var sampleArticle: URL? {
        shared?.appendingPathComponent("articles/seed.txt")
    }
}
