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
    /// Simulated milliseconds and queue events the scenario and its baseline shared (simulated
    /// once, before the first instant they could differ); 0 when simulated apart.
    public var sharedTime: Int64 = 0
    public var sharedEvents = 0

    public init(scenario: Scenario, result: RunResult, baseline: RunResult?) {
        self.scenario = scenario
        self.result = result
        self.baseline = baseline
        summary = Summary(scenario: result.metrics, baseline: baseline?.metrics)
    }
}
