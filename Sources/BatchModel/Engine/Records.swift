public import SimulationKernel

/// Where a task is in its life; finer than the REST `TaskState` because the metrics need to
/// tell a task waiting at its client from one queued in the account.
public enum TaskPhase: UInt8, Sendable {
    /// Defined but not yet arrived at its client.
    case pending
    /// Rejected at least once; its client will try again.
    case atClient
    /// Accepted and waiting for a node (`active`).
    case queued
    /// On a node (`running`).
    case running
    /// Finished successfully (`completed`, success).
    case succeeded
    /// Finished with its last attempt failed (`completed`, failure).
    case failed
    /// Its client gave up.
    case dropped
}

/// Everything the run tracks about one task. Times are -1 until they happen.
public struct TaskRecord: Sendable {
    /// Index of the task block (job blocks, then `submitTasks` blocks) the task belongs to.
    public var block: Int32
    public var job: Int32
    public var requiredSlots: Int32
    public var phase: TaskPhase = .pending
    /// The first client attempt.
    public var arrival: SimTime = -1
    /// When the account accepted it (its place in the queue).
    public var accepted: SimTime = -1
    public var firstStart: SimTime = -1
    /// Final completion or failure.
    public var finish: SimTime = -1
    /// The sampled run time; -1 until first needed.
    public var duration: SimTime = -1
    /// Progress kept by checkpoints.
    public var checkpoint: SimTime = 0
    /// Start of the current attempt.
    public var attemptStart: SimTime = -1
    public var node: Int32 = -1
    /// Invalidates the completion event of an attempt that was stopped.
    public var generation: UInt32 = 0
    public var clientAttempts: Int32 = 0
    public var starts: Int32 = 0
    public var requeues: Int32 = 0
    public var retries: Int32 = 0
    public var lostWork: SimTime = 0
}

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
    public var requestedAt: SimTime
    public var removedAt: SimTime = -1
    public var stateSince: SimTime
    public var unusableTime: SimTime = 0
    /// Time spent in each `NodeState`, indexed by raw value.
    public var timeInState: NodeStateDurations = NodeStateDurations()

    public var isRemoved: Bool { removedAt >= 0 }
}

/// Milliseconds per node state, stored inline (no allocation per node).
public struct NodeStateDurations: Sendable {
    private var values: (SimTime, SimTime, SimTime, SimTime, SimTime, SimTime, SimTime) = (0, 0, 0, 0, 0, 0, 0)

    public init() {}

    public subscript(state: NodeState) -> SimTime {
        get {
            switch state {
            case .creating: values.0
            case .starting: values.1
            case .waitingforstarttask: values.2
            case .idle: values.3
            case .running: values.4
            case .unusable: values.5
            case .leavingpool: values.6
            }
        }
        set {
            switch state {
            case .creating: values.0 = newValue
            case .starting: values.1 = newValue
            case .waitingforstarttask: values.2 = newValue
            case .idle: values.3 = newValue
            case .running: values.4 = newValue
            case .unusable: values.5 = newValue
            case .leavingpool: values.6 = newValue
            }
        }
    }
}

/// A block of tasks with its resolved settings: a job's `tasks:` or a `submitTasks` action's.
struct TaskBlockPlan {
    var job: Int
    var firstTask: Int
    var tasks: TaskBlock
    /// Task indices (relative to `firstTask`) in arrival order; only for traces.
    var traceOrder: [Int32] = []
}

/// Delivers one block's tasks to their client in arrival order, one pending event at a time.
struct ArrivalStream {
    var block: Int
    var base: SimTime
    var next: Int = 0
    /// Arrival time of `next` (Poisson streams accumulate their gaps).
    var nextTime: SimTime = 0
}

/// A job's client's queue of tasks waiting to try again. Entries are appended in time order
/// with a constant retry interval, so the queue stays sorted without a heap.
struct RetryQueue {
    var times: [SimTime] = []
    var tasks: [Int32] = []
    var head = 0
    var eventPending = false

    var isEmpty: Bool { head == times.count }

    mutating func append(_ task: Int32, at time: SimTime) {
        if head > 4096 && head * 2 > times.count {
            times.removeFirst(head)
            tasks.removeFirst(head)
            head = 0
        }
        times.append(time)
        tasks.append(task)
    }
}
