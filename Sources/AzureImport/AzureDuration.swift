import Foundation

/// Durations as Azure writes them: ISO 8601 in REST bodies and ARM (`PT5M`, `P1DT2H`, `PT0.5S`) and
/// Python `timedelta` text in the CLI's output (`0:05:00`, `1 day, 2:00:00`).
///
/// .NET's `TimeSpan.MaxValue` is what Batch returns for "no limit"; both of its spellings
/// (`P10675199DT2H48M5.4775807S`, `10675199 days, 2:48:05.477581`) read as `.unlimited`, and so does any
/// duration of 10,000 days or more, which no simulated run reaches.
public enum AzureDuration: Sendable, Equatable {
    /// A finite duration in whole milliseconds (fractions are rounded to the nearest millisecond).
    case milliseconds(Int64)
    /// No limit.
    case unlimited

    /// Ten thousand days: at and above this a duration is Azure's "no limit".
    static let unlimitedThreshold: Double = 10_000 * 86_400_000

    /// Parses either spelling; `nil` when the text is neither.
    public static func parse(_ text: String) -> AzureDuration? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let milliseconds = iso8601(trimmed) ?? timedelta(trimmed) else { return nil }
        guard milliseconds.isFinite, milliseconds >= 0 else { return nil }
        if milliseconds >= unlimitedThreshold { return .unlimited }
        return .milliseconds(Int64(milliseconds.rounded()))
    }

    /// `P[nY][nM][nW][nD][T[nH][nM][n.nS]]`; years and months count 365 and 30 days (Batch never writes them).
    private static func iso8601(_ text: String) -> Double? {
        let upper = Array(text.uppercased())
        guard upper.first == "P", upper.count > 1 else { return nil }
        var total = 0.0
        var inTime = false
        var number = ""
        var sawComponent = false
        var lastRank = -1
        let dateUnits: [Character: (rank: Int, ms: Double)] = [
            "Y": (0, 365 * 86_400_000), "M": (1, 30 * 86_400_000), "W": (2, 7 * 86_400_000), "D": (3, 86_400_000),
        ]
        let timeUnits: [Character: (rank: Int, ms: Double)] = ["H": (4, 3_600_000), "M": (5, 60_000), "S": (6, 1000)]
        for character in upper.dropFirst() {
            if character == "T" {
                guard !inTime, number.isEmpty else { return nil }
                inTime = true
                continue
            }
            if character.isASCII, character.isNumber || character == "." || character == "," {
                number.append(character == "," ? "." : character)
                continue
            }
            guard let unit = (inTime ? timeUnits : dateUnits)[character], unit.rank > lastRank,
                let value = Double(number)
            else { return nil }
            // Only seconds may carry a fraction in what Azure writes; accept it anywhere, as ISO 8601 does.
            total += value * unit.ms
            lastRank = unit.rank
            number = ""
            sawComponent = true
        }
        guard number.isEmpty, sawComponent, !(inTime && lastRank < 4) else { return nil }
        return total
    }

    /// `[D day[s], ]H:MM:SS[.ffffff]`, as Python prints a `timedelta`.
    private static func timedelta(_ text: String) -> Double? {
        var rest = Substring(text)
        var days = 0.0
        if let comma = rest.firstIndex(of: ",") {
            let dayPart = rest[..<comma].split(separator: " ")
            guard dayPart.count == 2, dayPart[1] == "day" || dayPart[1] == "days", let count = Double(dayPart[0]),
                count >= 0
            else { return nil }
            days = count
            rest = rest[rest.index(after: comma)...].drop { $0 == " " }
        }
        let parts = rest.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, let hours = Double(parts[0]), let minutes = Double(parts[1]),
            let seconds = Double(parts[2]), parts.allSatisfy({ !$0.isEmpty && $0.first?.isNumber == true }),
            minutes < 60, seconds < 60
        else { return nil }
        return ((days * 24 + hours) * 60 + minutes) * 60_000 + seconds * 1000
    }
}
