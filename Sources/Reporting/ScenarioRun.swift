public import BatchModel

/// A scenario run and its baseline (SPEC §2 "Randomness and the baseline"), with their metrics
/// side by side: what the reports and the summary are rendered from. The experiments layer
/// makes these; `Reporting` only reads them.
public struct ScenarioRun: Sendable {
    public var scenario: Scenario
    public var result: RunResult
    /// Nil with `--no-baseline`.
    public var baseline: RunResult?
    public var summary: Summary

    public init(scenario: Scenario, result: RunResult, baseline: RunResult?) {
        self.scenario = scenario
        self.result = result
        self.baseline = baseline
        summary = Summary(scenario: result.metrics, baseline: baseline?.metrics)
    }
}
