/// What an evaluation sees (rules 24 and 25): the time, the sample histories, the pool's plain
/// variables and current targets, and where `rand()` draws from. The simulation builds one per
/// evaluation; `batchsim autoscale` builds one from its options.
public struct EvaluationContext: Sendable {
    /// `time()`, in seconds since 1970.
    public var now: Double
    /// The samples of each sampled variable, in any order; only those taken before `now` are seen.
    public var samples: [SampledVariable: [Sample]]
    /// Whether every history in `samples` is oldest first (the simulation's are): windows are then
    /// found by binary search.
    public var samplesAreInTimeOrder = false
    public var currentDedicatedNodes: Double
    public var currentLowPriorityNodes: Double
    public var taskSlotsPerNode: Double
    /// What `$TargetDedicatedNodes` and `$TargetDedicated` read before the formula assigns them.
    public var currentTargetDedicated: Double
    /// What `$TargetLowPriorityNodes` and `$TargetLowPriority` read before the formula assigns them.
    public var currentTargetLowPriority: Double
    /// `rand()`'s draw for the given call of this evaluation (0, 1, …), uniform in [0, 1). The call
    /// number is passed so that a caller can key draws by (pool, evaluation number, call) without
    /// keeping state (rule 23); the default ignores it and uses the system generator.
    public var random: @Sendable (_ call: Int) -> Double

    public init(
        now: Double, samples: [SampledVariable: [Sample]] = [:], currentDedicatedNodes: Double = 0,
        currentLowPriorityNodes: Double = 0, taskSlotsPerNode: Double = 1, currentTargetDedicated: Double = 0,
        currentTargetLowPriority: Double = 0,
        random: @escaping @Sendable (_ call: Int) -> Double = { _ in Double.random(in: 0..<1) }
    ) {
        self.now = now
        self.samples = samples
        self.currentDedicatedNodes = currentDedicatedNodes
        self.currentLowPriorityNodes = currentLowPriorityNodes
        self.taskSlotsPerNode = taskSlotsPerNode
        self.currentTargetDedicated = currentTargetDedicated
        self.currentTargetLowPriority = currentTargetLowPriority
        self.random = random
    }
}
