import BatchModel
import Reporting
import TestSupport
import Testing

/// SPEC §2 "Scheduling", rules 2, 3, 8, 9.
struct SchedulingTests {
    @Test func theHigherPriorityJobStartsFirstWhenNodesReturn() throws {
        // 1 node. low (priority 0): one 10-min task at 0. high (priority 100): one 10-min task at
        // 2 min, queued behind the running one. Key lost 5–6 min → unavailable 5–16 min; low is
        // requeued at 5. At 16: high first (16–26), then low (26–36).
        let yaml = Build.scenario(
            jobs: [
                Build.job("low", priority: 0, duration: "10m"),
                Build.job("high", priority: 100, duration: "10m", arrival: "{at: 2m}"),
            ],
            timeline: [Build.at("5m", "disableKey", "key: cmk"), Build.at("6m", "enableKey", "key: cmk")])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "jobs.high.makespanSeconds": 1560,
                "jobs.low.makespanSeconds": 2160,
                "tasks.makespanSeconds": 2160,
                "baseline.jobs.low.makespanSeconds": 600,  // 0–10
                "baseline.jobs.high.makespanSeconds": 1200,  // 10–20
                "impact.jobs.high.makespanSeconds": 360,
            ])
    }

    @Test func aRequeuedTaskKeepsItsPlaceInTheQueue() throws {
        // 1 node, tasks at 0 and 2 min, 10 min each; unavailable 5–16 min. Task 0 (accepted at 0)
        // goes first again: 16–26 (turnaround 26 min), task 1: 26–36 (turnaround 34 min).
        let yaml = Build.scenario(
            jobs: [Build.job(count: 2, duration: "10m", arrival: "{every: 2m}")],
            timeline: [Build.at("5m", "disableKey", "key: cmk"), Build.at("6m", "enableKey", "key: cmk")])
        let recorder = EventRecorder()
        let run = try ScenarioFixture.run(yaml, events: recorder)
        expectMetrics(
            run.summary,
            [
                "tasks.turnaroundSeconds.p50": 1560,  // rank 1 of {1560, 2040}
                "tasks.turnaroundSeconds.max": 2040,
                "tasks.waitSeconds.p95": 1440,  // task 1 first starts at 26: 24 min
                "tasks.makespanSeconds": 2160,
            ])
        let starts = recorder.events(named: .taskStarted)
        #expect(starts.map(\.time) == [0, 16 * minuteMs, 26 * minuteMs])
        if starts.count == 3 {
            #expect(starts[1].entityIndex == starts[0].entityIndex)  // the requeued task restarts first
        }
    }

    @Test func sameTimeSamePriorityTasksGoInFileOrderThenSubmitTasksBlocks() throws {
        // 1 node, all tasks accepted at 0, priority 0. Numbering (rule 8): zeta's task (10 min),
        // alpha's (20 min), then zeta's submitTasks task (1 min): 0–10, 10–30, 30–31.
        let yaml = Build.scenario(
            jobs: [Build.job("zeta", duration: "10m"), Build.job("alpha", duration: "20m")],
            timeline: [Build.at("0s", "submitTasks", "job: zeta", "tasks: {count: 1, duration: 1m}")])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "jobs.zeta.makespanSeconds": 1860,
                "jobs.alpha.makespanSeconds": 1800,
                "jobs.zeta.completed": 2,
                "tasks.makespanSeconds": 1860,
            ])
    }

    @Test(arguments: [("spread", 4200.0, 3600.0, 4200.0), ("pack", 660.0, 3600.0, 3600.0)])
    func packAndSpreadPlaceMultiSlotTasksDifferentlyWithoutHeadOfLineBlocking(
        fill: String, bMakespan: Double, aMakespan: Double, makespan: Double
    ) throws {
        // 2 nodes × 4 slots. a: two 1-slot 60-min tasks at 0. b: one 4-slot 10-min task at 1 min.
        // c: one 1-slot 10-min task at 2 min.
        // spread: a0 → node 0, a1 → node 1 (most free); b fits nowhere until 60 → 60–70;
        //   c is not blocked behind b (rule 9): node 0, 2–12.
        // pack: a0, a1 → node 0; b → node 1 at 1 min, 1–11; c → node 0, 2–12.
        let yaml = Build.scenario(
            pools: [Build.pool(dedicated: 2, slots: 4, fill: fill)],
            jobs: [
                Build.job("a", count: 2, duration: "60m"),
                Build.job("b", duration: "10m", arrival: "{at: 1m}", tasks: ["requiredSlots: 4"]),
                Build.job("c", duration: "10m", arrival: "{at: 2m}"),
            ])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "jobs.a.makespanSeconds": aMakespan,
                "jobs.b.makespanSeconds": bMakespan,
                "jobs.c.makespanSeconds": 720,
                "tasks.makespanSeconds": makespan,
                "tasks.completed": 4,
            ])
    }

    @Test func aTaskTooBigForAnyNodeIsAcceptedButNeverRuns() throws {
        // 1 node × 2 slots; big needs 3. Horizon 1 h.
        let yaml = Build.scenario(
            CMK(horizon: "1h"),
            pools: [Build.pool(slots: 2)],
            jobs: [
                Build.job("big", duration: "10m", tasks: ["requiredSlots: 3"]),
                Build.job("small", duration: "10m"),
            ])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "tasks.submitted": 2,
                "tasks.completed": 1,
                "tasks.incomplete": 1,
                "tasks.makespanSeconds": nil,
                "jobs.big.makespanSeconds": nil,
                "jobs.small.makespanSeconds": 600,
                "tasks.waitSeconds.p50": 0,  // only the small task started
            ])
    }

    @Test func periodicArrivalsStartAtFromAndSubmitTasksArrivalsAreRelativeToTheAction() throws {
        // job: 3 tasks at 5, 15, 25 min; submitTasks at 30 min with {every: 10m, from: 5m}, 2
        // tasks → 35, 45 min. 1-min tasks on 1 node; last done at 46 min.
        let yaml = Build.scenario(
            jobs: [Build.job(count: 3, duration: "1m", arrival: "{every: 10m, from: 5m}")],
            timeline: [
                Build.at("30m", "submitTasks", "job: j", "tasks: {count: 2, arrival: {every: 10m, from: 5m}}")
            ])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "tasks.submitted": 5,
                "tasks.makespanSeconds": 2760,
                "tasks.waitSeconds.p99": 0,
                "tasks.turnaroundSeconds.max": 60,
            ])
    }

    struct PercentileCase: Sendable, CustomTestStringConvertible {
        var count: Int
        var waitP50, waitP95, waitP99: Double
        var turnP50, turnP95, turnP99, turnMax: Double
        var testDescription: String { "\(count) one-minute tasks queued on one node" }
    }

    // Task k (1-based) waits 60(k−1) s and turns around in 60k s; nearest rank ⌈p/100·n⌉.
    static let percentileCases: [PercentileCase] = [
        // n = 4: ranks 2, 4, 4
        PercentileCase(
            count: 4, waitP50: 60, waitP95: 180, waitP99: 180, turnP50: 120, turnP95: 240, turnP99: 240,
            turnMax: 240),
        // n = 5: ranks 3, 5, 5
        PercentileCase(
            count: 5, waitP50: 120, waitP95: 240, waitP99: 240, turnP50: 180, turnP95: 300, turnP99: 300,
            turnMax: 300),
        // n = 20: ranks 10, 19, 20
        PercentileCase(
            count: 20, waitP50: 540, waitP95: 1080, waitP99: 1140, turnP50: 600, turnP95: 1140, turnP99: 1200,
            turnMax: 1200),
    ]

    @Test(arguments: percentileCases)
    func percentilesUseTheNearestRankMethod(_ c: PercentileCase) throws {
        let yaml = Build.scenario(jobs: [Build.job(count: c.count, duration: "1m")])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "tasks.waitSeconds.p50": c.waitP50,
                "tasks.waitSeconds.p95": c.waitP95,
                "tasks.waitSeconds.p99": c.waitP99,
                "tasks.turnaroundSeconds.p50": c.turnP50,
                "tasks.turnaroundSeconds.p95": c.turnP95,
                "tasks.turnaroundSeconds.p99": c.turnP99,
                "tasks.turnaroundSeconds.max": c.turnMax,
                "tasks.makespanSeconds": c.turnMax,
            ])
    }

    @Test func theQueueOrdersByTheTimeTheAccountAcceptedATaskNotItsArrival() throws {
        // 1 node, unavailable 10–30 min. long: a 30-min task at 30 min (runs 30–60). x: a 1-min
        // task arriving at 12 min, retried every 4 min: rejected 12…28, accepted 32. y: a 1-min task
        // accepted at 31. At 60 min y (accepted 31) goes before x (accepted 32, lower task number).
        let yaml = Build.scenario(
            jobs: [
                Build.job("long", duration: "30m", arrival: "{at: 30m}"),
                Build.job(
                    "x", duration: "1m", arrival: "{at: 12m}", client: "{onRejected: {retryEvery: 4m, maxAttempts: 10}}"
                ),
                Build.job("y", duration: "1m", arrival: "{at: 31m}"),
            ],
            timeline: [Build.at("10m", "disableKey", "key: cmk"), Build.at("20m", "enableKey", "key: cmk")])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "tasks.rejectedSubmissions": 5,  // 12, 16, 20, 24, 28
                "jobs.y.makespanSeconds": 3660,
                "jobs.x.makespanSeconds": 3720,
                "tasks.waitSeconds.p99": 2940,  // x: 61 − 12 min
            ])
    }
}
