public import SimulationKernel

/// The numbers of one run (SPEC §4 "Summary metrics"), before formatting. Times are in
/// milliseconds; `nil` means the metric has no value (a percentile of nothing, a makespan
/// with work left).
public struct RunMetrics: Hashable, Sendable {
    public struct Tasks: Hashable, Sendable {
        public var submitted = 0
        public var completed = 0
        public var failed = 0
        public var incomplete = 0
        public var dropped = 0
        public var retries = 0
        public var requeued = 0
        public var requeuedDistinct = 0
        public var rejectedSubmissions = 0
        public var lostWork: SimTime = 0
        public var makespan: SimTime?
        public var waitP50: SimTime?
        public var waitP95: SimTime?
        public var waitP99: SimTime?
        public var turnaroundP50: SimTime?
        public var turnaroundP95: SimTime?
        public var turnaroundP99: SimTime?
        public var turnaroundMax: SimTime?
    }

    public struct Account: Hashable, Sendable {
        public var outages = 0
        public var unavailable: SimTime = 0
        public var recovering: SimTime = 0
        public var unrecoverable = false
        public var rejectedOperations = 0
        public var finalState = AccountState.accessible
    }

    public struct Nodes: Hashable, Sendable {
        public var unusableNodeTime: SimTime = 0
        public var billedNodeTime: SimTime = 0
        public var peakUnusable = 0
        /// Preemption events (SPEC §6 rule 21).
        public var preemptions = 0
        /// Time nodes spent `preempted` (never billed).
        public var preemptedNodeTime: SimTime = 0
        /// Distinct nodes that entered `starttaskfailed`.
        public var startTaskFailedNodes = 0
    }

    public struct Cost: Hashable, Sendable {
        public var total: Double = 0
        public var whileUnusable: Double = 0
    }

    public struct Job: Hashable, Sendable {
        public var id: String
        public var completed = 0
        public var failed = 0
        public var makespan: SimTime?
    }

    public struct Pool: Hashable, Sendable {
        public var id: String
        public var unusableNodeTime: SimTime = 0
        public var billedNodeTime: SimTime = 0
        public var cost: Double = 0
        public var preemptions = 0
        public var preemptedNodeTime: SimTime = 0
        public var startTaskFailedNodes = 0
        /// Autoscale evaluations that ran (failed ones included), failed, and were skipped (SPEC §7 rule 27).
        public var autoscaleEvaluations = 0
        public var autoscaleFailures = 0
        public var autoscaleSkipped = 0
        /// The most nodes in the pool at once, preempted ones included.
        public var peakNodes = 0
    }

    public var tasks = Tasks()
    public var account = Account()
    public var nodes = Nodes()
    public var cost = Cost()
    public var jobs: [Job] = []
    public var pools: [Pool] = []
    /// When the run ended (SPEC §2 rule 1).
    public var endTime: SimTime = 0
}
