public import BatchModel
public import Reporting
public import ScenarioFormat

/// Judging `expect:` lines against a run's summary or its replications' summaries.
extension ExpectationVerdict {
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
            let value: Double
            switch statistic {
            case .mean: value = statistics.mean
            case .p5: value = statistics.p5
            case .p50: value = statistics.p50
            case .p95: value = statistics.p95
            case .ci95:
                let low = statistics.confidenceLow
                let high = statistics.confidenceHigh
                return ExpectationVerdict(
                    expectation: expectation,
                    actual: nil,
                    actualText: "[\(Self.format(low)), \(Self.format(high))]" + suffix,
                    passed: passes(expectation.check, interval: (low, high))
                )
            }
            return judged(expectation, actual: nil, number: value, text: Self.format(value) + suffix)
        }
    }

    private static func judged(_ expectation: Expectation, actual: MetricValue?, number: Double?, text: String) -> Self
    {
        let passed = passes(expectation.check, number: number)
        var difference: String?
        if !passed, let number {
            switch expectation.check {
            case .equals(let expected), .approx(let expected, _), .approxRelative(let expected, _):
                difference = Self.format(((number - expected) * 1_000_000).rounded() / 1_000_000)
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
}
