import SimulationKernel

/// One simulated run of a scenario (SPEC §2): the Batch account, its Key Vault, pools, nodes,
/// jobs and tasks, advanced event by event from t = 0 to the end of the run.
///
/// The state comes in parts that each own their bookkeeping — `account`, `vault`, `fleet`
/// (pools and nodes), `work` (tasks and the running set), `clients` (arrivals and retries) and
/// `counters` — and the extensions in `Simulation+*.swift` hold the rules that move them. All of
/// it is value types with flat arrays of records, so that the hot loop touches no reference
/// counts and allocates nothing per event. Use `Simulation.run(_:sink:)`.
public struct Simulation {
    /// Phases within one instant (SPEC §2 "Order within one instant"); lower first. Phase 4 of the
    /// contract is 40-44: preemptions (the instant's `preemptNodes` actions in file order, then
    /// random ones by pool and node index), the nodes' reaction to the account, capacity returns
    /// (SPEC §6 "Order inside phase 4").
    enum Phase: UInt8 {
        case completions = 10
        case timeline = 20
        /// Autoscale evaluations due this instant, pools in file order (SPEC §7 rule 26).
        case autoscale = 21
        case vaultDates = 22
        case rotations = 23
        case account = 30
        case preemptionActions = 40
        case randomPreemptions = 41
        case preemptionsDue = 42
        case nodeReaction = 43
        case capacityReturns = 44
        case submissions = 50
        /// Marks a multiple of 30 s: samples are taken after the instant's dispatch pass.
        case sampling = 60
    }

    /// What keyed random draws are for: the `purpose` of a `RandomStream` (rule 12). The numbers
    /// are part of every run's results: never renumber them.
    enum Purpose: UInt64 {
        case taskDuration = 1
        case arrival, failure, allocation, startTask, recovery
        case preemption, capacityReturn, startTaskFailure
        case autoscaleRand
    }

    /// The scenario; a baseline forked from a shared prefix swaps in the baseline scenario.
    var scenario: Scenario
    /// Where events go; during a shared prefix, to both runs' sinks.
    var sink: (any EventSink)?
    /// The horizon, or the 30-day cap (rule 1).
    let limit: SimTime

    var queue = EventQueue<QueuedEvent>(reservingCapacity: 1024)
    var now: SimTime = 0

    var account: AccountRuntime
    var vault: VaultState
    var fleet: NodeFleet
    var work = TaskBook()
    var clients: ClientRuntime
    var counters = RunCounters()

    /// Timeline entries not yet performed (rule 1), and the task block of each `submitTasks`
    /// entry (-1 for other entries).
    var timelineRemaining: Int
    var submitBlockOfEntry: [Int]
    /// Random preemptions due this instant, applied together in node order.
    var duePreemptions: [Int32] = []
    /// Each pool's autoscale state, the evaluations so far, leaving nodes whose last task just
    /// ended, and whether this instant takes samples (SPEC §7 rule 26).
    var autoscale: [AutoscaleRuntime]
    var autoscaleLog: [AutoscaleRecord] = []
    var drainedNodes: [Int32] = []
    var sampleDue = false

    init(scenario: Scenario, sink: (any EventSink)?) {
        self.scenario = scenario
        self.sink = sink
        limit = scenario.horizon ?? Scenario.cap
        account = AccountRuntime(scenario.account)
        vault = VaultState(scenario.keyVault)
        fleet = NodeFleet(scenario.pools)
        clients = ClientRuntime(scenario.jobs)
        timelineRemaining = scenario.timeline.count
        submitBlockOfEntry = Array(repeating: -1, count: scenario.timeline.count)
        autoscale = Array(repeating: AutoscaleRuntime(), count: scenario.pools.count)
    }

    /// Simulates `scenario` to its end and returns its metrics and records.
    ///
    /// - Parameter sink: receives every event in order; `nil` skips building them.
    public static func run(_ scenario: Scenario, sink: (any EventSink)? = nil) -> RunResult {
        var simulation = Simulation(scenario: scenario, sink: sink)
        simulation.setUp()
        let end = simulation.advance()
        return simulation.finish(at: end)
    }

    /// Runs the event loop; returns the time the run ends (SPEC §2 rule 1).
    mutating func advance() -> SimTime {
        guard case .ended(let end) = advance(forkBefore: .max, shadowTimelineDeficit: 0) else {
            preconditionFailure("a run without a shadow forked")
        }
        return end
    }

    /// Where `advance(forkBefore:shadowTimelineDeficit:)` stopped.
    enum Stop {
        /// The run ended at this time (and so did its shadow).
        case ended(SimTime)
        /// The shadow run (the baseline of a shared prefix) can differ from here on: the next
        /// instant is at or after `forkBefore` (or nothing of this run is left before it), or the
        /// shadow ended at `shadowEnd`.
        case fork(shadowEnd: SimTime?)
    }

