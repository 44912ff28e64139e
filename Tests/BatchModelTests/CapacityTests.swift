import BatchModel
import SimulationKernel
import Testing

/// Capacity that comes and goes (SPEC §6 rules 19-21): preemption of Spot nodes, capacity
/// returning, start-task failures, alone and during a key outage. Expectations are worked out by
/// hand in the comments; scenarios are built in code so that they test the engine alone.
struct CapacityTests {
    static let minute = SimTime.millisecondsPerMinute
    static let hour = SimTime.millisecondsPerHour

    /// The worked example's CMK account and vault: `acct` on `kv/cmk/v1`.
    static let account = AccountConfig(
        name: "acct", keyIdentifier: KeyIdentifier("https://kv.vault.azure.net/keys/cmk/v1"))
    static let vault = KeyVaultConfig(
        name: "kv",
        accessPolicies: [AccessPolicy(principal: "acct", keyPermissions: ["get", "wrapKey", "unwrapKey"])],
        keys: [KeyConfig(name: "cmk", versions: [KeyVersionConfig(id: "v1")])])

    static func scenario(
        pool: PoolConfig, tasks: Int = 0, duration: SimTime = 60 * minute, horizon: SimTime? = nil,
        timeline: [TimelineEntry] = [], seed: UInt64 = 0
    ) -> Scenario {
        Scenario(
            name: "capacity", seed: seed, horizon: horizon, account: account, keyVault: vault, pools: [pool],
            jobs: [JobConfig(id: "j", pool: 0, tasks: TaskBlock(count: max(tasks, 1), duration: .fixed(duration)))],
            timeline: timeline)
    }

    static func entry(_ minutes: SimTime, _ action: TimelineAction) -> TimelineEntry {
        TimelineEntry(time: minutes * minute, action: action)
    }

    // MARK: - Rule 19: preemption

    @Test func preemptNodesTakesTheHighestLowPriorityNodeAndCapacityReturns() {
        // 2 dedicated + 2 Spot nodes of one slot, 4 one-hour tasks at t = 0 (task i on node i).
        // At 30 min node 3 is preempted: task 3 loses 30 min and waits; capacity returns at
        // 45 min (15m default), task 3 restarts and ends at 105 min.
        let pool = PoolConfig(id: "p", dedicatedNodes: 2, lowPriorityNodes: 2)
        let scenario = Self.scenario(pool: pool, tasks: 4, timeline: [Self.entry(30, .preemptNodes(pool: 0, count: 1))])
        let events = EventRecorder()
        let result = Simulation.run(scenario, sink: events)
        let metrics = result.metrics
        #expect(metrics.tasks.requeued == 1)
        #expect(metrics.tasks.lostWork == 30 * Self.minute)
        #expect(metrics.tasks.makespan == 105 * Self.minute)
        #expect(metrics.nodes.preemptions == 1)
        #expect(metrics.nodes.preemptedNodeTime == 15 * Self.minute)
        // Billing stops while preempted: 3 × 105 min + (105 − 15) min.
        #expect(metrics.nodes.billedNodeTime == (3 * 105 + 90) * Self.minute)
        #expect(metrics.pools[0].preemptions == 1)
        #expect(result.nodes[3].preemptions == 1)
        #expect(result.nodes[3].allocation == 1)
        let node3 = events.events.filter { $0.entity == .node && $0.entityIndex == 3 }.compactMap(\.nodeStates)
        #expect(node3.map(\.to) == [.creating, .idle, .running, .preempted, .creating, .idle, .running, .idle])
        // The baseline keeps preemptNodes (not a key action): no impact.
        let baseline = Simulation.run(scenario.baseline)
        #expect(baseline.metrics.nodes.preemptions == 1)
        #expect(baseline.metrics.tasks.makespan == 105 * Self.minute)
    }

    @Test func preemptNodesWithoutCountTakesEveryLowPriorityNode() {
        let pool = PoolConfig(id: "p", dedicatedNodes: 1, lowPriorityNodes: 3)
        let scenario = Self.scenario(
            pool: pool, tasks: 1, duration: 10 * Self.minute,
            timeline: [Self.entry(5, .preemptNodes(pool: 0, count: nil))])
        let result = Simulation.run(scenario)
        #expect(result.metrics.nodes.preemptions == 3)
        #expect(result.nodes.map(\.preemptions) == [0, 1, 1, 1])
        // Task 0 runs on node 0 (spread, ties to the lowest index), which is dedicated.
        #expect(result.metrics.tasks.requeued == 0)
    }

