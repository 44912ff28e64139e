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

    public init(
        expectation: Expectation,
        actual: MetricValue?,
        actualText: String,
        passed: Bool,
        note: String? = nil,
        difference: String? = nil
    ) {
        self.expectation = expectation
        self.actual = actual
        self.actualText = actualText
        self.passed = passed
        self.note = note
        self.difference = difference
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
    public static func format(_ value: Double) -> String {
        let rounded = (value * 1_000_000).rounded() / 1_000_000
        return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int64(rounded)) : String(rounded)
    }
}
