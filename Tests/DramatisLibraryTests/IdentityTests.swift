import DramatisCore
@testable import DramatisLibrary
import Foundation
import Testing

@Suite struct NameKeyTests {
    let rules = NameRules.shared

    @Test func foldsCaseDiacriticsPunctuationAndHonorifics() {
        #expect(rules.key("Mr. Martin O’Malley", type: .person).full == "martin omalley")
        #expect(rules.key("François HOLLANDE", type: .person) == NameKey(full: "francois hollande", surname: "hollande", given: "francois"))
        #expect(rules.key("Zelenskyy", type: .person) == NameKey(full: "zelensky", surname: "zelensky", given: nil))
        #expect(rules.key("Dr Jean-Claude Juncker Jr.", type: .person).full == "jean claude juncker")
        #expect(rules.key("The European Union", type: .organization).full == "european union")
    }

    @Test func transliterationVariantsMeetInOneKey() {
        let keys = ["Volodymyr Zelenskyy", "Volodymyr Zelensky", "Volodymyr Zelenskiy", "Volodimir Zelenskyi"].map { rules.key($0, type: .person).full }
        #expect(Set(keys) == ["volodymyr zelensky"])
        #expect(rules.key("Alexei Navalnyy", type: .person).surname == rules.key("Alexei Navalny", type: .person).surname)
        #expect(rules.key("Mohammed bin Salman", type: .person).full == rules.key("Muhammad bin Salman", type: .person).full)
        // The rules need a stem: short words are left alone.
        #expect(rules.key("Li Yi", type: .person).full == "li yi")
    }

    @Test func givenNamesAgreeOnInitialsOnly() {
        #expect(NameRules.givenNamesAgree("john", "j"))
        #expect(NameRules.givenNamesAgree("john", nil))
        #expect(!NameRules.givenNamesAgree("john", "jane"))
        #expect(!NameRules.givenNamesAgree("john", "k"))
    }
}

@Suite struct IdentityAcrossArticlesTests {
    @Test func oneAcrossSpellingsAndSurnameOnlyMentions() throws {
        let (library, folder) = try temporaryLibrary()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try library.add(analysis("Kyiv talks", published: "2025-02-03", [Quoted(name: "Zelenskyy", role: "the president", said: "We will not give up land.")]))
        _ = try library.add(analysis("Summit", published: "2025-02-07", [Quoted(name: "Volodymyr Zelensky", role: "Ukrainian President", affiliation: "Ukraine", said: "Talks must include Ukraine.")]))
        _ = try library.add(analysis("Aid", published: "2025-02-09", [Quoted(name: "Volodymyr Zelenskiy", said: "Thank you.")]))
        let found = try library.actors(named: "Zelenskyy")
        #expect(found.count == 1)
        let actor = try #require(found.first)
        #expect(actor.articles == 3)
        // The fuller name is the one shown.
        #expect(actor.name.hasPrefix("Volodymyr"))
        #expect(try library.actors(named: "volodymyr zelenskiy").map(\.id) == [actor.id])
        let record = try #require(try library.record(of: actor.id))
        #expect(record.statements.map(\.source.title) == ["Kyiv talks", "Summit", "Aid"])
        #expect(Set(record.aliases) == ["Zelenskyy", "Volodymyr Zelensky", "Volodymyr Zelenskiy"])
    }

    @Test func twoJohnSmithsWithDifferentRolesStayTwo() throws {
        let (library, folder) = try temporaryLibrary()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try library.add(analysis("Pipes", published: "2025-01-01", [Quoted(name: "John Smith", role: "a plumber", affiliation: "Ohio")]))
        _ = try library.add(analysis("Vote", published: "2025-01-02", [Quoted(name: "John Smith", role: "Senator", affiliation: "Republican Party")]))
        #expect(try library.actors(named: "John Smith").count == 2)
        // Matching context joins the right one.
        _ = try library.add(analysis("Leaks", published: "2025-01-03", [Quoted(name: "John Smith", role: "the plumber")]))
        let smiths = try library.actors(named: "John Smith")
        #expect(smiths.map(\.articles).sorted() == [1, 2])
        let plumber = try #require(smiths.first { $0.articles == 2 })
        #expect(try library.record(of: plumber.id)?.statements.map(\.source.title) == ["Pipes", "Leaks"])
    }

    @Test func conflictingGivenNamesStayTwo() throws {
        let (library, folder) = try temporaryLibrary()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try library.add(analysis("A", published: "2025-01-01", [Quoted(name: "John Smith")]))
        _ = try library.add(analysis("B", published: "2025-01-02", [Quoted(name: "Jane Smith")]))
        _ = try library.add(analysis("C", published: "2025-01-03", [Quoted(name: "J. Smith")]))
        #expect(try library.counts().actors == 2)
        #expect(try library.actors(named: "John Smith").first?.articles == 2)
        #expect(try library.actors(named: "Jane Smith").first?.articles == 1)
        // A surname alone names both: the caller is told which there are.
        #expect(throws: LibraryError.self) { try library.actor(named: "Smith") }
    }

