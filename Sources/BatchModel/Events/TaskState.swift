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
