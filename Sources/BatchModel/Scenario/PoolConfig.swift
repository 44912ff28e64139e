public import AutoscaleFormula
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

    /// A start task every node runs after allocation (SPEC §6 rule 20).
    public struct StartTask: Hashable, Sendable {
        /// The time of one attempt.
        public var duration: DurationDistribution
        /// With `waitForSuccess` (the default) a node takes no tasks until its start task
        /// succeeds, and stays `starttaskfailed` when its last attempt fails.
        public var waitForSuccess: Bool
        /// The chance that an attempt fails at its end (0 by default).
        public var failureProbability: Double
        /// Retries after a failed attempt (0 by default: one attempt).
        public var maxTaskRetryCount: Int

        public init(
            duration: DurationDistribution, waitForSuccess: Bool = true, failureProbability: Double = 0,
            maxTaskRetryCount: Int = 0
        ) {
            self.duration = duration
            self.waitForSuccess = waitForSuccess
            self.failureProbability = failureProbability
            self.maxTaskRetryCount = maxTaskRetryCount
        }
    }

    /// How Spot (low-priority) capacity comes and goes (SPEC §6 rule 19). Only low-priority
    /// nodes are ever preempted.
    public struct Preemption: Hashable, Sendable {
        /// Random preemptions per low-priority node-hour, from each allocation on (0: none).
        public var ratePerNodeHour: Double
        /// How long a preempted node waits before it allocates again.
        public var capacityReturnsAfter: DurationDistribution

        public static let defaultReturn = DurationDistribution.fixed(15 * SimTime.millisecondsPerMinute)

        public init(ratePerNodeHour: Double = 0, capacityReturnsAfter: DurationDistribution = Preemption.defaultReturn)
        {
            self.ratePerNodeHour = ratePerNodeHour
            self.capacityReturnsAfter = capacityReturnsAfter
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

    /// Autoscale settings (SPEC §7 rule 26): a loaded formula and how often it runs. Two settings
    /// are equal when their formula texts and intervals are.
    public struct AutoScale: Hashable, Sendable {
        public var formula: Formula
        public var evaluationInterval: SimTime

        public static let defaultInterval: SimTime = 15 * SimTime.millisecondsPerMinute
        public static let intervals: ClosedRange<SimTime> =
            5 * SimTime.millisecondsPerMinute...168 * SimTime.millisecondsPerHour

        public init(formula: Formula, evaluationInterval: SimTime = AutoScale.defaultInterval) {
            self.formula = formula
            self.evaluationInterval = evaluationInterval
        }

        public static func == (left: AutoScale, right: AutoScale) -> Bool {
            left.formula.text == right.formula.text && left.evaluationInterval == right.evaluationInterval
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(formula.text)
            hasher.combine(evaluationInterval)
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
    public var preemption: Preemption
    /// Set for an autoscale pool, which starts with no nodes and target 0.
    public var autoScale: AutoScale?

    public init(
        id: String,
        vmSize: String? = nil,
        dedicatedNodes: Int = 0,
        lowPriorityNodes: Int = 0,
        taskSlotsPerNode: Int = 1,
        nodeFillType: NodeFillType = .spread,
        allocationDelay: DurationDistribution = .fixed(0),
        startTask: StartTask? = nil,
        pricePerNodeHour: Price = Price(),
        preemption: Preemption = Preemption(),
        autoScale: AutoScale? = nil
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
        self.preemption = preemption
        self.autoScale = autoScale
    }
}
