/// Reads the timestamp texts `time("…")` accepts (rule 23): ISO 8601 (`2026-01-05T08:00:00Z`,
/// fractional seconds and `±hh:mm` offsets allowed) and RFC 1123 (`Fri, 16 May 2025 17:31:28 GMT`).
/// Hand-written so that it is the same on every platform and never consults a locale.
public enum TimestampText {
    /// Seconds since 1970 in UTC, or `nil` when the text is neither form.
    public static func parse(_ text: String) -> Double? {
        let trimmed = String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
        return iso8601(trimmed) ?? rfc1123(trimmed)
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private static func seconds(
        year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Double
    ) -> Double? {
        guard (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute),
            second >= 0, second < 60
        else { return nil }
        let days = CivilTime.days(year: year, month: month, day: day)
        guard CivilTime(millisecondsSince1970: days * 86_400_000).day == day else { return nil }
        return Double(days) * 86_400 + Double(hour * 3600 + minute * 60) + second
    }

    private static func integer(_ text: Substring, digits: Int) -> Int? {
        guard text.count == digits, text.allSatisfy(\.isASCIIDigit) else { return nil }
        return Int(text)
    }

    private static func iso8601(_ text: String) -> Double? {
        let characters = Array(text)
        guard characters.count >= 20, characters[4] == "-", characters[7] == "-",
            characters[10] == "T" || characters[10] == "t" || characters[10] == " ", characters[13] == ":",
            characters[16] == ":"
        else { return nil }
        let string = Substring(text)
        func field(_ start: Int, _ length: Int) -> Int? {
            let from = string.index(string.startIndex, offsetBy: start)
            return integer(string[from..<string.index(from, offsetBy: length)], digits: length)
        }
        guard let year = field(0, 4), let month = field(5, 2), let day = field(8, 2), let hour = field(11, 2),
            let minute = field(14, 2), let second = field(17, 2)
        else { return nil }
        var rest = characters[19...]
        var fraction = 0.0
        if rest.first == "." {
            let digits = rest.dropFirst().prefix { $0.isASCIIDigit }
            guard !digits.isEmpty, let value = Double("0." + String(digits)) else { return nil }
            fraction = value
            rest = rest.dropFirst(1 + digits.count)
        }
        var offset = 0.0
        if rest.count == 1, rest.first == "Z" || rest.first == "z" {
            offset = 0
        } else if rest.count == 6, rest.first == "+" || rest.first == "-", rest[rest.startIndex + 3] == ":" {
            let sign: Double = rest.first == "-" ? -1 : 1
            let hours = Int(String(rest.dropFirst().prefix(2)))
            let minutes = Int(String(rest.suffix(2)))
            guard let hours, let minutes, String(rest.dropFirst().prefix(2)).allSatisfy(\.isASCIIDigit),
                String(rest.suffix(2)).allSatisfy(\.isASCIIDigit)
            else { return nil }
            offset = sign * Double(hours * 3600 + minutes * 60)
        } else {
            return nil
        }
        guard let base = seconds(year: year, month: month, day: day, hour: hour, minute: minute, second: Double(second))
        else { return nil }
        return base + fraction - offset
    }

    private static func rfc1123(_ text: String) -> Double? {
        let parts = text.split(separator: " ")
        guard parts.count == 6, parts[0].count == 4, parts[0].hasSuffix(","), parts[5] == "GMT" || parts[5] == "UTC",
            let day = Int(parts[1]), parts[1].count <= 2, let monthIndex = months.firstIndex(of: String(parts[2])),
            let year = integer(parts[3], digits: 4)
        else { return nil }
        let clock = parts[4].split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 3, let hour = integer(clock[0], digits: 2), let minute = integer(clock[1], digits: 2),
            let second = integer(clock[2], digits: 2)
        else { return nil }
        return seconds(year: year, month: monthIndex + 1, day: day, hour: hour, minute: minute, second: Double(second))
    }
}

extension Character {
    /// `0`–`9` only (`Character.isNumber` accepts other scripts' digits).
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
