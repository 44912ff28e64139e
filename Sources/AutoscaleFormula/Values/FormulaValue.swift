import Foundation

/// A value of the formula language (rule 22). Times are seconds (since 1970 for timestamps) as
/// doubles: fine enough for the 100 ns ticks of `TimeInterval_100ns` over the simulated years.
public enum FormulaValue: Equatable, Sendable, CustomStringConvertible {
    case double(Double)
    case vector([Double])
    case string(String)
    /// Seconds since 1970-01-01T00:00:00Z.
    case timestamp(Double)
    /// Seconds.
    case interval(Double)

    /// The type's name as the service's documentation spells it, for type-mismatch messages.
    var typeName: String {
        switch self {
        case .double: return "double"
        case .vector: return "doubleVec"
        case .string: return "string"
        case .timestamp: return "timestamp"
        case .interval: return "timeinterval"
        }
    }

    /// The value as the results string shows it (rule 27).
    public var description: String {
        switch self {
        case .double(let value): return ValueFormatting.number(value)
        case .vector(let values): return "[" + values.map(ValueFormatting.number).joined(separator: ",") + "]"
        case .string(let text): return text
        case .timestamp(let seconds): return ValueFormatting.timestamp(seconds)
        case .interval(let seconds): return ValueFormatting.interval(seconds)
        }
    }
}
