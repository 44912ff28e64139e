import BatchModel
import Reporting
import TestSupport
import Testing

/// Tasks and submissions around an outage (SPEC §2 "Nodes and tasks during an outage",
/// rules 4, 5, 10, 14).
struct OutageTaskTests {
    struct ClientCase: Sendable, CustomTestStringConvertible {
        var client: String?
        var rejected: Double
        var dropped: Double
        var submitted: Double
        var makespan: Double
        var testDescription: String
    }

    static let clientCases: [ClientCase] = [
        // arrivals 0, 10, 20 min; unavailable 10–30 min. Dropping client: tasks 1 and 2 dropped.
        ClientCase(
            client: nil, rejected: 2, dropped: 2, submitted: 1, makespan: 300,
            testDescription: "the default client drops"),
        // retry every 4 min, 3 attempts in all: 10/14/18 and 20/24/28 all rejected.
        ClientCase(
            client: "{onRejected: {retryEvery: 4m, maxAttempts: 3}}", rejected: 6, dropped: 2, submitted: 1,
            makespan: 300, testDescription: "maxAttempts counts the first attempt"),
        // 4 attempts: 10/14/18/22 rejected → dropped; 20/24/28 rejected, 32 accepted → runs 32–37.
        ClientCase(
            client: "{onRejected: {retryEvery: 4m, maxAttempts: 4}}", rejected: 7, dropped: 1, submitted: 2,
            makespan: 2220, testDescription: "a retry after recovery gets in"),
        // every 10 min, 2 attempts: 10/20 → dropped; 20 rejected, 30 accepted (phase 5 sees the
        // account that became accessible in phase 3 of 30 min) → runs 30–35.
        ClientCase(
            client: "{onRejected: {retryEvery: 10m, maxAttempts: 2}}", rejected: 3, dropped: 1, submitted: 2,
            makespan: 2100, testDescription: "a retry at the instant of recovery gets in"),
    ]

