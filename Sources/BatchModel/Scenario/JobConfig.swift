public import SimulationKernel

/// A job: which pool runs it, how urgent it is, its tasks and how its client submits them.
public struct JobConfig: Hashable, Sendable {
    public var id: String
    /// Index into `Scenario.pools`.
    public var pool: Int
    /// -1000…1000, higher first (default 0).
    public var priority: Int
    public var tasks: TaskBlock
    public var client: ClientPolicy

    public init(id: String, pool: Int, priority: Int = 0, tasks: TaskBlock, client: ClientPolicy = .drop) {
        self.id = id
        self.pool = pool
        self.priority = priority
        self.tasks = tasks
        self.client = client
    }
}

/// What a job's client does when the account rejects a submission.
public enum ClientPolicy: Hashable, Sendable {
    /// Give up at once: the task is `dropped`.
    case drop
    /// Try again every `every` until `maxAttempts` attempts in all (the first included).
    case retry(every: SimTime, maxAttempts: Int)
}

/// A block of identical-in-distribution tasks: a job's `tasks:` or a `submitTasks` action's.
public struct TaskBlock: Hashable, Sendable {
    public var count: Int
    /// Arrival times, relative to t = 0 for a job and to the action's time for `submitTasks`.
    public var arrival: ArrivalPattern
    public var duration: DurationDistribution
    public var requiredSlots: Int
    public var maxTaskRetryCount: Int
    public var failureProbability: Double
    public var checkpointEvery: SimTime?

    public init(
        count: Int,
        arrival: ArrivalPattern = .at(0),
        duration: DurationDistribution,
        requiredSlots: Int = 1,
        maxTaskRetryCount: Int = 0,
        failureProbability: Double = 0,
        checkpointEvery: SimTime? = nil
    ) {
        self.count = count
        self.arrival = arrival
        self.duration = duration
        self.requiredSlots = requiredSlots
        self.maxTaskRetryCount = maxTaskRetryCount
        self.failureProbability = failureProbability
        self.checkpointEvery = checkpointEvery
    }
}

/// When a block's tasks reach their client.
public enum ArrivalPattern: Hashable, Sendable {
    /// Every task at the same time.
    case at(SimTime)
    /// Task i (from 0) at `from + i·interval`.
    case every(SimTime, from: SimTime)
    /// A Poisson process: exponential gaps with mean 1/rate, drawn per task.
    case poisson(perHour: Double)
    /// One row per task from a trace file: its submit time and, optionally, its own duration
    /// and slot count. The block's `count` equals the number of rows.
    case trace([TraceTask])
}

/// One task of a trace.
public struct TraceTask: Hashable, Sendable {
    public var submit: SimTime
    public var duration: SimTime?
    public var requiredSlots: Int?

    public init(submit: SimTime, duration: SimTime? = nil, requiredSlots: Int? = nil) {
        self.submit = submit
        self.duration = duration
        self.requiredSlots = requiredSlots
    }
}
