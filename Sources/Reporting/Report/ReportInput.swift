import BatchModel

/// Everything `report.md` and `report.html` are built from: the summary document, names, the
/// finished time-series recorders of both runs and each task's delay against the baseline.
public struct ReportInput {
    public var document: SummaryDocument
    public var context: ReportContext
    public var scenario: TimeSeriesRecorder
    public var baseline: TimeSeriesRecorder?
    /// Per task finished (completed or failed) in both runs: scenario finish − baseline
    /// finish, in milliseconds, by task number.
    public var taskDelays: [Int64]
    /// Tasks that finished in the baseline but not in the scenario.
    public var unfinishedOnlyInScenario: Int
    /// The scenario run's autoscale evaluations in order (`autoscale_runs`); the recorders
    /// cannot rebuild them, since events carry outcomes but not targets.
    public var autoscaleLog: [AutoscaleRecord]

    public init(
        document: SummaryDocument,
        context: ReportContext,
        scenario: TimeSeriesRecorder,
        baseline: TimeSeriesRecorder?,
        scenarioFinishTimes: [Int64],
        baselineFinishTimes: [Int64]?,
        autoscaleLog: [AutoscaleRecord] = []
    ) {
        self.document = document
        self.autoscaleLog = autoscaleLog
        self.context = context
        self.scenario = scenario
        self.baseline = baseline
        var delays: [Int64] = []
        var unfinished = 0
        if let baselineFinishTimes {
            delays.reserveCapacity(min(scenarioFinishTimes.count, baselineFinishTimes.count))
            for (own, base) in zip(scenarioFinishTimes, baselineFinishTimes) where base >= 0 {
                if own >= 0 { delays.append(own - base) } else { unfinished += 1 }
            }
        }
        taskDelays = delays
        unfinishedOnlyInScenario = unfinished
    }

    /// The input for a run done in this process: recorders were the runs' sinks.
    public init(
        document: SummaryDocument,
        run: ScenarioRun,
        recorder: TimeSeriesRecorder,
        baselineRecorder: TimeSeriesRecorder?
    ) {
        recorder.finish(at: run.result.metrics.endTime)
        if let baseline = run.baseline { baselineRecorder?.finish(at: baseline.metrics.endTime) }
        self.init(
            document: document,
            context: ReportContext(scenario: run.scenario),
            scenario: recorder,
            baseline: run.baseline == nil ? nil : baselineRecorder,
            scenarioFinishTimes: run.result.tasks.map { $0.finish ?? -1 },
            baselineFinishTimes: run.baseline?.tasks.map { $0.finish ?? -1 },
            autoscaleLog: run.result.autoscaleLog
        )
    }

    /// A summary metric of the scenario.
    func metric(_ metric: RunMetric) -> MetricValue? {
        document.summary[metric]
    }

    /// One of the short impact figures.
    func metric(_ short: ShortImpact) -> MetricValue? {
        document.summary[short]
    }

    /// A summary metric of the scenario as a number (seconds for times), nil when null or missing.
    func number(_ metric: RunMetric) -> Double? {
        document.summary[metric]?.number
    }

    /// A short impact figure as a number, nil when null or missing.
    func number(_ short: ShortImpact) -> Double? {
        document.summary[short]?.number
    }

    var hasBaseline: Bool { document.summary.hasBaseline }

    /// The pools with autoscale evaluations in the scenario run, in pool order.
    var autoscalePools: [AutoscalePool] {
        AutoscalePool.pools(autoscaleLog, names: context.pools)
    }
}
