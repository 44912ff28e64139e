public import EventStore

extension SummaryDocument {
    /// Rebuilds the summary a run wrote from its event log alone (`batchsim report`): the
    /// same identity and metrics, so the same bytes.
    public init(storedRuns runs: [StoredRun]) throws {
        guard let scenario = runs.first(where: { $0.variant == "scenario" }) else {
            throw SummaryRebuildError(description: "the event log holds no scenario run")
        }
        let baseline = runs.first { $0.variant == "baseline" }
        self.init(
            scenarioName: scenario.scenario,
            scenarioSHA256: scenario.scenarioSHA256,
            description: scenario.description,
            seed: scenario.seed,
            toolVersion: scenario.toolVersion,
            endTime: scenario.endTime,
            baselineEndTime: baseline?.endTime,
            warnings: scenario.warnings,
            summary: Summary(scenarioMetrics: scenario.metrics, baselineMetrics: baseline?.metrics)
        )
    }
}

/// Why a summary cannot be rebuilt from a log.
public struct SummaryRebuildError: Error, CustomStringConvertible {
    public var description: String
}
