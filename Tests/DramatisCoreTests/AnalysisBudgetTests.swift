import Foundation
import Testing
@testable import DramatisCore

/// The cooperative time limit (issue #22): a budget that runs out or is cancelled stops the
/// analysis with `AnalysisStopped`, never a partial result; one that suffices changes nothing.
@Suite struct AnalysisBudgetTests {
    static let article = Article(title: "Minister backs plan", published: "2024-05-06", source: nil, text: """
        “We will build the bridge,” Transport Minister Anna Berg said on Friday in a statement.

        The opposition leader, Mr Tomas Lind, said the plan would cost too much.
        """)

    @Test func aTinyBudgetStopsTheAnalysis() {
        let budget = AnalysisBudget(seconds: 1e-9)
        #expect(throws: AnalysisStopped.timeLimit(seconds: 1e-9)) { try Analyzer().analyze(Self.article, budget: budget) }
    }

    @Test func aCancelledBudgetStopsTheAnalysis() {
        let budget = AnalysisBudget(seconds: nil)
        budget.cancel()
        #expect(throws: AnalysisStopped.cancelled) { try Analyzer().analyze(Self.article, budget: budget) }
    }

    @Test func aCancelledTaskStopsTheAnalysis() async {
        let task = Task.detached { () throws -> Analysis in
            while !Task.isCancelled { await Task.yield() }
            return try Analyzer().analyze(Self.article, budget: AnalysisBudget(seconds: nil))
        }
        task.cancel()
        await #expect(throws: AnalysisStopped.cancelled) { try await task.value }
    }

    @Test func aSufficientBudgetChangesNothing() throws {
        let budgeted = try Analyzer().analyze(Self.article, budget: AnalysisBudget(seconds: 600))
        #expect(budgeted == Analyzer().analyze(Self.article))
    }

    /// The stages poll the budget in their loops: a long text stops soon after its deadline, not
    /// when the stage would have ended. (Between stages alone, the entity stage of this text
    /// would run on for seconds in a debug build.)
    @Test func aLongAnalysisStopsSoonAfterTheDeadline() {
        var text = ""
        for i in 0..<4000 {
            text += "Maria Novak\(i) of the Institute said that the talks would resume on Monday. “We will see,” she said. "
        }
        let article = Article(title: nil, published: nil, source: nil, text: text)
        let tokens = TextDocument(article.text).tokens.count   // (the text stage is not polled: it runs first, timed out of the limit)
        #expect(tokens > 50_000)
        let start = Date()
        let budget = AnalysisBudget(seconds: 0.05)
        #expect(throws: AnalysisStopped.timeLimit(seconds: 0.05)) { try Analyzer().analyze(article, budget: budget) }
        let elapsed = Date().timeIntervalSince(start)
        #expect(elapsed < 10, "stopped \(elapsed) s after the start with a 0.05 s limit")
    }

    @Test func theStopMessageNamesTheLimit() {
        #expect(AnalysisStopped.timeLimit(seconds: 2).localizedDescription.contains("time limit of 2 s"))
    }
}
