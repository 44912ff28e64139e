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
