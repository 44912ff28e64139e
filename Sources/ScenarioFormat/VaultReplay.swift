internal import BatchModel
internal import SimulationKernel

/// The vault's state as the timeline changes it, replayed without simulating anything, to find actions that
/// certainly have no effect (SPEC §2 rules 7 and 15): enabling an enabled version, recovering a key that is
/// not deleted, removing a policy that does not exist, opening an open firewall, any action on a
/// soft-deleted vault but a recovery or purge, …
///
/// It is conservative: whatever it cannot know for sure (a soft-deleted key or vault whose retention may
/// have run out, the newest version of a key with a rotation policy) becomes unknown and is never warned
/// about. Control-plane actions are not judged: their rejection is itself an effect (it is counted).
struct VaultReplay {
    enum Presence: Equatable {
        case present
        case deleted(at: SimTime)
        case purged
        /// Not known statically; nothing involving it is judged.
        case unknown
    }

    enum Firewall: Equatable {
        case open
        case deny(allowTrustedServices: Bool)
    }

    struct Key {
        var name: String
        var presence: Presence = .present
        /// Known versions (lowercased id, enabled), oldest first.
        var versions: [(id: String, enabled: Bool)]
        /// A rotation policy adds versions the replay does not follow: the newest version is unknown.
        var rotates: Bool
    }

    private let declared: Bool
    private let softDelete: Bool
    private let purgeProtection: Bool
    private let retention: SimTime
    private let principal: String
    private var vault: Presence = .present
    private var keys: [Key]
    private var policies: [String: Set<String>]
    private var roles: [(principal: String, role: String)]
    private var firewall = Firewall.open

    init(vault: KeyVaultConfig?, principal: String) {
        declared = vault != nil
        softDelete = vault?.softDelete ?? true
        purgeProtection = vault?.purgeProtection ?? true
        retention = SimTime(vault?.retentionDays ?? 90) * SimTime.millisecondsPerDay
        self.principal = principal.lowercased()
        keys = (vault?.keys ?? []).map {
            Key(
                name: $0.name, versions: $0.versions.map { ($0.id.lowercased(), $0.enabled) },
                rotates: $0.rotateEvery != nil)
        }
        var policies: [String: Set<String>] = [:]
        for policy in vault?.accessPolicies ?? [] {
            policies[policy.principal.lowercased(), default: []].formUnion(
                policy.keyPermissions.map { $0.lowercased() })
        }
        self.policies = policies
        roles = (vault?.roleAssignments ?? []).map { ($0.principal.lowercased(), $0.role.lowercased()) }
    }

    /// Applies `action` at `time`; returns why it has no effect, or `nil` when it may have one.
    mutating func apply(_ action: TimelineAction, at time: SimTime) -> String? {
        guard !action.isControlPlane, !isWorkload(action) else { return nil }
        guard declared else { return "no keyVault is declared" }
        age(&vault, at: time)
        switch vault {
        case .unknown:
            return nil
        case .purged:
            return "the vault is purged by then"
        case .deleted:
            return deletedVault(action)
        case .present:
            return presentVault(action, at: time)
        }
    }

    private func isWorkload(_ action: TimelineAction) -> Bool {
        if case .submitTasks = action { return true }
        return false
    }

    /// A soft-deleted entity whose retention may have run out (the purge comes after the instant's
    /// actions, so at exactly the end of retention it is still deleted) becomes unknown.
    private func age(_ presence: inout Presence, at time: SimTime) {
        if case .deleted(let since) = presence, time - since >= retention { presence = .unknown }
    }

    private mutating func deletedVault(_ action: TimelineAction) -> String? {
        switch action {
        case .recoverVault:
            vault = .present
            return nil
        case .purgeVault:
            if purgeProtection { return "purge protection is on, so Key Vault rejects the purge" }
            vault = .purged
            return nil
        default:
            return "the vault is soft-deleted then, and Key Vault accepts only recoverVault and purgeVault"
        }
    }

