import Testing
@testable import DramatisCore

/// The pipeline as components: the order check, re-analysis of the date-dependent part only,
/// and components fed hand-built annotations.
@Suite struct ComponentTests {
    static let article = Article(title: "Talks", published: "2019-06-10", source: nil, text: """
        On Friday, Prime Minister Theresa May said the talks would go on. "We will not give up," she said.
        Jeremy Corbyn said last week that the deal was dead. The talks resume on Monday.
        """)

    @Test func theStandardOrderIsConsistent() throws {
        let components = Analyzer.standardComponents(.shared)
        try components.checkOrder()
        #expect(components.map(\.name) == ["text", "entities", "statements", "timeline", "topics", "positions"])
    }

    @Test func aComponentBeforeWhatItRequiresIsRefused() {
        let r = Resources.shared
        #expect(throws: PipelineError.unmet(component: "statements", missing: [.mentions])) {
            try Analyzer(resources: r, components: [Stage.text(r), Stage.statements(r)])
        }
    }

    @Test func onlyTheTimelineDependsOnThePublicationDate() {
        #expect(Analyzer().components.affected(by: [.published]).map(\.name) == ["timeline"])
        // Changing the entities re-runs everything that reads mentions.
        #expect(Analyzer().components.affected(by: [.mentions]).map(\.name) == ["statements", "timeline", "topics", "positions"])
    }

    @Test func reanalysisWithAnotherDateEqualsAFullAnalysis() {
        let analyzer = Analyzer()
        let first = analyzer.annotate(Self.article)
        for date in ["2019-06-17", "2001-01-01", nil] as [String?] {
            var moved = Self.article
            moved.published = date
            let again = analyzer.reanalyze(first, published: date)
            #expect(again.analysis == analyzer.analyze(moved))
            // The other components' annotations are the ones computed before.
            #expect(again.document === first.document)
            #expect(again.statements == first.statements)
        }
        #expect(analyzer.reanalyze(first, published: "2019-06-17").analysis.timeline != first.analysis.timeline)
    }

    @Test func theTimelineComponentReadsHandBuiltAnnotations() {
        // No entity stage: an empty entity result is all the timeline needs besides the text.
        var doc = AnnotatedDocument(article: Article(title: nil, published: "2025-08-20", source: nil, text: "Talks on 18 August 2025 failed. They resumed in March 2026."))
        Stage.text(.shared).apply(&doc)
        doc.entities = EntityResult(entities: [], mentions: [], tokenCount: doc.document!.tokens.count)
        Stage.timeline(.shared).apply(&doc)
        #expect(doc.timeline?.map(\.date) == ["2025-08-18", "2026-03"])
        #expect(doc.statements == nil && doc.positions == nil)
    }

    @Test func theTextComponentTokenisesByTheAnalysersLists() {
        // An analyser's own abbreviation list decides whether "Xyz." ends a sentence.
        let base = Resources.shared.textRules
        var rules = base
        rules.abbreviations.insert("xyz")
        let text = "He met Xyz. Brown in town."
        #expect(TextDocument(text, rules: base).tokens.map(\.text).contains("Xyz") )
        #expect(TextDocument(text, rules: rules).tokens.map(\.text).contains("Xyz."))
    }
}
