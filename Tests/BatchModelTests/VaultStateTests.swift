import BatchModel
import SimulationKernel
import Testing

/// Drives one `VaultState` as the account `acct` would see it (a class, so that `#expect` can call
/// its mutating methods).
private final class Vault {
    var state: VaultState
    static let account = AccountConfig(
        name: "acct", keyIdentifier: KeyIdentifier("https://kv.vault.azure.net/keys/cmk/v1"))

    init(_ config: KeyVaultConfig?) {
        state = VaultState(config)
    }

    func apply(_ action: TimelineAction, at time: SimTime = 0, principal: String = "acct") -> VaultOutcome {
        state.apply(action, principal: principal, at: time)
    }

    func endKeyRetention(_ key: Int, generation: UInt32) -> Bool {
        state.endKeyRetention(key, generation: generation)
    }

    func endVaultRetention(generation: UInt32) -> Bool {
        state.endVaultRetention(generation: generation)
    }

    func rotate(key: Int, number: Int) -> Int? {
        state.rotate(key: key, number: number)
    }

    /// Why `acct` cannot use `kv/cmk/v1` at `time`, or nil.
    func problem(at time: SimTime = 0) -> AccessProblem? {
        state.accessProblem(for: Self.account, at: time)
    }
}

/// `VaultState.apply` and its timers on their own, outcome by outcome (SPEC §2 "Key accessibility",
/// rules 7, 13, 15 and 16): the one Key Vault state machine that both the engine and the loader's
/// warnings use. Expectations are written out by hand.
struct VaultStateTests {
    static let day = SimTime.millisecondsPerDay
    static let hour = SimTime.millisecondsPerHour

    /// A vault `kv` with key `cmk` (v1 enabled, then v0 disabled, the newest) and key `spin` rotating
    /// hourly, granting `acct` the three key permissions (access policy) or the default role (RBAC).
    private static func vault(rbac: Bool = false, softDelete: Bool = true, purgeProtection: Bool = true) -> Vault {
        Vault(
            KeyVaultConfig(
                name: "kv",
                permissionModel: rbac ? .rbac : .accessPolicy,
                softDelete: softDelete,
                purgeProtection: purgeProtection,
                retentionDays: 7,
                accessPolicies: rbac
                    ? [] : [AccessPolicy(principal: "acct", keyPermissions: ["get", "wrapKey", "unwrapKey"])],
                roleAssignments: rbac ? [RoleAssignment(principal: "acct", role: RoleAssignment.defaultRole)] : [],
                keys: [
                    KeyConfig(
                        name: "cmk", versions: [KeyVersionConfig(id: "v1"), KeyVersionConfig(id: "v0", enabled: false)]),
                    KeyConfig(name: "spin", versions: [KeyVersionConfig(id: "s1")], rotateEvery: hour),
                ]))
    }

