/// The functions of rule 23 with the argument counts the checker enforces at load time.
enum BuiltinFunction: String, CaseIterable {
    case avg, ceil, floor, round, len, lg, ln, log, max, min, norm, percentile, rand, range, std, stop, sum, time, val

    /// The allowed argument counts.
    var arity: ClosedRange<Int> {
        switch self {
        case .avg, .len, .max, .min, .norm, .range, .std, .sum: return 1...Int.max
        case .ceil, .floor, .round, .lg, .ln, .log: return 1...1
        case .percentile, .val: return 2...2
        case .rand, .stop: return 0...0
        case .time: return 0...1
        }
    }

    /// The allowed counts in words, for the error message.
    var arityText: String { Self.describe(arity) }

    static func describe(_ arity: ClosedRange<Int>) -> String {
        let noun = { (count: Int) in count == 1 ? "1 argument" : "\(count) arguments" }
        if arity.upperBound == Int.max { return "\(noun(arity.lowerBound)) or more" }
        if arity.lowerBound == arity.upperBound { return noun(arity.lowerBound) }
        if arity.upperBound == arity.lowerBound + 1 {
            return "\(arity.lowerBound) or \(noun(arity.upperBound))"
        }
        return "\(arity.lowerBound) to \(noun(arity.upperBound))"
    }
}
