import SimulationKernel

/// A scenario and its baseline simulated once up to the first instant at which they can differ,
/// then continued apart from two copies of that state (issue 15: do each piece of work once).
///
/// The baseline is the scenario less its key, vault and encryption actions. Before the first
/// of those removed entries happens, both runs see the same events in the same order — every
/// random draw is keyed by what it is for, not by when it is made — so one simulation serves
/// both: its events go to both runs' sinks (timeline entry numbers translated for the
/// baseline's), and at the fork a copy becomes the baseline: the baseline scenario swapped in,
/// the removed entries' pending actions dropped, the others renumbered. The state is made of
/// value types, so the copy is the arrays' copy-on-write. The prefix also stops after an
/// instant at which the baseline would be quiescent: it ends there (rule 1) while the scenario
/// still waits for its removed actions.
public struct SharedPrefix {
    /// The scenario's run, at the fork.
    public let scenario: SuspendedRun
    /// The baseline's run, at the fork.
    public let baseline: SuspendedRun
    /// Simulated milliseconds the two runs shared (the fork's instant), and the queue events
    /// processed once for both.
    public let sharedTime: SimTime
    public let sharedEvents: Int

    /// Simulates `scenario` up to the fork and returns both runs there, ready to be finished
    /// (on any thread each).
    ///
    /// - Parameter spareTasks: called once at the fork, for room to copy the task table into
    ///   (`TaskRecord.spareTable(count:)` with the scenario's `definedTaskCount`), which a
    ///   caller with a spare core prepares meanwhile; without it the copy allocates its own.
    public init(
        _ scenario: Scenario,
        sink: (any EventSink)?,
        baselineSink: (any EventSink)?,
        spareTasks: (() -> [TaskRecord])? = nil
    ) {
        let baselineScenario = scenario.baseline
        var baselineEntry = [Int32](repeating: -1, count: scenario.timeline.count)
        var removed = 0
        var forkBefore = SimTime.max
        for (index, entry) in scenario.timeline.enumerated() {
            if entry.action.isKeptInBaseline {
                baselineEntry[index] = Int32(index: index - removed)
            } else {
                removed += 1
                forkBefore = min(forkBefore, entry.time)
            }
        }
        var targets: [(sink: any EventSink, entryMap: [Int32])] = []
        if let sink { targets.append((sink, scenario.timeline.indices.map { Int32(index: $0) })) }
        if let baselineSink { targets.append((baselineSink, baselineEntry)) }
        var shared = Simulation(scenario: scenario, sink: targets.isEmpty ? nil : SegmentTee(targets))
        shared.setUp()
        let stop = shared.advance(forkBefore: forkBefore, shadowTimelineDeficit: removed)

        sharedEvents = shared.counters.processedEvents
        // Both copies share every array until one of them changes it: each array is copied once.
        var other = shared
        shared.sink = sink
        let pendingFrom: SimTime
        if case .fork(nil) = stop { pendingFrom = forkBefore } else { pendingFrom = shared.now + 1 }
        other.retarget(to: baselineScenario, pendingFrom: pendingFrom)
        other.sink = baselineSink
        if let spareTasks {
            other.work.separateStorage(into: spareTasks())
        } else {
            other.work.separateStorage()
        }
        other.fleet.nodes.reserveCapacity(other.fleet.nodes.count)
        let sharedTime = Self.forkTime(stop, shared)
        self.sharedTime = sharedTime
        switch stop {
        case .ended(let end):
            self.scenario = SuspendedRun(simulation: shared, end: end)
            baseline = SuspendedRun(simulation: other, end: end)
        case .fork(let shadowEnd):
            self.scenario = SuspendedRun(simulation: shared, end: nil)
            baseline = SuspendedRun(simulation: other, end: shadowEnd)
        }
    }

    /// The instant the runs went apart: the end, the baseline's end, or the next instant.
    private static func forkTime(_ stop: Simulation.Stop, _ simulation: Simulation) -> SimTime {
        switch stop {
        case .ended(let end): end
        case .fork(let shadowEnd?): shadowEnd
        case .fork(nil): simulation.queue.first.map { min($0.time, simulation.limit) } ?? simulation.now
        }
    }
}

/// A simulation stopped part-way (or at its end), to be finished once, on any thread.
///
/// A class, so that `finish` takes the simulation out of it: the runs' arrays then have one
/// owner each (after the copy-on-write of the one that changes first) and are never copied twice.
public final class SuspendedRun {
    private var simulation: Simulation?
    /// When the run has already ended; nil while it has events left to process.
    private let end: SimTime?

    init(simulation: Simulation, end: SimTime?) {
        self.simulation = simulation
        self.end = end
    }

    /// Runs the rest of the simulation and returns its result; a second call is a programming error.
    public func finish() -> RunResult {
        guard var simulation = simulation.take() else { preconditionFailure("a suspended run finished twice") }
        let end = self.end ?? simulation.advance()
        return simulation.finish(at: end)
    }
}
