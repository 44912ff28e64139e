import BatchModel
public import EventStore
import Foundation
public import ParallelWork
import Reporting

/// Runs a sweep's items through `ParallelMap`. Every simulation runs its baseline on its own
/// worker, so `jobs` bounds every simulating thread the sweep uses; results are stored by
/// item, so they are identical whatever `jobs` is.
public enum SweepRunner {
    /// What sharing saved: simulated milliseconds the runs add up to, and those simulated.
    public struct Sharing: Sendable {
        public var runTime: Int64 = 0
        public var simulatedTime: Int64 = 0

        public init() {}
    }

    /// - Parameters:
    ///   - share: simulate the items of one seed as a tree of forks (`ForkTree`): one baseline
    ///     for the points whose baselines are the same, and each stretch of simulated time the
    ///     points share simulated once. `false` (`--no-share`) simulates every item and its
    ///     baseline from t = 0. The results are identical either way.
    ///   - progress: called after each finished item (or group of items) with (finished, total), from a worker.
    ///   - isCancelled: polled before each item (or group); once true, no new one starts.
    ///   - events: when given, every run's events go to this log: the scenario of item
    ///     (point p, replication r) as run 2·(p·N + r) + 1 and its baseline as the next run.
    ///   - sharing: when given, receives what sharing saved.
    /// - Returns: the finished runs in plan order (all of them unless cancelled).
    public static func run(
        _ plan: SweepPlan,
        jobs: Int,
        events: EventLogWriter? = nil,
        share: Bool = true,
        sharing: Locked<Sharing>? = nil,
        progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in },
        isCancelled: @escaping @Sendable () -> Bool = { false }
    ) -> [SweepRun] {
        let items = plan.items
        guard share else {
            let runs = ParallelMap.run(
                count: items.count, workers: jobs, isCancelled: isCancelled, finished: progress
            ) { index in
                simulate(items[index], of: plan, events: events)
            }
            return runs.compactMap { $0 }
        }
        // One unit of work per seed: the items that can share (a sweep's points share each
        // replication's seed).
        var groups: [[Int]] = []
        var groupOfSeed: [UInt64: Int] = [:]
        for (index, item) in items.enumerated() {
            let seed = plan.scenario(for: item).seed
            if let group = groupOfSeed[seed] {
                groups[group].append(index)
            } else {
                groupOfSeed[seed] = groups.count
                groups.append([index])
            }
        }
        let total = items.count
        // Fewer seeds than workers (a sweep without replications has one): split each seed's
        // points into contiguous chunks so that every worker has a tree, trading some sharing
        // (each chunk simulates its own baseline) for the cores `--jobs` gives.
        var chunks: [[Int]] = []
        let pieces = groups.count < jobs ? (jobs + groups.count - 1) / groups.count : 1
        for group in groups {
            let size = max(1, (group.count + pieces - 1) / pieces)
            for start in stride(from: 0, to: group.count, by: size) {
                chunks.append(Array(group[start..<min(group.count, start + size)]))
            }
        }
        let units = chunks
        let runs = ParallelMap.run(
            count: units.count, workers: jobs, isCancelled: isCancelled,
            finished: { done, count in progress(done == count ? total : done * total / max(1, count), total) },
            transform: { unit in
                simulateSharing(
                    units[unit].map { items[$0] }, of: plan, events: events, sharing: sharing, isCancelled: isCancelled)
            }
        )
        return runs.compactMap { $0 ?? nil }.flatMap { $0 }.sorted {
            ($0.item.point, $0.item.replication) < ($1.item.point, $1.item.replication)
        }
    }

    /// Items of one seed as one tree of forks: each distinct scenario and baseline simulated
    /// once, the stretches they share simulated once; then logged and summarised per item. Nil
    /// when cancelled part-way (an interrupted sweep without `--partial` keeps nothing new).
    private static func simulateSharing(
        _ group: [SweepPlan.Item], of plan: SweepPlan, events: EventLogWriter?, sharing: Locked<Sharing>?,
        isCancelled: @escaping @Sendable () -> Bool
    ) -> [SweepRun]? {
        var members: [ForkTree.Member] = []
        var memberOf: [Scenario: Int] = [:]
        var slots: [(scenario: Int, baseline: Int, model: Scenario, sinks: (EventLogSink, EventLogSink)?)] = []
        func member(_ scenario: Scenario, sink: EventLogSink?) -> Int {
            let index = memberOf[scenario, default: members.count]
            if index == members.count {
                memberOf[scenario] = index
                members.append(ForkTree.Member(scenario: scenario))
            }
            if let sink { members[index].sinks.append(sink) }
            return index
        }
        for item in group {
            let scenario = plan.scenario(for: item)
            let id = runID(item, of: plan)
            let sinks = events.map { ($0.makeSink(run: id), $0.makeSink(run: id + 1)) }
            let own = member(scenario, sink: sinks?.0)
            let baseline = member(scenario.baseline, sink: sinks?.1)
            slots.append((own, baseline, scenario, sinks))
        }
        // Only the event log reads the runs' task and node tables.
        let tree = ForkTree(members, keepsRecords: events != nil, isCancelled: isCancelled)
        guard !tree.wasCancelled else { return nil }
        sharing?.withLock {
            $0.simulatedTime += tree.simulatedTime
            for slot in slots {
                $0.runTime += tree.results[slot.scenario].metrics.endTime + tree.results[slot.baseline].metrics.endTime
            }
        }
        return zip(group, slots).map { item, slot in
            let run = ScenarioRun(
                scenario: slot.model, result: tree.results[slot.scenario], baseline: tree.results[slot.baseline])
            if let events, let sinks = slot.sinks {
                log(run, item: item, of: plan, into: events, sinks: sinks)
            }
            return SweepRun(item: item, seed: slot.model.seed, metrics: run.summary.metrics)
        }
    }

    /// The event-log run number of an item's scenario (its baseline's is the next).
    private static func runID(_ item: SweepPlan.Item, of plan: SweepPlan) -> Int64 {
        Int64(2 * (item.point * plan.replications + item.replication) + 1)
    }

    /// Writes an item's two runs' records into the sweep's event log.
    private static func log(
        _ run: ScenarioRun, item: SweepPlan.Item, of plan: SweepPlan, into events: EventLogWriter,
        sinks: (EventLogSink, EventLogSink)
    ) {
        guard let baseline = run.baseline else { return }
        let id = runID(item, of: plan)
        let label = "point \(item.point) replication \(item.replication)"
        for (runID, variant, result, sink, model) in [
            (id, "scenario " + label, run.result, sinks.0, run.scenario),
            (id + 1, "baseline " + label, baseline, sinks.1, run.scenario.baseline),
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

    /// One item: the scenario and its baseline on the calling thread, logged when asked.
    private static func simulate(_ item: SweepPlan.Item, of plan: SweepPlan, events: EventLogWriter?) -> SweepRun {
        let scenario = plan.scenario(for: item)
        let id = runID(item, of: plan)
        let sinks = events.map { ($0.makeSink(run: id), $0.makeSink(run: id + 1)) }
        let run = ScenarioRunner.execute(
            scenario, threads: 1, share: false, sink: sinks?.0, baselineSink: sinks?.1)
        if let events, let sinks { log(run, item: item, of: plan, into: events, sinks: sinks) }
        return SweepRun(item: item, seed: scenario.seed, metrics: run.summary.metrics)
    }
}
