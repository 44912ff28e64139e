public import BatchModel
import Dispatch
import Foundation

/// Runs a scenario and its baseline (SPEC §2 "Randomness and the baseline") and puts their
/// metrics side by side. The two runs are independent, so the baseline runs on a second
/// thread while the scenario runs on the caller's.
public struct ScenarioRun: Sendable {
    public var scenario: Scenario
    public var result: RunResult
    public var baseline: RunResult?
    public var summary: Summary

    /// - Parameters:
    ///   - scenario: the scenario as loaded (its seed already overridden if asked).
    ///   - withBaseline: `false` for `--no-baseline`: no `baseline.` or `impact.` metrics.
    ///   - baselineInParallel: run the baseline on a second thread (the default); `false` keeps
    ///     the run on the caller's thread, for callers that bound their own worker threads.
    ///   - sink, baselineSink: receive each run's events.
    public static func execute(
        _ scenario: Scenario,
        withBaseline: Bool = true,
        baselineInParallel: Bool = true,
        sink: (any EventSink)? = nil,
        baselineSink: (any EventSink)? = nil
    ) -> ScenarioRun {
        guard withBaseline else {
            let result = Simulation.run(scenario, sink: sink)
            return ScenarioRun(
                scenario: scenario,
                result: result,
                baseline: nil,
                summary: Summary(scenario: result.metrics, baseline: nil)
            )
        }
        guard baselineInParallel else {
            let result = Simulation.run(scenario, sink: sink)
            let baseline = Simulation.run(scenario.baseline, sink: baselineSink)
            return ScenarioRun(
                scenario: scenario,
                result: result,
                baseline: baseline,
                summary: Summary(scenario: result.metrics, baseline: baseline.metrics)
            )
        }
        let slot = BaselineSlot(sink: baselineSink)
        let baselineScenario = scenario.baseline
        let thread = Thread { slot.run(baselineScenario) }
        thread.stackSize = 8 << 20
        thread.start()
        let result = Simulation.run(scenario, sink: sink)
        let baseline = slot.wait()
        return ScenarioRun(
            scenario: scenario,
            result: result,
            baseline: baseline,
            summary: Summary(scenario: result.metrics, baseline: baseline.metrics)
        )
    }
}

/// Hands the baseline's result from its thread to the caller; the semaphore orders the write
/// before the read.
private final class BaselineSlot: @unchecked Sendable {
    private let sink: (any EventSink)?
    private var result: RunResult?
    private let done = DispatchSemaphore(value: 0)

    init(sink: (any EventSink)?) {
        self.sink = sink
    }

    func run(_ scenario: Scenario) {
        result = Simulation.run(scenario, sink: sink)
        done.signal()
    }

    func wait() -> RunResult {
        done.wait()
        guard let result else { preconditionFailure("baseline thread finished without a result") }
        return result
    }
}
