/// Why a Key Vault action has no effect: Key Vault refused it, or accepted it and nothing changed
/// (SPEC §2 rules 7 and 15). `VaultState.apply` decides it; the engine logs a refusal as a vault
/// rejection, and the loader's validation prints the description after "has no effect:".
///
/// The descriptions appear in validation output, golden files and committed reports: change
/// their wording only together with those.
public enum VaultNoEffect: Hashable, Sendable, CustomStringConvertible {
    /// Refused: the scenario declares no vault, so every vault action fails.
    case noKeyVault
    /// Refused: the vault has been purged.
    case vaultPurged
    /// Refused: a soft-deleted vault accepts only `recoverVault` and `purgeVault`.
    case vaultSoftDeleted
    /// Refused: `recoverVault` of a vault that is not deleted.
    case vaultNotDeleted
    /// Refused: `purgeVault` of a vault that is not soft-deleted.
    case vaultNotSoftDeleted
    /// Refused: a purge (of the vault or of a key) while purge protection is on.
    case purgeProtected
    /// Accepted, unchanged: `setAccessPolicy` with exactly the principal's current permissions.
    case samePermissions(principal: String)
    /// Refused: `removeAccessPolicy` of a principal without a policy.
    case noAccessPolicy(principal: String)
    /// Accepted, unchanged: `assignRole` of an assignment that exists.
    case roleAlreadyAssigned(principal: String, role: String)
    /// Refused: `removeRoleAssignment` that matches no assignment.
    case noSuchRoleAssignment(principal: String)
    /// Accepted, unchanged: `denyNetworkAccess` with the rule already in place.
    case sameFirewallRule
    /// Accepted, unchanged: `allowNetworkAccess` on an open vault.
    case networkAlreadyOpen
    /// Refused: the action names a key the vault never had (the loader reports it as an error).
    case unknownKey(key: String)
    /// Refused: a Batch control-plane or workload action is no Key Vault action (the engine never asks).
    case notVaultAction(action: String)
    /// Refused: the key has been purged.
    case keyPurged(key: String)
    /// Refused: a soft-deleted key accepts only `recoverKey` and `purgeKey`.
    case keySoftDeleted(key: String)
    /// Refused: `recoverKey` of a key that is not deleted.
    case keyNotDeleted(key: String)
    /// Refused: `purgeKey` of a key that is not soft-deleted.
    case keyNotSoftDeleted(key: String)
    /// Refused: `addKeyVersion` of a version the key has.
    case versionExists(key: String, version: String)
    /// Refused: the action means the newest version and the key has none.
    case noVersion(key: String)
    /// Refused: the action names a version the key does not have (yet).
    case versionMissing(key: String, version: String)
    /// Accepted, unchanged: `enableKey` of an enabled version.
    case versionAlreadyEnabled(key: String, version: String)
    /// Accepted, unchanged: `disableKey` of a disabled version.
    case versionAlreadyDisabled(key: String, version: String)

    public var description: String {
        switch self {
        case .noKeyVault: "no keyVault is declared"
        case .vaultPurged: "the vault is purged by then"
        case .vaultSoftDeleted:
            "the vault is soft-deleted then, and Key Vault accepts only recoverVault and purgeVault"
        case .vaultNotDeleted: "the vault is not deleted then"
        case .vaultNotSoftDeleted: "the vault is not soft-deleted then, so Key Vault rejects the purge"
        case .purgeProtected: "purge protection is on, so Key Vault rejects the purge"
        case .samePermissions(let principal): "principal '\(principal)' already has exactly these permissions"
        case .noAccessPolicy(let principal): "principal '\(principal)' has no access policy"
        case .roleAlreadyAssigned(let principal, let role): "principal '\(principal)' already has role '\(role)'"
        case .noSuchRoleAssignment(let principal): "principal '\(principal)' has no such role assignment"
        case .sameFirewallRule: "the same firewall rule is already in place"
        case .networkAlreadyOpen: "the vault's network access is already open"
        case .unknownKey(let key): "the vault has no key '\(key)'"
        case .notVaultAction(let action): "\(action) is not a Key Vault action"
        case .keyPurged(let key): "key '\(key)' is purged by then"
        case .keySoftDeleted(let key):
            "key '\(key)' is soft-deleted then, and Key Vault accepts only recoverKey and purgeKey"
        case .keyNotDeleted(let key): "key '\(key)' is not deleted then"
        case .keyNotSoftDeleted(let key): "key '\(key)' is not soft-deleted then, so Key Vault rejects the purge"
        case .versionExists(let key, let version): "key '\(key)' already has version '\(version)'"
        case .noVersion(let key): "key '\(key)' has no version then"
        case .versionMissing(let key, let version): "key '\(key)' has no version '\(version)' then (it is added later)"
        case .versionAlreadyEnabled(let key, let version):
            "version '\(version)' of key '\(key)' is already enabled then"
        case .versionAlreadyDisabled(let key, let version):
            "version '\(version)' of key '\(key)' is already disabled then"
        }
    }
}
