import BatchModel
public import EventStore
import Foundation

/// Runs a sweep's items on a fixed number of worker threads. Every simulation runs its
/// baseline on its own worker, so `jobs` bounds every thread the sweep uses; results are
/// stored by item, so they are identical whatever `jobs` is.
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
        let state = SweepState(count: items.count)
        let group = DispatchGroup()
        for _ in 0..<max(1, min(jobs, items.count)) {
            group.enter()
            let thread = Thread {
                while !isCancelled(), let index = state.next() {
                    let item = items[index]
                    let scenario = plan.scenario(for: item)
                    let id = Int64(2 * (item.point * plan.replications + item.replication) + 1)
                    let sinks = events.map { ($0.makeSink(run: id), $0.makeSink(run: id + 1)) }
                    let run = ScenarioRun.execute(
                        scenario,
                        baselineInParallel: false,
                        sink: sinks?.0,
                        baselineSink: sinks?.1
                    )
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
                    let finished = state.store(
                        SweepRun(item: item, seed: scenario.seed, metrics: run.summary.metrics),
                        at: index
                    )
                    progress(finished, items.count)
                }
                group.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        group.wait()
        return state.results
    }
}

private final class SweepState: @unchecked Sendable {
    private let lock = NSLock()
    private var nextIndex = 0
    private var finished = 0
    private var slots: [SweepRun?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func next() -> Int? {
        lock.withLock {
            guard nextIndex < slots.count else { return nil }
            nextIndex += 1
            return nextIndex - 1
        }
    }

    func store(_ run: SweepRun, at index: Int) -> Int {
        lock.withLock {
            slots[index] = run
            finished += 1
            return finished
        }
    }

    var results: [SweepRun] {
        lock.withLock { slots.compactMap { $0 } }
    }
}
