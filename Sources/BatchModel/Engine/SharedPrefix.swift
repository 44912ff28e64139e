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
    public init(_ scenario: Scenario, sink: (any EventSink)?, baselineSink: (any EventSink)?) {
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
        let tee: (any EventSink)? =
            sink == nil && baselineSink == nil
            ? nil : PrefixTee(scenario: sink, baseline: baselineSink, baselineEntry: baselineEntry)
        var shared = Simulation(scenario: scenario, sink: tee)
        shared.setUp()
        let stop = shared.advance(forkBefore: forkBefore, shadowTimelineDeficit: removed)

        sharedEvents = shared.counters.processedEvents
        // Both copies share every array until one of them changes it: each array is copied once.
        var other = shared
        shared.sink = sink
        other.becomeBaseline(baselineScenario, sink: baselineSink, entryMap: baselineEntry, removed: removed)
        other.work.separateStorage()
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

extension Simulation {
    /// Turns a copy of a shared prefix into the baseline run: its scenario and sink, its pending
    /// timeline actions renumbered to the baseline's entries and the removed ones dropped.
    mutating func becomeBaseline(_ baseline: Scenario, sink: (any EventSink)?, entryMap: [Int32], removed: Int) {
        scenario = baseline
        self.sink = sink
        timelineRemaining -= removed
        var blocks = Array(repeating: -1, count: baseline.timeline.count)
        for (entry, mapped) in entryMap.enumerated() where mapped >= 0 {
            blocks[Int(mapped)] = submitBlockOfEntry[entry]
        }
        submitBlockOfEntry = blocks
        guard removed > 0 else { return }
        queue.rewritePayloads { event in
            switch event {
            case .timelineAction(let entry):
                let mapped = entryMap[Int(entry)]
                return mapped < 0 ? nil : .timelineAction(entry: mapped)
            default:
                // `.preemptNodes` is scheduled and handled within one instant and a fork falls
                // between instants, so none is pending here.
                return event
            }
        }
    }
}

/// The sink of a shared prefix: every event to the scenario's sink as it is, and to the
/// baseline's with timeline entry numbers translated to the baseline's (only kept entries
/// happen before the fork).
final class PrefixTee: EventSink {
    let scenario: (any EventSink)?
    let baseline: (any EventSink)?
    let baselineEntry: [Int32]

    init(scenario: (any EventSink)?, baseline: (any EventSink)?, baselineEntry: [Int32]) {
        self.scenario = scenario
        self.baseline = baseline
        self.baselineEntry = baselineEntry
    }

    func record(_ event: SimEvent) {
        scenario?.record(event)
        guard let baseline else { return }
        switch event.name {
        case .actionApplied, .actionRejected, .operationRejected:
            var translated = event
            translated.detail = Int64(baselineEntry[Int(event.detail)])
            baseline.record(translated)
        default:
            baseline.record(event)
        }
    }
}
