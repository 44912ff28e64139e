public import SimulationKernel

/// What Key Vault made of one timeline action, as `VaultState.apply` decides it (SPEC §2 rules 7
/// and 15). The one decision serves two readers: the engine turns it into events and timers, and
/// the loader's validation turns `noEffect` into a "has no effect" warning.
public struct VaultOutcome: Hashable, Sendable {
    /// Whether Key Vault took the action and whether the vault changed.
    public enum Verdict: Hashable, Sendable {
        /// Accepted, and the vault changed.
        case changed
        /// Accepted, but the vault is exactly as it was (enabling an enabled version, say).
        case unchanged(VaultNoEffect)
        /// Refused: a vault rejection, logged but not one of `account.rejectedOperations`.
        case rejected(VaultNoEffect)
    }

    /// What the engine must do besides logging the verdict. Only a `changed` action has one.
    public enum Effect: Hashable, Sendable {
        case none
        /// The vault or key (`entity`, `index`) is soft-deleted: its retention purge falls due at
        /// `until`, and stands only while its delete generation is still `generation` (a recovery
        /// bumps it).
        case retention(until: SimTime, generation: UInt32)
        /// Version `version` of key `index` was added: log `versionAdded` and schedule its dates.
        case versionAdded(version: Int)
        /// Version `version` of key `index` has a new expiry: schedule its dates again.
        case versionDatesChanged(version: Int)
    }

    /// `.vault` or `.key`: what the engine's `actionApplied`/`actionRejected` event is about.
    public var entity: EntityKind
    /// The key's index in the vault for `.key`; 0 for `.vault`.
    public var index: Int
    public var verdict: Verdict
    public var effect: Effect

    public init(entity: EntityKind, index: Int, verdict: Verdict, effect: Effect = .none) {
        self.entity = entity
        self.index = index
        self.verdict = verdict
        self.effect = effect
    }

    /// Whether Key Vault accepted the action (changed or not).
    public var accepted: Bool {
        if case .rejected = verdict { return false }
        return true
    }

    /// Why the action has no effect, or nil when it changed the vault.
    public var noEffect: VaultNoEffect? {
        switch verdict {
        case .changed: nil
        case .unchanged(let reason), .rejected(let reason): reason
        }
    }

    static func vault(_ verdict: Verdict, _ effect: Effect = .none) -> Self {
        Self(entity: .vault, index: 0, verdict: verdict, effect: effect)
    }

    static func key(_ index: Int, _ verdict: Verdict, _ effect: Effect = .none) -> Self {
        Self(entity: .key, index: index, verdict: verdict, effect: effect)
    }
}
