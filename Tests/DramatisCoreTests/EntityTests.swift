import Testing
@testable import DramatisCore

/// Helpers over a finished analysis.
struct Probe {
    let analysis: Analysis
    init(_ text: String, published: String? = nil) {
        analysis = Analyzer().analyze(Article(title: nil, published: published, source: nil, text: text))
    }
    func entity(_ name: String) -> Entity? { analysis.entities.first { $0.name == name } }
    func entityMentioned(_ text: String) -> Entity? {
        analysis.entities.first { $0.mentions.contains { $0.text == text } }
    }
    func speaker(of fragment: String) -> String? {
        guard let s = analysis.statements.first(where: { $0.text.contains(fragment) }) else { return nil }
        return analysis.entity(id: s.speaker)?.name
    }
    func statement(_ fragment: String) -> Statement? { analysis.statements.first { $0.text.contains(fragment) } }
}

@Suite struct EntityTests {
    @Test func personsWithTitlesRolesAndSurnames() {
        let p = Probe("US President Donald Trump met German Foreign Minister Johann Wadephul. Mr Trump said little. Wadephul smiled.")
        let trump = p.entity("Donald Trump")
        #expect(trump?.type == .person)
        #expect(trump?.role == "US President")
        #expect(trump?.mentions.map(\.text).contains("Mr Trump") == true)
        #expect(p.analysis.entity(id: trump?.affiliation)?.name == "United States")
        let w = p.entity("Johann Wadephul")
        #expect(w?.role == "German Foreign Minister")
        #expect(w?.mentions.count == 2)
        // Adjectives are not mentions: no Germany entity from "German".
        #expect(p.entity("Germany") == nil)
    }

    @Test func countriesMergeAcrossNames() {
        let p = Probe("The UK and Britain are one. The United Kingdom voted. America and the US agreed, as did Nato and NATO.")
        #expect(p.entity("United Kingdom")?.mentions.count == 3)
        #expect(p.entity("United States")?.mentions.count == 2)
        #expect(p.entity("NATO")?.mentions.count == 2)
    }

    @Test func nearMisspellingJoinsThePerson() {
        let p = Probe("President Volodymyr Zelenskyy spoke. Later Mr Zelenskky added more.")
        let z = p.entity("Volodymyr Zelenskyy")
        #expect(z?.mentions.map(\.text).contains("Mr Zelenskky") == true)
        #expect(p.analysis.entities.filter { $0.type == .person }.count == 1)
    }

    @Test func acronymInBracketsIsAnAlias() {
        let p = Probe("Dr Richard Lewis, Welsh secretary of the British Medical Association (BMA), spoke. The BMA agreed.")
        let bma = p.entity("British Medical Association")
        #expect(bma?.type == .organization)
        #expect(bma?.mentions.filter { $0.text == "BMA" }.count == 2)
        let lewis = p.entity("Richard Lewis")
        #expect(lewis?.role?.contains("secretary of the British Medical Association") == true)
        #expect(lewis?.affiliation == bma?.id)
    }

    @Test func roleDescriptionAndPronounsResolve() {
        let p = Probe("Ukraine needs help, its President Volodymyr Zelenskyy has said.\n\nThe Ukrainian leader made the demand in Kyiv. He also met Ms Jane Hutt, who said she agreed.")
        let z = p.entity("Volodymyr Zelenskyy")!
        #expect(z.role == "President of Ukraine")
        let texts = z.mentions.map(\.text)
        #expect(texts.contains("The Ukrainian leader"))
        #expect(texts.contains("He"))
        #expect(p.entity("Jane Hutt")?.mentions.map(\.text).contains("she") == true)
    }

    @Test func keywordsTypeUnknownNames() {
        let p = Probe("The Audit Commission criticised the Budapest Memorandum. Ships sailed in the Black Sea before World War II.")
        #expect(p.entity("Audit Commission")?.type == .organization)
        #expect(p.entity("Budapest Memorandum")?.type == .law)
        #expect(p.entity("Black Sea")?.type == .place)
        #expect(p.entity("World War II")?.type == .event)
    }

    @Test func sentenceInitialCommonWordsAreNotNames() {
        let p = Probe("Moves towards peace gained pace. Those talks failed. Meanwhile Paris waited.")
        #expect(p.analysis.entities.map(\.name) == ["Paris"])
    }

    @Test func spokespersonIsItsOwnSpeaker() {
        let p = Probe("The UK welcomed it, the Prime Minister’s official spokesman said. Prime Minister Keir Starmer agreed. China’s foreign ministry spokeswoman Mao Ning said no.")
        let spokes = p.analysis.entities.first { $0.name.contains("spokesman") }
        #expect(spokes?.type == .person)
        #expect(p.entity("Mao Ning")?.role == "foreign ministry spokeswoman")
        #expect(p.entity("China’s foreign ministry")?.type == .organization)
    }

    @Test func platformsNeedTheirContext() {
        let p = Probe("He wrote on X that it was fine. Variable X is unknown. She posted on Truth Social.")
        #expect(p.entity("X")?.mentions.count == 1)
        #expect(p.entity("Truth Social")?.type == .organization)
    }

    @Test func everyMentionSpanMatchesTheText() {
        let path = DataDirectory.sampleArticle!.path
        let analysis = try! Analyzer().analyze(path: path)
        let scalars = Array(analysis.article.text.unicodeScalars)
        for e in analysis.entities {
            for m in e.mentions {
                var v = String.UnicodeScalarView(); v.append(contentsOf: scalars[m.start..<m.end])
                #expect(String(v) == m.text)
            }
        }
        for s in analysis.statements {
            var v = String.UnicodeScalarView(); v.append(contentsOf: scalars[s.start..<s.end])
            #expect(String(v) == s.text)
        }
    }
}
