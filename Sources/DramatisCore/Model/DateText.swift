import Foundation

/// How a contract date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) reads in prose: the one formatter of the
/// exports, the summary and the window.
public enum DateText {
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]

    /// "2025-08-18" → "18 August 2025", "2025-08" → "August 2025", "2014" → "2014"; anything
    /// that is not such a date is returned as it is.
    public static func readable(_ iso: String) -> String {
        let parts = iso.split(separator: "-").map(String.init)
        guard let year = parts.first, year.count == 4, Int(year) != nil else { return iso }
        guard parts.count >= 2, let m = Int(parts[1]), (1...12).contains(m) else { return year }
        guard parts.count >= 3, let d = Int(parts[2]), (1...31).contains(d) else { return "\(monthNames[m - 1]) \(year)" }
        return "\(d) \(monthNames[m - 1]) \(year)"
    }
}
