import AutoscaleFormula
import BatchModel
import SimulationKernel
import Testing

/// Autoscale formulas in the simulation (SPEC §7 rules 26 and 27). Scenarios are built in code;
/// every expectation is worked out by hand in the comments.
struct AutoscaleSimulationTests {
    static let minute = SimTime.millisecondsPerMinute

    static let account = AccountConfig(
        name: "acct", keyIdentifier: KeyIdentifier("https://kv.vault.azure.net/keys/cmk/v1"))
    static let vault = KeyVaultConfig(
        name: "kv",
        accessPolicies: [AccessPolicy(principal: "acct", keyPermissions: ["get", "wrapKey", "unwrapKey"])],
        keys: [KeyConfig(name: "cmk", versions: [KeyVersionConfig(id: "v1")])])

    static func autoScale(_ text: String, every minutes: SimTime = 5) throws -> PoolConfig.AutoScale {
        PoolConfig.AutoScale(formula: try Formula.load(text), evaluationInterval: minutes * minute)
    }

    static func scenario(
        _ formula: String, every minutes: SimTime = 5, tasks: Int = 1, duration: SimTime = 60, horizon: SimTime? = nil,
        timeline: [TimelineEntry] = []
    ) throws -> Scenario {
        let pool = PoolConfig(id: "p", autoScale: try autoScale(formula, every: minutes))
        return Scenario(
            name: "autoscale", horizon: horizon.map { $0 * minute }, account: account, keyVault: vault, pools: [pool],
            jobs: [JobConfig(id: "j", pool: 0, tasks: TaskBlock(count: tasks, duration: .fixed(duration * minute)))],
            timeline: timeline)
    }

    static func entry(_ minutes: SimTime, _ action: TimelineAction) -> TimelineEntry {
        TimelineEntry(time: minutes * minute, action: action)
    }

    @Test func evaluatesAtZeroAndEveryInterval() throws {
        // Evaluations at 0, 5, 10, 15 and 20 min (the horizon): the one at t = 0 adds the node
        // before the dispatch pass, so the 60-minute task starts at once.
        let scenario = try Self.scenario("$TargetDedicatedNodes = 1;", horizon: 20)
        let result = Simulation.run(scenario)
        #expect(result.autoscaleLog.map(\.time) == [0, 5, 10, 15, 20].map { $0 * Self.minute })
        #expect(result.autoscaleLog.allSatisfy { $0.outcome == .applied })
        #expect(result.autoscaleLog.first?.results == "$TargetDedicatedNodes=1;$NodeDeallocationOption=requeue")
        #expect(result.metrics.pools[0].autoscaleEvaluations == 5)
        #expect(result.metrics.pools[0].autoscaleFailures == 0)
        #expect(result.metrics.pools[0].peakNodes == 1)
        #expect(result.tasks[0].firstStart == 0)
    }

