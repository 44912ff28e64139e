import EventStore

extension ReportInput {
    /// Rebuilds a report's input from an event log alone (`batchsim report`): the summary
    /// from the stored metrics, the time series by replaying each run's events into a fresh
    /// `TimeSeriesRecorder`, per-task delays from the `tasks` table, the scenario run's autoscale
    /// evaluations from `autoscale_runs`. Same log, same bytes as
    /// the reports `batchsim run` wrote next to it.
    public init(eventLog path: String) throws {
        let runs = try EventLogReader.runs(at: path)
        let document = try SummaryDocument(storedRuns: runs)
        guard let scenario = runs.first(where: { $0.variant == "scenario" }) else {
            throw SummaryRebuildError(description: "the event log holds no scenario run")
        }
        let baseline = runs.first { $0.variant == "baseline" }
        let names = try EventLogReader.names(at: path, run: scenario.run)
        func replay(_ run: StoredRun) throws -> TimeSeriesRecorder {
            let recorder = TimeSeriesRecorder(poolCount: names.pools.count)
            try EventLogReader.replayEvents(at: path, run: run.run, into: recorder)
            recorder.finish(at: run.endTime)
            return recorder
        }
        self.init(
            document: document,
            context: ReportContext(pools: names.pools, jobs: names.jobs, keys: names.keys, timeline: names.timeline),
            scenario: try replay(scenario),
            baseline: try baseline.map(replay),
            scenarioFinishTimes: try EventLogReader.taskFinishTimes(at: path, run: scenario.run),
            baselineFinishTimes: try baseline.map { try EventLogReader.taskFinishTimes(at: path, run: $0.run) },
            autoscaleLog: try EventLogReader.autoscaleRecords(at: path, run: scenario.run)
        )
    }
}