    /// Runs the event loop until the run ends or, for a shared prefix, until its shadow — the
    /// same run with `shadowTimelineDeficit` fewer timeline entries, all at `forkBefore` or later —
    /// could differ from it: before the first instant at `forkBefore` or later, or after an
    /// instant at which the shadow is quiescent (it ends there, rule 1).
    mutating func advance(forkBefore: SimTime, shadowTimelineDeficit: Int) -> Stop {
        while queue.nextTime <= limit {
            let head = queue.nextTime
            if head >= forkBefore { return .fork(shadowEnd: nil) }
            now = head
            while queue.nextTime == now, let popped = queue.popFirst() {
                counters.processedEvents += 1
                // The next completion's records are cache misses otherwise: fetch them meanwhile
                // (completions wait in the main lane).
                if case .taskCompletion(let task, _, let node) = queue.firstInMainLane?.payload {
                    work.prefetchCompletion(of: Int(task))
                    fleet.nodes.prefetch(Int(node))
                }
                handle(popped.payload)
            }
            dispatchDirtyPools()
            #if BATCHSIM_INTERNAL_CHECKS
                // Full checks cost O(tasks + nodes): every instant for small runs, sampled for large ones.
                counters.instants += 1
                if counters.instants % max(1, (work.tasks.count + fleet.nodes.count) / 512) == 0 { checkInvariants() }
            #endif
            if queue.nextTime == now { continue }
            if sampleDue {
                sampleDue = false
                recordSamples()
            }
            if scenario.horizon == nil, isQuiescentApartFromTimeline {
                if timelineRemaining == 0 { return .ended(now) }
                if shadowTimelineDeficit > 0, timelineRemaining == shadowTimelineDeficit {
                    return .fork(shadowEnd: now)
                }
            }
        }
        // Nothing of this run is left up to the limit; a fork within it still comes, since other
        // runs of a tree may have entries there that this one lacks.
        return forkBefore <= limit ? .fork(shadowEnd: nil) : .ended(limit)
    }

    /// No arrival to come, no task at a client, queued or running, and no detection or
    /// recovery timer running: with no timeline action left either, the run is over (rule 1).
    ///
    /// A property small enough to inline: the loop asks after every instant, and a call of a
    /// non-mutating method from the mutating loop copied the whole simulation value.
    @inline(__always)
    var isQuiescentApartFromTimeline: Bool {
        clients.unarrived == 0 && clients.atClient == 0 && work.queued == 0 && work.runningCount == 0
            && !account.isWaitingOnTimer
    }

    mutating func handle(_ event: QueuedEvent) {
        switch event {
        case .taskCompletion(let task, let generation, _): completeAttempt(Int(task), generation: generation)
        case .nodeAllocated(let node, let allocation): allocationFinished(Int(node), allocation: allocation)
        case .startTaskDone(let node, let allocation): startTaskAttemptEnded(Int(node), allocation: allocation)
        case .timelineAction(let entry): perform(entry: Int(entry))
        case .versionExpiry(let key, let version, let generation):
            versionExpired(key: Int(key), version: Int(version), generation)
        case .versionNotBefore: requestAccountStep()
        case .keyRetention(let key, let generation): keyRetentionEnded(Int(key), generation: generation)
        case .vaultRetention(let generation): vaultRetentionEnded(generation: generation)
        case .rotation(let key, let number): rotate(key: Int(key), number: Int(number))
        case .accountStep: accountStep()
        case .arrival(let stream): deliverArrivals(stream: Int(stream))
        case .retry(let job): deliverRetries(job: Int(job))
        case .preemptNodes(let entry): preemptNodes(entry: Int(entry))
        case .randomPreemption(let node, let generation): randomPreemptionDue(Int(node), generation: generation)
        case .preemptionsDue: applyDuePreemptions()
        case .nodeReaction: reactToAccount()
        case .capacityReturn(let node, let generation): capacityReturned(Int(node), generation: generation)
        case .autoscaleDue: evaluateDuePools()
        case .sampleTick:
            sampleDue = true
            schedule(.sampleTick, at: now + Self.samplePeriod)
        }
    }

    /// Puts an event on the queue in its own phase of the instant at `time`.
    mutating func schedule(_ event: QueuedEvent, at time: SimTime) {
        queue.schedule(at: time, phase: event.phase.rawValue, lane: event.lane, event)
    }

    @inline(__always)
    mutating func emit(
        _ entity: EntityKind,
        _ index: Int,
        _ name: EventName,
        from: UInt8 = SimEvent.noState,
        to: UInt8 = SimEvent.noState,
        detail: Int64 = 0
    ) {
        counters.emittedEvents += 1
        guard let sink else { return }
        sink.record(
            SimEvent(
                time: now,
                entity: entity,
                entityIndex: Int32(truncatingIfNeeded: index),
                name: name,
                fromState: from,
                toState: to,
                detail: detail
            )
        )
    }

    /// A keyed random stream of this run (SPEC §2 rule 12). Always inlined: a call of a
    /// non-mutating method from a mutating one copied the whole simulation value (945 bytes).
    @inline(__always)
    func random(_ purpose: Purpose, _ entity: UInt64, _ index: UInt64 = 0) -> RandomStream {
        RandomStream(seed: scenario.seed, purpose: purpose.rawValue, entity: entity, index: index)
    }
}

extension Int32 {
    /// An engine index (task, node, key, entry) narrowed for a queued event; indices are
    /// bounded by the loader's limits, far below 2³¹.
    @inline(__always)
    init(index: Int) {
        self.init(truncatingIfNeeded: index)
    }
}
