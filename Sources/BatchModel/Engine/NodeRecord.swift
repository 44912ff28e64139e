public import SimulationKernel

/// Everything the run tracks about one compute node.
public struct NodeRecord: Sendable {
    public var pool: Int32
    /// Index within its pool (never reused).
    public var indexInPool: Int32
    public var isLowPriority: Bool
    /// The state a client would see.
    public var state: NodeState
    /// The state the node would be in without an outage (`creating`, `waitingforstarttask`,
    /// `idle`): an outage hides but does not stop allocation (SPEC §2 rule 11).
    public var allocationState: NodeState
    public var freeSlots: Int32
    public var runningTasks: Int32 = 0
    /// When the node was asked for: its billing starts then.
    public var requestedAt: SimTime
    /// When it was removed; -1 while it is in its pool.
    var removedTime: SimTime = -1
    public var stateSince: SimTime
    /// Time spent in each `NodeState`.
    public var timeInState: NodeStateDurations = NodeStateDurations()
    /// Allocations so far, counted from 0: a preempted node allocates again when capacity
    /// returns, and every keyed draw of an allocation carries its number (SPEC §6 rule 19).
    public var allocation: Int32 = 0
    /// Times the node was preempted.
    public var preemptions: Int32 = 0
    /// Whether the node has ever entered `starttaskfailed` (counted once, rule 21).
    public var startTaskFailed = false
    /// The start task's current attempt (0 for the first) in this allocation.
    var startTaskAttempt: Int32 = 0
    /// Invalidates a pending random preemption or capacity return after a preemption or a removal.
    var capacityGeneration: UInt32 = 0
    /// Marked `leavingpool` by an autoscale shrink (`taskcompletion`, `retaineddata`): takes no new
    /// tasks and is removed when its last task ends (SPEC §7 rule 26).
    public var isLeaving = false

    init(
        pool: Int32,
        indexInPool: Int32,
        isLowPriority: Bool,
        state: NodeState,
        allocationState: NodeState,
        freeSlots: Int32,
        requestedAt: SimTime,
        stateSince: SimTime
    ) {
        self.pool = pool
        self.indexInPool = indexInPool
        self.isLowPriority = isLowPriority
        self.state = state
        self.allocationState = allocationState
        self.freeSlots = freeSlots
        self.requestedAt = requestedAt
        self.stateSince = stateSince
    }

    /// When the node was removed from its pool (billing stopped); nil while it is in it.
    public var removedAt: SimTime? { removedTime < 0 ? nil : removedTime }

    public var isRemoved: Bool { removedTime >= 0 }

    /// Billed time up to `end` (the run's end): from the request until removal or `end`, less
    /// the time it spent preempted (SPEC §6 rule 19: a preempted node is not billed).
    public func billedTime(until end: SimTime) -> SimTime {
        (removedAt ?? end) - requestedAt - timeInState[.preempted]
    }
}
