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
