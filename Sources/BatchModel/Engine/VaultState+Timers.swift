public import SimulationKernel

extension VaultState {
    /// How long a soft-deleted vault or key stays recoverable before Key Vault purges it.
    public var retention: SimTime { SimTime(retentionDays) * SimTime.millisecondsPerDay }

    /// How many keys the vault declares; keys are numbered from 0 in declaration order.
    public var keyCount: Int { keys.count }

    /// A soft-deleted key's retention ran out (SPEC §2 "Account states"): purges it, unless it was
    /// recovered since (its delete generation moved on) or is gone with a purged vault. Returns
    /// whether the key was purged now.
    public mutating func endKeyRetention(_ key: Int, generation: UInt32) -> Bool {
        guard keys[key].deleted, !keys[key].purged, keys[key].deleteGeneration == generation, !purged else {
            return false
        }
        keys[key].purged = true
        return true
    }

    /// A soft-deleted vault's retention ran out: purges it with its keys, unless it was recovered
    /// since. Returns whether the vault was purged now.
    public mutating func endVaultRetention(generation: UInt32) -> Bool {
        guard deleted, !purged, deleteGeneration == generation else { return false }
        purged = true
        return true
    }

    /// When the rotation policy of `key` adds its `number`-th version: `number` · `rotateEvery`
    /// (SPEC §2 rule 16); nil when the key does not rotate.
    public func rotationTime(key: Int, number: Int) -> SimTime? {
        guard let every = keys[key].rotateEvery, every > 0 else { return nil }
        return SimTime(number) * every
    }

    /// The rotation policy's `number`-th turn: adds the enabled version `auto-N` unless the key or
    /// its vault is deleted (the schedule goes on regardless). Returns the new version's index.
    public mutating func rotate(key: Int, number: Int) -> Int? {
        guard keys[key].rotateEvery != nil, declared, !deleted, !purged, !keys[key].deleted, !keys[key].purged else {
            return nil
        }
        keys[key].append(Version(id: "auto-\(number)", enabled: true))
        return keys[key].versions.count - 1
    }
}
