/// What happened. `detail` carries the timeline entry index for actions.
public enum EventName: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    /// The entity moved from `fromState` to `toState`.
    case stateChanged
    /// A timeline action took effect (detail: timeline index).
    case actionApplied
    /// Key Vault refused a timeline action (detail: timeline index). Not a Batch rejection.
    case actionRejected
    /// The Batch account refused a control-plane timeline action (detail: timeline index).
    case operationRejected
    /// A key version appeared: `addKeyVersion` or the rotation policy (detail: version number).
    case versionAdded
    /// A key version's expiry date passed (detail: version number).
    case versionExpired
    /// A soft-deleted key or vault was purged by its retention period running out.
    case retentionPurged
    /// A node joined its pool (toState: its first state).
    case nodeAdded
    /// A node left its pool (fromState: its last state).
    case nodeRemoved
    /// The account accepted a task (toState: active; detail: attempt number).
    case taskSubmitted
    /// The account rejected a submission attempt (entity: the job's client; detail: task number).
    case submissionRejected
    /// A client gave up on a task (entity: the job's client; detail: task number).
    case taskDropped
    /// A task started on a node (detail: global node number).
    case taskStarted
    /// A running task was stopped and requeued (detail: milliseconds of work lost).
    case taskRequeued
    /// An attempt failed and the task will be retried (detail: retry number).
    case taskRetried
    /// A task completed successfully.
    case taskCompleted
    /// A task failed for the last time.
    case taskFailed
    /// A node's start-task attempt failed (detail: attempt number, 0 for the first).
    case startTaskAttemptFailed
    /// An autoscale formula was evaluated (entity: the pool; detail: 0 applied, 1 failed).
    case autoscaleEvaluated
    /// An autoscale evaluation was skipped because the account was not accessible (entity: the pool).
    case autoscaleSkipped

    public var description: String {
        switch self {
        case .stateChanged: "stateChanged"
        case .actionApplied: "actionApplied"
        case .actionRejected: "actionRejected"
        case .operationRejected: "operationRejected"
        case .versionAdded: "versionAdded"
        case .versionExpired: "versionExpired"
        case .retentionPurged: "retentionPurged"
        case .nodeAdded: "nodeAdded"
        case .nodeRemoved: "nodeRemoved"
        case .taskSubmitted: "taskSubmitted"
        case .submissionRejected: "submissionRejected"
        case .taskDropped: "taskDropped"
        case .taskStarted: "taskStarted"
        case .taskRequeued: "taskRequeued"
        case .taskRetried: "taskRetried"
        case .taskCompleted: "taskCompleted"
        case .taskFailed: "taskFailed"
        case .startTaskAttemptFailed: "startTaskAttemptFailed"
        case .autoscaleEvaluated: "autoscaleEvaluated"
        case .autoscaleSkipped: "autoscaleSkipped"
        }
    }
}
