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
