import BatchModel
public import EventStore
import Foundation
import ParallelWork
import Reporting

/// Runs a sweep's items through `ParallelMap`. Every simulation runs its baseline on its own
/// worker, so `jobs` bounds every simulating thread the sweep uses; results are stored by
/// item, so they are identical whatever `jobs` is.
public enum SweepRunner {
    /// - Parameters:
    ///   - progress: called after each finished item with (finished, total), from a worker.
    ///   - isCancelled: polled before each item; once true, no new item starts.
    ///   - events: when given, every run's events go to this log: the scenario of item
    ///     (point p, replication r) as run 2·(p·N + r) + 1 and its baseline as the next run.
    /// - Returns: the finished runs in plan order (all of them unless cancelled).
    public static func run(
        _ plan: SweepPlan,
        jobs: Int,
        events: EventLogWriter? = nil,
        progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in },
        isCancelled: @escaping @Sendable () -> Bool = { false }
    ) -> [SweepRun] {
        let items = plan.items
        let runs = ParallelMap.run(
            count: items.count, workers: jobs, isCancelled: isCancelled, finished: progress
        ) { index in
            simulate(items[index], of: plan, events: events)
        }
        return runs.compactMap { $0 }
    }

    /// One item: the scenario and its baseline on the calling thread, logged when asked.
    private static func simulate(_ item: SweepPlan.Item, of plan: SweepPlan, events: EventLogWriter?) -> SweepRun {
        let scenario = plan.scenario(for: item)
        let id = Int64(2 * (item.point * plan.replications + item.replication) + 1)
        let sinks = events.map { ($0.makeSink(run: id), $0.makeSink(run: id + 1)) }
        let run = ScenarioRunner.execute(scenario, threads: 1, sink: sinks?.0, baselineSink: sinks?.1)
        if let events, let sinks, let baseline = run.baseline {
            let label = "point \(item.point) replication \(item.replication)"
            for (runID, variant, result, sink, model) in [
                (id, "scenario " + label, run.result, sinks.0, scenario),
                (id + 1, "baseline " + label, baseline, sinks.1, scenario.baseline),
            ] {
                let record = RunRecord(
                    run: runID,
                    variant: variant,
                    scenario: model,
                    scenarioSHA256: nil,
                    toolVersion: ToolVersion.current,
                    warnings: [],
                    result: result
                )
                events.add(record, sink: sink)
            }
        }
        return SweepRun(item: item, seed: scenario.seed, metrics: run.summary.metrics)
    }
}
