/// The text forms of rule 27's results string, kept apart from the values so that the simulation's
/// event log and the command line print exactly the same thing.
enum ValueFormatting {
    /// Whole numbers without a decimal point, others in Swift's shortest round-trip form; the
    /// non-finite values use .NET's spellings, as the service would.
    static func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        if value == value.rounded(), abs(value) < 9.007_199_254_740_992e15 {
            return String(Int64(value))
        }
        return "\(value)"
    }

    /// ISO 8601 in UTC with `Z`, with milliseconds only when the time is not a whole second.
    static func timestamp(_ seconds: Double) -> String {
        guard abs(seconds) < 1e12 else { return number(seconds) }  // never reached: the evaluator keeps years 1–9999
        let milliseconds = Int64((seconds * 1000).rounded())
        let fields = CivilTime(millisecondsSince1970: milliseconds)
        let base =
            "\(pad(fields.year, 4))-\(pad(fields.month, 2))-\(pad(fields.day, 2))T"
            + "\(pad(fields.hour, 2)):\(pad(fields.minute, 2)):\(pad(fields.second, 2))"
        return fields.millisecond == 0 ? base + "Z" : base + ".\(pad(fields.millisecond, 3))Z"
    }

    /// .NET's constant TimeSpan form `[-][d.]hh:mm:ss[.fffffff]`, in 100 ns ticks.
    static func interval(_ seconds: Double) -> String {
        guard abs(seconds) < 1e12 else { return number(seconds) }  // never reached: the evaluator keeps ±2⁶³ ticks
        let ticks = Int64((abs(seconds) * 10_000_000).rounded())
        let fraction = ticks % 10_000_000
        let whole = ticks / 10_000_000
        let days = whole / 86_400
        var text = seconds < 0 && ticks != 0 ? "-" : ""
        if days > 0 { text += "\(days)." }
        text += "\(pad(Int(whole / 3600 % 24), 2)):\(pad(Int(whole / 60 % 60), 2)):\(pad(Int(whole % 60), 2))"
        if fraction != 0 { text += ".\(pad(Int(fraction), 7))" }
        return text
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
