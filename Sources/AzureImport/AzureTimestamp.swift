import Foundation

/// Timestamps as the REST API (`2024-05-01T10:00:00.1234567Z`) and the CLI
/// (`2024-05-01T10:00:00.123456+00:00`) write them, to milliseconds since 1970; arrivals and measured
/// durations are differences of these.
enum AzureTimestamp {
    /// Milliseconds since 1970-01-01T00:00:00Z, or `nil` when the text is not such a timestamp.
    static func milliseconds(_ text: String) -> Int64? {
        let characters = Array(text.trimmingCharacters(in: .whitespaces))
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= characters.count else { return nil }
            let slice = characters[range]
            guard slice.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(String(slice))
        }
        guard characters.count >= 19, characters[4] == "-", characters[7] == "-",
            characters[10] == "T" || characters[10] == " " || characters[10] == "t",
            characters[13] == ":", characters[16] == ":",
            let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19
        var fraction = 0.0
        if index < characters.count, characters[index] == "." {
            index += 1
            let start = index
            while index < characters.count, characters[index].isASCII, characters[index].isNumber { index += 1 }
            guard index > start, let value = Double("0." + String(characters[start..<index])) else { return nil }
            fraction = value
        }
        var offsetMinutes = 0
        if index < characters.count {
            let sign = characters[index]
            if sign == "Z" || sign == "z" {
                index += 1
            } else if sign == "+" || sign == "-" {
                guard let hours = number(index + 1..<index + 3) else { return nil }
                var minutes = 0
                var end = index + 3
                if end < characters.count, characters[end] == ":" { end += 1 }
                if end < characters.count {
                    guard let value = number(end..<end + 2) else { return nil }
                    minutes = value
                    end += 2
                }
                offsetMinutes = (hours * 60 + minutes) * (sign == "-" ? -1 : 1)
                index = end
            } else {
                return nil
            }
        }
        guard index == characters.count else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds =
            ((Int64(days) * 24 + Int64(hour)) * 60 + Int64(minute) - Int64(offsetMinutes)) * 60
            + Int64(second)
        return seconds * 1000 + Int64((fraction * 1000).rounded())
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm): no calendar,
    /// time zone or locale involved, so the same text gives the same number everywhere.
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let shifted = month <= 2 ? year - 1 : year
        let era = (shifted >= 0 ? shifted : shifted - 399) / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
