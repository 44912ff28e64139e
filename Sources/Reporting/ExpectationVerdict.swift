public import BatchModel
public import ScenarioFormat

/// The outcome of one `expect:` line against a run's summary (SPEC §3 `expect:`).
public struct ExpectationVerdict: Sendable {
    public var expectation: Expectation
    /// The metric's value, or nil when the summary has no such metric.
    public var actual: MetricValue?
    public var passed: Bool

    /// Why a verdict failed beyond the value itself (an unknown metric, with a suggestion).
    public var note: String?

    /// Judges every expectation against `summary`, in file order.
    public static func judge(_ expectations: [Expectation], against summary: Summary) -> [ExpectationVerdict] {
        expectations.map { expectation in
            let actual = summary[expectation.metric]
            var note: String?
            if actual == nil {
                note =
                    "unknown metric '\(expectation.metric)'"
                    + EditDistance.hint(for: expectation.metric, among: summary.names)
            }
            return ExpectationVerdict(
                expectation: expectation,
                actual: actual,
                passed: actual.map { passes(expectation.check, $0) } ?? false,
                note: note
            )
        }
    }

    /// Whether a value satisfies a check. Exact values compare as numbers, with a margin far
    /// below the summary's own precision (milliseconds, micro-units of cost).
    public static func passes(_ check: Expectation.Check, _ value: MetricValue) -> Bool {
        guard let number = value.number else { return check == .isNull }
        switch check {
        case .isNull: return false
        case .equals(let expected): return abs(number - expected) <= 1e-9 * max(1, abs(expected))
        case .between(let low, let high): return number >= low && number <= high
        case .atLeast(let low): return number >= low
        case .atMost(let high): return number <= high
        }
    }

    /// The expected value as written: `3300`, `null`, `between [a, b]`, `at least x`, `at most x`.
    public var expectedText: String {
        switch expectation.check {
        case .isNull: "null"
        case .equals(let value): Self.format(value)
        case .between(let low, let high): "between \(Self.format(low)) and \(Self.format(high))"
        case .atLeast(let value): "at least \(Self.format(value))"
        case .atMost(let value): "at most \(Self.format(value))"
        }
    }

    /// One line for people: `PASS account.outages: expected 1, got 1`.
    public var line: String {
        if let note { return "FAIL \(expectation.metric): \(note)" }
        let got = actual?.description ?? "no value"
        var text = "\(passed ? "PASS" : "FAIL") \(expectation.metric): expected \(expectedText), got \(got)"
        if !passed, let difference { text += " (difference \(difference))" }
        return text
    }

    /// actual − expected for a failed exact expectation, formatted like the metric.
    public var difference: String? {
        guard case .equals(let expected) = expectation.check, let number = actual?.number else { return nil }
        return Self.format(((number - expected) * 1_000_000).rounded() / 1_000_000)
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
