import SimulationKernel

extension Simulation {
    /// Key Vault actions (SPEC §2 rules 7 and 15). A refused action is logged as a vault
    /// rejection; it is not one of `account.rejectedOperations`.
    mutating func performVaultAction(_ action: TimelineAction, entry index: Int) {
        let applied = applyVaultAction(action)
        emit(
            applied.entity,
            applied.index,
            applied.accepted ? .actionApplied : .actionRejected,
            detail: Int64(index)
        )
        if applied.accepted { requestAccountStep() }
    }

    private typealias Outcome = (accepted: Bool, entity: EntityKind, index: Int)

    private mutating func applyVaultAction(_ action: TimelineAction) -> Outcome {
        let vaultOutcome: (Bool) -> Outcome = { ($0, .vault, 0) }
        guard vault.declared, !vault.purged else {
            if case .recoverVault = action { return vaultOutcome(false) }
            return vaultOutcome(false)
        }
        switch action {
        case .recoverVault:
            guard vault.deleted else { return vaultOutcome(false) }
            vault.deleted = false
            vault.deleteGeneration &+= 1
            return vaultOutcome(true)
        case .purgeVault:
            guard vault.deleted, !vault.purgeProtection else { return vaultOutcome(false) }
            vault.purged = true
            return vaultOutcome(true)
        default:
            break
        }
        guard !vault.deleted else { return vaultOutcome(false) }
        switch action {
        case .deleteVault:
            vault.deleted = true
            vault.deleteGeneration &+= 1
            // Soft-deleting a vault removes its RBAC role assignments for good (SPEC §1).
            vault.roleAssignments.removeAll()
            if vault.softDelete {
                schedule(
                    .vaultRetention,
                    at: now + SimTime(vault.retentionDays) * SimTime.millisecondsPerDay,
                    phase: Phase.vaultDates,
                    a: 0,
                    generation: vault.deleteGeneration
                )
            } else {
                vault.purged = true
            }
            return vaultOutcome(true)
        case .setAccessPolicy(let principal, let permissions):
            vault.accessPolicies[principalName(principal)] = Set(permissions.map { $0.lowercased() })
            return vaultOutcome(true)
        case .removeAccessPolicy(let principal):
            return vaultOutcome(vault.accessPolicies.removeValue(forKey: principalName(principal)) != nil)
        case .assignRole(let principal, let role):
            let assignment = (
                principal: principalName(principal), role: (role ?? RoleAssignment.defaultRole).lowercased()
            )
            if !vault.roleAssignments.contains(where: { $0 == assignment }) { vault.roleAssignments.append(assignment) }
            return vaultOutcome(true)
        case .removeRoleAssignment(let principal, let role):
            let name = principalName(principal)
            let before = vault.roleAssignments.count
            vault.roleAssignments.removeAll { $0.principal == name && (role == nil || $0.role == role?.lowercased()) }
            return vaultOutcome(vault.roleAssignments.count < before)
        case .denyNetworkAccess(let allowTrustedServices):
            vault.firewall = .deny(allowTrustedServices: allowTrustedServices)
            return vaultOutcome(true)
        case .allowNetworkAccess:
            vault.firewall = .open
            return vaultOutcome(true)
        default:
            return applyKeyAction(action)
        }
    }

    private func principalName(_ principal: String?) -> String {
        (principal ?? account.principal).lowercased()
    }

