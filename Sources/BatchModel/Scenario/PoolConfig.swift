public import SimulationKernel

/// A Batch pool as declared at t = 0.
public struct PoolConfig: Hashable, Sendable {
    /// How the scheduler places tasks on nodes (the REST API's `taskSchedulingPolicy.nodeFillType`).
    public enum NodeFillType: String, Hashable, Sendable, CaseIterable {
        /// The node with the most free slots (ties: lowest index).
        case spread
        /// The lowest-index node that fits.
        case pack
    }

    /// A start task every node runs after allocation.
    public struct StartTask: Hashable, Sendable {
        public var duration: DurationDistribution
        /// With `waitForSuccess` (the default) a node takes no tasks until its start task ends.
        public var waitForSuccess: Bool

        public init(duration: DurationDistribution, waitForSuccess: Bool = true) {
            self.duration = duration
            self.waitForSuccess = waitForSuccess
        }
    }

    /// Prices per node-hour, by node priority.
    public struct Price: Hashable, Sendable {
        public var dedicated: Double
        public var lowPriority: Double

        public init(dedicated: Double = 0, lowPriority: Double = 0) {
            self.dedicated = dedicated
            self.lowPriority = lowPriority
        }
    }

    public var id: String
    public var vmSize: String?
    public var dedicatedNodes: Int
    public var lowPriorityNodes: Int
    public var taskSlotsPerNode: Int
    public var nodeFillType: NodeFillType
    public var allocationDelay: DurationDistribution
    public var startTask: StartTask?
    public var pricePerNodeHour: Price

    public init(
        id: String,
        vmSize: String? = nil,
        dedicatedNodes: Int = 0,
        lowPriorityNodes: Int = 0,
        taskSlotsPerNode: Int = 1,
        nodeFillType: NodeFillType = .spread,
        allocationDelay: DurationDistribution = .fixed(0),
        startTask: StartTask? = nil,
        pricePerNodeHour: Price = Price()
    ) {
        self.id = id
        self.vmSize = vmSize
        self.dedicatedNodes = dedicatedNodes
        self.lowPriorityNodes = lowPriorityNodes
        self.taskSlotsPerNode = taskSlotsPerNode
        self.nodeFillType = nodeFillType
        self.allocationDelay = allocationDelay
        self.startTask = startTask
        self.pricePerNodeHour = pricePerNodeHour
    }
}
