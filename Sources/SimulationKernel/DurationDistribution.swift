#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A distribution of durations, sampled to whole milliseconds (SPEC §3 "Distributions").
///
/// Parameters are held in milliseconds. Every sample is rounded to the nearest millisecond
/// (halves away from zero) and is never negative.
public enum DurationDistribution: Hashable, Sendable {
    /// Always the same duration.
    case fixed(SimTime)
    /// Uniform on [low, high].
    case uniform(low: Double, high: Double)
    /// Exponential with the given mean.
    case exponential(mean: Double)
    /// Normal with the given mean and standard deviation; negative draws are redrawn.
    case normal(mean: Double, standardDeviation: Double)
    /// Log-normal: `median · exp(sigma · Z)` with Z standard normal.
    case logNormal(median: Double, sigma: Double)
    /// Triangular on [minimum, maximum] with the given mode.
    case triangular(minimum: Double, mode: Double, maximum: Double)
    /// A weighted choice among fixed durations. Weights are positive and need not sum to 1.
    case choice([WeightedDuration])

    /// One alternative of a `choice` distribution.
    public struct WeightedDuration: Hashable, Sendable {
        public var value: SimTime
        public var weight: Double

        public init(value: SimTime, weight: Double) {
            self.value = value
            self.weight = weight
        }
    }

    /// Negative normal draws are redrawn; after this many tries the draw gives 0 so that an
    /// absurd parameter set can never hang a run.
    public static let maximumRedraws = 1000

    /// Whether every sample is the same value (no randomness is consumed for it).
    public var isFixed: Bool {
        if case .fixed = self { return true }
        return false
    }

    /// The distribution's mean in milliseconds (before rounding), for validation and reports.
    public var mean: Double {
        switch self {
        case .fixed(let value): return Double(value)
        case .uniform(let low, let high): return (low + high) / 2
        case .exponential(let mean): return mean
        case .normal(let mean, let standardDeviation):
            // Negative draws are redrawn: the mean of a normal truncated at 0.
            guard standardDeviation > 0 else { return max(mean, 0) }
            let alpha = -mean / standardDeviation
            let density = exp(-alpha * alpha / 2) / (2 * Double.pi).squareRoot()
            let survival = erfc(alpha / 2.0.squareRoot()) / 2
            return survival > 0 ? mean + standardDeviation * density / survival : 0
        case .logNormal(let median, let sigma): return median * exp(sigma * sigma / 2)
        case .triangular(let minimum, let mode, let maximum): return (minimum + mode + maximum) / 3
        case .choice(let alternatives):
            let total = alternatives.reduce(0) { $0 + $1.weight }
            return alternatives.reduce(0) { $0 + Double($1.value) * $1.weight } / total
        }
    }

    /// Draws one duration in whole milliseconds.
    ///
    /// - Complexity: O(1), except `choice`, which is O(number of alternatives).
    @inlinable
    public func sample(_ random: inout RandomStream) -> SimTime {
        switch self {
        case .fixed(let value):
            return value
        case .uniform(let low, let high):
            return Self.milliseconds(low + (high - low) * random.nextUnit())
        case .exponential(let mean):
            return Self.milliseconds(-mean * log(random.nextOpenUnit()))
        case .normal(let mean, let standardDeviation):
            for _ in 0..<Self.maximumRedraws {
                let value = mean + standardDeviation * random.nextStandardNormal()
                if value >= 0 { return Self.milliseconds(value) }
            }
            return 0
        case .logNormal(let median, let sigma):
            return Self.milliseconds(median * exp(sigma * random.nextStandardNormal()))
        case .triangular(let minimum, let mode, let maximum):
            return Self.milliseconds(Self.triangular(minimum, mode, maximum, random.nextUnit()))
        case .choice(let alternatives):
            return Self.choose(alternatives, random.nextUnit())
        }
    }

    /// Inverse CDF of the triangular distribution.
    @usableFromInline
    static func triangular(_ minimum: Double, _ mode: Double, _ maximum: Double, _ u: Double) -> Double {
        let range = maximum - minimum
        guard range > 0 else { return minimum }
        let split = (mode - minimum) / range
        if u < split {
            return minimum + (u * range * (mode - minimum)).squareRoot()
        }
        return maximum - ((1 - u) * range * (maximum - mode)).squareRoot()
    }

    @usableFromInline
    static func choose(_ alternatives: [WeightedDuration], _ u: Double) -> SimTime {
        let total = alternatives.reduce(0) { $0 + $1.weight }
        var threshold = u * total
        for alternative in alternatives {
            if threshold < alternative.weight { return alternative.value }
            threshold -= alternative.weight
        }
        return alternatives.last?.value ?? 0
    }

    /// Rounds a non-negative duration to whole milliseconds, saturating instead of trapping.
    @usableFromInline
    static func milliseconds(_ value: Double) -> SimTime {
        guard value.isFinite else { return value > 0 ? SimTime.max / 4 : 0 }
        let rounded = value.rounded()
        if rounded <= 0 { return 0 }
        if rounded >= Double(SimTime.max / 4) { return SimTime.max / 4 }
        return SimTime(rounded)
    }
}
