public import SimulationKernel

extension VaultState {
    /// Applies one Key Vault timeline action at `time` and says what Key Vault made of it (SPEC §2
    /// rules 7, 13 and 15). `principal` is the account's principal, meant by actions that name none.
    ///
    /// The checks come in Key Vault's order: a missing or purged vault refuses everything; a
    /// soft-deleted vault accepts only `recoverVault` and `purgeVault`; then the vault's own settings;
    /// then the key: a purged key refuses everything, a soft-deleted one accepts only `recoverKey`
    /// and `purgeKey`, and version actions need the version. Nothing here logs or schedules: the
    /// outcome's `effect` says what the caller must schedule.
    public mutating func apply(_ action: TimelineAction, principal: String, at time: SimTime) -> VaultOutcome {
        guard declared else { return .vault(.rejected(.noKeyVault)) }
        guard !purged else { return .vault(.rejected(.vaultPurged)) }
        switch action {
        case .recoverVault:
            guard deleted else { return .vault(.rejected(.vaultNotDeleted)) }
            deleted = false
            deleteGeneration &+= 1
            return .vault(.changed)
        case .purgeVault:
            guard deleted else { return .vault(.rejected(.vaultNotSoftDeleted)) }
            guard !purgeProtection else { return .vault(.rejected(.purgeProtected)) }
            purged = true
            return .vault(.changed)
        default:
            break
        }
        guard !deleted else { return .vault(.rejected(.vaultSoftDeleted)) }
        switch action {
        case .deleteVault:
            deleted = true
            deleteGeneration &+= 1
            // Soft-deleting a vault removes its RBAC role assignments for good (SPEC §1).
            roleAssignments.removeAll()
            guard softDelete else {
                purged = true
                return .vault(.changed)
            }
            return .vault(.changed, .retention(until: time + retention, generation: deleteGeneration))
        case .setAccessPolicy, .removeAccessPolicy, .assignRole, .removeRoleAssignment:
            return applyAuthorisation(action, principal: principal)
        case .denyNetworkAccess(let allowTrustedServices):
            let rule = Firewall.deny(allowTrustedServices: allowTrustedServices)
            guard firewall != rule else { return .vault(.unchanged(.sameFirewallRule)) }
            firewall = rule
            return .vault(.changed)
        case .allowNetworkAccess:
            guard firewall != .open else { return .vault(.unchanged(.networkAlreadyOpen)) }
            firewall = .open
            return .vault(.changed)
        default:
            return applyToKey(action, at: time)
        }
    }

    /// Access policies and role assignments. `setAccessPolicy` replaces the principal's permissions
    /// (no merge); `assignRole` of an existing assignment changes nothing.
    private mutating func applyAuthorisation(_ action: TimelineAction, principal: String) -> VaultOutcome {
        /// How messages name the principal: as the action writes it, else the account's, lowercased.
        func shown(_ written: String?) -> String { written ?? principal.lowercased() }
        switch action {
        case .setAccessPolicy(let who, let permissions):
            let name = (who ?? principal).lowercased()
            let wanted = Set(permissions.map { $0.lowercased() })
            guard accessPolicies[name] != wanted else {
                return .vault(.unchanged(.samePermissions(principal: shown(who))))
            }
            accessPolicies[name] = wanted
            return .vault(.changed)
        case .removeAccessPolicy(let who):
            guard accessPolicies.removeValue(forKey: (who ?? principal).lowercased()) != nil else {
                return .vault(.rejected(.noAccessPolicy(principal: shown(who))))
            }
            return .vault(.changed)
        case .assignRole(let who, let role):
            let assignment = (
                principal: (who ?? principal).lowercased(), role: (role ?? RoleAssignment.defaultRole).lowercased()
            )
            guard !roleAssignments.contains(where: { $0 == assignment }) else {
                let written = role ?? RoleAssignment.defaultRole
                return .vault(.unchanged(.roleAlreadyAssigned(principal: shown(who), role: written)))
            }
            roleAssignments.append(assignment)
            return .vault(.changed)
        case .removeRoleAssignment(let who, let role):
            let name = (who ?? principal).lowercased()
            let before = roleAssignments.count
            roleAssignments.removeAll { $0.principal == name && (role == nil || $0.role == role?.lowercased()) }
            guard roleAssignments.count < before else {
                return .vault(.rejected(.noSuchRoleAssignment(principal: shown(who))))
            }
            return .vault(.changed)
        default:
            return .vault(.rejected(.notVaultAction(action: action.name)))
        }
    }