    @Test func purgingASoftDeletedKeyUnderPurgeProtectionIsRejected() {
        let vault = Self.vault()
        #expect(
            vault.apply(.deleteKey(key: "cmk"), at: Self.hour)
                == VaultOutcome(
                    entity: .key, index: 0, verdict: .changed,
                    effect: .retention(until: Self.hour + 7 * Self.day, generation: 1)))
        let purge = vault.apply(.purgeKey(key: "cmk"), at: 2 * Self.hour)
        #expect(purge == VaultOutcome(entity: .key, index: 0, verdict: .rejected(.purgeProtected)))
        #expect(!purge.accepted)
        #expect(purge.noEffect?.description == "purge protection is on, so Key Vault rejects the purge")
        #expect(vault.problem(at: 2 * Self.hour) == .keyDeleted)
    }

    @Test func purgingWithoutPurgeProtectionNeedsASoftDeletedKey() {
        let vault = Self.vault(purgeProtection: false)
        #expect(
            vault.apply(.purgeKey(key: "CMK"))
                == VaultOutcome(entity: .key, index: 0, verdict: .rejected(.keyNotSoftDeleted(key: "cmk"))))
        #expect(vault.apply(.deleteKey(key: "cmk")).verdict == .changed)
        #expect(vault.apply(.purgeKey(key: "cmk")).verdict == .changed)
        // A purged key is refused on the vault's behalf, whatever the action.
        #expect(
            vault.apply(.recoverKey(key: "cmk"), at: 1)
                == VaultOutcome(entity: .vault, index: 0, verdict: .rejected(.keyPurged(key: "cmk"))))
        #expect(vault.problem(at: 1) == .keyMissing)
    }

    @Test func enablingAnEnabledVersionIsAcceptedButChangesNothing() {
        let vault = Self.vault()
        let outcome = vault.apply(.enableKey(key: "cmk", version: "V1"))
        #expect(
            outcome
                == VaultOutcome(
                    entity: .key, index: 0, verdict: .unchanged(.versionAlreadyEnabled(key: "cmk", version: "V1"))))
        #expect(outcome.accepted)
        #expect(
            outcome.noEffect?.description == "version 'V1' of key 'cmk' is already enabled then")
        // Without `version:` the newest version (v0, disabled) is meant, named as stored.
        #expect(
            vault.apply(.disableKey(key: "cmk", version: nil)).verdict
                == .unchanged(.versionAlreadyDisabled(key: "cmk", version: "v0")))
        #expect(vault.apply(.enableKey(key: "cmk", version: nil)).verdict == .changed)
        #expect(
            vault.apply(.enableKey(key: "cmk", version: "v9")).verdict
                == .rejected(.versionMissing(key: "cmk", version: "v9")))
    }

    @Test func deletingAnRBACVaultDropsItsRoleAssignmentsAndRecoveringItDoesNotRestoreThem() {
        let vault = Self.vault(rbac: true)
        #expect(vault.problem() == nil)
        #expect(
            vault.apply(.deleteVault, at: Self.hour)
                == VaultOutcome(
                    entity: .vault, index: 0, verdict: .changed,
                    effect: .retention(until: Self.hour + 7 * Self.day, generation: 1)))
        #expect(
            vault.apply(.assignRole(principal: nil, role: nil), at: Self.hour).verdict == .rejected(.vaultSoftDeleted))
        #expect(vault.apply(.recoverVault, at: 2 * Self.hour).verdict == .changed)
        #expect(vault.problem(at: 2 * Self.hour) == .permissionMissing)
        #expect(
            vault.apply(.removeRoleAssignment(principal: nil, role: nil), at: 2 * Self.hour, principal: "ACCT")
                == VaultOutcome(
                    entity: .vault, index: 0, verdict: .rejected(.noSuchRoleAssignment(principal: "acct"))))
        #expect(vault.apply(.assignRole(principal: nil, role: nil), at: 3 * Self.hour).verdict == .changed)
        #expect(vault.problem(at: 3 * Self.hour) == nil)
    }

    @Test func accessPoliciesSurviveADeleteAndRecover() {
        let vault = Self.vault()
        #expect(vault.apply(.deleteVault).verdict == .changed)
        #expect(vault.problem() == .vaultDeleted)
        #expect(vault.apply(.recoverVault, at: 1).verdict == .changed)
        #expect(vault.problem(at: 1) == nil)
    }

    @Test func aRetentionPurgeDueAtExactlyTheBoundaryComesAfterThatInstantsActions() {
        let vault = Self.vault()
        let boundary = Self.hour + 7 * Self.day
        #expect(vault.apply(.deleteKey(key: "cmk"), at: Self.hour).effect == .retention(until: boundary, generation: 1))
        // The vault does not purge by itself: an action at the boundary (phase 2) still finds the
        // key soft-deleted; the purge comes with the timer (phase 21).
        #expect(
            vault.apply(.enableKey(key: "cmk", version: nil), at: boundary).verdict
                == .rejected(.keySoftDeleted(key: "cmk")))
        #expect(vault.endKeyRetention(0, generation: 1))
        #expect(!vault.endKeyRetention(0, generation: 1), "a key is purged once")
        #expect(vault.apply(.recoverKey(key: "cmk"), at: boundary + 1).verdict == .rejected(.keyPurged(key: "cmk")))
    }

    @Test func recoveringAKeyVoidsItsRetentionPurge() {
        let vault = Self.vault()
        #expect(vault.apply(.deleteKey(key: "cmk")).verdict == .changed)
        #expect(vault.apply(.recoverKey(key: "cmk"), at: 1).verdict == .changed)
        #expect(vault.apply(.deleteKey(key: "cmk"), at: 2).effect == .retention(until: 2 + 7 * Self.day, generation: 3))
        #expect(!vault.endKeyRetention(0, generation: 1), "the first deletion's purge is void")
        #expect(vault.endKeyRetention(0, generation: 3))
    }

    @Test func aVaultsRetentionPurgeTakesItsKeysWithIt() {
        let vault = Self.vault()
        #expect(vault.apply(.deleteVault).verdict == .changed)
        #expect(vault.endVaultRetention(generation: 1))
        #expect(vault.apply(.recoverVault, at: 1).verdict == .rejected(.vaultPurged))
        #expect(vault.apply(.enableKey(key: "cmk", version: nil), at: 1).verdict == .rejected(.vaultPurged))
        #expect(vault.problem(at: 1) == .vaultMissing)
    }

    @Test func deletingWithoutSoftDeletePurgesAtOnceEvenUnderPurgeProtection() {
        let vault = Self.vault(softDelete: false, purgeProtection: true)
        #expect(
            vault.apply(.deleteKey(key: "cmk"))
                == VaultOutcome(entity: .key, index: 0, verdict: .changed, effect: .none))
        #expect(vault.problem() == .keyMissing)
        #expect(vault.apply(.deleteVault) == VaultOutcome(entity: .vault, index: 0, verdict: .changed, effect: .none))
        #expect(vault.apply(.recoverVault).verdict == .rejected(.vaultPurged))
    }

    @Test func aSoftDeletedVaultAcceptsOnlyRecoveryAndPurge() {
        let vault = Self.vault()
        #expect(vault.apply(.recoverVault).verdict == .rejected(.vaultNotDeleted))
        #expect(vault.apply(.purgeVault).verdict == .rejected(.vaultNotSoftDeleted))
        #expect(vault.apply(.deleteVault).verdict == .changed)
        #expect(vault.apply(.deleteVault).verdict == .rejected(.vaultSoftDeleted))
        #expect(vault.apply(.allowNetworkAccess).verdict == .rejected(.vaultSoftDeleted))
        #expect(vault.apply(.purgeVault).verdict == .rejected(.purgeProtected))
    }

    @Test func settingTheSamePoliciesRolesOrFirewallAgainChangesNothing() {
        let vault = Self.vault()
        let samePermissions = TimelineAction.setAccessPolicy(
            principal: nil, keyPermissions: ["unwrapKey", "GET", "wrapKey"])
        #expect(
            vault.apply(samePermissions, principal: "Acct").verdict == .unchanged(.samePermissions(principal: "acct")))
        // setAccessPolicy replaces the permissions: it does not merge.
        #expect(vault.apply(.setAccessPolicy(principal: "acct", keyPermissions: ["get"])).verdict == .changed)
        #expect(vault.problem() == .permissionMissing)
        #expect(
            vault.apply(.removeAccessPolicy(principal: "nobody")).verdict
                == .rejected(.noAccessPolicy(principal: "nobody")))
        #expect(vault.apply(.assignRole(principal: "ops", role: "Reader")).verdict == .changed)
        #expect(
            vault.apply(.assignRole(principal: "OPS", role: "reader")).verdict
                == .unchanged(.roleAlreadyAssigned(principal: "OPS", role: "reader")))
        #expect(vault.apply(.allowNetworkAccess).verdict == .unchanged(.networkAlreadyOpen))
        #expect(vault.apply(.denyNetworkAccess(allowTrustedServices: true)).verdict == .changed)
        #expect(vault.apply(.denyNetworkAccess(allowTrustedServices: true)).verdict == .unchanged(.sameFirewallRule))
        #expect(vault.apply(.denyNetworkAccess(allowTrustedServices: false)).verdict == .changed)
        #expect(vault.problem() == .networkBlocked)
    }

    @Test func addedVersionsAndNewExpiriesAskForTheirDatesToBeScheduled() {
        let vault = Self.vault()
        let version = KeyVersionConfig(id: "v2", expires: 3 * Self.hour)
        #expect(
            vault.apply(.addKeyVersion(key: "cmk", version: version))
                == VaultOutcome(entity: .key, index: 0, verdict: .changed, effect: .versionAdded(version: 2)))
        #expect(
            vault.apply(.addKeyVersion(key: "cmk", version: KeyVersionConfig(id: "V2"))).verdict
                == .rejected(.versionExists(key: "cmk", version: "V2")))
        #expect(
            vault.apply(.setKeyExpiry(key: "cmk", version: "v1", expires: Self.hour)).effect
                == .versionDatesChanged(version: 0))
        #expect(
            vault.apply(.setKeyExpiry(key: "cmk", version: nil, expires: nil))
                == VaultOutcome(entity: .key, index: 0, verdict: .changed, effect: .none))
    }

    @Test func aRotationAddsAnEnabledVersionUnlessTheKeyIsDeleted() {
        let vault = Self.vault()
        #expect(vault.state.rotationTime(key: 1, number: 3) == 3 * Self.hour)
        #expect(vault.state.rotationTime(key: 0, number: 1) == nil)
        #expect(vault.rotate(key: 1, number: 1) == 1)
        #expect(
            vault.apply(.enableKey(key: "spin", version: nil), at: Self.hour).verdict
                == .unchanged(.versionAlreadyEnabled(key: "spin", version: "auto-1")))
        #expect(vault.apply(.deleteKey(key: "spin"), at: Self.hour).verdict == .changed)
        #expect(vault.rotate(key: 1, number: 2) == nil)
        #expect(vault.apply(.recoverKey(key: "spin"), at: 2 * Self.hour).verdict == .changed)
        #expect(vault.rotate(key: 1, number: 3) == 2)
        #expect(
            vault.apply(.addKeyVersion(key: "spin", version: KeyVersionConfig(id: "auto-3"))).verdict
                == .rejected(.versionExists(key: "spin", version: "auto-3")))
    }

    @Test func withoutAVaultEveryVaultActionIsRejected() {
        let vault = Vault(nil)
        #expect(
            vault.apply(.denyNetworkAccess(allowTrustedServices: true))
                == VaultOutcome(entity: .vault, index: 0, verdict: .rejected(.noKeyVault)))
        #expect(vault.apply(.deleteKey(key: "cmk")).noEffect?.description == "no keyVault is declared")
    }

    @Test func aVersionIdRepeatedByARotationNamesTheNewestOfThem() {
        // A declared version `auto-1` and the rotation's first version share an id: as with Key
        // Vault's newest-first listing, the id names the newer one from then on.
        let vault = Vault(
            KeyVaultConfig(
                name: "kv",
                accessPolicies: [AccessPolicy(principal: "acct", keyPermissions: ["get", "wrapKey", "unwrapKey"])],
                keys: [
                    KeyConfig(
                        name: "cmk", versions: [KeyVersionConfig(id: "AUTO-1", enabled: false)], rotateEvery: Self.hour)
                ]))
        #expect(vault.rotate(key: 0, number: 1) == 1)
        #expect(
            vault.apply(.enableKey(key: "cmk", version: "auto-1")).verdict
                == .unchanged(.versionAlreadyEnabled(key: "cmk", version: "auto-1")))
        #expect(
            vault.apply(.addKeyVersion(key: "cmk", version: KeyVersionConfig(id: "Auto-1"))).verdict
                == .rejected(.versionExists(key: "cmk", version: "Auto-1")))
    }

    @Test func manyAddedVersionsAreEachFoundByTheirId() {
        let vault = Self.vault()
        for number in 0..<5_000 {
            #expect(
                vault.apply(.addKeyVersion(key: "cmk", version: KeyVersionConfig(id: "x\(number)"))).verdict == .changed
            )
        }
        #expect(vault.apply(.disableKey(key: "cmk", version: "X4321")).verdict == .changed)
        #expect(
            vault.apply(.disableKey(key: "cmk", version: "x4321")).verdict
                == .unchanged(.versionAlreadyDisabled(key: "cmk", version: "x4321")))
    }
}
