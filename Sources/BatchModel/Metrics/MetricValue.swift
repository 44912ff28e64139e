public import SimulationKernel

/// One summary figure, typed so that it prints exactly as SPEC §4 says: counts as integers,
/// times in seconds (integers when whole, else millisecond precision), costs to 6 decimals.
public enum MetricValue: Hashable, Sendable, CustomStringConvertible {
    case count(Int)
    /// A time held in milliseconds, printed in seconds.
    case seconds(SimTime)
    /// A cost, already rounded to 6 decimals.
    case cost(Double)
    case null

    /// Rounds a cost to 6 decimals, as every cost in a summary is.
    public static func roundedCost(_ value: Double) -> MetricValue {
        .cost(roundCost(value))
    }

    static func roundCost(_ value: Double) -> Double {
        let rounded = (value * 1_000_000).rounded() / 1_000_000
        return rounded == 0 ? 0 : rounded  // no "-0"
    }

    public static func seconds(_ value: SimTime?) -> MetricValue {
        value.map { .seconds($0) } ?? .null
    }

    /// The value as a number (seconds for times), or nil for `null`.
    public var number: Double? {
        switch self {
        case .count(let value): Double(value)
        case .seconds(let milliseconds): Double(milliseconds) / 1000
        case .cost(let value): value
        case .null: nil
        }
    }

    /// scenario − baseline, null when either is null (SPEC §2 rule 10).
    public func minus(_ other: MetricValue) -> MetricValue {
        switch (self, other) {
        case (.count(let a), .count(let b)): .count(a - b)
        case (.seconds(let a), .seconds(let b)): .seconds(a - b)
        case (.cost(let a), .cost(let b)): .cost(Self.roundCost(a - b))
        default: .null
        }
    }

    /// The JSON text of the value.
    public var description: String {
        switch self {
        case .count(let value):
            return String(value)
        case .seconds(let milliseconds):
            return Self.formatSeconds(milliseconds)
        case .cost(let value):
            return Self.formatCost(value)
        case .null:
            return "null"
        }
    }

    /// Milliseconds as seconds with no trailing zeros: 3300000 → "3300", 1500 → "1.5", -250 → "-0.25".
    static func formatSeconds(_ milliseconds: SimTime) -> String {
        decimal(milliseconds, places: 3)
    }

    /// A cost with at most 6 decimals and no exponent: 0.192 → "0.192", 12 → "12". Costs past
    /// Int64's micro-units (above 9.2·10¹², where a double keeps fewer than 6 decimals anyway)
    /// are written in plain notation instead of trapping.
    static func formatCost(_ value: Double) -> String {
        guard let units = Int64(exactly: (value * 1_000_000).rounded()) else {
            return PlainNumberText.format(value)
        }
        return decimal(units, places: 6)
    }

    /// `units / 10^places` in decimal notation without trailing zeros, exactly.
    private static func decimal(_ units: Int64, places: Int) -> String {
        var scale: UInt64 = 1
        for _ in 0..<places { scale *= 10 }
        let sign = units < 0 ? "-" : ""
        let whole = units.magnitude / scale
        let fraction = units.magnitude % scale
        guard fraction != 0 else { return sign + String(whole) }
        var digits = String(fraction)
        digits = String(repeating: "0", count: places - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(sign)\(whole).\(digits)"
    }
}
