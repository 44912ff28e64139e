import BatchModel
import EventStore
import Experiments
import Foundation
import ParallelWork
import Reporting
import TestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Sweeps: grids, shards, seeds, statistics, and results independent of parallelism.
struct SweepTests {
    static let scenario = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/outage-sweep.yaml").path

    // MARK: - Grid

    @Test func gridParsesListsAndRanges() throws {
        let grid = try SweepGrid(assignments: ["outage=15m..1h/15m", "nodes=10..30/10", "mode=a,b"])
        #expect(grid.variables[0].values == ["15m", "30m", "45m", "1h"])
        #expect(grid.variables[1].values == ["10", "20", "30"])
        #expect(grid.variables[2].values == ["a", "b"])
        #expect(grid.pointCount == 24)
        // The first variable varies slowest, the last fastest.
        #expect(grid.point(0).map(\.value) == ["15m", "10", "a"])
        #expect(grid.point(1).map(\.value) == ["15m", "10", "b"])
        #expect(grid.point(2).map(\.value) == ["15m", "20", "a"])
        #expect(grid.point(23).map(\.value) == ["1h", "30", "b"])
    }

    @Test(arguments: [
        ("outage", "name=v1,v2"), ("outage=1h..15m/15m", "must not end before"), ("x=1..5", "needs a step"),
        ("x=1..5/0", "step of a range must be positive"), ("x=a,,b", "empty value"), ("x=1s..30d/1ms", "more than"),
    ])
    func malformedGridsAreRejected(_ assignment: String, _ fragment: String) {
        #expect {
            _ = try SweepGrid(assignments: [assignment])
        } throws: { error in
            String(describing: error).contains(fragment)
        }
    }

    @Test func aVariableGivenTwiceIsRejected() {
        #expect(throws: SweepGridError.self) { _ = try SweepGrid(assignments: ["a=1", "a=2"]) }
    }

    // MARK: - Shards and seeds

    @Test(arguments: [1, 2, 3, 7])
    func shardsPartitionTheItems(_ count: Int) throws {
        let grid = try SweepGrid(assignments: ["outage=10m,20m,30m"])
        let all = try SweepPlan(scenarioPath: Self.scenario, grid: grid, replications: 4).allItems
        var seen: [SweepPlan.Item] = []
        for index in 1...count {
            seen += try SweepPlan(scenarioPath: Self.scenario, grid: grid, replications: 4, shard: (index, count)).items
        }
        #expect(seen.count == all.count)
        #expect(Set(seen) == Set(all))
    }

    @Test func shardSpecReadsBatchEngineEnvironments() throws {
        #expect(try ShardSpec.parse("2/8", environment: [:]) == (2, 8))
        #expect(
            try ShardSpec.parse("auto", environment: ["BATCHSIM_SHARD_INDEX": "0", "BATCHSIM_SHARD_COUNT": "4"]) == (
                1, 4
            ))
        #expect(
            try ShardSpec.parse("auto", environment: ["JOB_COMPLETION_INDEX": "3", "BATCHSIM_SHARD_COUNT": "4"]) == (
                4, 4
            ))
        let slurm = ["SLURM_ARRAY_TASK_ID": "5", "SLURM_ARRAY_TASK_COUNT": "5", "SLURM_ARRAY_TASK_MIN": "1"]
        #expect(try ShardSpec.parse("auto", environment: slurm) == (5, 5))
        #expect(throws: SweepGridError.self) { _ = try ShardSpec.parse("auto", environment: [:]) }
        #expect(throws: SweepGridError.self) { _ = try ShardSpec.parse("9/8", environment: [:]) }
        #expect(throws: SweepGridError.self) {
            _ = try ShardSpec.parse("auto", environment: ["JOB_COMPLETION_INDEX": "1"])
        }
    }

    @Test func replicationZeroKeepsTheScenarioSeedAndOthersDiffer() {
        #expect(ReplicationSeeds.seed(base: 7, replication: 0) == 7)
        let seeds = Set((1...50).map { ReplicationSeeds.seed(base: 7, replication: $0) })
        #expect(seeds.count == 50)
        #expect(!seeds.contains(7))
    }

    // MARK: - Results

    static func runs(jobs: Int, shard: (Int, Int)? = nil, share: Bool = true) throws -> [SweepRun] {
        let grid = try SweepGrid(assignments: ["outage=10m..30m/10m"])
        let plan = try SweepPlan(scenarioPath: scenario, grid: grid, replications: 3, shard: shard)
        return SweepRunner.run(plan, jobs: jobs, share: share)
    }

    @Test func sharingChangesNoResultWhateverTheJobsAndShards() throws {
        let unshared = Self.text(try Self.runs(jobs: 1, share: false))
        #expect(Self.text(try Self.runs(jobs: 1)) == unshared)
        #expect(Self.text(try Self.runs(jobs: 2)) == unshared)
        // Three seeds for five workers: each seed's points split into chunks, a tree each.
        #expect(Self.text(try Self.runs(jobs: 5)) == unshared)
        var sharded: [String] = []
        for index in 1...2 { sharded += Self.text(try Self.runs(jobs: 2, shard: (index, 2))) }
        let unshardedOrder = Set(unshared)
        #expect(Set(sharded) == unshardedOrder && sharded.count == unshared.count)
    }

    @Test func aSweepOverOutageLengthSimulatesTheSharedHoursOnce() throws {
        // outage-sweep.yaml: the key is disabled at 30 min and enabled 10, 20 or 30 min later.
        // Per replication (one seed) the sweep has three scenarios and three identical baselines.
        // Shared, the baseline is simulated once (two whole baselines saved), the first 30 min
        // once for the four distinct runs (3 × 30 min saved), 30..40 min once for the three
        // scenarios (2 × 10 min) and 40..50 min once for the two longer outages (1 × 10 min).
        let grid = try SweepGrid(assignments: ["outage=10m..30m/10m"])
        let plan = try SweepPlan(scenarioPath: Self.scenario, grid: grid, replications: 3)
        let sharing = Locked(SweepRunner.Sharing())
        let runs = SweepRunner.run(plan, jobs: 2, sharing: sharing)
        #expect(runs.count == 9)
        let saved = sharing.current
        let minute: Int64 = 60_000
        var expected: Int64 = 0
        for item in plan.items where item.point == 0 {
            let baselineEnd = Simulation.run(plan.scenario(for: item).baseline).metrics.endTime
            expected += 2 * baselineEnd + 3 * 30 * minute + 2 * 10 * minute + 10 * minute
        }
        #expect(saved.runTime - saved.simulatedTime == expected)
    }

    static func text(_ runs: [SweepRun]) -> [String] {
        runs.map { run in
            "\(run.item.point)/\(run.item.replication)/\(run.seed): "
                + run.metrics.map { "\($0.name)=\($0.value)" }.joined(separator: ",")
        }
    }

    @Test func resultsAreTheSameWhateverTheNumberOfJobs() throws {
        #expect(Self.text(try Self.runs(jobs: 1)) == Self.text(try Self.runs(jobs: 2)))
        #expect(Self.text(try Self.runs(jobs: 1)) == Self.text(try Self.runs(jobs: 5)))
    }

    @Test func mergedShardsEqualTheUnshardedSweep() throws {
        let grid = try SweepGrid(assignments: ["outage=10m..30m/10m"])
        let plan = try SweepPlan(scenarioPath: Self.scenario, grid: grid, replications: 3)
        let whole = SweepResults.record(plan: plan, runs: try Self.runs(jobs: 2), scenarioName: "outage-sweep")
        var parts: [SweepRecord] = []
        for index in 1...3 {
            let shardPlan = try SweepPlan(scenarioPath: Self.scenario, grid: grid, replications: 3, shard: (index, 3))
            parts.append(
                SweepResults.record(
                    plan: shardPlan, runs: SweepRunner.run(shardPlan, jobs: 1), scenarioName: "outage-sweep"))
        }
        let merged = try SweepResults.merge(parts.reversed())
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sweep-\(UUID().uuidString)")
        try SweepResults.writeAll(whole, to: directory.appendingPathComponent("whole").path)
        try SweepResults.writeAll(merged, to: directory.appendingPathComponent("merged").path)
        for file in ["sweep.csv", "sweep.json", "sweep.md"] {
            let a = try Data(contentsOf: directory.appendingPathComponent("whole/\(file)"))
            let b = try Data(contentsOf: directory.appendingPathComponent("merged/\(file)"))
            #expect(a == b, "\(file) differs")
        }
        let reread = try SweepStore.read(directory.appendingPathComponent("merged/sweep.sqlite").path)
        #expect(reread.runs.count == 9)
    }

    @Test func statisticsFollowTheOutageLength() throws {
        // Every task restarts from scratch when the account is back at 30m + outage + 10m, so the
        // last task is exactly (40m + outage) late, whatever the sampled durations.
        let grid = try SweepGrid(assignments: ["outage=10m..30m/10m"])
        let statistics = SweepStatistics(runs: try Self.runs(jobs: 2), grid: grid)
        #expect(statistics.points.count == 3)
        for (point, minutes) in zip(statistics.points, [50.0, 60, 70]) {
            let delay = try #require(point.metrics.first { $0.name == "impact.makespanDelaySeconds" }?.statistics)
            #expect(delay.count == 3)
            #expect(delay.mean == minutes * 60)
            #expect(delay.standardDeviation == 0)
        }
    }

    @Test func sweepPageIsWellFormedWithAChartPerMainMetric() throws {
        let grid = try SweepGrid(assignments: ["outage=10m..30m/10m"])
        let outputs = SweepOutputs(
            scenarioName: "outage-sweep",
            replications: 3,
            grid: grid,
            statistics: SweepStatistics(runs: try Self.runs(jobs: 2), grid: grid)
        )
        let html = outputs.html()
        let parser = XMLParser(data: Data(html.replacingOccurrences(of: "<!DOCTYPE html>", with: "").utf8))
        #expect(parser.parse(), "sweep.html must be well-formed XML")
        for metric in SweepOutputs.mainMetrics {
            #expect(
                html.contains(
                    "<title id=\"sweep-\(SweepOutputs.mainMetrics.firstIndex(of: metric) ?? 0)-title\">\(metric) against outage</title>"
                ))
        }
        #expect(html.components(separatedBy: "<polygon").count - 1 == SweepOutputs.mainMetrics.count)
        #expect(
            !html.contains("https://")
                && html.components(separatedBy: "http://").count - 1 == SweepOutputs.mainMetrics.count)
    }

    @Test func mergingDifferentSweepsIsRejected() throws {
        let a = SweepRecord(
            scenario: "a", scenarioPath: "a", toolVersion: "x", replications: 1, variables: [], runs: [])
        let b = SweepRecord(
            scenario: "b", scenarioPath: "b", toolVersion: "x", replications: 1, variables: [], runs: [])
        #expect(throws: (any Error).self) { _ = try SweepResults.merge([a, b]) }
    }

    @Test func aSweepOverTheDedicatedSpotSplitAnswersTheWhatIf() throws {
        // Scenarios/spot-preempted-during-outage.yaml, 4 one-hour tasks, key disabled 20-40 min
        // (back at 50), preemptNodes count 2 at 30 min. Worked out by hand:
        // (2 dedicated, 2 Spot): 6600 s against a baseline of 6300 (the preemption costs both) → 300;
        // (2, 0): two nodes, tasks 2 and 3 wait: 10200 against 7200 → 3000;
        // (4, 2) and (4, 0): four dedicated nodes carry the tasks: 6600 against 3600 → 3000.
        let path = CommandRunner.repositoryRoot.appendingPathComponent("Scenarios/spot-preempted-during-outage.yaml")
            .path
        let grid = try SweepGrid(assignments: ["dedicated=2,4", "spot=2,0"])
        let plan = try SweepPlan(scenarioPath: path, grid: grid, replications: 1)
        let runs = SweepRunner.run(plan, jobs: 2)
        let delays = runs.map { run in run.metrics.first { $0.name == "impact.makespanDelaySeconds" }?.value.number }
        #expect(delays == [300, 3000, 3000, 3000])
        let preemptions = runs.map { run in run.metrics.first { $0.name == "nodes.preemptions" }?.value.number }
        #expect(preemptions == [2, 0, 2, 0])
    }
}
