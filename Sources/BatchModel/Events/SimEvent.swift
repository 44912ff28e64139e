public import SimulationKernel

/// One state change or action of a run, as it leaves the model.
///
/// A fixed-size value with integer codes, so that emitting it costs no allocation; the event
/// log and the reports turn codes into names (`EntityKind.description`, `EventName.description`).
public struct SimEvent: Hashable, Sendable {
    public var time: SimTime
    public var entity: EntityKind
    /// Task number, global node number, pool, job or key index; 0 for the account and the vault.
    public var entityIndex: Int32
    public var name: EventName
    /// State codes of the entity's state enum (`AccountState`, `NodeState`, `TaskState`, …),
    /// or `SimEvent.noState`.
    public var fromState: UInt8
    public var toState: UInt8
    /// Event-specific number: the timeline entry index of an action, an attempt number, …
    public var detail: Int64

    /// Marks `fromState`/`toState` as not applicable.
    public static let noState: UInt8 = 255

    public init(
        time: SimTime,
        entity: EntityKind,
        entityIndex: Int32,
        name: EventName,
        fromState: UInt8 = SimEvent.noState,
        toState: UInt8 = SimEvent.noState,
        detail: Int64 = 0
    ) {
        self.time = time
        self.entity = entity
        self.entityIndex = entityIndex
        self.name = name
        self.fromState = fromState
        self.toState = toState
        self.detail = detail
    }
}

/// The kind of entity an event is about (SPEC §4 event log).
public enum EntityKind: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    case account, vault, key, pool, node, job, task, client

    public var description: String {
        switch self {
        case .account: "account"
        case .vault: "vault"
        case .key: "key"
        case .pool: "pool"
        case .node: "node"
        case .job: "job"
        case .task: "task"
        case .client: "client"
        }
    }
}

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
        }
    }
}

extension EntityKind {
    /// The REST spelling of a state code of this kind of entity, or nil when the kind has no
    /// states or the code is `SimEvent.noState`.
    public func stateName(_ code: UInt8) -> String? {
        switch self {
        case .account: AccountState(rawValue: code)?.description
        case .node: NodeState(rawValue: code)?.description
        case .task: TaskState(rawValue: code)?.description
        case .pool: PoolAllocationState(rawValue: code)?.description
        default: nil
        }
    }
}