    @Test func aPreemptionDuringAnOutageAndCapacityReturningWhileUnavailable() {
        // One Spot node, one one-hour task. Key disabled 10-40 min, recovery 10 min: the account is
        // unavailable 10-50 min. The node goes unusable at 10 (task requeued, 10 min lost), is
        // preempted at 20, returns at 35 into an unavailable account (unusable, rule 11), and is
        // back at 50: the task restarts and ends at 110 min.
        let pool = PoolConfig(id: "p", lowPriorityNodes: 1)
        let scenario = Self.scenario(
            pool: pool, tasks: 1,
            timeline: [
                Self.entry(10, .disableKey(key: "cmk", version: nil)),
                Self.entry(20, .preemptNodes(pool: 0, count: nil)),
                Self.entry(40, .enableKey(key: "cmk", version: nil)),
            ])
        let events = EventRecorder()
        let metrics = Simulation.run(scenario, sink: events).metrics
        #expect(metrics.account.unavailable == 40 * Self.minute)
        #expect(metrics.tasks.requeued == 1)
        #expect(metrics.tasks.lostWork == 10 * Self.minute)
        #expect(metrics.tasks.makespan == 110 * Self.minute)
        #expect(metrics.nodes.preemptions == 1)
        #expect(metrics.nodes.preemptedNodeTime == 15 * Self.minute)
        #expect(metrics.nodes.unusableNodeTime == (10 + 15) * Self.minute)
        #expect(metrics.nodes.billedNodeTime == (110 - 15) * Self.minute)
        let states = events.events.filter { $0.entity == .node }.compactMap(\.nodeStates).map(\.to)
        #expect(
            states == [.creating, .idle, .running, .unusable, .preempted, .creating, .unusable, .idle, .running, .idle])
    }

    @Test func aNodePreemptedAtTheOutagesInstantIsPreemptedNotUnusable() {
        // Same instant (10 min): the preemption comes first in phase 4, then the nodes' reaction to
        // the account. The task is requeued once; the node is never unusable before it returns at
        // 25 min into the still unavailable account.
        let pool = PoolConfig(id: "p", lowPriorityNodes: 1)
        let scenario = Self.scenario(
            pool: pool, tasks: 1,
            timeline: [
                Self.entry(10, .disableKey(key: "cmk", version: nil)),
                Self.entry(10, .preemptNodes(pool: 0, count: nil)),
                Self.entry(40, .enableKey(key: "cmk", version: nil)),
            ])
        let events = EventRecorder()
        let metrics = Simulation.run(scenario, sink: events).metrics
        #expect(metrics.tasks.requeued == 1)
        let states = events.events.filter { $0.entity == .node }.compactMap(\.nodeStates).map(\.to)
        #expect(states == [.creating, .idle, .running, .preempted, .creating, .unusable, .idle, .running, .idle])
        #expect(metrics.nodes.unusableNodeTime == 25 * Self.minute)
    }

    @Test func aShrinkCountsAndRemovesPreemptedNodesAndVoidsTheirReturn() {
        // Two Spot nodes; node 1 preempted at 10 min; a resize to 1 Spot node at 20 min removes
        // the highest index, node 1, preempted or not: it never returns.
        let pool = PoolConfig(id: "p", lowPriorityNodes: 2)
        let scenario = Self.scenario(
            pool: pool, tasks: 1, duration: 60 * Self.minute,
            timeline: [
                Self.entry(10, .preemptNodes(pool: 0, count: 1)),
                Self.entry(20, .resizePool(pool: 0, dedicatedNodes: nil, lowPriorityNodes: 1)),
            ])
        let result = Simulation.run(scenario)
        #expect(result.nodes[1].isRemoved)
        #expect(result.nodes[1].allocation == 0)
        #expect(result.metrics.nodes.preemptedNodeTime == 10 * Self.minute)
        #expect(result.nodes[1].billedTime(until: result.metrics.endTime) == 10 * Self.minute)
    }

    @Test func randomPreemptionsAreTheSameInTheBaseline() {
        // Common random numbers: the draws are keyed by node and allocation, so a key outage does
        // not change when Spot nodes are preempted.
        let pool = PoolConfig(
            id: "p", lowPriorityNodes: 20,
            preemption: PoolConfig.Preemption(ratePerNodeHour: 0.5, capacityReturnsAfter: .fixed(5 * Self.minute)))
        let scenario = Self.scenario(
            pool: pool, tasks: 20, horizon: 6 * Self.hour,
            timeline: [
                Self.entry(60, .disableKey(key: "cmk", version: nil)),
                Self.entry(90, .enableKey(key: "cmk", version: nil)),
            ], seed: 7)
        let run = Simulation.run(scenario)
        let baseline = Simulation.run(scenario.baseline)
        #expect(run.metrics.nodes.preemptions > 0)
        #expect(run.metrics.nodes.preemptions == baseline.metrics.nodes.preemptions)
        #expect(run.metrics.nodes.preemptedNodeTime == baseline.metrics.nodes.preemptedNodeTime)
        #expect(run.metrics.tasks.requeued > baseline.metrics.tasks.requeued)
    }

    @Test func preemptionCountsFollowThePoissonLaw() {
        // With capacity returning at once and no allocation delay, a Spot node is always
        // allocated: its preemptions over H hours are Poisson(r·H). 100 nodes, r = 0.5/h, H = 10 h:
        // mean 500 per run; over 200 seeds the mean's standard deviation is √500/√200 ≈ 1.58, and
        // a 99.9 % band is ±3.29 of those.
        let pool = PoolConfig(
            id: "p", lowPriorityNodes: 100,
            preemption: PoolConfig.Preemption(ratePerNodeHour: 0.5, capacityReturnsAfter: .fixed(0)))
        let seeds = 200
        var total = 0
        for seed in 0..<seeds {
            let scenario = Self.scenario(
                pool: pool, tasks: 1, duration: Self.minute, horizon: 10 * Self.hour, seed: UInt64(seed))
            total += Simulation.run(scenario).metrics.nodes.preemptions
        }
        let mean = Double(total) / Double(seeds)
        let band = 3.29 * (500.0 / Double(seeds)).squareRoot()
        #expect(abs(mean - 500) <= band, "mean \(mean)")
    }

    // MARK: - Rule 20: start tasks

    @Test func aStartTaskThatAlwaysFailsLeavesTheNodeStartTaskFailedAfterItsRetries() {
        // Attempts at 0-1, 1-2 and 2-3 min all fail (p = 1, 2 retries): the node is
        // waitingforstarttask for 3 min, then starttaskfailed, billed and taking no task.
        let pool = PoolConfig(
            id: "p", dedicatedNodes: 1,
            startTask: PoolConfig.StartTask(duration: .fixed(Self.minute), failureProbability: 1, maxTaskRetryCount: 2))
        let scenario = Self.scenario(pool: pool, tasks: 1, horizon: Self.hour)
        let events = EventRecorder()
        let result = Simulation.run(scenario, sink: events)
        #expect(result.metrics.nodes.startTaskFailedNodes == 1)
        #expect(result.metrics.tasks.completed == 0)
        #expect(result.nodes[0].timeInState[.waitingforstarttask] == 3 * Self.minute)
        #expect(result.nodes[0].timeInState[.starttaskfailed] == 57 * Self.minute)
        #expect(result.metrics.nodes.billedNodeTime == Self.hour)
        let failures = events.events.filter { $0.name == .startTaskAttemptFailed }
        #expect(failures.map(\.time) == [1, 2, 3].map { $0 * Self.minute })
        #expect(failures.map(\.typedDetail) == [.startTaskAttempt(0), .startTaskAttempt(1), .startTaskAttempt(2)])
    }

    @Test func withoutWaitForSuccessTheStartTaskOutcomeDoesNotMatter() {
        let pool = PoolConfig(
            id: "p", dedicatedNodes: 1,
            startTask: PoolConfig.StartTask(
                duration: .fixed(Self.minute), waitForSuccess: false, failureProbability: 1, maxTaskRetryCount: 2))
        let result = Simulation.run(Self.scenario(pool: pool, tasks: 1))
        #expect(result.metrics.nodes.startTaskFailedNodes == 0)
        #expect(result.metrics.tasks.makespan == 60 * Self.minute)
    }

    @Test func anOutageHidesAStartTaskFailedNodeAndRecoveryReturnsItThere() {
        let pool = PoolConfig(
            id: "p", dedicatedNodes: 1,
            startTask: PoolConfig.StartTask(duration: .fixed(Self.minute), failureProbability: 1))
        let scenario = Self.scenario(
            pool: pool, tasks: 1, horizon: 2 * Self.hour,
            timeline: [
                Self.entry(10, .disableKey(key: "cmk", version: nil)),
                Self.entry(20, .enableKey(key: "cmk", version: nil)),
            ])
        let events = EventRecorder()
        let result = Simulation.run(scenario, sink: events)
        let states = events.events.filter { $0.entity == .node }.compactMap(\.nodeStates).map(\.to)
        #expect(states == [.creating, .waitingforstarttask, .starttaskfailed, .unusable, .starttaskfailed])
        #expect(result.metrics.nodes.startTaskFailedNodes == 1)
    }

    @Test func theStartTaskFailedFractionIsPToTheAttempts() {
        // p = 0.5 per attempt and one retry: a node ends starttaskfailed with probability
        // 0.5² = 0.25. 2,000 nodes × 10 seeds: the fraction's standard deviation is
        // √(0.25·0.75/20000) ≈ 0.0031; a 99.9 % band is ±0.0101.
        let pool = PoolConfig(
            id: "p", dedicatedNodes: 2000,
            startTask: PoolConfig.StartTask(
                duration: .fixed(Self.minute), failureProbability: 0.5, maxTaskRetryCount: 1))
        var failed = 0
        for seed in 0..<10 {
            let scenario = Self.scenario(
                pool: pool, tasks: 1, duration: Self.minute, horizon: Self.hour, seed: UInt64(seed))
            failed += Simulation.run(scenario).metrics.nodes.startTaskFailedNodes
        }
        let fraction = Double(failed) / 20_000
        #expect(abs(fraction - 0.25) <= 0.0101, "fraction \(fraction)")
    }

    // MARK: - More clauses of rules 19 and 21

    @Test func aNodePreemptedWhileAllocatingAllocatesAgainFromTheStartWhenCapacityReturns() {
        // Allocation takes 10 min. Preempted at 5 min while creating: the pool is steady again at
        // once; capacity returns at 20 min and the node allocates for 10 more minutes (its second
        // allocation), then takes the task at 30 min.
        let pool = PoolConfig(id: "p", lowPriorityNodes: 1, allocationDelay: .fixed(10 * Self.minute))
        let scenario = Self.scenario(
            pool: pool, tasks: 1, timeline: [Self.entry(5, .preemptNodes(pool: 0, count: nil))])
        let events = EventRecorder()
        let result = Simulation.run(scenario, sink: events)
        let node = events.events.filter { $0.entity == .node }
        #expect(node.compactMap(\.nodeStates).map(\.to) == [.creating, .preempted, .creating, .idle, .running, .idle])
        #expect(node.map(\.time) == [0, 5, 20, 30, 30, 90].map { $0 * Self.minute })
        let pool0 = events.events.filter { $0.entity == .pool && $0.name == .stateChanged }
        #expect(pool0.map(\.time) == [0, 5, 20, 30].map { $0 * Self.minute })
        #expect(result.nodes[0].allocation == 1)
        #expect(result.metrics.tasks.makespan == 90 * Self.minute)
        #expect(result.nodes[0].timeInState[.creating] == 15 * Self.minute)
    }

    @Test func aNodeFailingItsStartTaskAgainAfterCapacityReturnsCountsOnce() {
        // Start task of 1 min that always fails: starttaskfailed at 1 min; preempted at 10 min;
        // back at 25 min, fails again at 26 min. One distinct node, one preemption.
        let pool = PoolConfig(
            id: "p", lowPriorityNodes: 1,
            startTask: PoolConfig.StartTask(duration: .fixed(Self.minute), failureProbability: 1))
        let scenario = Self.scenario(
            pool: pool, tasks: 1, horizon: Self.hour, timeline: [Self.entry(10, .preemptNodes(pool: 0, count: nil))])
        let events = EventRecorder()
        let result = Simulation.run(scenario, sink: events)
        #expect(result.metrics.nodes.startTaskFailedNodes == 1)
        #expect(result.metrics.nodes.preemptions == 1)
        let states = events.events.filter { $0.entity == .node }.compactMap(\.nodeStates).map(\.to)
        #expect(
            states == [
                .creating, .waitingforstarttask, .starttaskfailed, .preempted, .creating, .waitingforstarttask,
                .starttaskfailed,
            ])
        #expect(result.nodes[0].timeInState[.starttaskfailed] == (9 + 34) * Self.minute)
    }

    @Test func aRemovalCancelsAPendingRandomPreemption() {
        // 1,000 preemptions per node-hour (one every 3.6 s on average), but the node is removed by a
        // resize at t = 0, in phase 2, before any preemption can fall due.
        let pool = PoolConfig(
            id: "p", dedicatedNodes: 1, lowPriorityNodes: 1, preemption: PoolConfig.Preemption(ratePerNodeHour: 1000))
        let scenario = Self.scenario(
            pool: pool, tasks: 1,
            timeline: [Self.entry(0, .resizePool(pool: 0, dedicatedNodes: nil, lowPriorityNodes: 0))])
        let result = Simulation.run(scenario)
        #expect(result.metrics.nodes.preemptions == 0)
        #expect(result.nodes[1].isRemoved)
    }

    @Test func aDedicatedNodeIsNeverPreempted() {
        let pool = PoolConfig(
            id: "p", dedicatedNodes: 3, preemption: PoolConfig.Preemption(ratePerNodeHour: 1000))
        let scenario = Self.scenario(
            pool: pool, tasks: 3, timeline: [Self.entry(10, .preemptNodes(pool: 0, count: nil))])
        let result = Simulation.run(scenario)
        #expect(result.metrics.nodes.preemptions == 0)
        #expect(result.metrics.tasks.makespan == 60 * Self.minute)
    }
}
