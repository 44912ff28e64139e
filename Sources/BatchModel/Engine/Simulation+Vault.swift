import SimulationKernel

extension Simulation {
    /// Key Vault actions (SPEC §2 rules 7 and 15). `VaultState.apply` decides; this logs the verdict
    /// and schedules what the outcome asks for. A refused action is logged as a vault rejection; it
    /// is not one of `account.rejectedOperations`.
    mutating func performVaultAction(_ action: TimelineAction, entry index: Int) {
        let outcome = vault.apply(action, principal: account.config.principal, at: now)
        switch outcome.effect {
        case .none:
            break
        case .retention(let until, let generation):
            let purge: QueuedEvent =
                outcome.entity == .vault
                ? .vaultRetention(generation: generation)
                : .keyRetention(key: Int32(index: outcome.index), generation: generation)
            schedule(purge, at: until)
        case .versionAdded(let version):
            versionAdded(key: outcome.index, version: version)
        case .versionDatesChanged(let version):
            scheduleVersionDates(key: outcome.index, version: version)
        }
        emit(outcome.entity, outcome.index, outcome.accepted ? .actionApplied : .actionRejected, detail: Int64(index))
        if outcome.accepted { requestAccountStep() }
    }

    private mutating func versionAdded(key: Int, version: Int) {
        emit(.key, key, .versionAdded, detail: Int64(version))
        scheduleVersionDates(key: key, version: version)
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
        guard vault.endKeyRetention(key, generation: generation) else { return }
        emit(.key, key, .retentionPurged)
        requestAccountStep()
    }

    /// A soft-deleted vault's retention ran out: it is purged with its keys.
    mutating func vaultRetentionEnded(generation: UInt32) {
        guard vault.endVaultRetention(generation: generation) else { return }
        emit(.vault, 0, .retentionPurged)
        requestAccountStep()
    }

    /// The rotation policy's `number`-th turn (SPEC §2 rule 16): schedules the next one, then
    /// adds version `auto-N` unless the key or vault is deleted.
    mutating func rotate(key: Int, number: Int) {
        guard let next = vault.rotationTime(key: key, number: number + 1) else { return }
        schedule(.rotation(key: Int32(index: key), number: Int32(index: number + 1)), at: next)
        guard let version = vault.rotate(key: key, number: number) else { return }
        versionAdded(key: key, version: version)
        requestAccountStep()
    }
}