    @Test(arguments: clientCases)
    func submissionsDuringAnOutageAreRejectedAndDroppedOrRetried(_ c: ClientCase) throws {
        let yaml = Build.scenario(
            jobs: [Build.job(count: 3, duration: "5m", arrival: "{every: 10m}", client: c.client)],
            timeline: [Build.at("10m", "disableKey", "key: cmk"), Build.at("20m", "enableKey", "key: cmk")])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "tasks.rejectedSubmissions": c.rejected,
                "account.rejectedOperations": c.rejected,  // every attempt is one (rule 4)
                "tasks.dropped": c.dropped,
                "tasks.submitted": c.submitted,
                "tasks.completed": c.submitted,
                "tasks.incomplete": 0,
                "tasks.makespanSeconds": c.makespan,  // every task completed or dropped
                "baseline.tasks.makespanSeconds": 1500,  // 20 + 5 min
                "baseline.tasks.dropped": 0,
                "impact.tasks.dropped": c.dropped,
            ])
    }

    @Test func waitAndTurnaroundCountFromTheFirstAttempt() throws {
        // 4-min retries, 4 attempts: task 0 arrives 0, runs 0–5; task 2 arrives 20 min, accepted
        // at 32, runs 32–37 → wait 12 min, turnaround 17 min. Task 1 is dropped (not counted).
        let yaml = Build.scenario(
            jobs: [
                Build.job(
                    count: 3, duration: "5m", arrival: "{every: 10m}",
                    client: "{onRejected: {retryEvery: 4m, maxAttempts: 4}}")
            ],
            timeline: [Build.at("10m", "disableKey", "key: cmk"), Build.at("20m", "enableKey", "key: cmk")])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "tasks.waitSeconds.p50": 0,  // rank ⌈0.5·2⌉ = 1 of {0, 720}
                "tasks.waitSeconds.p95": 720,  // rank 2
                "tasks.turnaroundSeconds.p50": 300,
                "tasks.turnaroundSeconds.max": 1020,
            ])
    }

    @Test func submitTasksBlocksAreRejectedDuringAnOutageAndAcceptedAfterIt() throws {
        // 2 nodes; job j: one 5-min task at 0. Unavailable 10–30 min. submitTasks at 15 min
        // (2 tasks, rejected, dropped) and at 40 min (2 tasks of the job's 5 min → 40–45).
        let yaml = Build.scenario(
            pools: [Build.pool(dedicated: 2)],
            jobs: [Build.job(duration: "5m")],
            timeline: [
                Build.at("10m", "disableKey", "key: cmk"),
                Build.at("15m", "submitTasks", "job: j", "tasks: {count: 2}"),
                Build.at("20m", "enableKey", "key: cmk"),
                Build.at("40m", "submitTasks", "job: j", "tasks: {count: 2}"),
            ])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "tasks.submitted": 3,
                "tasks.completed": 3,
                "tasks.dropped": 2,
                "tasks.rejectedSubmissions": 2,
                "account.rejectedOperations": 2,
                "tasks.makespanSeconds": 2700,  // 45 min
                "jobs.j.completed": 3,
                "baseline.tasks.submitted": 5,  // submitTasks stays in the baseline
                "baseline.tasks.makespanSeconds": 2700,
                "impact.tasks.submitted": -2,
            ])
    }

    @Test func resizingIsRejectedWhileTheAccountIsUnavailable() throws {
        // 1 node; resize to 3 at 15 min, during the 10–30 min outage: rejected. Baseline: accepted.
        let yaml = Build.oneTask(
            timeline: [
                Build.at("10m", "disableKey", "key: cmk"),
                Build.at("15m", "resizePool", "pool: p", "dedicatedNodes: 3"),
                Build.at("20m", "enableKey", "key: cmk"),
            ])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "account.rejectedOperations": 1,
                "tasks.makespanSeconds": 5400,  // 30 → 90 min
                "nodes.billedNodeSeconds": 5400,  // still 1 node
                "pools.p.billedNodeSeconds": 5400,
                "baseline.account.rejectedOperations": 0,
                "baseline.nodes.billedNodeSeconds": 9000,  // 3600 + 2 × (60 − 15) min
                "impact.extraNodeSeconds": -3600,
            ])
    }

    struct CheckpointCase: Sendable, CustomTestStringConvertible {
        var checkpointEvery: String?
        var twoInterruptions: Bool
        var lostWork: Double
        var makespan: Double
        var testDescription: String
    }

    static let checkpointCases: [CheckpointCase] = [
        // lost at 40 min (progress 40, checkpoint 30 → 10 lost); restart 55 with 30 min left → 85
        CheckpointCase(
            checkpointEvery: "15m", twoInterruptions: false, lostWork: 600, makespan: 5100,
            testDescription: "checkpoints every 15 min, one interruption"),
        // checkpoint 25 → 15 lost; restart 55 with 35 left → 90
        CheckpointCase(
            checkpointEvery: "25m", twoInterruptions: false, lostWork: 900, makespan: 5400,
            testDescription: "checkpoints every 25 min, one interruption"),
        // no checkpoints: 40 lost; restart 55 → 115
        CheckpointCase(
            checkpointEvery: nil, twoInterruptions: false, lostWork: 2400, makespan: 6900,
            testDescription: "no checkpoints, one interruption"),
        // second loss at 80: progress 30 + 25 = 55 → checkpoint 45, 10 lost; restart 95 with 15 left → 110
        CheckpointCase(
            checkpointEvery: "15m", twoInterruptions: true, lostWork: 1200, makespan: 6600,
            testDescription: "checkpoints every 15 min, two interruptions"),
        // second loss at 80: 25 min since 55 lost; restart 95 → 155
        CheckpointCase(
            checkpointEvery: nil, twoInterruptions: true, lostWork: 3900, makespan: 9300,
            testDescription: "no checkpoints, two interruptions"),
    ]

    @Test(arguments: checkpointCases)
    func aRequeuedTaskKeepsItsWholeCheckpoints(_ c: CheckpointCase) throws {
        // one 60-min task; lost 40–45 (unavailable 40–55) and, for two, 80–85 (unavailable 80–95).
        var timeline = [Build.at("40m", "disableKey", "key: cmk"), Build.at("45m", "enableKey", "key: cmk")]
        if c.twoInterruptions {
            timeline += [Build.at("80m", "disableKey", "key: cmk"), Build.at("85m", "enableKey", "key: cmk")]
        }
        let extra = c.checkpointEvery.map { ["checkpointEvery: \($0)"] } ?? []
        let yaml = Build.scenario(jobs: [Build.job(tasks: extra)], timeline: timeline)
        let run = try ScenarioFixture.run(yaml)
        let n: Double = c.twoInterruptions ? 2 : 1
        expectMetrics(
            run.summary,
            [
                "tasks.lostWorkSeconds": c.lostWork,
                "tasks.makespanSeconds": c.makespan,
                "tasks.requeued": n,
                "tasks.requeuedDistinct": 1,
                "account.outages": n,
                "account.unavailableSeconds": n * 900,
                // requeues do not consume maxTaskRetryCount (0): the task still completes
                "tasks.completed": 1,
                "tasks.failed": 0,
                "tasks.retries": 0,
            ])
    }

    @Test func aTaskThatAlwaysFailsIsRetriedThenFails() throws {
        // 10-min task, failureProbability 1, maxTaskRetryCount 2: attempts 0–10, 10–20, 20–30.
        let yaml = Build.scenario(
            jobs: [Build.job(duration: "10m", tasks: ["failureProbability: 1", "maxTaskRetryCount: 2"])])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "tasks.retries": 2,
                "tasks.failed": 1,
                "tasks.completed": 0,
                "tasks.incomplete": 0,
                "tasks.requeued": 0,
                "tasks.lostWorkSeconds": 0,  // failed attempts are not lost work
                "tasks.turnaroundSeconds.max": 1800,
                "tasks.makespanSeconds": 1800,  // a final failure counts as the last completion
                "jobs.j.failed": 1,
                "jobs.j.completed": 0,
                "jobs.j.makespanSeconds": 1800,
            ])
    }

    @Test func requeuesDoNotConsumeRetries() throws {
        // as above, with the key lost 15–20 min (unavailable 15–30): attempt 1 fails at 10;
        // attempt 2 (retry 1) is requeued at 15 (5 min lost), reruns 30–40 and fails; retry 2
        // runs 40–50 and fails for good.
        let yaml = Build.scenario(
            jobs: [Build.job(duration: "10m", tasks: ["failureProbability: 1", "maxTaskRetryCount: 2"])],
            timeline: [Build.at("15m", "disableKey", "key: cmk"), Build.at("20m", "enableKey", "key: cmk")])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "tasks.retries": 2,
                "tasks.requeued": 1,
                "tasks.lostWorkSeconds": 300,
                "tasks.failed": 1,
                "tasks.makespanSeconds": 3000,
                "tasks.turnaroundSeconds.max": 3000,
                "impact.makespanDelaySeconds": 1200,
            ])
    }

    struct AllocationCase: Sendable, CustomTestStringConvertible {
        var enableAt: String
        var unusable: Double
        var makespan: Double
        var testDescription: String
    }

    static let allocationCases: [AllocationCase] = [
        // accessible at 25 = when allocation (20) + start task (5) end → idle at 25; task 25–85
        AllocationCase(
            enableAt: "15m", unusable: 900, makespan: 5100,
            testDescription: "recovery at the instant the node would become idle"),
        // accessible at 22: the node is back in its start task, idle at 25
        AllocationCase(
            enableAt: "12m", unusable: 720, makespan: 5100, testDescription: "recovery during the start task"),
        // accessible at 40: idle at once; task 40–100
        AllocationCase(
            enableAt: "30m", unusable: 1800, makespan: 6000, testDescription: "recovery after allocation would end"),
    ]

    @Test(arguments: allocationCases)
    func aNodeStillAllocatingReturnsToTheStateItWouldHaveReached(_ c: AllocationCase) throws {
        // allocation 20 min, start task 5 min; the key is lost at 10 min, while the node allocates.
        let yaml = Build.scenario(
            pools: [Build.pool(allocationDelay: "20m", startTask: "5m")],
            timeline: [Build.at("10m", "disableKey", "key: cmk"), Build.at(c.enableAt, "enableKey", "key: cmk")])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "nodes.unusableNodeSeconds": c.unusable,  // from 10 min to recovery
                "tasks.makespanSeconds": c.makespan,
                "tasks.requeued": 0,
                "nodes.billedNodeSeconds": c.makespan,  // billed from the request at t = 0 (rule 11)
                "baseline.tasks.makespanSeconds": 5100,
                "nodes.peakUnusable": 1,
            ])
    }

    @Test func checkpointsDoNotSurviveAFailure() throws {
        // 60-min task, checkpoints every 15 min, always fails, 1 retry. Unavailable 40–55 min:
        // requeued at 40 (checkpoint 30, 10 min lost); resumes 55 → 85 and fails; the retry
        // starts from scratch 85 → 145 and fails for good.
        let yaml = Build.scenario(
            jobs: [
                Build.job(tasks: ["checkpointEvery: 15m", "failureProbability: 1", "maxTaskRetryCount: 1"])
            ],
            timeline: [Build.at("40m", "disableKey", "key: cmk"), Build.at("45m", "enableKey", "key: cmk")])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "tasks.retries": 1,
                "tasks.failed": 1,
                "tasks.requeued": 1,
                "tasks.lostWorkSeconds": 600,
                "tasks.makespanSeconds": 8700,
                "tasks.turnaroundSeconds.max": 8700,
            ])
    }

    @Test func anOutageMakesEveryNodeOfEveryPoolUnusable() throws {
        // pool a: 2 nodes, pool b: 1 node, one 60-min task per node; unavailable 10–30 min.
        let yaml = Build.scenario(
            pools: [Build.pool("a", dedicated: 2), Build.pool("b", dedicated: 0, lowPriority: 1)],
            jobs: [Build.job("ja", pool: "a", count: 2), Build.job("jb", pool: "b")],
            timeline: [Build.at("10m", "disableKey", "key: cmk"), Build.at("20m", "enableKey", "key: cmk")])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "pools.a.unusableNodeSeconds": 2400,
                "pools.b.unusableNodeSeconds": 1200,
                "nodes.unusableNodeSeconds": 3600,
                "nodes.peakUnusable": 3,
                "tasks.requeued": 3,
                "tasks.lostWorkSeconds": 1800,
                "jobs.ja.makespanSeconds": 5400,
                "jobs.jb.makespanSeconds": 5400,
                "pools.a.billedNodeSeconds": 10_800,
                "pools.b.billedNodeSeconds": 5400,
            ])
    }

    @Test func lostWorkCountsTaskSecondsNotSlotSeconds() throws {
        // 1 node × 2 slots, one 2-slot 60-min task; unavailable 10–30 min: 10 min of work lost.
        let yaml = Build.scenario(
            pools: [Build.pool(slots: 2)],
            jobs: [Build.job(tasks: ["requiredSlots: 2"])],
            timeline: [Build.at("10m", "disableKey", "key: cmk"), Build.at("20m", "enableKey", "key: cmk")])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "tasks.lostWorkSeconds": 600,
                "impact.lostWorkSeconds": 600,
                "nodes.unusableNodeSeconds": 1200,
                "tasks.makespanSeconds": 5400,
            ])
    }
}
