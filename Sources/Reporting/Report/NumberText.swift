import BatchModel

/// How reports write numbers and times for people: thousands separators, durations in the
/// scenario files' own syntax (`3h45m`), and words for headlines ("45 minutes").
///
/// Every figure a report shows goes through here, so tests can format a `summary.json` value
/// the same way and look for it.
public enum NumberText {
    /// `1240` → "1,240"; `-3000` → "-3,000".
    public static func grouped(_ value: Int64) -> String {
        grouped(digits: String(value.magnitude), negative: value < 0)
    }

    /// A number of any size rounded to a whole one, grouped: costs and chart ticks can pass
    /// `Int64.max`.
    public static func grouped(whole value: Double) -> String {
        let rounded = value.rounded()
        return Int64(exactly: rounded).map { grouped($0) }
            ?? grouped(digits: PlainNumberText.format(rounded.magnitude), negative: rounded < 0)
    }

    private static func grouped(digits: String, negative: Bool) -> String {
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
            out.append(character)
        }
        return (negative ? "-" : "") + out
    }

    /// A summary value as the tables show it: the JSON text with its integer part grouped
    /// ("132,000", "7.04", "1,234.5"); null is "—".
    public static func metric(_ text: String) -> String {
        guard text != "null" else { return "—" }
        let negative = text.hasPrefix("-")
        let body = negative ? String(text.dropFirst()) : text
        let parts = body.split(separator: ".", maxSplits: 1)
        guard let whole = Int64(parts.first ?? "") else { return text }
        let grouped = grouped(whole) + (parts.count > 1 ? "." + parts[1] : "")
        return (negative ? "-" : "") + grouped
    }

    /// A time of the run or a duration, compactly: "45s", "12m", "3h05m", "2d04h00m";
    /// milliseconds only when below a second ("250ms").
    public static func clock(_ milliseconds: Int64) -> String {
        let sign = milliseconds < 0 ? "-" : ""
        let total = milliseconds.magnitude
        if total == 0 { return "0s" }
        if total < 1000 { return "\(sign)\(total)ms" }
        let seconds = total / 1000
        let (days, hours, minutes, secs) = (seconds / 86400, seconds / 3600 % 24, seconds / 60 % 60, seconds % 60)
        let tail = secs > 0 ? two(secs) + "s" : ""
        if days > 0 { return "\(sign)\(days)d\(two(hours))h\(two(minutes))m" + tail }
        if hours > 0 { return "\(sign)\(hours)h\(two(minutes))m" + tail }
        if minutes > 0 { return "\(sign)\(minutes)m" + (secs > 0 ? tail : "") }
        return "\(sign)\(secs)s"
    }

    /// A duration in words, rounded to what a sentence needs: "40 seconds", "45 minutes",
    /// "1 hour 5 minutes", "2 days 3 hours".
    public static func words(_ milliseconds: Int64) -> String {
        let seconds = (milliseconds.magnitude + 500) / 1000
        if seconds < 120 { return plural(Int64(seconds), "second") }
        let minutes = (seconds + 30) / 60
        if minutes < 120 { return plural(Int64(minutes), "minute") }
        if minutes < 48 * 60 {
            let (hours, rest) = (minutes / 60, minutes % 60)
            return plural(Int64(hours), "hour") + (rest > 0 ? " " + plural(Int64(rest), "minute") : "")
        }
        let hours = (minutes + 30) / 60
        let (days, rest) = (hours / 24, hours % 24)
        return plural(Int64(days), "day") + (rest > 0 ? " " + plural(Int64(rest), "hour") : "")
    }

    /// "1 task", "3 tasks", "1,240 tasks".
    public static func plural(_ count: Int64, _ noun: String) -> String {
        "\(grouped(count)) \(noun)\(count == 1 ? "" : "s")"
    }

    /// Node-seconds as node-hours: one decimal below 100, whole (grouped) above; "0".
    public static func nodeHours(_ nodeSeconds: Double) -> String {
        let hours = nodeSeconds / 3600
        if abs(hours) >= 99.95 { return grouped(Int64(hours.rounded())) }
        let tenths = Int64((hours * 10).rounded())
        let text = "\(tenths.magnitude / 10)" + (tenths % 10 == 0 ? "" : ".\(tenths.magnitude % 10)")
        return (tenths < 0 ? "-" : "") + text
    }

    /// A cost with two decimals and grouping: 7.04 → "7.04", 1234.5 → "1,234.50".
    public static func money(_ value: Double) -> String {
        guard let cents = Int64(exactly: (value * 100).rounded()) else {
            // Above 9·10¹⁶ a double has no cents left to show.
            return grouped(whole: value) + ".00"
        }
        let fraction = cents.magnitude % 100
        return (cents < 0 ? "-" : "") + grouped(Int64(cents.magnitude / 100)) + "." + two(UInt64(fraction))
    }

    /// Small counts in words for sentences ("two key outages"); digits above ten.
    public static func count(_ value: Int) -> String {
        let names = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
        return value >= 0 && value < names.count ? names[value] : grouped(Int64(value))
    }

    private static func two(_ value: UInt64) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
