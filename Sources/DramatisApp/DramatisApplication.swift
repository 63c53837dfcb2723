import CGtk
import CGtkShim
import DramatisCore
import Foundation

/// Entry point of the window; `files` are opened each in a window.
public enum DramatisApplication {
    /// The application ID, used for GApplication, the desktop file, icons and GSettings.
    public static let id = "io.github.dramatis.Dramatis"

    @MainActor public static func run(files: [String], arguments: [String]) -> Int32 {
        StartupTrace.mark("main")
        let options = LaunchOptions(arguments: arguments, environment: ProcessInfo.processInfo.environment)
        GLibMainQueue.install()
        if options.emptyWindow { return EmptyWindowBaseline(options: options).run() }
        SoftwareRendering.preferCairo()
        DocumentLoader.prefetch(files)
        return ApplicationController(options: options).run(files: files)
    }
}

/// Without a GPU, GL runs on Mesa's software rasteriser (llvmpipe), where GTK's GL renderer
/// costs this window about 200 ms more to its first frame and about 135 MB more memory than
/// drawing with cairo (docs/window.md has the figures). So on a machine with no DRM render node,
/// the window draws with cairo and never initialises GL, unless the user chose a renderer
/// (`GSK_RENDERER`, `GDK_DEBUG`). Must run before GTK opens the display.
enum SoftwareRendering {
    static func preferCairo() {
        let nodes = (try? FileManager.default.contentsOfDirectory(atPath: "/dev/dri")) ?? []
        for (name, value) in settings(environment: ProcessInfo.processInfo.environment, driNodes: nodes) {
            setenv(name, value, 0)
        }
    }

    /// The variables to set, given the environment and the entries of `/dev/dri`.
    static func settings(environment: [String: String], driNodes: [String]) -> [(String, String)] {
        let userChose = environment["GSK_RENDERER"] != nil || environment["GDK_DEBUG"] != nil
        let hasGPU = driNodes.contains { $0.hasPrefix("renderD") }
        return userChose || hasGPU ? [] : [("GSK_RENDERER", "cairo"), ("GDK_DEBUG", "gl-disable")]
    }
}

/// Flags of the window process that GApplication does not know.
struct LaunchOptions {
    /// Print a monotonic timestamp after the first frame with the article analysed and shown, then exit.
    var firstFrameExit = false
    /// Benchmark baseline: a bare AdwApplicationWindow, measured the same way.
    var emptyWindow = false
    var nonUnique = false

    init(arguments: [String], environment: [String: String]) {
        firstFrameExit = arguments.contains("--first-frame-exit") || environment["DRAMATIS_FIRST_FRAME_EXIT"] == "1"
        emptyWindow = arguments.contains("--empty-window")
        nonUnique = environment["DRAMATIS_NON_UNIQUE"] == "1"
    }

    var applicationFlags: GApplicationFlags {
        var flags = G_APPLICATION_HANDLES_OPEN.rawValue
        if nonUnique || firstFrameExit || emptyWindow { flags |= G_APPLICATION_NON_UNIQUE.rawValue }
        return GApplicationFlags(rawValue: flags)
    }
}

/// Prints the benchmark line once the window has painted a frame, then exits.
@MainActor
enum FirstFrame {
    static func exitAfterNextFrame(of window: some WidgetHandle) {
        guard let clock = window.frameClock else {
            Task { @MainActor in exitAfterNextFrame(of: window) }
            return
        }
        Signal.on(clock, "after-paint") {
            StartupTrace.mark("after-paint")
            var ts = timespec()
            clock_gettime(CLOCK_MONOTONIC, &ts)
            let seconds = Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000
                + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000
            let line = String(format: "first-frame monotonic=%.6f rss-kb=%d cpu-ms=%.0f\n", seconds, residentKilobytes(), cpu)
            FileHandle.standardOutput.write(Data(line.utf8))
            StartupTrace.saveMemoryMap()
            exit(0)
        }
        window.queueDraw()
    }

    static func residentKilobytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return Int(line.split(whereSeparator: { $0 == " " || $0 == "\t" })[1]) ?? -1
        }
        return -1
    }
}

/// The benchmark baseline: the same process set-up with an empty AdwApplicationWindow.
@MainActor
final class EmptyWindowBaseline {
    let options: LaunchOptions
    init(options: LaunchOptions) { self.options = options }

    func run() -> Int32 {
        Application.initialize()
        let app = Application(id: DramatisApplication.id + ".EmptyWindow", flags: options.applicationFlags)
        defer { unref(app) }
        Signal.on(app, "activate") {
            StartupTrace.mark("empty: activate")
            let window = ApplicationWindow(application: app)
            window.defaultSize = (1100, 760)
            StartupTrace.traceFrames(of: window)
            window.present()
            StartupTrace.mark("empty: presented")
            FirstFrame.exitAfterNextFrame(of: window)
        }
        return app.run(files: [])
    }
}
