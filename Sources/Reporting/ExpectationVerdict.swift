public import BatchModel
public import ScenarioFormat

/// The outcome of one `expect:` line against a run's summary, or against the summaries of
/// its replications for a statistic (SPEC §3 `expect:`).
public struct ExpectationVerdict: Sendable {
    public var expectation: Expectation
    /// The metric's value (plain checks), or nil when the summary has no such metric.
    public var actual: MetricValue?
    /// What the check compared: the value, the statistic or the interval, as text.
    public var actualText: String
    public var passed: Bool
    /// Why a verdict failed beyond the value itself (an unknown metric, with a suggestion).
    public var note: String?
    /// actual − expected for a failed exact or approximate check.
    public var difference: String?

    /// Judges every expectation, in file order: plain checks against `summary` (the run with
    /// the scenario's own seed), statistics against `replications` (every run, that one included).
    public static func judge(
        _ expectations: [Expectation],
        against summary: Summary,
        replications: [Summary]? = nil
    ) -> [ExpectationVerdict] {
        let runs = replications ?? [summary]
        return expectations.map { expectation in
            guard let actual = summary[expectation.metric] else {
                return ExpectationVerdict(
                    expectation: expectation,
                    actual: nil,
                    actualText: "no such metric",
                    passed: false,
                    note: "unknown metric '\(expectation.metric)'"
                        + EditDistance.hint(for: expectation.metric, among: summary.names)
                )
            }
            guard let statistic = expectation.statistic else {
                return judged(expectation, actual: actual, number: actual.number, text: actual.description)
            }
            let values = runs.compactMap { $0[expectation.metric]?.number }
            guard let statistics = SampleStatistics(values) else {
                return judged(expectation, actual: nil, number: nil, text: "null in every replication")
            }
            let suffix = " over \(statistics.count) replications"
            switch statistic {
            case .mean:
                return judged(expectation, actual: nil, number: statistics.mean, text: format(statistics.mean) + suffix)
            case .p5:
                return judged(expectation, actual: nil, number: statistics.p5, text: format(statistics.p5) + suffix)
            case .p50:
                return judged(expectation, actual: nil, number: statistics.p50, text: format(statistics.p50) + suffix)
            case .p95:
                return judged(expectation, actual: nil, number: statistics.p95, text: format(statistics.p95) + suffix)
            case .ci95:
                let low = statistics.confidenceLow
                let high = statistics.confidenceHigh
                return ExpectationVerdict(
                    expectation: expectation,
                    actual: nil,
                    actualText: "[\(format(low)), \(format(high))]" + suffix,
                    passed: passes(expectation.check, interval: (low, high))
                )
            }
        }
    }

    private static func judged(_ expectation: Expectation, actual: MetricValue?, number: Double?, text: String) -> Self
    {
        let passed = passes(expectation.check, number: number)
        var difference: String?
        if !passed, let number {
            switch expectation.check {
            case .equals(let expected), .approx(let expected, _), .approxRelative(let expected, _):
                difference = format(((number - expected) * 1_000_000).rounded() / 1_000_000)
            default:
                break
            }
        }
        return ExpectationVerdict(
            expectation: expectation,
            actual: actual,
            actualText: text,
            passed: passed,
            difference: difference
        )
    }

    /// Whether a value (nil: the metric is null) satisfies a check. Exact values compare as
    /// numbers, with a margin far below the summary's own precision.
    public static func passes(_ check: Expectation.Check, number: Double?) -> Bool {
        guard let number else { return check == .isNull }
        switch check {
        case .isNull, .contains, .within: return false
        case .equals(let expected): return abs(number - expected) <= 1e-9 * max(1, abs(expected))
        case .between(let low, let high): return number >= low && number <= high
        case .atLeast(let low): return number >= low
        case .atMost(let high): return number <= high
        case .approx(let expected, let tolerance): return abs(number - expected) <= tolerance + 1e-9
        case .approxRelative(let expected, let tolerance):
            return abs(number - expected) <= tolerance * abs(expected) + 1e-9
        }
    }

    /// Whether a metric value satisfies a plain check.
    public static func passes(_ check: Expectation.Check, _ value: MetricValue) -> Bool {
        passes(check, number: value.number)
    }

    /// Whether a confidence interval satisfies a `ci95` check.
    public static func passes(_ check: Expectation.Check, interval: (Double, Double)) -> Bool {
        switch check {
        case .contains(let value): return interval.0 <= value && value <= interval.1
        case .within(let low, let high): return low <= interval.0 && interval.1 <= high
        default: return false
        }
    }

    /// The expected value as written: `3300`, `null`, `between 1 and 2`, `3000 ± 60`, …
    public var expectedText: String {
        let text: String
        switch expectation.check {
        case .isNull: text = "null"
        case .equals(let value): text = Self.format(value)
        case .between(let low, let high): text = "between \(Self.format(low)) and \(Self.format(high))"
        case .atLeast(let value): text = "at least \(Self.format(value))"
        case .atMost(let value): text = "at most \(Self.format(value))"
        case .approx(let value, let tolerance): text = "\(Self.format(value)) ± \(Self.format(tolerance))"
        case .approxRelative(let value, let tolerance):
            text = "\(Self.format(value)) ± \(Self.format(tolerance * 100)) %"
        case .contains(let value): text = "an interval containing \(Self.format(value))"
        case .within(let low, let high): text = "an interval within [\(Self.format(low)), \(Self.format(high))]"
        }
        return text
    }

    /// The metric as named in messages: `impact.extraCost` or `mean(impact.extraCost)`.
    public var subject: String {
        expectation.statistic.map { "\($0.rawValue)(\(expectation.metric))" } ?? expectation.metric
    }

    /// One line for people: `PASS account.outages: expected 1, got 1`.
    public var line: String {
        if let note { return "FAIL \(expectation.metric): \(note)" }
        var text = "\(passed ? "PASS" : "FAIL") \(subject): expected \(expectedText), got \(actualText)"
        if let difference { text += " (difference \(difference))" }
        return text
    }

    /// At most 6 decimals: summary values are exact to the millisecond or micro-unit anyway.
    static func format(_ value: Double) -> String {
        let rounded = (value * 1_000_000).rounded() / 1_000_000
        return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int64(rounded)) : String(rounded)
    }
}
