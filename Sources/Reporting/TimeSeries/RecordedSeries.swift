import BatchModel

/// The recorder's state; see `TimeSeriesRecorder`.
struct RecordedSeries {
    static let stateCount = NodeState.allCases.count

    let poolCount: Int
    /// Per pool and `NodeState` raw value: nodes in that state (index `pool * stateCount + state`).
    /// `leavingpool` counts nodes an autoscale shrink marked leaving that are still in the pool
    /// (a removed node is in no state), so the states of a pool add up to its current nodes.
    var nodes: [StepSeries]
    var queued = StepSeries()
    var running = StepSeries()
    var completed = StepSeries()
    var failed = StepSeries()
    var story = AccountStory()
    var end: Int64 = 0
    /// The pool of each node, by global node number (from `nodeAdded`).
    private var nodePool: [Int32] = []
    /// The node each task last started on, by task number (to tell what stopped it).
    private var taskNode: [Int32] = []
    /// When each node was last preempted; -1 if never.
    private var nodePreemptedAt: [Int64] = []

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
            if case .node(let node) = event.typedDetail {
                let task = Int(event.entityIndex)
                while taskNode.count <= task { taskNode.append(-1) }
                taskNode[task] = Int32(truncatingIfNeeded: node)
            }
        case .taskRequeued, .taskRetried:
            running.add(-1, at: time)
            queued.add(1, at: time)
            if event.name == .taskRequeued {
                if wasPreempted(task: Int(event.entityIndex), at: time) {
                    story.taskRequeuedByPreemption()
                } else {
                    story.taskRequeued(at: time)
                }
            }
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
        case .startTaskAttemptFailed, .autoscaleEvaluated, .autoscaleSkipped:
            break
        case .submissionRejected:
            story.submissionRejected(at: time)
        case .taskDropped:
            story.taskDropped(at: time)
        }
    }

    /// Whether the node a task ran on was preempted at `time` (the preemption requeued it).
    private func wasPreempted(task: Int, at time: Int64) -> Bool {
        guard task < taskNode.count else { return false }
        let node = Int(taskNode[task])
        return node >= 0 && node < nodePreemptedAt.count && nodePreemptedAt[node] == time
    }

    @inline(__always)
    private mutating func moveNode(_ node: Int, from: UInt8, to: UInt8, at time: Int64) {
        if to == NodeState.preempted.rawValue {
            while nodePreemptedAt.count <= node { nodePreemptedAt.append(-1) }
            nodePreemptedAt[node] = time
        }
        guard node < nodePool.count else { return }
        let base = Int(nodePool[node]) * Self.stateCount
        if from != SimEvent.noState, Int(from) < Self.stateCount {
            nodes[base + Int(from)].add(-1, at: time)
        }
        if to != SimEvent.noState, Int(to) < Self.stateCount {
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
