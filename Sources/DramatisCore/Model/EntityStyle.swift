import Foundation

/// How each entity type is shown: its label and its colours (GNOME palette). The one table the
/// window's highlight colours, the HTML export's style sheet and the PDF read, so the three agree.
public struct EntityStyle: Sendable {
    public let type: EntityType
    /// "Person", "Organisation", "Law or agreement".
    public let label: String
    /// The type's colour on a light background (HTML underline and tint).
    public let colour: String
    /// The same hue on a dark background (HTML in a dark colour scheme).
    public let darkColour: String
    /// A deeper shade for paper: the HTML print style and the PDF's underline.
    public let printColour: String
    /// The PDF's light background tint behind a mention.
    public let printTint: String
    /// Opacity of `colour` as the window's highlight behind a mention (reads on light and dark).
    public let highlightOpacity: Double

    public static let all: [EntityStyle] = [
        EntityStyle(type: .person, label: "Person", colour: "#3584e4", darkColour: "#62a0ea",
                    printColour: "#1c71d8", printTint: "#dbe8fa", highlightOpacity: 0.22),
        EntityStyle(type: .organization, label: "Organisation", colour: "#9141ac", darkColour: "#c061cb",
                    printColour: "#813d9c", printTint: "#eedcf2", highlightOpacity: 0.24),
        EntityStyle(type: .place, label: "Place", colour: "#26a269", darkColour: "#57e389",
                    printColour: "#26a269", printTint: "#d7f2e3", highlightOpacity: 0.22),
        EntityStyle(type: .group, label: "Group", colour: "#e66100", darkColour: "#ffa348",
                    printColour: "#c64600", printTint: "#fde3cc", highlightOpacity: 0.22),
        EntityStyle(type: .event, label: "Event", colour: "#e01b24", darkColour: "#f66151",
                    printColour: "#c01c28", printTint: "#f9d8da", highlightOpacity: 0.24),
        EntityStyle(type: .law, label: "Law or agreement", colour: "#986a44", darkColour: "#cdab8f",
                    printColour: "#865e3c", printTint: "#ece2d8", highlightOpacity: 0.28),
    ]

    private static let byType = Dictionary(uniqueKeysWithValues: all.map { ($0.type, $0) })

    public static func of(_ type: EntityType) -> EntityStyle { byType[type]! }

    /// The window's highlight, as CSS: "rgba(53,132,228,0.22)".
    public var highlight: String {
        let v = Int(colour.dropFirst(), radix: 16) ?? 0
        return "rgba(\(v >> 16 & 0xFF),\(v >> 8 & 0xFF),\(v & 0xFF),\(highlightOpacity))"
    }

    /// CSS custom properties for every type, "--person: #3584e4; --organization: …;".
    public static func cssVariables(_ colour: KeyPath<EntityStyle, String>) -> String {
        all.map { "--\($0.type.rawValue): \($0[keyPath: colour]);" }.joined(separator: " ")
    }

    /// GTK named colours for the window's style sheet: "@define-color dramatis_person rgba(…);".
    public static var gtkColorDefinitions: String {
        all.map { "@define-color dramatis_\($0.type.rawValue) \($0.highlight);" }.joined(separator: "\n") + "\n"
    }
}

extension EntityType {
    public var displayName: String { EntityStyle.of(self).label }
}
