import Testing
@testable import DramatisCore

/// Towns from GeoNames (CityReading) and titles held somewhere ("Governor of Virginia").
@Suite struct TownTests {
    @Test func townsOfSeveralWordsAndBigCitiesArePlaces() {
        let p = Probe("The festival moved to San Antonio last year. Officials in Frankfurt and Houston disagreed.")
        #expect(p.entity("San Antonio")?.type == .place)
        #expect(p.entity("Frankfurt")?.type == .place)
        #expect(p.entity("Houston")?.type == .place)
    }

    @Test func aSmallTownOfOneWordNeedsThePlaceToSayItIsOne() {
        // Cannes (74,000 people) is placed by "in"; Engels (a Russian city) is a surname here.
        let placed = Probe("The jury met in Cannes on Sunday. Cannes was quiet.")
        #expect(placed.entity("Cannes")?.type == .place)
        #expect(placed.entity("Cannes")?.mentions.count == 2)
        let person = Probe("Friedrich Engels wrote the book in 1845. Engels later moved to Manchester.")
        #expect(person.entity("Friedrich Engels")?.mentions.count == 2)
        #expect(person.analysis.entities.contains { $0.name == "Engels" && $0.type == .place } == false)
    }

    @Test func aTownNeverCutsALongerName() {
        let p = Probe("He signed with the Pittsburgh Pirates in 2010.")
        #expect(p.entity("Pittsburgh") == nil)
    }

    @Test func aTitleBeforeAConnectorIsHeldSomewhereNotByThatPlace() {
        let p = Probe("Robert Sarvis is running for Governor of Virginia this year. He was inducted as International President in Phoenix.")
        #expect(p.analysis.entities.contains { $0.type == .person && ($0.name.hasPrefix("of ") || $0.name.hasPrefix("in ")) } == false)
        #expect(p.entity("Virginia")?.type == .place)
        #expect(p.entity("Robert Sarvis")?.type == .person)
    }
}
