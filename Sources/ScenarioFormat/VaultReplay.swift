internal import BatchModel
internal import SimulationKernel

/// Replays a timeline through the model's own Key Vault state machine (`VaultState`), simulating
/// nothing else, to find the actions that certainly have no effect (SPEC §2 rules 7 and 15): those
/// Key Vault refuses and those it accepts without changing anything. The reasons are the model's
/// (`VaultNoEffect`), so a warning and the engine's vault rejection cannot disagree.
///
/// What changes the vault without an action is replayed too, as the engine does it: a retention purge
/// and a rotation due strictly before an action's time happen before it (both come after the
/// instant's actions, SPEC §2 rule 16, so at exactly deletion + retention the entity is still
/// soft-deleted), and nothing due after the run's end (horizon or cap) happens.
///
/// Two judgements stay conservative, as they always were: an action meaning the newest version of a
/// rotating key (no `version:`), whose answer changes at every rotation, and an `auto-N` version a
/// rotating key does not have yet, which it gets only if the run lasts. Neither is warned about.
/// Control-plane actions and `submitTasks` are not judged: their rejection is itself an effect; nor is
/// `preemptNodes`, which never reaches the vault (`TimelineChecks` judges it against the pool).
struct VaultReplay {
    /// What comes due by itself: a retention purge or a rotation.
    private enum Timer: Sendable {
        case keyRetention(key: Int, generation: UInt32)
        case vaultRetention(generation: UInt32)
        case rotation(key: Int, number: Int)
    }

    /// Within one instant retention purges come before rotations (SPEC §2 rule 16).
    private enum Phase {
        static let retention: UInt8 = 0
        static let rotation: UInt8 = 1
    }

    private var vault: VaultState
    private var timers = EventQueue<Timer>()
    private let principal: String
    /// The latest time anything happens in a run of the scenario.
    private let end: SimTime

    init(_ scenario: Scenario) {
        vault = VaultState(scenario.keyVault)
        principal = scenario.account.principal
        end = scenario.horizon ?? Scenario.cap
        for key in 0..<vault.keyCount {
            guard let first = vault.rotationTime(key: key, number: 1) else { continue }
            timers.schedule(at: first, phase: Phase.rotation, .rotation(key: key, number: 1))
        }
    }

    /// Applies `action` at `time` (actions in time order, file order within an instant); returns why
    /// it has no effect, or nil when it may have one.
    mutating func apply(_ action: TimelineAction, at time: SimTime) -> VaultNoEffect? {
        guard !action.isControlPlane, !isWorkload(action) else { return nil }
        advance(before: time)
        let outcome = vault.apply(action, principal: principal, at: time)
        if case .retention(let until, let generation) = outcome.effect {
            let timer: Timer =
                outcome.entity == .vault
                ? .vaultRetention(generation: generation) : .keyRetention(key: outcome.index, generation: generation)
            timers.schedule(at: until, phase: Phase.retention, timer)
        }
        guard let reason = outcome.noEffect, !isLeftUnjudged(reason, of: action, outcome: outcome) else { return nil }
        return reason
    }

    /// Workload and capacity actions, which the vault never sees.
    private func isWorkload(_ action: TimelineAction) -> Bool {
        switch action {
        case .submitTasks, .preemptNodes: true
        default: false
        }
    }

    /// Fires every retention purge and rotation due before `time`, in the engine's order.
    private mutating func advance(before time: SimTime) {
        while let next = timers.first, next.time < time, next.time <= end {
            _ = timers.popFirst()
            switch next.payload {
            case .keyRetention(let key, let generation):
                _ = vault.endKeyRetention(key, generation: generation)
            case .vaultRetention(let generation):
                _ = vault.endVaultRetention(generation: generation)
            case .rotation(let key, let number):
                if let following = vault.rotationTime(key: key, number: number + 1) {
                    timers.schedule(at: following, phase: Phase.rotation, .rotation(key: key, number: number + 1))
                }
                _ = vault.rotate(key: key, number: number)
            }
        }
    }

    /// The conservative judgements about rotating keys (see the type's documentation).
    private func isLeftUnjudged(_ reason: VaultNoEffect, of action: TimelineAction, outcome: VaultOutcome) -> Bool {
        guard outcome.entity == .key, vault.rotationTime(key: outcome.index, number: 1) != nil else { return false }
        switch reason {
        case .noVersion, .versionAlreadyEnabled, .versionAlreadyDisabled:
            return TimelineChecks.versionReference(action)?.version == nil
        case .versionMissing(_, let version):
            return TimelineChecks.isAutomaticVersion(version)
        default:
            return false
        }
    }
}
