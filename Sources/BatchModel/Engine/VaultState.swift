public import SimulationKernel

/// The Key Vault as the run changes it: the one state machine for soft delete, purge protection,
/// retention, access policies, RBAC roles, the firewall, versions and rotation. The engine drives it
/// through `apply` and the timer methods (`VaultState+Actions`, `VaultState+Timers`) and only logs
/// and schedules what they return; the loader replays a timeline through the same methods to find
/// actions that have no effect.
///
/// Names are stored lowercased: Key Vault compares vault, key and version names case-insensitively
/// (SPEC §2 rule 13). The storage stays internal to the model.
public struct VaultState: Sendable {
    enum Firewall: Equatable, Sendable {
        case open
        case deny(allowTrustedServices: Bool)
    }

    struct Version: Sendable {
        var id: String
        var enabled: Bool
        var expires: SimTime?
        var notBefore: SimTime?
        /// Invalidates a scheduled expiry event after `setKeyExpiry`.
        var expiryGeneration: UInt32 = 0
    }

    struct Key: Sendable {
        var name: String
        /// The name as the scenario declares it, for messages.
        var declaredName: String
        /// Oldest first. Add versions through `append(_:)`, which keeps `lastIndexByID` in step.
        var versions: [Version] = []
        /// The index of the newest version with each id: O(1) lookups however many versions a
        /// run adds (a rotation every millisecond adds tens of thousands).
        private var lastIndexByID: [String: Int] = [:]
        var deleted = false
        var purged = false
        /// Invalidates a scheduled retention purge after `recoverKey`.
        var deleteGeneration: UInt32 = 0
        var rotateEvery: SimTime?

        init(name: String, declaredName: String, versions: [Version], rotateEvery: SimTime?) {
            self.name = name
            self.declaredName = declaredName
            self.rotateEvery = rotateEvery
            for version in versions { append(version) }
        }

        /// Adds the newest version.
        mutating func append(_ version: Version) {
            lastIndexByID[version.id] = versions.count
            versions.append(version)
        }

        /// Whether a version with this (lowercased) id exists.
        func hasVersion(_ id: String) -> Bool {
            lastIndexByID[id] != nil
        }

        /// The newest version with this id (any case), or the newest version for nil.
        func versionIndex(_ id: String?) -> Int? {
            guard let id else { return versions.isEmpty ? nil : versions.count - 1 }
            return lastIndexByID[id.lowercased()]
        }
    }

    var declared: Bool
    var name: String
    var permissionModel: KeyVaultConfig.PermissionModel
    var softDelete: Bool
    var purgeProtection: Bool
    var retentionDays: Int
    var deleted = false
    var purged = false
    var deleteGeneration: UInt32 = 0
    var firewall = Firewall.open
    /// principal → permission names, all lowercased.
    var accessPolicies: [String: Set<String>] = [:]
    /// (principal, role), lowercased.
    var roleAssignments: [(principal: String, role: String)] = []
    var keys: [Key]

    public init(_ config: KeyVaultConfig?) {
        declared = config != nil
        name = config?.name.lowercased() ?? ""
        permissionModel = config?.permissionModel ?? .accessPolicy
        softDelete = config?.softDelete ?? true
        purgeProtection = config?.purgeProtection ?? true
        retentionDays = config?.retentionDays ?? 90
        for policy in config?.accessPolicies ?? [] {
            accessPolicies[policy.principal.lowercased()] = Set(policy.keyPermissions.map { $0.lowercased() })
        }
        roleAssignments = (config?.roleAssignments ?? []).map { ($0.principal.lowercased(), $0.role.lowercased()) }
        keys = (config?.keys ?? []).map { key in
            Key(
                name: key.name.lowercased(),
                declaredName: key.name,
                versions: key.versions.map {
                    Version(id: $0.id.lowercased(), enabled: $0.enabled, expires: $0.expires, notBefore: $0.notBefore)
                },
                rotateEvery: key.rotateEvery
            )
        }
    }

    func keyIndex(_ name: String) -> Int? {
        let lowered = name.lowercased()
        return keys.firstIndex { $0.name == lowered }
    }

    /// Whether `principal` holds get, wrapKey and unwrapKey through the vault's permission model.
    func grantsKeyUse(to principal: String) -> Bool {
        let principal = principal.lowercased()
        switch permissionModel {
        case .accessPolicy:
            guard let permissions = accessPolicies[principal] else { return false }
            return AccessPolicy.requiredPermissions.allSatisfy { permissions.contains($0) }
        case .rbac:
            return roleAssignments.contains {
                $0.principal == principal && RoleAssignment.keyUsingRoles.contains($0.role)
            }
        }
    }

    /// Why the account cannot use its key at `time`, or nil when it can (SPEC §2 "Key accessibility").
    public func accessProblem(for account: AccountConfig, at time: SimTime) -> AccessProblem? {
        guard account.keySource == .microsoftKeyVault else { return nil }
        guard account.identity != .none else { return .noIdentity }
        guard let identifier = account.keyIdentifier, identifier.isWellFormed,
            let keyName = identifier.key
        else { return .malformedIdentifier }
        guard declared, identifier.vault == name, !purged else { return .vaultMissing }
        guard !deleted else { return .vaultDeleted }
        if case .deny(let allowTrusted) = firewall, !allowTrusted { return .networkBlocked }
        guard let keyIndex = keyIndex(keyName), !keys[keyIndex].purged else { return .keyMissing }
        let key = keys[keyIndex]
        guard !key.deleted else { return .keyDeleted }
        guard let versionIndex = key.versionIndex(identifier.version) else { return .versionMissing }
        let version = key.versions[versionIndex]
        guard version.enabled else { return .versionDisabled }
        if let notBefore = version.notBefore, time < notBefore { return .versionNotYetValid }
        if account.expiredKeyBlocksAccess, let expires = version.expires, time >= expires { return .versionExpired }
        guard grantsKeyUse(to: account.principal) else { return .permissionMissing }
        return nil
    }

    /// Whether the account's key (or its vault) has been purged while the account uses it:
    /// the account's data is gone for good.
    func accountKeyPurged(_ account: AccountConfig) -> Bool {
        guard account.keySource == .microsoftKeyVault, let identifier = account.keyIdentifier,
            let keyName = identifier.key, declared, identifier.vault == name
        else { return false }
        if purged { return true }
        guard let keyIndex = keyIndex(keyName) else { return false }
        return keys[keyIndex].purged
    }
}
