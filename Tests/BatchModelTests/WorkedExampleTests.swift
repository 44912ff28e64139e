import BatchModel
import SimulationKernel
import Testing

@testable import Reporting

/// SPEC §4 "Worked example": every implementation must reproduce it exactly.
struct WorkedExampleTests {
    static let minute: SimTime = 60_000

    static var scenario: Scenario {
        Scenario(
            name: "worked-example",
            account: AccountConfig(
                name: "acct",
                keyIdentifier: KeyIdentifier("https://kv.vault.azure.net/keys/cmk/0123456789abcdef0123456789abcdef")
            ),
            keyVault: KeyVaultConfig(
                name: "kv",
                accessPolicies: [AccessPolicy(principal: "acct", keyPermissions: ["get", "wrapKey", "unwrapKey"])],
                keys: [KeyConfig(name: "cmk", versions: [KeyVersionConfig(id: "0123456789abcdef0123456789abcdef")])]
            ),
            pools: [PoolConfig(id: "p", dedicatedNodes: 10)],
            jobs: [JobConfig(id: "j", pool: 0, tasks: TaskBlock(count: 10, duration: .fixed(60 * minute)))],
            timeline: [
                TimelineEntry(time: 30 * minute, action: .disableKey(key: "cmk", version: nil)),
                TimelineEntry(time: 40 * minute, action: .enableKey(key: "cmk", version: nil)),
            ]
        )
    }

    @Test func workedExampleComesOutExactly() {
        let run = Simulation.run(Self.scenario).metrics
        let baseline = Simulation.run(Self.scenario.baseline).metrics
        let summary = Summary(scenario: run, baseline: baseline)
        #expect(summary["tasks.requeued"] == .count(10))
        #expect(summary["tasks.lostWorkSeconds"] == .seconds(18_000_000))
        #expect(summary["account.unavailableSeconds"] == .seconds(1_200_000))
        #expect(summary["account.recoveringSeconds"] == .seconds(600_000))
        #expect(summary["account.outages"] == .count(1))
        #expect(summary["nodes.unusableNodeSeconds"] == .seconds(12_000_000))
        #expect(summary["tasks.makespanSeconds"] == .seconds(6_600_000))
        #expect(summary["baseline.tasks.makespanSeconds"] == .seconds(3_600_000))
        #expect(summary["impact.makespanDelaySeconds"] == .seconds(3_000_000))
        #expect(summary["tasks.completed"] == .count(10))
        #expect(summary["nodes.billedNodeSeconds"] == .seconds(66_000_000))
    }
}
