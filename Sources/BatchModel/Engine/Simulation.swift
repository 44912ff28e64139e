import SimulationKernel

/// One simulated run of a scenario (SPEC §2): the Batch account, its Key Vault, pools, nodes,
/// jobs and tasks, advanced event by event from t = 0 to the end of the run.
///
/// A value type with flat arrays of records, so that the hot loop touches no reference
/// counts and allocates nothing per event. Use `Simulation.run(_:sink:)`.
public struct Simulation {
    /// What a queued event does; `a`/`b` are indices whose meaning depends on the kind.
    struct Payload: Sendable {
        var kind: Kind
        var a: Int32
        var b: Int32 = 0
        var generation: UInt32 = 0
    }

    enum Kind: UInt8, Sendable {
        case taskCompletion, nodeAllocated, startTaskDone
        case timelineAction
        case versionExpiry, versionNotBefore, keyRetention, vaultRetention
        case rotation
        case accountStep
        case arrival, retry
    }

    /// Phases within one instant (SPEC §2 "Order within one instant"); lower first.
    enum Phase {
        static let completions: UInt8 = 10
        static let timeline: UInt8 = 20
        static let vaultDates: UInt8 = 21
        static let rotations: UInt8 = 22
        static let account: UInt8 = 30
        static let submissions: UInt8 = 50
    }

    /// What keyed random draws are for (`RandomStream` purposes).
    enum Purpose {
        static let taskDuration: UInt64 = 1
        static let arrival: UInt64 = 2
        static let failure: UInt64 = 3
        static let allocation: UInt64 = 4
        static let startTask: UInt64 = 5
        static let recovery: UInt64 = 6
    }

    /// A pool's run-time state.
    struct PoolRuntime {
        var slots: SlotTree
        var queue = PoolQueue()
        /// Global node numbers by index within the pool.
        var nodes: [Int32] = []
        var dirty = false
        var pendingAllocations = 0
        var allocationState = PoolAllocationState.steady
    }

    /// Per-job settings the hot paths read, flattened out of `Scenario` (no reference counting).
    struct JobRuntime {
        var pool: Int
        var priority: Int
        /// 0 for a client that drops rejected tasks.
        var retryEvery: SimTime
        var maxAttempts: Int32
    }

    /// Per-block settings the hot paths read.
    struct BlockRuntime {
        var failureProbability: Double
        var maxTaskRetryCount: Int32
        /// 0 without checkpoints.
        var checkpointEvery: SimTime
    }

    let scenario: Scenario
    let jobRuntime: [JobRuntime]
    var blockRuntime: [BlockRuntime] = []
    let sink: (any EventSink)?
    let limit: SimTime

    var queue = EventQueue<Payload>(reservingCapacity: 1024)
    var now: SimTime = 0
    var processedEvents = 0
    var instants = 0
    var emittedEvents = 0

    // Account
    var account: AccountConfig
    var accountState = AccountState.accessible
    var accountStateSince: SimTime = 0
    var timeInAccountState = [SimTime](repeating: 0, count: AccountState.allCases.count)
    var lossStart: SimTime?
    var recoveryEndsAt: SimTime = 0
    var lastAccountStep: SimTime = -1
    var lastScheduledAccountStep: SimTime = -1
    var outages = 0
    var rejectedOperations = 0
    var vault: VaultState

    // Pools and nodes
    var pools: [PoolRuntime]
    var nodes: [NodeRecord] = []
    var unusableNodes = 0
    var peakUnusableNodes = 0

    // Jobs and tasks
    var blocks: [TaskBlockPlan] = []
    /// Block of each `submitTasks` timeline entry (-1 for other entries).
    var submitBlockOfEntry: [Int]
    var streams: [ArrivalStream] = []
    var retryQueues: [RetryQueue]
    var tasks: [TaskRecord] = []
    var running: [Int32] = []
    var runningPosition: [Int32] = []

