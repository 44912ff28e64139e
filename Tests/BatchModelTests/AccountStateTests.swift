import BatchModel
import Reporting
import TestSupport
import Testing

/// SPEC §2 "Account states": detection, recovery, losses while recovering, broken starts,
/// deletion (rule 18). Unless said otherwise: one node, one task of 60 min at t = 0.
struct AccountStateTests {
    struct DetectionCase: Sendable, CustomTestStringConvertible {
        var enableAt: String
        var outages: Double
        var unavailable: Double
        var recovering: Double
        var requeued: Double
        var lostWork: Double
        var makespan: Double
        var testDescription: String
    }

    static let detectionCases: [DetectionCase] = [
        // lost 30–35 min < 10 min delay: absorbed, the task runs 0–60 min undisturbed
        DetectionCase(
            enableAt: "35m", outages: 0, unavailable: 0, recovering: 0, requeued: 0, lostWork: 0, makespan: 3600,
            testDescription: "loss shorter than the detection delay"),
        // lost 30–40 min = delay: the loss ends exactly when the delay runs out → absorbed (rule 5)
        DetectionCase(
            enableAt: "40m", outages: 0, unavailable: 0, recovering: 0, requeued: 0, lostWork: 0, makespan: 3600,
            testDescription: "loss equal to the detection delay"),
        // lost 30–45 min: keyInaccessible at 40, recovering 45–55; task lost 40 min of work,
        // restarts at 55 → 115 min
        DetectionCase(
            enableAt: "45m", outages: 1, unavailable: 900, recovering: 600, requeued: 1, lostWork: 2400,
            makespan: 6900, testDescription: "loss longer than the detection delay"),
    ]

