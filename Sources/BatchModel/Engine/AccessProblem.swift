/// Why a key is inaccessible; carried in the account's state-change events.
public enum AccessProblem: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    case noIdentity
    case malformedIdentifier
    case vaultMissing
    case vaultDeleted
    case networkBlocked
    case keyMissing
    case keyDeleted
    case versionMissing
    case versionDisabled
    case versionNotYetValid
    case versionExpired
    case permissionMissing

    public var description: String {
        switch self {
        case .noIdentity: "the account has no managed identity"
        case .malformedIdentifier: "the key identifier is missing or malformed"
        case .vaultMissing: "the vault does not exist"
        case .vaultDeleted: "the vault is deleted"
        case .networkBlocked: "the vault's firewall blocks Batch"
        case .keyMissing: "the key does not exist"
        case .keyDeleted: "the key is deleted"
        case .versionMissing: "the key version does not exist"
        case .versionDisabled: "the key version is disabled"
        case .versionNotYetValid: "the key version is not yet valid"
        case .versionExpired: "the key version has expired"
        case .permissionMissing: "the account's identity lacks get, wrapKey or unwrapKey"
        }
    }
}
