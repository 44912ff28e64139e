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
