/// Compute node states, spelled as the Batch REST API returns them (`ComputeNodeState`).
/// Only the states this model reaches are listed. Codes are stable (the event log stores them):
/// new states go at the end.
public enum NodeState: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    case creating
    case starting
    case waitingforstarttask
    case idle
    case running
    case unusable
    case leavingpool
    /// Spot capacity taken back (SPEC §6 rule 19): not billed, takes no tasks, allocates again
    /// when capacity returns.
    case preempted
    /// The start task's last attempt failed with `waitForSuccess` (rule 20): billed, takes no
    /// tasks, until it is removed or preempted.
    case starttaskfailed

    public var description: String {
        switch self {
        case .creating: "creating"
        case .starting: "starting"
        case .waitingforstarttask: "waitingforstarttask"
        case .idle: "idle"
        case .running: "running"
        case .unusable: "unusable"
        case .leavingpool: "leavingpool"
        case .preempted: "preempted"
        case .starttaskfailed: "starttaskfailed"
        }
    }
}
