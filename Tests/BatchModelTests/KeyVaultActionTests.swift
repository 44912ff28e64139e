import BatchModel
import Reporting
import TestSupport
import Testing

/// SPEC §2 "Key accessibility", rules 7, 13, 15: what each Key Vault and encryption action does
/// to the account. One node, one task of 60 min at t = 0 unless said otherwise.
struct KeyVaultActionTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var head = CMK()
        var timeline: [String]
        var testDescription: String
    }

    static let fullPermissions = "keyPermissions: [get, wrapKey, unwrapKey]"

    /// Each case breaks access at 10 min and restores it at 20 min.
    static let outageCases: [Case] = [
        Case(
            timeline: [Build.at("10m", "disableKey", "key: cmk"), Build.at("20m", "enableKey", "key: cmk")],
            testDescription: "disableKey / enableKey without version"),
        Case(
            timeline: [
                Build.at("10m", "disableKey", "key: cmk", "version: \(Version.v1)"),
                Build.at("20m", "enableKey", "key: cmk", "version: \(Version.v1)"),
            ],
            testDescription: "disableKey / enableKey of the referenced version"),
        Case(
            timeline: [Build.at("10m", "deleteKey", "key: cmk"), Build.at("20m", "recoverKey", "key: cmk")],
            testDescription: "deleteKey / recoverKey (soft delete)"),
        Case(
            timeline: [Build.at("10m", "removeAccessPolicy"), Build.at("20m", "setAccessPolicy", fullPermissions)],
            testDescription: "removeAccessPolicy / setAccessPolicy"),
        Case(
            timeline: [
                Build.at("10m", "setAccessPolicy", "keyPermissions: [get, unwrapKey]"),
                Build.at("20m", "setAccessPolicy", fullPermissions),
            ],
            testDescription: "setAccessPolicy without wrapKey / with all three"),
        Case(
            timeline: [
                Build.at("10m", "removeAccessPolicy"),
                Build.at("15m", "setAccessPolicy", "keyPermissions: [get]"),
                Build.at("18m", "setAccessPolicy", "keyPermissions: [wrapKey, unwrapKey]"),  // replaces, no merge
                Build.at("20m", "setAccessPolicy", fullPermissions),
            ],
            testDescription: "setAccessPolicy replaces permissions instead of merging"),
        Case(
            timeline: [
                Build.at("10m", "denyNetworkAccess", "allowTrustedServices: false"),
                Build.at("20m", "allowNetworkAccess"),
            ],
            testDescription: "firewall without trusted services / allowNetworkAccess"),
        Case(
            timeline: [
                Build.at("10m", "denyNetworkAccess", "allowTrustedServices: false"),
                Build.at("20m", "denyNetworkAccess", "allowTrustedServices: true"),
            ],
            testDescription: "a firewall rule allowing trusted services replaces one that does not"),
        Case(
            timeline: [Build.at("10m", "deleteVault"), Build.at("20m", "recoverVault")],
            testDescription: "deleteVault / recoverVault on an access-policy vault (policies survive)"),
        Case(
            head: CMK(permissionModel: "rbac"),
            timeline: [
                Build.at("10m", "removeRoleAssignment", "role: Key Vault Crypto Service Encryption User"),
                Build.at("20m", "assignRole", "role: Key Vault Crypto Officer"),
            ],
            testDescription: "removeRoleAssignment / assignRole Crypto Officer on an RBAC vault"),
        Case(
            head: CMK(permissionModel: "rbac"),
            timeline: [
                Build.at("10m", "removeRoleAssignment", "role: Key Vault Crypto Service Encryption User"),
                Build.at("15m", "assignRole", "role: Key Vault Reader"),  // grants nothing here
                Build.at("20m", "assignRole", "role: key vault administrator"),  // case-insensitive
            ],
            testDescription: "other roles grant nothing; Key Vault Administrator does"),
        Case(
            head: {
                var head = CMK(permissionModel: "rbac")
                head.accessPolicies = [("acct", "[get, wrapKey, unwrapKey]")]
                return head
            }(),
            timeline: [
                Build.at("10m", "removeRoleAssignment", "role: Key Vault Crypto Service Encryption User"),
                Build.at("20m", "assignRole", "role: Key Vault Crypto User"),
            ],
            testDescription: "an access policy grants nothing on an RBAC vault"),
        Case(
            timeline: [
                Build.at("10m", "removeAccessPolicy"),
                Build.at("10m", "assignRole", "role: Key Vault Crypto User"),  // grants nothing here
                Build.at("20m", "setAccessPolicy", fullPermissions),
            ],
            testDescription: "a role assignment grants nothing on an access-policy vault"),
        Case(
            head: CMK(principal: "batch-mi"),
            timeline: [Build.at("10m", "removeAccessPolicy"), Build.at("20m", "setAccessPolicy", fullPermissions)],
            testDescription: "vault actions without principal apply to account.principal"),
        Case(
            head: CMK(keyIdentifier: "https://KV.vault.azure.net/keys/CMK/\(Version.v1)"),
            timeline: [Build.at("10m", "disableKey", "key: Cmk"), Build.at("20m", "enableKey", "key: cMK")],
            testDescription: "vault and key names compare case-insensitively"),
        Case(
            head: CMK(versions: [Version.v1, "{id: \(Version.v2), enabled: false}"]),
            timeline: [
                Build.at("10m", "setKeyIdentifier", identifierField(Version.v2)),  // accepted while healthy
                Build.at("20m", "enableKey", "key: cmk", "version: \(Version.v2)"),
            ],
            testDescription: "setKeyIdentifier to a disabled version is accepted and causes an outage"),
        Case(
            timeline: [
                Build.at("5m", "useMicrosoftManagedKey"),
                Build.at("8m", "disableKey", "key: cmk"),  // platform key: no effect
                Build.at("10m", "useCustomerManagedKey"),  // back to the last identifier: disabled
                Build.at("20m", "enableKey", "key: cmk"),
            ],
            testDescription: "useCustomerManagedKey without identifier goes back to the disabled key"),
        Case(
            head: CMK(identifierVersion: nil),
            timeline: [
                Build.at("10m", "disableKey", "key: cmk"),
                Build.at("20m", "addKeyVersion", "key: cmk", "version: \(Version.v2)"),
            ],
            testDescription: "a versionless identifier follows a version added with addKeyVersion"),
        Case(
            head: CMK(expiredKeyBlocksAccess: true),
            timeline: [
                Build.at("5m", "setKeyExpiry", "key: cmk", "expires: 10m"),
                Build.at("20m", "setKeyExpiry", "key: cmk", "expires: never"),
            ],
            testDescription: "setKeyExpiry with expiredKeyBlocksAccess: true / never"),
        Case(
            timeline: [
                Build.at("10m", "disableKey", "key: cmk"),
                Build.after("10m", "enableKey", "key: cmk"),
            ],
            testDescription: "after: is relative to the previous entry"),
    ]

    @Test(arguments: outageCases)
    func anActionThatBreaksAccessForTenMinutesCausesOneTwentyMinuteOutage(_ c: Case) throws {
        let run = try ScenarioFixture.run(Build.oneTask(c.head, timeline: c.timeline))
        expectMetrics(
            run.summary,
            [
                "account.outages": 1,
                "account.unavailableSeconds": 1200,  // 10–20 lost + 10 min recovery
                "account.recoveringSeconds": 600,
                "account.rejectedOperations": 0,
                "account.unrecoverable": 0,
                "tasks.requeued": 1,
                "tasks.lostWorkSeconds": 600,  // 0–10 min
                "tasks.makespanSeconds": 5400,  // restart 30 → 90 min
                "impact.makespanDelaySeconds": 1800,  // baseline 3600
                "nodes.unusableNodeSeconds": 1200,
                "nodes.billedNodeSeconds": 5400,
            ])
    }

    static let harmlessCases: [Case] = [
        Case(
            timeline: [Build.at("10m", "denyNetworkAccess")],
            testDescription: "a firewall allowing trusted services (the default)"),
        Case(
            timeline: [Build.at("10m", "setAccessPolicy", "principal: someone-else", "keyPermissions: [get]")],
            testDescription: "setAccessPolicy for another principal"),
        Case(
            head: CMK(versions: [Version.v1, Version.v2]),
            timeline: [Build.at("10m", "disableKey", "key: cmk")],
            testDescription: "disableKey without version hits the newest (last listed), not the referenced one"),
        Case(
            timeline: [
                Build.at("10m", "addKeyVersion", "key: cmk", "version: \(Version.v2)"),
                Build.at("20m", "disableKey", "key: cmk"),
            ],
            testDescription: "disableKey without version hits the last added version"),
        Case(
            head: CMK(identifierVersion: nil, versions: [Version.v1, Version.v2]),
            timeline: [Build.at("10m", "disableKey", "key: cmk", "version: \(Version.v1)")],
            testDescription: "a versionless identifier ignores older versions"),
        Case(
            timeline: [Build.at("5m", "setKeyExpiry", "key: cmk", "expires: 10m")],
            testDescription: "an expired key with expiredKeyBlocksAccess false (Key Vault still unwraps)"),
        Case(
            head: {
                var head = CMK(permissionModel: "rbac")
                head.roleAssignments = [("acct", "Key Vault Crypto User"), ("acct", "Key Vault Reader")]
                return head
            }(),
            timeline: [Build.at("10m", "removeRoleAssignment", "role: Key Vault Reader")],
            testDescription: "removing a role that grants nothing"),
        Case(
            timeline: [
                Build.at("5m", "useMicrosoftManagedKey"),
                Build.at("10m", "disableKey", "key: cmk"),
                Build.at("15m", "deleteVault"),
            ],
            testDescription: "key and vault actions after switching to platform keys"),
        Case(
            head: CMK(purgeProtection: false),
            timeline: [Build.at("10m", "purgeKey", "key: cmk")],
            testDescription: "purgeKey of a key that is not soft-deleted is rejected"),
        Case(
            head: CMK(purgeProtection: false),
            timeline: [Build.at("10m", "purgeVault")],
            testDescription: "purgeVault of a vault that is not soft-deleted is rejected"),
        Case(
            head: CMK(otherKeys: ["{name: other, versions: [\(Version.v2)]}"]),
            timeline: [Build.at("10m", "deleteKey", "key: other")],
            testDescription: "deleting another key"),
        Case(
            head: CMK(identity: "UserAssigned"),
            timeline: [Build.at("10m", "enableKey", "key: cmk")],
            testDescription: "a user-assigned identity works like a system-assigned one"),
    ]

    @Test(arguments: harmlessCases)
    func anActionThatLeavesTheKeyAccessibleCausesNoOutage(_ c: Case) throws {
        let run = try ScenarioFixture.run(Build.oneTask(c.head, timeline: c.timeline))
        expectMetrics(
            run.summary,
            [
                "account.outages": 0,
                "account.unavailableSeconds": 0,
                "account.unrecoverable": 0,
                "account.rejectedOperations": 0,  // vault rejections are not account rejections
                "tasks.requeued": 0,
                "tasks.makespanSeconds": 3600,
                "impact.makespanDelaySeconds": 0,
            ])
    }

    @Test func aVersionlessIdentifierFollowsTheNewestVersionEvenWhenItIsDisabled() throws {
        // versions v1, v2; versionless → v2. disable v1 at 10: nothing. disable newest (v2) at 20:
        // outage. enable v1 at 25: still v2 → still out. enable v2 at 30 → recovering 30–40.
        let yaml = Build.oneTask(
            CMK(identifierVersion: nil, versions: [Version.v1, Version.v2]),
            timeline: [
                Build.at("10m", "disableKey", "key: cmk", "version: \(Version.v1)"),
                Build.at("20m", "disableKey", "key: cmk"),
                Build.at("25m", "enableKey", "key: cmk", "version: \(Version.v1)"),
                Build.at("30m", "enableKey", "key: cmk"),
            ])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "account.outages": 1,
                "account.unavailableSeconds": 1200,  // 20–40 min
                "tasks.lostWorkSeconds": 1200,  // 0–20 min
                "tasks.makespanSeconds": 6000,  // 40 → 100 min
            ])
    }

    @Test func anRBACVaultDeletedAndRecoveredStaysBrokenUntilTheRoleIsAssignedAgain() throws {
        // delete 10 → outage; recover 20: role assignments are gone → still out; assignRole at 30
        // → recovering 30–40.
        let yaml = Build.oneTask(
            CMK(permissionModel: "rbac"),
            timeline: [
                Build.at("10m", "deleteVault"),
                Build.at("20m", "recoverVault"),
                Build.at("30m", "assignRole", "role: Key Vault Crypto Service Encryption User"),
            ])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "account.outages": 1,
                "account.unavailableSeconds": 1800,  // 10–40 min
                "account.recoveringSeconds": 600,
                "tasks.lostWorkSeconds": 600,
                "tasks.makespanSeconds": 6000,  // 40 → 100 min
            ])
    }

    @Test func roleActionsOnASoftDeletedVaultAreVaultRejections() throws {
        // delete 10; assignRole at 15 is rejected (soft-deleted vault); recover 20 without
        // roles → outage lasts to the 2 h horizon.
        let yaml = Build.oneTask(
            CMK(horizon: "2h", permissionModel: "rbac"),
            timeline: [
                Build.at("10m", "deleteVault"),
                Build.at("15m", "assignRole", "role: Key Vault Crypto Service Encryption User"),
                Build.at("20m", "recoverVault"),
            ])
        let recorder = EventRecorder()
        let run = try ScenarioFixture.run(yaml, events: recorder)
        expectMetrics(
            run.summary,
            [
                "account.outages": 1,
                "account.unavailableSeconds": 6600,  // 10 min – 2 h
                "account.rejectedOperations": 0,
                "tasks.completed": 0,
                "tasks.makespanSeconds": nil,
            ])
        #expect(recorder.events(named: .actionRejected).map(\.time) == [15 * minuteMs])
    }

    @Test func vaultSideRejectionsAreLoggedButAreNotAccountRejections() throws {
        // soft-deleted key accepts only recover/purge: enableKey at 15 rejected; purgeKey at 16
        // rejected under purge protection; recoverKey at 20; removeRoleAssignment of an assignment
        // that does not exist at 25 rejected.
        let yaml = Build.oneTask(
            timeline: [
                Build.at("10m", "deleteKey", "key: cmk"),
                Build.at("15m", "enableKey", "key: cmk"),
                Build.at("16m", "purgeKey", "key: cmk"),
                Build.at("20m", "recoverKey", "key: cmk"),
                Build.at("25m", "removeRoleAssignment", "principal: nobody", "role: Key Vault Crypto User"),
            ])
        let recorder = EventRecorder()
        let run = try ScenarioFixture.run(yaml, events: recorder)
        expectMetrics(
            run.summary,
            [
                "account.outages": 1,
                "account.unavailableSeconds": 1200,  // 10–30 min
                "account.rejectedOperations": 0,
                "account.unrecoverable": 0,
                "tasks.makespanSeconds": 5400,
            ])
        #expect(
            recorder.events(named: .actionRejected).map(\.time) == [15 * minuteMs, 16 * minuteMs, 25 * minuteMs])
    }

    @Test func aVaultRejectsDeletingAVaultThatIsAlreadyDeleted() throws {
        let yaml = Build.oneTask(
            timeline: [
                Build.at("10m", "deleteVault"),
                Build.at("12m", "deleteVault"),  // rejected
                Build.at("14m", "setAccessPolicy", "keyPermissions: [get]"),  // rejected: vault deleted
                Build.at("20m", "recoverVault"),  // policies survive, untouched by the rejected set
            ])
        let recorder = EventRecorder()
        let run = try ScenarioFixture.run(yaml, events: recorder)
        expectMetrics(
            run.summary,
            [
                "account.outages": 1,
                "account.unavailableSeconds": 1200,
                "tasks.makespanSeconds": 5400,
            ])
        #expect(recorder.events(named: .actionRejected).map(\.time) == [12 * minuteMs, 14 * minuteMs])
    }

    // MARK: - Purges (SPEC §2 "Account states", rules 6, 7)

    @Test func aPurgeUnderPurgeProtectionIsRejectedAndTheKeyCanBeRecovered() throws {
        let yaml = Build.oneTask(
            timeline: [
                Build.at("10m", "deleteKey", "key: cmk"),
                Build.at("15m", "purgeKey", "key: cmk"),
                Build.at("20m", "recoverKey", "key: cmk"),
            ])
        let recorder = EventRecorder()
        let run = try ScenarioFixture.run(yaml, events: recorder)
        expectMetrics(
            run.summary,
            [
                "account.unrecoverable": 0,
                "account.outages": 1,
                "account.unavailableSeconds": 1200,
                "account.rejectedOperations": 0,
                "tasks.makespanSeconds": 5400,
            ])
        #expect(recorder.events(named: .actionRejected).map(\.time) == [15 * minuteMs])
    }

    @Test func aPurgeWithoutPurgeProtectionMakesTheAccountUnrecoverableWithoutANewOutage() throws {
        // delete 10 → outage 1; purge 20 → unrecoverable; recoverKey 30 is rejected. Horizon 2 h.
        let yaml = Build.oneTask(
            CMK(horizon: "2h", purgeProtection: false),
            timeline: [
                Build.at("10m", "deleteKey", "key: cmk"),
                Build.at("20m", "purgeKey", "key: cmk"),
                Build.at("30m", "recoverKey", "key: cmk"),
            ])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "account.outages": 1,  // unrecoverable is not a new outage
                "account.unrecoverable": 1,
                "account.unavailableSeconds": 6600,  // 10 min – 2 h
                "account.recoveringSeconds": 0,
                "tasks.requeued": 1,
                "tasks.completed": 0,
                "tasks.incomplete": 1,
                "tasks.makespanSeconds": nil,
                "baseline.account.unrecoverable": 0,
            ])
    }

    @Test func purgingASoftDeletedVaultWithoutPurgeProtectionMakesTheAccountUnrecoverable() throws {
        let yaml = Build.oneTask(
            CMK(horizon: "2h", purgeProtection: false),
            timeline: [
                Build.at("10m", "deleteVault"),
                Build.at("20m", "purgeVault"),
                Build.at("30m", "recoverVault"),  // nothing left to recover
            ])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "account.outages": 1,
                "account.unrecoverable": 1,
                "account.unavailableSeconds": 6600,
                "tasks.makespanSeconds": nil,
            ])
    }

    @Test(arguments: [("deleteKey", true), ("deleteKey", false), ("deleteVault", true), ("deleteVault", false)])
    func deletingOnAVaultWithoutSoftDeletePurgesAtOnceWhateverTheDetectionDelay(
        action: String, purgeProtection: Bool
    ) throws {
        // no soft delete: the delete at 10 min purges → unrecoverable at 10 min at once (detection
        // delay 5 min ignored), not an outage. Horizon 1 h.
        let fields = action == "deleteKey" ? ["key: cmk"] : []
        let entry = "  - {" + (["at: 10m", "action: \(action)"] + fields).joined(separator: ", ") + "}"
        let yaml = Build.oneTask(
            CMK(horizon: "1h", detectionDelay: "5m", softDelete: false, purgeProtection: purgeProtection),
            timeline: [entry])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "account.outages": 0,
                "account.unrecoverable": 1,
                "account.unavailableSeconds": 3000,  // 10–60 min
                "tasks.requeued": 1,
                "tasks.lostWorkSeconds": 600,
                "nodes.unusableNodeSeconds": 3000,
                "tasks.makespanSeconds": nil,
            ])
    }

    @Test func retentionRunningOutPurgesASoftDeletedKey() throws {
        // retention 7 days; deleteKey at 1 h (the task finished at 1 h, phase 1) → outage;
        // purged at 1 h + 7 d; recoverKey at 1 h + 8 d is too late. Horizon 9 d.
        let yaml = Build.oneTask(
            CMK(horizon: "9d", retentionDays: 7),
            timeline: [
                Build.at("1h", "deleteKey", "key: cmk"),
                Build.at("8d1h", "recoverKey", "key: cmk"),
            ])
        let recorder = EventRecorder()
        let run = try ScenarioFixture.run(yaml, events: recorder)
        expectMetrics(
            run.summary,
            [
                "tasks.completed": 1,
                "tasks.makespanSeconds": 3600,
                "account.outages": 1,
                "account.unrecoverable": 1,
                "account.unavailableSeconds": 774_000,  // 9 d − 1 h = 777 600 − 3600
                "account.recoveringSeconds": 0,
            ])
        #expect(recorder.events(named: .retentionPurged).map(\.time) == [(7 * 24 + 1) * 60 * minuteMs])
    }

    @Test func aPurgeWhileOnPlatformKeysCountsOnlyWhenTheAccountSwitchesBack() throws {
        // platform keys at 10; delete 15 + purge 16 (no purge protection): no effect;
        // useCustomerManagedKey at 20 (back to the purged key) → unrecoverable then. Horizon 1 h.
        let yaml = Build.oneTask(
            CMK(horizon: "1h", purgeProtection: false),
            timeline: [
                Build.at("10m", "useMicrosoftManagedKey"),
                Build.at("15m", "deleteKey", "key: cmk"),
                Build.at("16m", "purgeKey", "key: cmk"),
                Build.at("20m", "useCustomerManagedKey"),
            ])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "account.outages": 0,
                "account.unrecoverable": 1,
                "account.unavailableSeconds": 2400,  // 20–60 min
                "account.rejectedOperations": 0,
                "tasks.requeued": 1,
                "tasks.lostWorkSeconds": 1200,  // 0–20 min
            ])
    }

    @Test func purgingAnotherKeyDoesNotMatterUntilTheAccountIsPointedAtIt() throws {
        let yaml = Build.oneTask(
            CMK(horizon: "1h", purgeProtection: false, otherKeys: ["{name: other, versions: [\(Version.v2)]}"]),
            timeline: [
                Build.at("10m", "deleteKey", "key: other"),
                Build.at("11m", "purgeKey", "key: other"),
                Build.at("20m", "setKeyIdentifier", identifierField(Version.v2, key: "other")),
            ])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "account.outages": 0,
                "account.unrecoverable": 1,  // at 20 min
                "account.unavailableSeconds": 2400,
                "tasks.lostWorkSeconds": 1200,
            ])
    }

    // MARK: - Dates on versions (rule 15)

    @Test(arguments: [false, true])
    func anExpiryIsLoggedAndBlocksOnlyWithExpiredKeyBlocksAccess(blocks: Bool) throws {
        // setKeyExpiry at 5 min: expires at 10 min; cleared at 20 min.
        let yaml = Build.oneTask(
            CMK(expiredKeyBlocksAccess: blocks),
            timeline: [
                Build.at("5m", "setKeyExpiry", "key: cmk", "expires: 10m"),
                Build.at("20m", "setKeyExpiry", "key: cmk", "expires: never"),
            ])
        let recorder = EventRecorder()
        let run = try ScenarioFixture.run(yaml, events: recorder)
        expectMetrics(
            run.summary,
            [
                "account.outages": blocks ? 1 : 0,
                "account.unavailableSeconds": blocks ? 1200 : 0,  // 10–30 min
                "tasks.makespanSeconds": blocks ? 5400 : 3600,
            ])
        #expect(recorder.events(named: .versionExpired).map(\.time) == [10 * minuteMs])
    }

    @Test func anExpiryWrittenOnTheVersionTakesEffectWithoutAnActionInTheBaselineToo() throws {
        let yaml = Build.oneTask(
            CMK(horizon: "1h", expiredKeyBlocksAccess: true, versions: ["{id: \(Version.v1), expires: 10m}"]),
            timeline: [])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "account.outages": 1,
                "account.unavailableSeconds": 3000,  // 10–60 min
                "tasks.lostWorkSeconds": 600,
                "baseline.account.outages": 1,
                "impact.account.outages": 0,
            ])
    }

    @Test func aVersionBeforeItsNotBeforeTimeIsInaccessible() throws {
        // notBefore 30 min: keyInaccessible 0–30, recovering 30–40; the task arrives at 45 → 105 min.
        let yaml = Build.scenario(
            CMK(versions: ["{id: \(Version.v1), notBefore: 30m}"]),
            jobs: [Build.job(arrival: "{at: 45m}")])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "account.outages": 1,
                "account.unavailableSeconds": 2400,
                "account.recoveringSeconds": 600,
                "tasks.makespanSeconds": 6300,
                "impact.makespanDelaySeconds": 0,  // same in the baseline
            ])
    }
}
