public import SimulationKernel

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
