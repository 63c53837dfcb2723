import Foundation

/// `DRAMATIS_TRACE=1`: milliseconds since process start at each step of opening a window, on
/// standard error (how the start-up figures in docs/window.md were broken down).
enum StartupTrace {
    static let enabled = ProcessInfo.processInfo.environment["DRAMATIS_TRACE"] == "1"

    static func mark(_ step: @autoclosure () -> String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data(String(format: "trace %7.1f ms  %@\n", sinceProcessStart() * 1000, step()).utf8))
    }

    /// Seconds since the kernel started this process (/proc/self/stat field 22, in clock ticks).
    static func sinceProcessStart() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let uptime = Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
        guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return uptime }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 19, let ticks = Double(fields[19]) else { return uptime }
        return uptime - ticks / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
}
