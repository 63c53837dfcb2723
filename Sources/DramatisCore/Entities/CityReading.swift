import Foundation

/// Decides when a capitalised name is one of GeoNames' towns (`Resources.cities`).
///
/// Town names are often surnames or words too ("Engels", "Laplace", "Metro"), so a town is read
/// with more care than a country or a province: a name of several words ("San Antonio",
/// "Oklahoma City") or a city of a million people is a place wherever it stands; a smaller
/// town of one word only when the article places it somewhere — after a preposition of place
/// ("in Cannes", "near Tiberias") or before a state or country ("Mesa, Arizona") — at least once.
/// Towns are never cut out of a longer name ("Pittsburgh Pirates", "Exeter School").
struct CityReading {
    private let cities: [String: Resources.City]
    /// One-word town names the article places somewhere at least once.
    private let placed: Set<String>

    static let placePrepositions: Set<String> = [
        "in", "at", "near", "outside", "into", "across", "around", "toward", "towards", "via",
        "throughout", "from", "to", "between", "nearby",
    ]

    init(document doc: TextDocument, resources res: Resources) {
        cities = res.cities
        var placed: Set<String> = []
        let tokens = doc.tokens
        for (i, t) in tokens.enumerated() where t.isCapitalized {
            guard let city = res.cities[t.text], !city.big else { continue }
            let after = i + 1 < tokens.count ? tokens[i + 1] : nil
            // A town of one word is a name on its own, not the start of a longer one.
            if let a = after, a.isCapitalized, a.spaceBefore { continue }
            let before = i > 0 ? tokens[i - 1].lower : ""
            var isPlaced = CityReading.placePrepositions.contains(before)
            if !isPlaced, after?.text == ",", i + 2 < tokens.count {
                let next = tokens[i + 2].text
                isPlaced = res.regions[next] != nil || res.places[next] != nil || res.countryNames[next] != nil
            }
            if isPlaced { placed.insert(t.text) }
        }
        self.placed = placed
    }

    /// The town a whole capitalised name is, if it is one; `name` is the name as written.
    func town(named name: String) -> String? {
        guard let city = cities[name] else { return nil }
        if city.big || name.contains(" ") || name.contains("-") || placed.contains(name) { return name }
        return nil
    }
}
