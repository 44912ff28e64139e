public import BatchModel
import ParallelWork
public import Reporting

/// Simulates a scenario and its baseline (the same scenario with every key, vault and
/// encryption action removed) and puts their metrics side by side.
///
/// The two runs are the same until the first action the baseline removes, so by default they
/// are simulated once up to there (`SharedPrefix`) and continued apart; with two threads the
/// baseline's rest runs beside the scenario's, through the same `ParallelMap` that bounds every
/// other thread of the program. `share: false` (`--no-share`) simulates both from t = 0; the
/// results are identical either way.
public enum ScenarioRunner {
    /// Simulates the shared prefix on one thread while the other, idle until the fork, prepares
    /// the room the baseline's copy of the task table goes into (see `TaskRecord.spareTable`):
    /// the fork then costs a copy into memory already touched, not a cold one.
    private static func sharedPrefixUsingSpareThread(
        _ scenario: Scenario, sink: (any EventSink)?, baselineSink: (any EventSink)?
    ) -> SharedPrefix {
        let spare = Locked<[TaskRecord]?>(nil)
        let sinks = Transfer((sink, baselineSink))
        let results = ParallelMap.run(count: 2, workers: 2) { index -> Transfer<SharedPrefix>? in
            guard index == 0 else {
                // Made under the lock, so that no reference to it is left on this thread when
                // the fork takes it (a second reference would make the copy allocate anew).
                // The fork waits for it either way; with two workers this item has its own.
                spare.withLock { $0 = TaskRecord.spareTable(count: scenario.definedTaskCount) }
                return nil
            }
            let prefix = SharedPrefix(
                scenario, sink: sinks.value.0, baselineSink: sinks.value.1,
                spareTasks: { spare.wait { $0.take() } })
            return Transfer(prefix)
        }
        guard let prefix = results[0]??.value else {
            preconditionFailure("a shared prefix that cannot be cancelled finished without a result")
        }
        return prefix
    }

    /// - Parameters:
    ///   - scenario: the scenario as loaded (its seed already overridden if asked).
    ///   - withBaseline: `false` for `--no-baseline`: no `baseline.` or `impact.` metrics.
    ///   - threads: 2 runs the baseline beside the scenario; 1 runs both on the caller's
    ///     thread, for callers that already use every thread they may.
    ///   - share: simulate the shared prefix once (the default) or both runs from t = 0.
    ///   - sink, baselineSink: receive each run's events; each is used by one thread at a time.
    public static func execute(
        _ scenario: Scenario,
        withBaseline: Bool = true,
        threads: Int = 2,
        share: Bool = true,
        sink: (any EventSink)? = nil,
        baselineSink: (any EventSink)? = nil
    ) -> ScenarioRun {
        guard withBaseline else {
            return ScenarioRun(scenario: scenario, result: Simulation.run(scenario, sink: sink), baseline: nil)
        }
        if share {
            let prefix: SharedPrefix
            if threads >= 2 {
                prefix = sharedPrefixUsingSpareThread(scenario, sink: sink, baselineSink: baselineSink)
            } else {
                prefix = SharedPrefix(scenario, sink: sink, baselineSink: baselineSink)
            }
            var run: ScenarioRun
            if threads >= 2 {
                let runs = [Transfer(prefix.scenario), Transfer(prefix.baseline)]  // each finished by one thread
                let results = ParallelMap.run(count: 2, workers: 2) { index in runs[index].value.finish() }
                guard let result = results[0], let baseline = results[1] else {
                    preconditionFailure("a run that cannot be cancelled finished without a result")
                }
                run = ScenarioRun(scenario: scenario, result: result, baseline: baseline)
            } else {
                run = ScenarioRun(
                    scenario: scenario, result: prefix.scenario.finish(), baseline: prefix.baseline.finish())
            }
            run.sharedTime = prefix.sharedTime
            run.sharedEvents = prefix.sharedEvents
            return run
        }
        guard threads >= 2 else {
            let result = Simulation.run(scenario, sink: sink)
            let baseline = Simulation.run(scenario.baseline, sink: baselineSink)
            return ScenarioRun(scenario: scenario, result: result, baseline: baseline)
        }
        let runs = [Transfer((scenario, sink)), Transfer((scenario.baseline, baselineSink))]
        let results = ParallelMap.run(count: 2, workers: 2) { index in
            Simulation.run(runs[index].value.0, sink: runs[index].value.1)
        }
        guard let result = results[0], let baseline = results[1] else {
            preconditionFailure("a run that cannot be cancelled finished without a result")
        }
        return ScenarioRun(scenario: scenario, result: result, baseline: baseline)
    }
}