    private mutating func presentVault(_ action: TimelineAction, at time: SimTime) -> String? {
        switch action {
        case .recoverVault: return "the vault is not deleted then"
        case .purgeVault: return "the vault is not soft-deleted then, so Key Vault rejects the purge"
        case .deleteVault:
            roles.removeAll()
            vault = softDelete ? .deleted(at: time) : .purged
            return nil
        case .setAccessPolicy(let who, let permissions):
            let name = who?.lowercased() ?? principal
            let wanted = Set(permissions.map { $0.lowercased() })
            if policies[name] == wanted {
                return "principal '\(who ?? principal)' already has exactly these permissions"
            }
            policies[name] = wanted
            return nil
        case .removeAccessPolicy(let who):
            let name = who?.lowercased() ?? principal
            return policies.removeValue(forKey: name) == nil
                ? "principal '\(who ?? principal)' has no access policy" : nil
        case .assignRole(let who, let role):
            let assignment = (who?.lowercased() ?? principal, (role ?? RoleAssignment.defaultRole).lowercased())
            if roles.contains(where: { $0 == assignment }) {
                return "principal '\(who ?? principal)' already has role '\(role ?? RoleAssignment.defaultRole)'"
            }
            roles.append(assignment)
            return nil
        case .removeRoleAssignment(let who, let role):
            let name = who?.lowercased() ?? principal
            let before = roles.count
            roles.removeAll { $0.principal == name && (role == nil || $0.role == role?.lowercased()) }
            return roles.count == before ? "principal '\(who ?? principal)' has no such role assignment" : nil
        case .denyNetworkAccess(let trusted):
            if firewall == .deny(allowTrustedServices: trusted) { return "the same firewall rule is already in place" }
            firewall = .deny(allowTrustedServices: trusted)
            return nil
        case .allowNetworkAccess:
            if firewall == .open { return "the vault's network access is already open" }
            firewall = .open
            return nil
        default:
            return keyAction(action, at: time)
        }
    }

    private mutating func keyAction(_ action: TimelineAction, at time: SimTime) -> String? {
        guard let name = action.keyName,
            let index = keys.firstIndex(where: { $0.name.lowercased() == name.lowercased() })
        else { return nil }
        age(&keys[index].presence, at: time)
        let key = keys[index]
        switch (key.presence, action) {
        case (.unknown, _):
            return nil
        case (.purged, _):
            return "key '\(key.name)' is purged by then"
        case (.deleted, .recoverKey):
            keys[index].presence = .present
            return nil
        case (.deleted, .purgeKey):
            if purgeProtection { return "purge protection is on, so Key Vault rejects the purge" }
            keys[index].presence = .purged
            return nil
        case (.deleted, _):
            return "key '\(key.name)' is soft-deleted then, and Key Vault accepts only recoverKey and purgeKey"
        case (.present, .recoverKey):
            return "key '\(key.name)' is not deleted then"
        case (.present, .purgeKey):
            return "key '\(key.name)' is not soft-deleted then, so Key Vault rejects the purge"
        case (.present, .deleteKey):
            keys[index].presence = softDelete ? .deleted(at: time) : .purged
            return nil
        case (.present, .addKeyVersion(_, let version)):
            let id = version.id.lowercased()
            if key.versions.contains(where: { $0.id == id }) {
                return "key '\(key.name)' already has version '\(version.id)'"
            }
            keys[index].versions.append((id, version.enabled))
            return nil
        case (.present, .enableKey(_, let version)), (.present, .disableKey(_, let version)):
            var enable = false
            if case .enableKey = action { enable = true }
            return setEnabled(enable, version, key: index)
        case (.present, .setKeyExpiry(_, let version, _)):
            guard version != nil || !key.rotates, let version = version ?? key.versions.last?.id else {
                return key.rotates ? nil : "key '\(key.name)' has no version then"
            }
            return versionIndex(version, key: index) == nil ? missingVersion(version, key.name) : nil
        default:
            return nil
        }
    }

    private mutating func setEnabled(_ enable: Bool, _ written: String?, key index: Int) -> String? {
        let key = keys[index]
        if written == nil, key.rotates { return nil }
        guard let version = written ?? key.versions.last?.id else { return "key '\(key.name)' has no version then" }
        guard let versionIndex = versionIndex(version, key: index) else { return missingVersion(version, key.name) }
        if keys[index].versions[versionIndex].enabled == enable {
            return "version '\(version)' of key '\(key.name)' is already \(enable ? "enabled" : "disabled") then"
        }
        keys[index].versions[versionIndex].enabled = enable
        return nil
    }

    private func versionIndex(_ version: String, key index: Int) -> Int? {
        keys[index].versions.firstIndex { $0.id == version.lowercased() }
    }

    /// A version the key does not have yet; `nil` (unknown) for a rotating key's automatic versions.
    private func missingVersion(_ version: String, _ key: String) -> String? {
        let rotating = keys.first { $0.name == key }?.rotates ?? false
        if rotating, TimelineChecks.isAutomaticVersion(version) { return nil }
        return "key '\(key)' has no version '\(version)' then (it is added later)"
    }

}
