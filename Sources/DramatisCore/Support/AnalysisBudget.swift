import Foundation

/// A cooperative time limit and cancellation for one analysis. `Analyzer.analyze(_:budget:)`
/// makes the budget current for the stages (a task-local, so the stages' signatures stay as they
/// are); their long loops ask `AnalysisBudget.stopRequested` now and then and end early, and the
/// analyser throws `AnalysisStopped` between stages, so a stopped analysis never returns a part.
/// Nothing is killed: the work in progress simply finishes its current step.
public final class AnalysisBudget: @unchecked Sendable {
    /// The limit in seconds (nil: none).
    public let seconds: Double?
    private let deadline: ContinuousClock.Instant?
    private let lock = NSLock()
    private var cancelled = false

    /// The limit the CLI and the window apply to an interactive analysis: the promise that
    /// any text they accept (up to a million characters) is analysed in under 2 s or stopped.
    public static let interactiveSeconds = 2.0

    public init(seconds: Double?) {
        self.seconds = seconds
        deadline = seconds.map { ContinuousClock.now + .nanoseconds(Int64($0 * 1e9)) }
    }

    public static var unlimited: AnalysisBudget { AnalysisBudget(seconds: nil) }

    /// Asks the analysis to stop (the window's Cancel); safe from any thread.
    public func cancel() { lock.withLock { cancelled = true } }

    /// Why the analysis must stop now, if it must: cancelled (here or its task), or out of time.
    public var exhausted: AnalysisStopped? {
        if lock.withLock({ cancelled }) || Task.isCancelled { return .cancelled }
        if let deadline, ContinuousClock.now >= deadline, let seconds { return .timeLimit(seconds: seconds) }
        return nil
    }

    public func check() throws { if let stop = exhausted { throw stop } }

    @TaskLocal static var current: AnalysisBudget?

    /// For the stages' loops: whether the current analysis should end early. False outside a
    /// budgeted analysis.
    static var stopRequested: Bool { current?.exhausted != nil }
}

/// An analysis that did not finish: the time limit passed, or it was cancelled.
public enum AnalysisStopped: Error, Equatable, LocalizedError {
    case timeLimit(seconds: Double)
    case cancelled

    public var errorDescription: String? {
        switch self {
        case .timeLimit(let s):
            "the analysis was stopped after the time limit of \(s.formatted(.number.precision(.fractionLength(0...1)))) s "
                + "(the text is too long or too unusual to analyse in that time)"
        case .cancelled: "the analysis was cancelled"
        }
    }
}