    // Counters for the end-of-run rule and the metrics
    var unarrived = 0
    var atClient = 0
    var queued = 0
    var timelineRemaining: Int
    var submitted = 0
    var completed = 0
    var failed = 0
    var dropped = 0
    var retries = 0
    var requeued = 0
    var rejectedSubmissions = 0
    var lostWork: SimTime = 0

    init(scenario: Scenario, sink: (any EventSink)?) {
        self.scenario = scenario
        self.sink = sink
        limit = scenario.horizon ?? Scenario.cap
        account = scenario.account
        vault = VaultState(scenario.keyVault)
        pools = scenario.pools.map { pool in
            PoolRuntime(slots: SlotTree(capacity: pool.dedicatedNodes + pool.lowPriorityNodes))
        }
        jobRuntime = scenario.jobs.map { job in
            var runtime = JobRuntime(pool: job.pool, priority: job.priority, retryEvery: 0, maxAttempts: 1)
            if case .retry(let every, let maxAttempts) = job.client {
                runtime.retryEvery = every
                runtime.maxAttempts = Int32(clamping: maxAttempts)
            }
            return runtime
        }
        retryQueues = Array(repeating: RetryQueue(), count: scenario.jobs.count)
        timelineRemaining = scenario.timeline.count
        submitBlockOfEntry = Array(repeating: -1, count: scenario.timeline.count)
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
        while let head = queue.first, head.time <= limit {
            now = head.time
            while let event = queue.first, event.time == now, let popped = queue.popFirst() {
                processedEvents += 1
                handle(popped.payload)
            }
            dispatchDirtyPools()
            #if BATCHSIM_INTERNAL_CHECKS
                // Full checks cost O(tasks + nodes): every instant for small runs, sampled for large ones.
                instants += 1
                if instants % max(1, (tasks.count + nodes.count) / 512) == 0 { checkInvariants() }
            #endif
            if let next = queue.first, next.time == now { continue }
            if scenario.horizon == nil && isQuiescent { return now }
        }
        return limit
    }

    /// No arrival to come, no task at a client, queued or running, no timeline action left,
    /// and no detection or recovery timer running.
    var isQuiescent: Bool {
        unarrived == 0 && atClient == 0 && queued == 0 && running.isEmpty && timelineRemaining == 0
            && accountState != .recovering && !(accountState == .accessible && lossStart != nil)
    }

    mutating func handle(_ payload: Payload) {
        switch payload.kind {
        case .taskCompletion: completeAttempt(Int(payload.a), generation: payload.generation)
        case .nodeAllocated: allocationFinished(Int(payload.a))
        case .startTaskDone: startTaskFinished(Int(payload.a))
        case .timelineAction: perform(entry: Int(payload.a))
        case .versionExpiry: versionExpired(key: Int(payload.a), version: Int(payload.b), payload.generation)
        case .versionNotBefore: requestAccountStep()
        case .keyRetention: keyRetentionEnded(Int(payload.a), generation: payload.generation)
        case .vaultRetention: vaultRetentionEnded(generation: payload.generation)
        case .rotation: rotate(key: Int(payload.a), number: Int(payload.b))
        case .accountStep: accountStep()
        case .arrival: deliverArrivals(stream: Int(payload.a))
        case .retry: deliverRetries(job: Int(payload.a))
        }
    }

    mutating func schedule(_ kind: Kind, at time: SimTime, phase: UInt8, a: Int, b: Int = 0, generation: UInt32 = 0) {
        queue.schedule(
            at: time,
            phase: phase,
            Payload(
                kind: kind, a: Int32(truncatingIfNeeded: a), b: Int32(truncatingIfNeeded: b), generation: generation)
        )
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
        emittedEvents += 1
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

    /// A keyed random stream of this run (SPEC §2 rule 12).
    func random(_ purpose: UInt64, _ entity: UInt64, _ index: UInt64 = 0) -> RandomStream {
        RandomStream(seed: scenario.seed, purpose: purpose, entity: entity, index: index)
    }
}
