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

    /// The stages poll the budget in their loops, so a long analysis stops soon after its
    /// deadline and not only between stages: with the budget out of time, the entity and statement
    /// stages end early (and find nothing here), where without one they find the article's.
    @Test func theStagesStopEarlyWhenTheBudgetIsOut() {
        let document = TextDocument(Self.article.text)
        let resources = Resources.shared
        let full = EntityRecognizer(resources: resources).recognize(document)
        #expect(!full.entities.isEmpty)
        #expect(!StatementExtractor(resources: resources).extract(document, entities: full).isEmpty)
        let expired = AnalysisBudget(seconds: 1e-9)
        AnalysisBudget.$current.withValue(expired) {
            let cut = EntityRecognizer(resources: resources).recognize(document)
            #expect(cut.entities.count < full.entities.count)
            #expect(StatementExtractor(resources: resources).extract(document, entities: full).isEmpty)
        }
    }

    @Test func theStopMessageNamesTheLimit() {
        #expect(AnalysisStopped.timeLimit(seconds: 2).localizedDescription.contains("time limit of 2 s"))
    }
}
