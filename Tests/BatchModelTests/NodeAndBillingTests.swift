import BatchModel
import Reporting
import TestSupport
import Testing

/// Nodes, billing and cost (SPEC §2 rules 11, 17; §4 cost metrics).
struct NodeAndBillingTests {
    @Test func costsUseThePricePerPriorityAndCostWhileUnusable() throws {
        // 1 dedicated ($0.50/h) + 1 low-priority ($0.10/h) node, two 60-min tasks; the worked
        // example's outage: unavailable 30–50 min, tasks rerun 50–110 min.
        let yaml = Build.scenario(
            pools: [Build.pool(dedicated: 1, lowPriority: 1, price: "{dedicated: 0.5, lowPriority: 0.1}")],
            jobs: [Build.job(count: 2)],
            timeline: [Build.at("30m", "disableKey", "key: cmk"), Build.at("40m", "enableKey", "key: cmk")])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "nodes.billedNodeSeconds": 13_200,  // 2 × 110 min
                "nodes.unusableNodeSeconds": 2400,  // 2 × 20 min
                "nodes.peakUnusable": 2,
                "cost.total": 1.1,  // 110/60 h × (0.5 + 0.1)
                "cost.whileUnusable": 0.2,  // 20/60 h × 0.6
                "pools.p.cost": 1.1,
                "pools.p.billedNodeSeconds": 13_200,
                "pools.p.unusableNodeSeconds": 2400,
                "baseline.cost.total": 0.6,  // 1 h × 0.6
                "impact.extraCost": 0.5,
                "impact.extraNodeSeconds": 6000,  // 13 200 − 7200
                "tasks.turnaroundSeconds.p95": 6600,
                "impact.turnaroundSeconds.p95": 3000,  // 6600 − 3600
            ])
    }

    @Test func aPlainPriceAppliesToBothPriorities() throws {
        let yaml = Build.scenario(
            pools: [Build.pool(dedicated: 1, lowPriority: 1, price: "0.36")],
            jobs: [Build.job(count: 2)])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "nodes.billedNodeSeconds": 7200,
                "cost.total": 0.72,  // 2 node-hours × 0.36
                "cost.whileUnusable": 0,
            ])
    }

    @Test func growingAPoolAddsNodesThatAllocateAndBillFromTheRequest() throws {
        // 1 node, allocation 5 min: ready at 5, task 0 runs 5–65. Resize to 2 at 10 min: node 1
        // requested at 10, ready at 15, task 1 runs 15–75.
        let yaml = Build.scenario(
            pools: [Build.pool(allocationDelay: "5m")],
            jobs: [Build.job(count: 2)],
            timeline: [Build.at("10m", "resizePool", "pool: p", "dedicatedNodes: 2")])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "tasks.makespanSeconds": 4500,
                "nodes.billedNodeSeconds": 8400,  // 75 + 65 min
                "impact.extraNodeSeconds": 0,  // resizePool stays in the baseline
            ])
    }

    @Test func shrinkingAPoolRemovesNodesRequeuesTheirTasksAndStopsTheirBilling() throws {
        // 3 nodes, three 60-min tasks at 0; resize to 1 at 20 min: nodes 2 and 1 removed, their
        // tasks requeued (20 min lost each) and rerun on node 0: 60–120, 120–180.
        let yaml = Build.scenario(
            pools: [Build.pool(dedicated: 3)],
            jobs: [Build.job(count: 3)],
            timeline: [Build.at("20m", "resizePool", "pool: p", "dedicatedNodes: 1")])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "tasks.requeued": 2,
                "tasks.requeuedDistinct": 2,
                "tasks.lostWorkSeconds": 2400,
                "tasks.makespanSeconds": 10_800,
                "nodes.billedNodeSeconds": 13_200,  // 180 min + 2 × 20 min
                "account.outages": 0,
                "account.rejectedOperations": 0,
                "impact.tasks.requeued": 0,  // the baseline resizes too
                "impact.makespanDelaySeconds": 0,
            ])
    }

    @Test func shrinkingTheLowPriorityTargetLeavesDedicatedNodesAlone() throws {
        // 2 dedicated (nodes 0, 1) + 2 low-priority (nodes 2, 3), $1/h and $0.1/h, four 60-min
        // tasks. lowPriorityNodes 1 at 20 min removes node 3; its task reruns 60–120 on node 0.
        let yaml = Build.scenario(
            pools: [Build.pool(dedicated: 2, lowPriority: 2, price: "{dedicated: 1, lowPriority: 0.1}")],
            jobs: [Build.job(count: 4)],
            timeline: [Build.at("20m", "resizePool", "pool: p", "lowPriorityNodes: 1")])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "tasks.requeued": 1,
                "tasks.lostWorkSeconds": 1200,
                "tasks.makespanSeconds": 7200,
                "nodes.billedNodeSeconds": 22_800,  // 3 × 120 min + 20 min
                "cost.total": 4.233333,  // 2 × 2 h × 1 + 2 h × 0.1 + 1/3 h × 0.1
            ])
    }

    @Test func nodesBillThroughAllocationAndStartTask() throws {
        // allocation 10 min, start task 5 min: the 60-min task runs 15–75 min; billed from 0.
        let yaml = Build.scenario(pools: [Build.pool(allocationDelay: "10m", startTask: "5m", price: "3.6")])
        let run = try ScenarioFixture.run(yaml)
        expectMetrics(
            run.summary,
            [
                "tasks.makespanSeconds": 4500,
                "tasks.waitSeconds.p50": 900,
                "nodes.billedNodeSeconds": 4500,
                "cost.total": 4.5,  // 1.25 h × 3.6
            ])
    }
}
