import BatchModel
import Reporting
import TestSupport
import Testing

/// Key rotation (SPEC §1 "Rotation", §2 control-plane rejections, rules 5 and 16). One node,
/// one task at t = 0.
struct RotationTests {
    @Test func rotationDoneRightCausesNoOutage() throws {
        // add v2 at 10, point the account at v2 at 20, disable v1 at 30.
        let yaml = Build.oneTask(
            timeline: [
                Build.at("10m", "addKeyVersion", "key: cmk", "version: \(Version.v2)"),
                Build.at("20m", "setKeyIdentifier", identifierField(Version.v2)),
                Build.at("30m", "disableKey", "key: cmk", "version: \(Version.v1)"),
            ])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "account.outages": 0,
                "account.unavailableSeconds": 0,
                "account.rejectedOperations": 0,
                "tasks.requeued": 0,
                "tasks.makespanSeconds": 3600,
                "impact.makespanDelaySeconds": 0,
            ])
    }

    @Test func rotationDoneWrongLocksTheAccountUntilTheOldVersionIsEnabledAgain() throws {
        // add v2 at 10; disable v1 at 20 → outage; setKeyIdentifier v2 at 30 and a switch to
        // platform keys at 35 are rejected; enable v1 at 40 → recovering 40–50; setKeyIdentifier
        // v2 at 55 is accepted; disabling v1 at 60 then harms nothing.
        let yaml = Build.oneTask(
            timeline: [
                Build.at("10m", "addKeyVersion", "key: cmk", "version: \(Version.v2)"),
                Build.at("20m", "disableKey", "key: cmk", "version: \(Version.v1)"),
                Build.at("30m", "setKeyIdentifier", identifierField(Version.v2)),
                Build.at("35m", "useMicrosoftManagedKey"),
                Build.at("40m", "enableKey", "key: cmk", "version: \(Version.v1)"),
                Build.at("55m", "setKeyIdentifier", identifierField(Version.v2)),
                Build.at("60m", "disableKey", "key: cmk", "version: \(Version.v1)"),
            ])
        let recorder = EventRecorder()
        let run = try ScenarioFixture.run(yaml, events: recorder)
        expectMetrics(
            run.summary,
            [
                "account.outages": 1,
                "account.rejectedOperations": 2,  // setKeyIdentifier at 30 + useMicrosoftManagedKey at 35
                "account.unavailableSeconds": 1800,  // 20–50 min
                "account.recoveringSeconds": 600,
                "tasks.requeued": 1,
                "tasks.lostWorkSeconds": 1200,  // 0–20 min
                "tasks.makespanSeconds": 6600,  // 50 → 110 min
                "impact.makespanDelaySeconds": 3000,
            ])
        #expect(recorder.events(named: .operationRejected).map(\.time) == [30 * minuteMs, 35 * minuteMs])
    }

    @Test(arguments: [true, false])
    func disablingTheOldVersionAndSwitchingAtTheSameInstantCausesNoOutage(disableFirst: Bool) throws {
        // rule 5: phase-2 actions are judged on the account state before phase 3, and phase 3
        // sees the key after both actions.
        let disable = Build.at("20m", "disableKey", "key: cmk", "version: \(Version.v1)")
        let switchKey = Build.at("20m", "setKeyIdentifier", identifierField(Version.v2))
        let yaml = Build.oneTask(
            CMK(versions: [Version.v1, Version.v2]),
            timeline: disableFirst ? [disable, switchKey] : [switchKey, disable])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "account.outages": 0,
                "account.unavailableSeconds": 0,
                "account.rejectedOperations": 0,
                "tasks.requeued": 0,
                "tasks.makespanSeconds": 3600,
            ])
    }

    @Test func aRotationPolicyEndsAnOutageOfAVersionlessIdentifier() throws {
        // rotateEvery 1 h, versionless; the only version is disabled at 30 min → outage; auto-1
        // appears at 60 min and the identifier follows it → recovering 60–70 min.
        let yaml = Build.oneTask(
            CMK(identifierVersion: nil, rotateEvery: "1h"),
            timeline: [Build.at("30m", "disableKey", "key: cmk")])
        let recorder = EventRecorder()
        let run = try ScenarioFixture.run(yaml, events: recorder)
        expectMetrics(
            run.summary,
            [
                "account.outages": 1,
                "account.unavailableSeconds": 2400,  // 30–70 min
                "tasks.lostWorkSeconds": 1800,
                "tasks.makespanSeconds": 7800,  // 70 → 130 min
                "nodes.billedNodeSeconds": 7800,  // rotations do not keep the run going (rule 1)
                "baseline.tasks.makespanSeconds": 3600,
                "baseline.nodes.billedNodeSeconds": 3600,
            ])
        // auto-1 at 60 min and auto-2 at 120 min, both within the run
        #expect(recorder.events(named: .versionAdded).map(\.time) == [60 * minuteMs, 120 * minuteMs])
    }

    @Test func aRotationPolicyDoesNotMoveAVersionedIdentifier() throws {
        let yaml = Build.oneTask(
            CMK(horizon: "3h", rotateEvery: "1h"),
            timeline: [Build.at("30m", "disableKey", "key: cmk", "version: \(Version.v1)")])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "account.outages": 1,
                "account.unavailableSeconds": 9000,  // 30 min – 3 h
                "tasks.completed": 0,
                "tasks.makespanSeconds": nil,
            ])
    }

    @Test(arguments: [(Version.v1 as String?, 0.0, 7200.0), (nil, 1.0, 15_000.0)])
    func disableKeyWithoutVersionActsOnTheLatestRotatedVersion(
        identifierVersion: String?, outages: Double, makespan: Double
    ) throws {
        // one 2-hour task; rotateEvery 1 h adds auto-1 at 60 min; disableKey without version at
        // 90 min disables auto-1 (the last added). Versioned (v1): nothing happens → 7200 s.
        // Versionless (follows auto-1): outage 90 min; auto-2 at 120 min ends it → recovering
        // 120–130; the task lost 90 min, restarts at 130 → 250 min = 15 000 s.
        let yaml = Build.scenario(
            CMK(identifierVersion: identifierVersion, rotateEvery: "1h"),
            jobs: [Build.job(duration: "2h")],
            timeline: [Build.at("90m", "disableKey", "key: cmk")])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "account.outages": outages,
                "account.unavailableSeconds": outages * 2400,
                "tasks.lostWorkSeconds": outages * 5400,
                "tasks.makespanSeconds": makespan,
            ])
    }

    @Test func nothingIsRotatedInWhileTheKeyIsDeletedButTheScheduleGoesOn() throws {
        // versionless, rotateEvery 1 h; deleted 30–90 min: no version at 60 min; recovered at 90
        // (v1 enabled) → recovering 90–100; the task reruns 100–160; the next version comes at
        // 120 min; the run ends at 160.
        let yaml = Build.oneTask(
            CMK(identifierVersion: nil, rotateEvery: "1h"),
            timeline: [Build.at("30m", "deleteKey", "key: cmk"), Build.at("90m", "recoverKey", "key: cmk")])
        let recorder = EventRecorder()
        let run = try ScenarioFixture.run(yaml, events: recorder)
        expectMetrics(
            run.summary,
            [
                "account.outages": 1,
                "account.unavailableSeconds": 4200,  // 30–100 min
                "tasks.makespanSeconds": 9600,
            ])
        #expect(recorder.events(named: .versionAdded).map(\.time) == [120 * minuteMs])
    }

    @Test func aRotationComesAfterTheFileActionsOfItsInstant() throws {
        // versionless, rotateEvery 1 h, one 2-hour task; disableKey without version at 60 min
        // acts on v1 (auto-1 is added after the file's actions), then auto-1 appears and the
        // identifier follows it before the account reacts: no outage.
        let yaml = Build.scenario(
            CMK(identifierVersion: nil, rotateEvery: "1h"),
            jobs: [Build.job(duration: "2h")],
            timeline: [Build.at("60m", "disableKey", "key: cmk")])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "account.outages": 0,
                "tasks.makespanSeconds": 7200,
            ])
    }

    @Test func useCustomerManagedKeyWithAnIdentifierMovesTheAccountToIt() throws {
        // platform keys at 5; back to CMK on v2 at 10; v1 disabled at 20 harms nothing;
        // useCustomerManagedKey without identifier at 30 goes back to the last one, v2.
        let yaml = Build.oneTask(
            CMK(versions: [Version.v1, Version.v2]),
            timeline: [
                Build.at("5m", "useMicrosoftManagedKey"),
                Build.at("10m", "useCustomerManagedKey", identifierField(Version.v2)),
                Build.at("20m", "disableKey", "key: cmk", "version: \(Version.v1)"),
                Build.at("25m", "useMicrosoftManagedKey"),
                Build.at("30m", "useCustomerManagedKey"),
            ])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "account.outages": 0,
                "account.rejectedOperations": 0,
                "tasks.makespanSeconds": 3600,
            ])
    }
}
