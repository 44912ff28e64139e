import BatchModel
import Reporting
import TestSupport
import Testing

/// SPEC §2 rule 1 (end of run) and rule 10 (makespan null while work remains).
struct EndOfRunTests {
    @Test func withoutHorizonTheRunEndsAtTheLastCompletion() throws {
        let run = try ScenarioFixture.run(Build.scenario())
        expectMetrics(
            run.summary,
            [
                "tasks.makespanSeconds": 3600,
                "nodes.billedNodeSeconds": 3600,
                "baseline.nodes.billedNodeSeconds": 3600,
            ])
    }

    @Test func withAHorizonTheRunEndsExactlyThereEvenIfWorkFinishedEarlier() throws {
        let run = try ScenarioFixture.run(Build.scenario(CMK(horizon: "2h")))
        expectMetrics(
            run.summary,
            [
                "tasks.makespanSeconds": 3600,
                "nodes.billedNodeSeconds": 7200,  // billing runs to the end of the run
                "baseline.nodes.billedNodeSeconds": 7200,
            ])
    }

    @Test func aHorizonBeforeTheWorkEndsLeavesTheMakespanNull() throws {
        let run = try ScenarioFixture.run(Build.scenario(CMK(horizon: "30m")))
        expectMetrics(
            run.summary,
            [
                "tasks.makespanSeconds": nil,
                "tasks.completed": 0,
                "tasks.incomplete": 1,
                "tasks.turnaroundSeconds.p50": nil,
                "tasks.waitSeconds.p50": 0,
                "nodes.billedNodeSeconds": 1800,
                "impact.makespanDelaySeconds": nil,
            ])
    }

    @Test func tasksThatHaveNotArrivedByTheHorizonLeaveTheMakespanNull() throws {
        // arrivals at 0, 1 h, 2 h (1 min each); horizon 90 min: two done, one still to come.
        let yaml = Build.scenario(
            CMK(horizon: "90m"), jobs: [Build.job(count: 3, duration: "1m", arrival: "{every: 1h}")])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "tasks.completed": 2,
                "tasks.makespanSeconds": nil,
                "jobs.j.makespanSeconds": nil,
                "tasks.turnaroundSeconds.max": 60,
            ])
    }

    @Test func aPendingRecoveryTimerKeepsTheRunGoing() throws {
        // 5-min task; key lost 10–20 min → recovering until 30 min: the run ends at 30 min.
        let yaml = Build.scenario(
            jobs: [Build.job(duration: "5m")],
            timeline: [Build.at("10m", "disableKey", "key: cmk"), Build.at("20m", "enableKey", "key: cmk")])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "tasks.makespanSeconds": 300,
                "nodes.billedNodeSeconds": 1800,
                "account.unavailableSeconds": 1200,
                "account.recoveringSeconds": 600,
                "nodes.unusableNodeSeconds": 1200,
                "baseline.nodes.billedNodeSeconds": 300,
            ])
    }

    @Test func aPendingDetectionTimerKeepsTheRunGoingUntilItFires() throws {
        // 5-min task; detection delay 10 min; key lost at 10 min for good → keyInaccessible at
        // 20 min; nothing is left to wait on, so the run ends at 20 min.
        let yaml = Build.scenario(
            CMK(detectionDelay: "10m"),
            jobs: [Build.job(duration: "5m")],
            timeline: [Build.at("10m", "disableKey", "key: cmk")])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "account.outages": 1,
                "account.unavailableSeconds": 0,
                "nodes.billedNodeSeconds": 1200,
                "tasks.makespanSeconds": 300,
            ])
    }

    @Test func futureExpiryDatesAndRetentionPurgesDoNotKeepTheRunGoing() throws {
        // the task ends at 60 min; deleteKey at 70 min (outage at once, retention 7 d still to
        // run) and a version expiring at 10 h: the run ends at 70 min.
        let yaml = Build.scenario(
            CMK(retentionDays: 7, versions: ["{id: \(Version.v1), expires: 10h}"]),
            timeline: [Build.at("70m", "deleteKey", "key: cmk")])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "tasks.makespanSeconds": 3600,
                "nodes.billedNodeSeconds": 4200,
                "account.outages": 1,
                "account.unrecoverable": 0,
                "baseline.nodes.billedNodeSeconds": 3600,
            ])
    }

    @Test func workThatNeverFinishesStopsAtThirtyDays() throws {
        // a 3-slot task on a 2-slot node never runs; no horizon → 30-day cap.
        let yaml = Build.scenario(pools: [Build.pool(slots: 2)], jobs: [Build.job(tasks: ["requiredSlots: 3"])])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "nodes.billedNodeSeconds": 2_592_000,  // 30 × 86 400
                "tasks.incomplete": 1,
                "tasks.makespanSeconds": nil,
            ])
    }

    @Test func aPermanentOutageRunsToTheCapWhenTasksAreQueued() throws {
        // key lost at 10 min for good: the requeued task waits forever → cap.
        let yaml = Build.oneTask(timeline: [Build.at("10m", "disableKey", "key: cmk")])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "account.unavailableSeconds": 2_591_400,  // 30 d − 10 min
                "nodes.unusableNodeSeconds": 2_591_400,
                "nodes.billedNodeSeconds": 2_592_000,
                "tasks.makespanSeconds": nil,
                "baseline.nodes.billedNodeSeconds": 3600,  // each run has its own end
            ])
    }

    @Test func everythingAtTheHorizonHappens() throws {
        // horizon 1 h; the 60-min task completes at 1 h (phase 1) and the key is lost at 1 h
        // (phase 2 → keyInaccessible in phase 3).
        let yaml = Build.oneTask(CMK(horizon: "1h"), timeline: [Build.at("1h", "disableKey", "key: cmk")])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "tasks.completed": 1,
                "tasks.makespanSeconds": 3600,
                "tasks.requeued": 0,
                "account.outages": 1,
                "account.unavailableSeconds": 0,
                "nodes.billedNodeSeconds": 3600,
            ])
    }
}
