/// The Batch account's state with respect to its encryption key (SPEC §2 "Account states").
public enum AccountState: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    case accessible
    case keyInaccessible
    case recovering
    case unrecoverable
    case deleted

    public var description: String {
        switch self {
        case .accessible: "accessible"
        case .keyInaccessible: "keyInaccessible"
        case .recovering: "recovering"
        case .unrecoverable: "unrecoverable"
        case .deleted: "deleted"
        }
    }
}

/// Compute node states, spelled as the Batch REST API returns them (`ComputeNodeState`).
/// Only the states this model reaches are listed.
public enum NodeState: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    case creating
    case starting
    case waitingforstarttask
    case idle
    case running
    case unusable
    case leavingpool

    public var description: String {
        switch self {
        case .creating: "creating"
        case .starting: "starting"
        case .waitingforstarttask: "waitingforstarttask"
        case .idle: "idle"
        case .running: "running"
        case .unusable: "unusable"
        case .leavingpool: "leavingpool"
        }
    }
}

/// Task states, spelled as the Batch REST API returns them (`TaskState`).
public enum TaskState: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    case active
    case preparing
    case running
    case completed

    public var description: String {
        switch self {
        case .active: "active"
        case .preparing: "preparing"
        case .running: "running"
        case .completed: "completed"
        }
    }
}

/// Pool allocation states, spelled as the Batch REST API returns them (`AllocationState`).
public enum PoolAllocationState: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    case steady
    case resizing
    case stopping

    public var description: String {
        switch self {
        case .steady: "steady"
        case .resizing: "resizing"
        case .stopping: "stopping"
        }
    }
}