    @Test(arguments: detectionCases)
    func aLossIsDetectedOnlyAfterTheDetectionDelay(_ c: DetectionCase) throws {
        let yaml = Build.oneTask(
            CMK(detectionDelay: "10m"),
            timeline: [
                Build.at("30m", "disableKey", "key: cmk"),
                Build.at(c.enableAt, "enableKey", "key: cmk"),
            ])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "account.outages": c.outages,
                "account.unavailableSeconds": c.unavailable,
                "account.recoveringSeconds": c.recovering,
                "tasks.requeued": c.requeued,
                "tasks.lostWorkSeconds": c.lostWork,
                "tasks.makespanSeconds": c.makespan,
                "impact.makespanDelaySeconds": c.makespan - 3600,  // baseline: 0–60 min
                "nodes.unusableNodeSeconds": c.unavailable,  // one node, unusable exactly while unavailable
            ])
    }

    @Test func aLossDuringRecoveringIsASecondOutageAtOnceWhateverTheDetectionDelay() throws {
        // delay 2 min: lost 10 → keyInaccessible 12; back 20 → recovering; lost again 25 →
        // keyInaccessible at once (rule 14); back 40 → recovering 40–50; accessible 50.
        let yaml = Build.oneTask(
            CMK(detectionDelay: "2m"),
            timeline: [
                Build.at("10m", "disableKey", "key: cmk"),
                Build.at("20m", "enableKey", "key: cmk"),
                Build.at("25m", "disableKey", "key: cmk"),
                Build.at("40m", "enableKey", "key: cmk"),
            ])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "account.outages": 2,  // entries into keyInaccessible at 12 and 25 min
                "account.unavailableSeconds": 2280,  // 12–50 min = 38 min
                "account.recoveringSeconds": 900,  // 20–25 + 40–50 min
                "tasks.requeued": 1,  // only running at 12 min
                "tasks.lostWorkSeconds": 720,  // 0–12 min
                "nodes.unusableNodeSeconds": 2280,  // unusable 12–50 min
                "tasks.makespanSeconds": 6600,  // restart 50 → 110 min
                "nodes.billedNodeSeconds": 6600,  // run ends at 110 min
            ])
    }

    @Test func aKeyLostAtTheInstantRecoveryWouldEndSendsTheAccountBackToKeyInaccessible() throws {
        // lost 10, back 20, recovering would end at 30 — lost again at 30 (rule 5: loss judged
        // before the recovery timer); back 40, recovering 40–50.
        let yaml = Build.oneTask(
            timeline: [
                Build.at("10m", "disableKey", "key: cmk"),
                Build.at("20m", "enableKey", "key: cmk"),
                Build.at("30m", "disableKey", "key: cmk"),
                Build.at("40m", "enableKey", "key: cmk"),
            ])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "account.outages": 2,
                "account.unavailableSeconds": 2400,  // 10–50 min, never accessible in between
                "account.recoveringSeconds": 1200,  // 20–30 + 40–50 min
                "tasks.requeued": 1,
                "tasks.lostWorkSeconds": 600,  // 0–10 min
                "tasks.makespanSeconds": 6600,  // 50 → 110 min
                "nodes.unusableNodeSeconds": 2400,
            ])
    }

    @Test func aKeyInaccessibleFromTheStartIsAnOrdinaryLossBrokenInTheBaselineToo() throws {
        // identity None: inaccessible from t = 0, detected at once (delay 0): the task arriving at
        // 0 (phase 5) sees keyInaccessible, is rejected and dropped. Horizon 1 h.
        let yaml = Build.oneTask(CMK(horizon: "1h", identity: "None"), timeline: [])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "account.outages": 1,
                "account.unavailableSeconds": 3600,  // 0–1 h
                "tasks.submitted": 0,
                "tasks.dropped": 1,
                "tasks.rejectedSubmissions": 1,
                "account.rejectedOperations": 1,  // each rejected attempt is one (rule 4)
                "tasks.makespanSeconds": nil,  // none completed or failed
                "tasks.waitSeconds.p50": nil,  // nothing started
                "tasks.turnaroundSeconds.max": nil,
                "nodes.unusableNodeSeconds": 3600,
                "nodes.billedNodeSeconds": 3600,
                "nodes.peakUnusable": 1,
                "baseline.account.outages": 1,  // the baseline removes actions only (rule 14)
                "impact.account.outages": 0,
                "impact.tasks.dropped": 0,
                "impact.makespanDelaySeconds": nil,  // null − null
            ])
    }

    @Test func aBrokenStartWithADetectionDelayLetsTheFirstTaskStartThenRequeuesIt() throws {
        // identity None, delay 5 min: accessible 0–5 min, the task is accepted and starts at 0;
        // keyInaccessible at 5 min for good. Horizon 1 h.
        let yaml = Build.oneTask(CMK(horizon: "1h", identity: "None", detectionDelay: "5m"), timeline: [])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "account.outages": 1,
                "account.unavailableSeconds": 3300,  // 5–60 min
                "tasks.submitted": 1,
                "tasks.requeued": 1,
                "tasks.lostWorkSeconds": 300,
                "tasks.completed": 0,
                "tasks.incomplete": 1,
                "tasks.makespanSeconds": nil,
                "tasks.waitSeconds.p50": 0,  // started at its arrival
            ])
    }

    @Test func anRBACVaultGrantsThroughRoleAssignmentsOnlyNotAccessPolicies() throws {
        // RBAC vault with a full access policy but no role: broken at 0 (keyInaccessible 0–10),
        // assignRole at 10 → recovering 10–20. The task arrives at 30 min and runs 30–90.
        var head = CMK(permissionModel: "rbac")
        head.accessPolicies = [("acct", "[get, wrapKey, unwrapKey]")]
        head.roleAssignments = []
        let yaml = Build.scenario(
            head,
            jobs: [Build.job(arrival: "{at: 30m}")],
            timeline: [Build.at("10m", "assignRole", "role: Key Vault Crypto User")])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "account.outages": 1,
                "account.unavailableSeconds": 1200,  // 0–20 min
                "account.recoveringSeconds": 600,
                "tasks.completed": 1,
                "tasks.makespanSeconds": 5400,  // 30 + 60 min
                // baseline: never fixed; the task is rejected at 30 min and dropped; run ends at 30 min
                "baseline.tasks.dropped": 1,
                "baseline.tasks.makespanSeconds": nil,
                "baseline.account.unavailableSeconds": 1800,
                "impact.makespanDelaySeconds": nil,
            ])
    }

    @Test func aTaskCompletingAtTheInstantOfTheLossIsNotRequeued() throws {
        // 10-min task; disableKey at 10 min: completions (phase 1) come before actions (phase 2).
        let yaml = Build.scenario(
            jobs: [Build.job(duration: "10m")],
            timeline: [
                Build.at("10m", "disableKey", "key: cmk"),
                Build.at("20m", "enableKey", "key: cmk"),
            ])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "tasks.completed": 1,
                "tasks.requeued": 0,
                "tasks.lostWorkSeconds": 0,
                "tasks.makespanSeconds": 600,
                "account.outages": 1,
                "account.unavailableSeconds": 1200,  // 10–30 min; the run waits for the recovery timer
                "nodes.billedNodeSeconds": 1800,  // run ends at 30 min
            ])
    }

    @Test(arguments: [("2h", 5400.0), ("none", 2_590_200.0)])
    func deletingTheAccountRemovesNodesRejectsLaterOperationsAndRunsToTheEnd(
        horizon: String, unavailable: Double
    ) throws {
        // 2 nodes, 2 tasks of 60 min; deleteAccount at 30 min removes both nodes (tasks requeued
        // as in rule 17, billing stops); resize at 40 and submitTasks at 50 are rejected.
        let yaml = Build.scenario(
            CMK(horizon: horizon == "none" ? nil : horizon),
            pools: [Build.pool(dedicated: 2)],
            jobs: [Build.job(count: 2)],
            timeline: [
                Build.at("30m", "deleteAccount"),
                Build.at("40m", "resizePool", "pool: p", "dedicatedNodes: 3"),
                Build.at("50m", "submitTasks", "job: j"),
            ])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "tasks.submitted": 2,
                "tasks.completed": 0,
                "tasks.incomplete": 2,
                "tasks.requeued": 2,
                "tasks.lostWorkSeconds": 3600,  // 2 × 30 min
                "tasks.dropped": 1,  // the submitTasks task, default client drops
                "tasks.rejectedSubmissions": 1,
                "account.rejectedOperations": 2,  // resize + submission
                "account.outages": 0,
                "account.unrecoverable": 0,
                // deleted time is unavailable (rule 14): 30 min → 2 h, or → 30-day cap (2 592 000 − 1800)
                "account.unavailableSeconds": unavailable,
                "nodes.billedNodeSeconds": 3600,  // 2 nodes × 30 min
                "nodes.unusableNodeSeconds": 0,
                "tasks.makespanSeconds": nil,
                // deleteAccount, resizePool and submitTasks stay in the baseline
                "impact.tasks.requeued": 0,
                "impact.nodes.billedNodeSeconds": 0,
                "impact.account.rejectedOperations": 0,
            ])
    }

    @Test func deletingTheAccountIsAllowedDuringAnOutageAndIsFinal() throws {
        // lost at 10 min; deleteAccount at 20 min is accepted; the key comes back at 30 but the
        // account stays deleted. Horizon 1 h.
        let yaml = Build.oneTask(
            CMK(horizon: "1h"),
            timeline: [
                Build.at("10m", "disableKey", "key: cmk"),
                Build.at("20m", "deleteAccount"),
                Build.at("30m", "enableKey", "key: cmk"),
            ])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "account.outages": 1,
                "account.rejectedOperations": 0,
                "account.unavailableSeconds": 3000,  // 10–60 min
                "account.recoveringSeconds": 0,
                "account.unrecoverable": 0,
                "nodes.billedNodeSeconds": 1200,  // node removed at 20 min
                "nodes.unusableNodeSeconds": 600,  // unusable 10–20 min
                "tasks.requeued": 1,  // at 10 min only (no task running at 20)
                "tasks.completed": 0,
                "tasks.makespanSeconds": nil,
            ])
    }

    @Test func aPurgeWhileRecoveringMakesTheAccountUnrecoverable() throws {
        // no soft delete: lost 10–20 min, recovering from 20; deleteKey at 25 purges at once →
        // unrecoverable from recovering. Horizon 1 h.
        let yaml = Build.oneTask(
            CMK(horizon: "1h", softDelete: false),
            timeline: [
                Build.at("10m", "disableKey", "key: cmk"),
                Build.at("20m", "enableKey", "key: cmk"),
                Build.at("25m", "deleteKey", "key: cmk"),
            ])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "account.outages": 1,
                "account.unrecoverable": 1,
                "account.unavailableSeconds": 3000,  // 10–60 min
                "account.recoveringSeconds": 300,  // 20–25 min
                "tasks.requeued": 1,  // only at 10 min: nothing runs while recovering
                "tasks.lostWorkSeconds": 600,
            ])
    }

    @Test func aPurgeAfterTheAccountIsDeletedLeavesItDeleted() throws {
        let yaml = Build.oneTask(
            CMK(horizon: "1h", softDelete: false),
            timeline: [Build.at("10m", "deleteAccount"), Build.at("20m", "deleteKey", "key: cmk")])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "account.unrecoverable": 0,  // `unrecoverable` is reached from any state but `deleted`
                "account.outages": 0,
                "account.unavailableSeconds": 3000,
                "nodes.billedNodeSeconds": 600,
            ])
    }

    @Test func anUnrecoverableAccountCanStillBeDeleted() throws {
        // purge at 10 min (no soft delete) → unrecoverable; deleteAccount at 20 is allowed in any
        // state; the run ends `deleted`, so account.unrecoverable is 0.
        let yaml = Build.oneTask(
            CMK(horizon: "1h", softDelete: false),
            timeline: [Build.at("10m", "deleteKey", "key: cmk"), Build.at("20m", "deleteAccount")])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "account.unrecoverable": 0,
                "account.rejectedOperations": 0,
                "account.unavailableSeconds": 3000,  // 10–60 min, unrecoverable then deleted
                "nodes.billedNodeSeconds": 1200,  // removed at 20 min
                "nodes.unusableNodeSeconds": 600,  // 10–20 min
            ])
    }

    @Test func theRecoveryDelayIsTheScenarios() throws {
        let yaml = Build.oneTask(
            CMK(recoveryDelay: "5m"),
            timeline: [Build.at("10m", "disableKey", "key: cmk"), Build.at("20m", "enableKey", "key: cmk")])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "account.unavailableSeconds": 900,  // 10–25 min
                "account.recoveringSeconds": 300,
                "tasks.makespanSeconds": 5100,  // 25 → 85 min
            ])
    }

    @Test func anAccountWithoutAnAccountBlockUsesPlatformKeysAndIgnoresTheVault() throws {
        let yaml = """
            name: platform
            keyVault:
              name: kv
              keys:
                - {name: cmk, versions: [\(Version.v1)]}
            pools:
              - {id: p, dedicatedNodes: 1}
            jobs:
              - {id: j, pool: p, tasks: {count: 1, duration: 60m}}
            timeline:
              - {at: 10m, action: disableKey, key: cmk}
              - {at: 20m, action: deleteVault}
            """
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "account.outages": 0,
                "account.unavailableSeconds": 0,
                "tasks.makespanSeconds": 3600,
            ])
    }

    @Test func anIdentifierNamingAnUndeclaredVersionIsALossFromTheStart() throws {
        // identifier → v3, not declared: keyInaccessible at 0; addKeyVersion v3 at 10 min →
        // recovering 10–20. The task arrives at 30 min and runs to 90. The baseline never heals.
        let yaml = Build.scenario(
            CMK(identifierVersion: Version.v3),
            jobs: [Build.job(arrival: "{at: 30m}")],
            timeline: [Build.at("10m", "addKeyVersion", "key: cmk", "version: \(Version.v3)")])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "account.outages": 1,
                "account.unavailableSeconds": 1200,
                "tasks.makespanSeconds": 5400,
                "baseline.tasks.dropped": 1,
                "baseline.tasks.makespanSeconds": nil,
            ])
    }

    @Test(arguments: [("20m", 0.0, 0.0, 0.0), ("21m", 1.0, 1.0, 6000.0)])
    func aControlPlaneActionAtTheInstantOfDetectionIsJudgedOnTheStateBefore(
        setAt: String, outages: Double, rejected: Double, unavailable: Double
    ) throws {
        // detection delay 10 min; v1 disabled at 10 min → detection due at 20 min.
        // setKeyIdentifier v2 at 20 min: judged on `accessible` (rule 5) → accepted, and phase 3
        // then sees an accessible key → no outage. At 21 min the account is already
        // keyInaccessible → rejected; the outage lasts to the 2 h horizon.
        let yaml = Build.oneTask(
            CMK(horizon: "2h", detectionDelay: "10m", versions: [Version.v1, Version.v2]),
            timeline: [
                Build.at("10m", "disableKey", "key: cmk", "version: \(Version.v1)"),
                Build.at(setAt, "setKeyIdentifier", identifierField(Version.v2)),
            ])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "account.outages": outages,
                "account.rejectedOperations": rejected,
                "account.unavailableSeconds": unavailable,  // 20 min – 2 h
                "tasks.completed": 1 - outages,
            ])
    }
}