    @Test func entityTypeMustAgree() throws {
        let (library, folder) = try temporaryLibrary()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try library.add(analysis("A", published: "2025-01-01", [Quoted(name: "Jordan", type: .person)]))
        _ = try library.add(analysis("B", published: "2025-01-02", [Quoted(name: "Jordan", type: .place)]))
        _ = try library.add(analysis("C", published: "2025-01-03", [Quoted(name: "The Jordan", type: .place)]))
        let jordans = try library.actors(named: "Jordan")
        #expect(jordans.map(\.type).sorted() == ["person", "place"])
        #expect(jordans.first { $0.type == "place" }?.articles == 2)
    }

    @Test func twoEntitiesOfOneArticleNeverShareAnActor() throws {
        let (library, folder) = try temporaryLibrary()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try library.add(analysis("Brothers", published: "2025-01-01", [Quoted(name: "Smith"), Quoted(name: "Adam Smith")]))
        #expect(try library.counts().actors == 2)
    }

    @Test func aMergeSurvivesReanalysis() throws {
        let (library, folder) = try temporaryLibrary()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = analysis("Pipes", published: "2025-01-01", [Quoted(name: "John Smith", role: "a plumber")])
        let b = analysis("Vote", published: "2025-01-02", [Quoted(name: "John Smith", role: "Senator")])
        let ida = try library.add(a).article, idb = try library.add(b).article
        let two = try library.actors(named: "John Smith")
        #expect(two.count == 2)
        try library.merge(two[1].id, into: two[0].id)
        #expect(try library.actors(named: "John Smith").map(\.articles) == [2])
        // Re-analysis (the same articles added again), and removing and adding one back.
        _ = try library.add(a); _ = try library.add(b)
        #expect(try library.actors(named: "John Smith").map(\.articles) == [2])
        try library.remove(articles: [ida, idb])
        _ = try library.add(b); _ = try library.add(a)
        #expect(try library.actors(named: "John Smith").map(\.articles) == [2])
    }

    @Test func aSplitSurvivesReanalysis() throws {
        let (library, folder) = try temporaryLibrary()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = analysis("One", published: "2025-01-01", [Quoted(name: "Maria Lopez")])
        let b = analysis("Two", published: "2025-01-02", [Quoted(name: "Maria Lopez")])
        _ = try library.add(a)
        let idb = try library.add(b).article
        let one = try library.actor(named: "Maria Lopez")
        #expect(one.articles == 2)
        let fresh = try library.split(one.id, article: idb)
        #expect(fresh != one.id)
        #expect(try library.actors(named: "Maria Lopez").map(\.articles) == [1, 1])
        _ = try library.add(b); _ = try library.add(a)
        #expect(try library.actors(named: "Maria Lopez").map(\.articles) == [1, 1])
        #expect(try library.record(of: fresh)?.statements.map(\.source.title) == ["Two"])
        // A third article does not join the split-off actor on its own.
        _ = try library.add(analysis("Three", published: "2025-01-03", [Quoted(name: "Maria Lopez")]))
        #expect(try library.record(of: fresh)?.statements.count == 1)
        #expect(throws: LibraryError.self) { try library.split(fresh, article: idb) }
    }

    @Test func aSplitAfterAMergeHoldsAndKeepsTheRestMerged() throws {
        let (library, folder) = try temporaryLibrary()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = analysis("Pipes", published: "2025-01-01", [Quoted(name: "John Smith", role: "a plumber")])
        let b = analysis("Leaks", published: "2025-01-02", [Quoted(name: "John Smith", role: "the plumber")])
        let c = analysis("Vote", published: "2025-01-03", [Quoted(name: "John Smith", role: "Senator")])
        let ida = try library.add(a).article
        _ = try library.add(b); _ = try library.add(c)
        let two = try library.actors(named: "John Smith")
        #expect(two.map(\.articles) == [2, 1])
        try library.merge(two[1].id, into: two[0].id)
        // The merge was anchored on article A's mention (the kept actor's first); split A off.
        _ = try library.split(two[0].id, article: ida)
        _ = try library.add(c); _ = try library.add(b); _ = try library.add(a)
        let now = try library.actors(named: "John Smith")
        #expect(now.map(\.articles) == [2, 1])
        let merged = try #require(now.first)
        #expect(Set(try #require(try library.record(of: merged.id)).statements.map(\.source.title)) == ["Leaks", "Vote"])
    }

    /// The real pipeline on two texts that name one man two ways.
    @Test func analysedArticlesQuotingOnePersonMeetInOneActor() throws {
        let (library, folder) = try temporaryLibrary()
        defer { try? FileManager.default.removeItem(at: folder) }
        let analyzer = Analyzer()
        let one = analyzer.analyze(Article(title: "Talks in Kyiv", published: "2025-02-03", source: nil, text:
            "Ukrainian President Volodymyr Zelenskyy said on Monday that his country would not give up territory. \"We will defend every village,\" Zelenskyy said."))
        let two = analyzer.analyze(Article(title: "Summit ends", published: "2025-02-07", source: nil, text:
            "Volodymyr Zelensky, the president of Ukraine, said the summit had been useful. \"Our partners listened,\" he told reporters."))
        try library.add(one); try library.add(two)
        let actor = try library.actor(named: "Zelensky")
        #expect(actor.articles == 2)
        let record = try #require(try library.record(of: actor.id))
        #expect(Set(record.statements.map(\.source.title)) == ["Talks in Kyiv", "Summit ends"])
    }
}
