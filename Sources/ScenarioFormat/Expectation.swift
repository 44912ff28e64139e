/// One `expect:` line: a metric name, optionally a statistic across replications, and the check
/// its value must pass (SPEC §3, issue "regression checks").
public struct Expectation: Hashable, Sendable {
    public enum Check: Hashable, Sendable {
        /// The value equals this number (within a margin far below the summary's precision).
        case equals(Double)
        /// The metric has no value (a percentile of nothing, a makespan with work left).
        case isNull
        /// Inclusive range.
        case between(Double, Double)
        case atLeast(Double)
        case atMost(Double)
        /// |value − x| ≤ tolerance.
        case approx(Double, tolerance: Double)
        /// |value − x| ≤ relativeTolerance · |x|.
        case approxRelative(Double, tolerance: Double)
        /// The 95 % confidence interval of the mean contains x (only under `ci95`).
        case contains(Double)
        /// The 95 % confidence interval of the mean lies within [a, b] (only under `ci95`).
        case within(Double, Double)
    }

    /// Which statistic across replications the check applies to; nil: the value of the run with
    /// the scenario's own seed (replication 0).
    public enum Statistic: String, Hashable, Sendable, CaseIterable {
        case mean, p5, p50, p95, ci95
    }

    public var metric: String
    public var statistic: Statistic?
    public var check: Check
    /// Where the metric name is written, for verdict messages.
    public var location: SourceLocation
    /// Where the expected value starts (a plain number's position, for `check --update`).
    public var valueLocation: SourceLocation

    public init(
        metric: String,
        statistic: Statistic? = nil,
        check: Check,
        location: SourceLocation,
        valueLocation: SourceLocation? = nil
    ) {
        self.metric = metric
        self.statistic = statistic
        self.check = check
        self.location = location
        self.valueLocation = valueLocation ?? location
    }
}
