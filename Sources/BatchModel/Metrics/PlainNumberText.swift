/// A `Double` in plain decimal notation, whatever its size: the shortest digits that read
/// back as the same double (what `description` gives), with the exponent written out.
///
/// Costs are doubles, and a scenario may price a node at up to 10⁹ per hour: a year of a few
/// thousand such nodes costs more than 9.2·10¹², past which the usual fixed-point formatting
/// through `Int64` micro-units traps, while `description` switches to exponent notation
/// (`8.784e+17`) that `summary.json` and the reports must not contain.
public enum PlainNumberText {
    /// `8.784e+17` → "878400000000000000", `1e-05` → "0.00001", `-2.5` → "-2.5", `3.0` → "3";
    /// "0" for values that are not finite (no caller passes one; a trap would be worse).
    public static func format(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let text = value.magnitude.description
        let parts = text.split(separator: "e", maxSplits: 1)
        let mantissa = parts.first ?? "0"
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let digits = mantissa.filter { $0 != "." }
        let point =
            (mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) }
                ?? mantissa.count) + exponent
        var whole: Substring
        var fraction: Substring
        if point <= 0 {
            whole = "0"
            fraction = Substring(String(repeating: "0", count: -point) + digits)
        } else if point >= digits.count {
            whole = Substring(digits + String(repeating: "0", count: point - digits.count))
            fraction = ""
        } else {
            whole = digits.prefix(point)
            fraction = digits.dropFirst(point)
        }
        while whole.count > 1, whole.hasPrefix("0") { whole.removeFirst() }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let sign = value < 0 && (whole != "0" || !fraction.isEmpty) ? "-" : ""
        return sign + whole + (fraction.isEmpty ? "" : "." + fraction)
    }
}
