import CGtk
import Foundation

/// `DRAMATIS_TRACE=1`: milliseconds since process start at each step of opening a window, on
/// standard error, and the widgets of the first frame (how the start-up figures in
/// docs/window.md were broken down). `DRAMATIS_TRACE_SMAPS=FILE` also saves the process's memory
/// map at the first frame, to see which libraries and heaps make up its resident memory.
enum StartupTrace {
    static let enabled = ProcessInfo.processInfo.environment["DRAMATIS_TRACE"] == "1"

    static func mark(_ step: @autoclosure () -> String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data(String(format: "trace %7.1f ms  %@\n", sinceProcessStart() * 1000, step()).utf8))
    }

    /// Marks the phases of each frame of `window` once it is realized.
    @MainActor static func traceFrames(of window: some WidgetHandle) {
        guard enabled else { return }
        Signal.on(window, "realize") {
            StartupTrace.mark("window realized")
            guard let clock = window.frameClock else { return }
            Signal.on(clock, "layout") { StartupTrace.mark("frame: layout") }
            Signal.on(clock, "paint") { StartupTrace.mark("frame: paint") }
            var counted = false
            Signal.on(clock, "after-paint") {
                StartupTrace.mark("frame: painted")
                if !counted { counted = true; StartupTrace.mark(census(window)) }
            }
        }
    }

    /// "widgets: N created, M mapped: GtkLabel 66, GtkBox 41, …": what the first frame drew.
    @MainActor static func census(_ window: some WidgetHandle) -> String {
        var total = 0, mapped: [String: Int] = [:]
        func walk(_ widget: AnyWidget) {
            total += 1
            if widget.isMapped { mapped[widget.typeName, default: 0] += 1 }
            var child = widget.firstChild
            while let c = child { walk(c); child = c.nextSibling }
        }
        walk(AnyWidget(window))
        let top = mapped.sorted { $0.value > $1.value }.prefix(12).map { "\($0.key) \($0.value)" }
        return "widgets: \(total) created, \(mapped.values.reduce(0, +)) mapped: " + top.joined(separator: ", ")
    }

    static func saveMemoryMap() {
        guard enabled, let path = ProcessInfo.processInfo.environment["DRAMATIS_TRACE_SMAPS"],
              let input = FileHandle(forReadingAtPath: "/proc/self/smaps") else { return }
        // Read in chunks: /proc files report a size of 0, and a whole-file read stops early.
        var all = Data()
        while case let chunk = input.readData(ofLength: 65536), !chunk.isEmpty { all.append(chunk) }
        try? all.write(to: URL(fileURLWithPath: path))
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