    private mutating func applyKeyAction(_ action: TimelineAction) -> Outcome {
        guard let name = action.keyName, let key = vault.keyIndex(name), !vault.keys[key].purged else {
            return (false, .vault, 0)
        }
        let outcome: (Bool) -> Outcome = { ($0, .key, key) }
        switch action {
        case .recoverKey:
            guard vault.keys[key].deleted else { return outcome(false) }
            vault.keys[key].deleted = false
            vault.keys[key].deleteGeneration &+= 1
            return outcome(true)
        case .purgeKey:
            guard vault.keys[key].deleted, !vault.purgeProtection else { return outcome(false) }
            vault.keys[key].purged = true
            return outcome(true)
        default:
            break
        }
        guard !vault.keys[key].deleted else { return outcome(false) }
        switch action {
        case .disableKey(_, let version), .enableKey(_, let version):
            guard let versionIndex = vault.keys[key].versionIndex(version) else { return outcome(false) }
            if case .enableKey = action {
                vault.keys[key].versions[versionIndex].enabled = true
            } else {
                vault.keys[key].versions[versionIndex].enabled = false
            }
            return outcome(true)
        case .addKeyVersion(_, let version):
            let id = version.id.lowercased()
            guard !vault.keys[key].versions.contains(where: { $0.id == id }) else { return outcome(false) }
            addVersion(
                key: key,
                VaultState.Version(
                    id: id, enabled: version.enabled, expires: version.expires, notBefore: version.notBefore)
            )
            return outcome(true)
        case .setKeyExpiry(_, let version, let expires):
            guard let versionIndex = vault.keys[key].versionIndex(version) else { return outcome(false) }
            vault.keys[key].versions[versionIndex].expires = expires
            vault.keys[key].versions[versionIndex].expiryGeneration &+= 1
            if expires != nil { scheduleVersionDates(key: key, version: versionIndex) }
            return outcome(true)
        case .deleteKey:
            vault.keys[key].deleted = true
            vault.keys[key].deleteGeneration &+= 1
            if vault.softDelete {
                schedule(
                    .keyRetention,
                    at: now + SimTime(vault.retentionDays) * SimTime.millisecondsPerDay,
                    phase: Phase.vaultDates,
                    a: key,
                    generation: vault.keys[key].deleteGeneration
                )
            } else {
                vault.keys[key].purged = true
            }
            return outcome(true)
        default:
            return outcome(false)
        }
    }

    private mutating func addVersion(key: Int, _ version: VaultState.Version) {
        vault.keys[key].versions.append(version)
        let versionIndex = vault.keys[key].versions.count - 1
        emit(.key, key, .versionAdded, detail: Int64(versionIndex))
        scheduleVersionDates(key: key, version: versionIndex)
    }

    /// A version's expiry date passed: always logged; it blocks access only with
    /// `expiredKeyBlocksAccess` (SPEC §2 "Key accessibility").
    mutating func versionExpired(key: Int, version: Int, _ generation: UInt32) {
        guard vault.keys[key].versions[version].expiryGeneration == generation else { return }
        emit(.key, key, .versionExpired, detail: Int64(version))
        requestAccountStep()
    }

    /// A soft-deleted key's retention ran out: it is purged.
    mutating func keyRetentionEnded(_ key: Int, generation: UInt32) {
        guard vault.keys[key].deleted, !vault.keys[key].purged, vault.keys[key].deleteGeneration == generation,
            !vault.purged
        else { return }
        vault.keys[key].purged = true
        emit(.key, key, .retentionPurged)
        requestAccountStep()
    }

    /// A soft-deleted vault's retention ran out: it is purged with its keys.
    mutating func vaultRetentionEnded(generation: UInt32) {
        guard vault.deleted, !vault.purged, vault.deleteGeneration == generation else { return }
        vault.purged = true
        emit(.vault, 0, .retentionPurged)
        requestAccountStep()
    }

    /// The rotation policy adds version `auto-N` at N·D unless the key or vault is deleted;
    /// the schedule goes on regardless (SPEC §2 rule 16).
    mutating func rotate(key: Int, number: Int) {
        guard let every = vault.keys[key].rotateEvery else { return }
        schedule(.rotation, at: SimTime(number + 1) * every, phase: Phase.rotations, a: key, b: number + 1)
        guard vault.declared, !vault.deleted, !vault.purged, !vault.keys[key].deleted, !vault.keys[key].purged else {
            return
        }
        addVersion(key: key, VaultState.Version(id: "auto-\(number)", enabled: true))
        requestAccountStep()
    }
}