    @Test func evaluationsAreSkippedWhileUnavailableAndAtTheRecoveryInstant() throws {
        // disableKey at 7 min: keyInaccessible at 7 (no detection delay); enableKey at 10:
        // recovering until 20 (10m recovery). Evaluations at 0 and 5 run; 10, 15 and 20 are
        // skipped (20 is the recovery instant: phase 2 comes before phase 3); 25 runs.
        let scenario = try Self.scenario(
            "$TargetDedicatedNodes = 1;", horizon: 25,
            timeline: [
                Self.entry(7, .disableKey(key: "cmk", version: nil)),
                Self.entry(10, .enableKey(key: "cmk", version: nil)),
            ])
        let events = EventRecorder()
        let result = Simulation.run(scenario, sink: events)
        #expect(result.autoscaleLog.map(\.outcome) == [.applied, .applied, .skipped, .skipped, .skipped, .applied])
        #expect(result.metrics.pools[0].autoscaleEvaluations == 3)
        #expect(result.metrics.pools[0].autoscaleSkipped == 3)
        #expect(result.metrics.account.rejectedOperations == 0)
        #expect(
            events.events.filter { $0.name == .autoscaleSkipped }.map(\.time) == [10, 15, 20].map { $0 * Self.minute })
        // The baseline has no outage: six evaluations, none skipped.
        let baseline = Simulation.run(scenario.baseline)
        #expect(baseline.metrics.pools[0].autoscaleEvaluations == 6)
        #expect(baseline.metrics.pools[0].autoscaleSkipped == 0)
    }

    @Test func aPendingTasksFormulaGrowsThePool() throws {
        // t = 0: no sample yet, max of no values fails. Samples every 30 s see 3 active tasks; at
        // 5 min the newest sample (4m30s) gives 3: three nodes, the tasks run 5..15 min. The
        // evaluations at 10 and 15 see 3 pending (running) tasks: no change. Run ends at 15 min.
        let scenario = try Self.scenario(
            "$TargetDedicatedNodes = max($PendingTasks.GetSample(1));", tasks: 3, duration: 10)
        let result = Simulation.run(scenario)
        let pool = result.metrics.pools[0]
        #expect(result.autoscaleLog.map(\.outcome) == [.failed, .applied, .applied, .applied])
        #expect(pool.autoscaleEvaluations == 4)
        #expect(pool.autoscaleFailures == 1)
        #expect(pool.peakNodes == 3)
        #expect(result.metrics.tasks.makespan == 15 * Self.minute)
        #expect(result.metrics.tasks.waitP50 == 5 * Self.minute)
        #expect(result.metrics.nodes.billedNodeTime == 30 * Self.minute)
        #expect(result.autoscaleLog[0].results == "")
        #expect(result.autoscaleLog[0].error?.contains("error") == true)
        // Targets before and after: 0 → 0 (failed), 0 → 3 at 5 min, then 3 → 3.
        #expect(result.autoscaleLog.map(\.before.dedicated) == [0, 0, 3, 3])
        #expect(result.autoscaleLog.map(\.after.dedicated) == [0, 3, 3, 3])
        #expect(result.autoscaleLog.allSatisfy { $0.before.lowPriority == 0 && $0.after.lowPriority == 0 })
    }

    /// Two nodes until 10 min, then one, with `option`; two 30-minute tasks start at 0 on nodes 0 and 1.
    static func shrink(_ option: String) throws -> RunResult {
        let formula = """
            $TargetDedicatedNodes = time() < time("2026-01-05T00:10:00Z") ? 2 : 1;
            $NodeDeallocationOption = \(option);
            """
        return Simulation.run(try scenario(formula, tasks: 2, duration: 30))
    }

    @Test func shrinkingWithRequeue() throws {
        // At 10 min node 1 is removed: task 1 loses 10 min, waits for node 0 (free at 30) and ends at 60.
        let result = try Self.shrink("requeue")
        #expect(result.metrics.tasks.requeued == 1)
        #expect(result.metrics.tasks.lostWork == 10 * Self.minute)
        #expect(result.metrics.tasks.makespan == 60 * Self.minute)
        #expect(result.nodes[1].removedAt == 10 * Self.minute)
        #expect(result.metrics.nodes.billedNodeTime == 70 * Self.minute)
    }

    @Test func shrinkingWithTerminate() throws {
        // At 10 min node 1 is removed and task 1 ends as failed: no requeue, no lost work.
        let result = try Self.shrink("terminate")
        #expect(result.metrics.tasks.failed == 1)
        #expect(result.metrics.tasks.completed == 1)
        #expect(result.metrics.tasks.requeued == 0)
        #expect(result.metrics.tasks.lostWork == 0)
        #expect(result.metrics.tasks.makespan == 30 * Self.minute)
        #expect(result.tasks[1].finish == 10 * Self.minute)
        #expect(result.metrics.nodes.billedNodeTime == 40 * Self.minute)
    }

    @Test(arguments: ["taskcompletion", "retaineddata"])
    func shrinkingWithTaskCompletion(option: String) throws {
        // At 10 min node 1 is leaving: its task ends at 30 and the node leaves then. The later
        // evaluations compare the target 1 with node 0 alone: nothing more is removed.
        let result = try Self.shrink(option)
        #expect(result.metrics.tasks.completed == 2)
        #expect(result.metrics.tasks.requeued == 0)
        #expect(result.metrics.tasks.makespan == 30 * Self.minute)
        #expect(result.nodes[1].removedAt == 30 * Self.minute)
        #expect(result.nodes[0].removedAt == nil)
        #expect(result.metrics.nodes.billedNodeTime == 60 * Self.minute)
        #expect(result.metrics.pools[0].peakNodes == 2)
    }

    @Test func aLeavingNodeIsRemovedWhenAnOutageRequeuesItsTask() throws {
        // Node 1 leaves at 10 min (taskcompletion); the key is lost at 12: its task is requeued
        // and the node removed at once.
        let formula = """
            $TargetDedicatedNodes = time() < time("2026-01-05T00:10:00Z") ? 2 : 1;
            $NodeDeallocationOption = taskcompletion;
            """
        let scenario = try Self.scenario(
            formula, tasks: 2, duration: 30, horizon: 20,
            timeline: [Self.entry(12, .disableKey(key: "cmk", version: nil))])
        let result = Simulation.run(scenario)
        #expect(result.nodes[1].removedAt == 12 * Self.minute)
        #expect(result.nodes[0].removedAt == nil)
    }

    @Test func enableReplacesAnEvaluationDueAtThatInstant() throws {
        // Every 10 min with target 1; at 10 min enableAutoScale (target 2, every 15 min) replaces the
        // evaluation due then: evaluations at 0, 10 (new formula) and 25.
        let scenario = try Self.scenario(
            "$TargetDedicatedNodes = 1;", every: 10, horizon: 30,
            timeline: [
                Self.entry(
                    10,
                    .enableAutoScale(pool: 0, autoScale: try Self.autoScale("$TargetDedicatedNodes = 2;", every: 15)))
            ])
        let result = Simulation.run(scenario)
        #expect(result.autoscaleLog.map(\.time) == [0, 10, 25].map { $0 * Self.minute })
        #expect(result.autoscaleLog[1].results == "$TargetDedicatedNodes=2;$NodeDeallocationOption=requeue")
        #expect(result.metrics.pools[0].peakNodes == 2)
    }

    @Test func disableKeepsTheTargetsAndResizeIsRejectedOnlyWhileAutoscaling() throws {
        // Target 2 at 0 and 5; resizePool at 3 is rejected (autoscale pool); disabled at 7; the
        // resize to 3 at 20 is applied.
        let scenario = try Self.scenario(
            "$TargetDedicatedNodes = 2;", horizon: 30,
            timeline: [
                Self.entry(3, .resizePool(pool: 0, dedicatedNodes: 5, lowPriorityNodes: nil)),
                Self.entry(7, .disableAutoScale(pool: 0)),
                Self.entry(20, .resizePool(pool: 0, dedicatedNodes: 3, lowPriorityNodes: nil)),
            ])
        let result = Simulation.run(scenario)
        #expect(result.autoscaleLog.map(\.time) == [0, 5 * Self.minute])
        #expect(result.metrics.account.rejectedOperations == 1)
        #expect(result.metrics.pools[0].peakNodes == 3)
        #expect(result.nodes.filter { $0.removedAt == nil }.count == 3)
    }

    @Test func enableAndDisableAreRejectedWhileUnavailableAndKeptInTheBaseline() throws {
        // The key is lost at 2 min; enable at 5 and disable at 6 are rejected. Evaluations at 0 and
        // 5 go on (skipped from 5 on, the formula unchanged).
        let enable = TimelineAction.enableAutoScale(
            pool: 0, autoScale: try Self.autoScale("$TargetDedicatedNodes = 3;"))
        let scenario = try Self.scenario(
            "$TargetDedicatedNodes = 1;", horizon: 10,
            timeline: [
                Self.entry(2, .disableKey(key: "cmk", version: nil)), Self.entry(5, enable),
                Self.entry(6, .disableAutoScale(pool: 0)),
            ])
        let result = Simulation.run(scenario)
        #expect(result.metrics.account.rejectedOperations == 2)
        #expect(result.metrics.pools[0].autoscaleEvaluations == 1)
        #expect(result.metrics.pools[0].autoscaleSkipped == 2)
        #expect(scenario.baseline.timeline.map(\.action.name) == ["enableAutoScale", "disableAutoScale"])
        // The baseline: enable at 5 (target 3, evaluations at 5 and 10? no: disabled at 6).
        let baseline = Simulation.run(scenario.baseline)
        #expect(baseline.autoscaleLog.map(\.time) == [0, 5 * Self.minute])
        #expect(baseline.metrics.pools[0].peakNodes == 3)
    }

    @Test func anEvaluationSeesTheSamplesTakenBeforeIt() throws {
        // Samples at 0, 30 s, …: the evaluation at 5 min sees the ten at 0..4m30s, not the one
        // taken at 5 min after the dispatch pass; the one at t = 0 sees none.
        let scenario = try Self.scenario(
            "$TargetDedicatedNodes = 0; n = $ActiveTasks.Count(); last = $ActiveTasks.GetSample(1);", horizon: 5)
        let result = Simulation.run(scenario)
        #expect(
            result.autoscaleLog.map(\.results) == [
                "$TargetDedicatedNodes=0;$NodeDeallocationOption=requeue;last=[];n=0",
                "$TargetDedicatedNodes=0;$NodeDeallocationOption=requeue;last=[1];n=10",
            ])
    }

    @Test func randIsKeyedByPoolEvaluationAndCall() throws {
        let scenario = try Self.scenario("$TargetDedicatedNodes = 0; r = rand();", horizon: 5)
        let first = Simulation.run(scenario).autoscaleLog.map(\.results)
        let second = Simulation.run(scenario).autoscaleLog.map(\.results)
        #expect(first == second)
        #expect(first[0] != first[1])
    }

    @Test func aPreemptionRemovesALeavingNodeAndStillCounts() throws {
        // Two Spot nodes until 10 min, then one (taskcompletion): node 1 leaves with its task. At
        // 15 min preemptNodes takes node 1: its task is requeued and the node removed at once;
        // the task runs again on node 0 from 30 to 60 min.
        let formula = """
            $TargetLowPriorityNodes = time() < time("2026-01-05T00:10:00Z") ? 2 : 1;
            $NodeDeallocationOption = taskcompletion;
            """
        let scenario = try Self.scenario(
            formula, tasks: 2, duration: 30, timeline: [Self.entry(15, .preemptNodes(pool: 0, count: 1))])
        let result = Simulation.run(scenario)
        #expect(result.nodes[1].removedAt == 15 * Self.minute)
        #expect(result.metrics.pools[0].preemptions == 1)
        #expect(result.metrics.tasks.requeued == 1)
        #expect(result.metrics.tasks.makespan == 60 * Self.minute)
    }

    @Test func samplesCountTasksSlotsAndNodes() throws {
        // Two nodes from t = 0; one one-minute task on node 0 (0..60 s). Samples at 0, 30, … 270 s:
        // running [1, 1, 0, …], succeeded in (t − 30 s, t] [0, 0, 1, 0, …], CPU 50 % while the
        // task runs, two usable nodes throughout.
        let formula = """
            $TargetDedicatedNodes = 2;
            r = $RunningTasks.GetSample(10); s = $SucceededTasks.GetSample(10);
            c = $CPUPercent.GetSample(10); k = $SampleNodeCount.GetSample(1); n = $CurrentDedicatedNodes;
            """
        let result = Simulation.run(try Self.scenario(formula, duration: 1, horizon: 5))
        #expect(
            result.autoscaleLog.last?.results
                == "$TargetDedicatedNodes=2;$NodeDeallocationOption=requeue;c=[50,50,0,0,0,0,0,0,0,0];k=[2];n=2;"
                + "r=[1,1,0,0,0,0,0,0,0,0];s=[0,0,1,0,0,0,0,0,0,0]")
    }
}
