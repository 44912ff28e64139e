/// The metrics of a whole run (SPEC §4 "Summary metrics"), in SPEC order: the one table that
/// `summary.json`'s key order, the event log's `metrics` rows, `expect:` validation, the JSON
/// Schema and the reports all follow. The raw value is the dotted name `expect:` uses.
///
/// Adding a case adds the metric everywhere; the compiler then asks for its unit here and its
/// value in `RunMetrics.value(_:)`.
public enum RunMetric: String, CaseIterable, Sendable {
    case tasksSubmitted = "tasks.submitted"
    case tasksCompleted = "tasks.completed"
    case tasksFailed = "tasks.failed"
    case tasksIncomplete = "tasks.incomplete"
    case tasksDropped = "tasks.dropped"
    case tasksRetries = "tasks.retries"
    case tasksRequeued = "tasks.requeued"
    case tasksRequeuedDistinct = "tasks.requeuedDistinct"
    case tasksRejectedSubmissions = "tasks.rejectedSubmissions"
    case tasksLostWorkSeconds = "tasks.lostWorkSeconds"
    case tasksMakespanSeconds = "tasks.makespanSeconds"
    case tasksWaitP50 = "tasks.waitSeconds.p50"
    case tasksWaitP95 = "tasks.waitSeconds.p95"
    case tasksWaitP99 = "tasks.waitSeconds.p99"
    case tasksTurnaroundP50 = "tasks.turnaroundSeconds.p50"
    case tasksTurnaroundP95 = "tasks.turnaroundSeconds.p95"
    case tasksTurnaroundP99 = "tasks.turnaroundSeconds.p99"
    case tasksTurnaroundMax = "tasks.turnaroundSeconds.max"
    case accountOutages = "account.outages"
    case accountUnavailableSeconds = "account.unavailableSeconds"
    case accountRecoveringSeconds = "account.recoveringSeconds"
    case accountUnrecoverable = "account.unrecoverable"
    case accountRejectedOperations = "account.rejectedOperations"
    case nodesUnusableNodeSeconds = "nodes.unusableNodeSeconds"
    case nodesBilledNodeSeconds = "nodes.billedNodeSeconds"
    case nodesPeakUnusable = "nodes.peakUnusable"
    case nodesPreemptions = "nodes.preemptions"
    case nodesPreemptedNodeSeconds = "nodes.preemptedNodeSeconds"
    case nodesStartTaskFailedNodes = "nodes.startTaskFailedNodes"
    case costTotal = "cost.total"
    case costWhileUnusable = "cost.whileUnusable"

    public var unit: MetricUnit {
        switch self {
        case .tasksSubmitted, .tasksCompleted, .tasksFailed, .tasksIncomplete, .tasksDropped, .tasksRetries,
            .tasksRequeued, .tasksRequeuedDistinct, .tasksRejectedSubmissions, .accountOutages,
            .accountUnrecoverable, .accountRejectedOperations, .nodesPeakUnusable, .nodesPreemptions,
            .nodesStartTaskFailedNodes:
            .count
        case .tasksLostWorkSeconds: .taskSeconds
        case .tasksMakespanSeconds, .tasksWaitP50, .tasksWaitP95, .tasksWaitP99, .tasksTurnaroundP50,
            .tasksTurnaroundP95, .tasksTurnaroundP99, .tasksTurnaroundMax, .accountUnavailableSeconds,
            .accountRecoveringSeconds:
            .seconds
        case .nodesUnusableNodeSeconds, .nodesBilledNodeSeconds, .nodesPreemptedNodeSeconds: .nodeSeconds
        case .costTotal, .costWhileUnusable: .cost
        }
    }
}