    /// Key actions. A key that is unknown or purged is refused on the vault's behalf (entity `.vault`),
    /// as Key Vault reports no such key.
    private mutating func applyToKey(_ action: TimelineAction, at time: SimTime) -> VaultOutcome {
        guard let keyName = action.keyName else { return .vault(.rejected(.notVaultAction(action: action.name))) }
        guard let key = keyIndex(keyName) else { return .vault(.rejected(.unknownKey(key: keyName))) }
        let shown = keys[key].declaredName
        guard !keys[key].purged else { return .vault(.rejected(.keyPurged(key: shown))) }
        switch action {
        case .recoverKey:
            guard keys[key].deleted else { return .key(key, .rejected(.keyNotDeleted(key: shown))) }
            keys[key].deleted = false
            keys[key].deleteGeneration &+= 1
            return .key(key, .changed)
        case .purgeKey:
            guard keys[key].deleted else { return .key(key, .rejected(.keyNotSoftDeleted(key: shown))) }
            guard !purgeProtection else { return .key(key, .rejected(.purgeProtected)) }
            keys[key].purged = true
            return .key(key, .changed)
        default:
            break
        }
        guard !keys[key].deleted else { return .key(key, .rejected(.keySoftDeleted(key: shown))) }
        switch action {
        case .disableKey(_, let version), .enableKey(_, let version):
            guard let index = keys[key].versionIndex(version) else {
                return .key(key, .rejected(missing(version, key)))
            }
            var enable = false
            if case .enableKey = action { enable = true }
            guard keys[key].versions[index].enabled != enable else {
                let named = version ?? keys[key].versions[index].id
                return .key(
                    key,
                    .unchanged(
                        enable
                            ? .versionAlreadyEnabled(key: shown, version: named)
                            : .versionAlreadyDisabled(key: shown, version: named)))
            }
            keys[key].versions[index].enabled = enable
            return .key(key, .changed)
        case .addKeyVersion(_, let version):
            let id = version.id.lowercased()
            guard !keys[key].hasVersion(id) else {
                return .key(key, .rejected(.versionExists(key: shown, version: version.id)))
            }
            keys[key].append(
                Version(id: id, enabled: version.enabled, expires: version.expires, notBefore: version.notBefore))
            return .key(key, .changed, .versionAdded(version: keys[key].versions.count - 1))
        case .setKeyExpiry(_, let version, let expires):
            guard let index = keys[key].versionIndex(version) else {
                return .key(key, .rejected(missing(version, key)))
            }
            keys[key].versions[index].expires = expires
            keys[key].versions[index].expiryGeneration &+= 1
            return .key(key, .changed, expires == nil ? .none : .versionDatesChanged(version: index))
        case .deleteKey:
            keys[key].deleted = true
            keys[key].deleteGeneration &+= 1
            guard softDelete else {
                keys[key].purged = true
                return .key(key, .changed)
            }
            return .key(key, .changed, .retention(until: time + retention, generation: keys[key].deleteGeneration))
        default:
            return .key(key, .rejected(.notVaultAction(action: action.name)))
        }
    }

    /// Why a version action finds no version: the key has none (for the newest), or not this one.
    private func missing(_ version: String?, _ key: Int) -> VaultNoEffect {
        guard let version else { return .noVersion(key: keys[key].declaredName) }
        return .versionMissing(key: keys[key].declaredName, version: version)
    }
}
