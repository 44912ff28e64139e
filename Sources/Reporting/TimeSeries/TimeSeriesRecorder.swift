public import BatchModel

/// Builds, from a run's event stream alone, what the report draws and narrates: how many
/// nodes of each pool are in each state, how many tasks are queued and running, how many have
/// completed or failed (as `StepSeries`), and the account's story (`AccountStory`: state
/// changes, timeline actions, key events, with what each outage did to nodes and tasks).
///
/// The same recorder is fed live by `batchsim run` and by replaying an event log in
/// `batchsim report`, so both write the same report. Per event it does a switch and one or
/// two integer updates; it allocates only when an array grows.
public final class TimeSeriesRecorder: EventSink {
    /// Node states a pool's chart stacks, in drawing order (bottom first).
    public static let nodeStates: [NodeState] = [
        .running, .idle, .waitingforstarttask, .starting, .creating, .unusable,
    ]

    /// All mutable state in one value, so that each event costs one exclusivity check on
    /// the class's storage instead of one per series touched.
    private var data: RecordedSeries

    public init(poolCount: Int) {
        data = RecordedSeries(poolCount: poolCount)
    }

    public var poolCount: Int { data.poolCount }
    public var queued: StepSeries { data.queued }
    public var running: StepSeries { data.running }
    /// Cumulative successful completions.
    public var completed: StepSeries { data.completed }
    /// Cumulative final failures.
    public var failed: StepSeries { data.failed }
    public var story: AccountStory { data.story }
    /// When the run ended; set by `finish(at:)`.
    public var end: Int64 { data.end }

    /// The series of nodes of `pool` in `state`.
    public func nodes(pool: Int, state: NodeState) -> StepSeries {
        data.nodes[pool * RecordedSeries.stateCount + Int(state.rawValue)]
    }

    public func record(_ event: SimEvent) {
        data.record(event)
    }

    /// Closes every series at the run's end (SPEC §2 rule 1).
    public func finish(at end: Int64) {
        data.finish(at: end)
    }
}

/// The recorder's state; see `TimeSeriesRecorder`.
struct RecordedSeries {
    static let stateCount = NodeState.allCases.count

    let poolCount: Int
    /// Per pool and `NodeState` raw value: nodes in that state (index `pool * 7 + state`).
    var nodes: [StepSeries]
    var queued = StepSeries()
    var running = StepSeries()
    var completed = StepSeries()
    var failed = StepSeries()
    var story = AccountStory()
    var end: Int64 = 0
    /// The pool of each node, by global node number (from `nodeAdded`).
    private var nodePool: [Int32] = []

    init(poolCount: Int) {
        self.poolCount = poolCount
        nodes = Array(repeating: StepSeries(), count: max(poolCount, 1) * Self.stateCount)
    }

    mutating func record(_ event: SimEvent) {
        let time = event.time
        switch event.name {
        case .stateChanged:
            switch event.entity {
            case .node: moveNode(Int(event.entityIndex), from: event.fromState, to: event.toState, at: time)
            case .account: story.accountChanged(event)
            default: break
            }
        case .nodeAdded:
            let node = Int(event.entityIndex)
            while nodePool.count <= node { nodePool.append(0) }
            if case .pool(let pool) = event.typedDetail { nodePool[node] = Int32(truncatingIfNeeded: pool) }
            moveNode(node, from: SimEvent.noState, to: event.toState, at: time)
        case .nodeRemoved:
            moveNode(Int(event.entityIndex), from: event.fromState, to: SimEvent.noState, at: time)
        case .taskSubmitted:
            queued.add(1, at: time)
        case .taskStarted:
            queued.add(-1, at: time)
            running.add(1, at: time)
        case .taskRequeued, .taskRetried:
            running.add(-1, at: time)
            queued.add(1, at: time)
            if event.name == .taskRequeued { story.taskRequeued(at: time) }
        case .taskCompleted:
            running.add(-1, at: time)
            completed.add(1, at: time)
        case .taskFailed:
            running.add(-1, at: time)
            failed.add(1, at: time)
        case .actionApplied, .actionRejected, .operationRejected:
            story.action(event)
        case .versionAdded, .versionExpired, .retentionPurged:
            story.keyEvent(event)
        case .submissionRejected:
            story.submissionRejected(at: time)
        case .taskDropped:
            story.taskDropped(at: time)
        }
    }

    @inline(__always)
    private mutating func moveNode(_ node: Int, from: UInt8, to: UInt8, at time: Int64) {
        guard node < nodePool.count else { return }
        let base = Int(nodePool[node]) * Self.stateCount
        if from != SimEvent.noState, Int(from) < Self.stateCount, from != NodeState.leavingpool.rawValue {
            nodes[base + Int(from)].add(-1, at: time)
        }
        if to != SimEvent.noState, Int(to) < Self.stateCount, to != NodeState.leavingpool.rawValue {
            nodes[base + Int(to)].add(1, at: time)
            if to == NodeState.unusable.rawValue { story.nodeMadeUnusable(at: time) }
        }
    }

    mutating func finish(at end: Int64) {
        self.end = end
        for index in nodes.indices { nodes[index].advance(to: end) }
        queued.advance(to: end)
        running.advance(to: end)
        completed.advance(to: end)
        failed.advance(to: end)
    }
}
