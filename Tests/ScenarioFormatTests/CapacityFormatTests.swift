import BatchModel
import ScenarioFormat
import SimulationKernel
import Testing

/// The scenario format of capacity that comes and goes (SPEC §6): a pool's `preemption:`, its start task's
/// `failureProbability`, `maxTaskRetryCount` and `waitForSuccess`, and the `preemptNodes` action; with the
/// warnings where Azure would surprise. Errors with their places are in the `Malformed/` corpus.
@Suite struct CapacityFormatTests {
    private func pool(_ lines: String, extra: String = "") throws -> PoolConfig {
        try load(minimalScenario(pool: lines, extra: extra)).scenario.pools[0]
    }

    private func warnings(_ pool: String, extra: String = "") throws -> [Diagnostic] {
        try load(minimalScenario(pool: pool, extra: extra)).warnings
    }

    // MARK: Decoding

    @Test func withoutTheNewFieldsAPoolIsNeverPreemptedAndItsStartTaskAlwaysSucceeds() throws {
        let decoded = try pool("    startTask: {duration: 90s}")
        #expect(decoded.preemption.ratePerNodeHour == 0)
        #expect(decoded.preemption.capacityReturnsAfter == .fixed(15 * minute))
        #expect(decoded.preemption == PoolConfig.Preemption())
        let start = try #require(decoded.startTask)
        #expect(start.duration == .fixed(90_000))
        #expect(start.waitForSuccess && start.failureProbability == 0 && start.maxTaskRetryCount == 0)
        #expect(try pool("").preemption == PoolConfig.Preemption())
        #expect(try pool("    preemption: ~").preemption == PoolConfig.Preemption())
        #expect(try pool("    preemption: {}").preemption == PoolConfig.Preemption())
    }

    @Test func specSixExampleDecodes() throws {
        let decoded = try pool(
            """
                lowPriorityNodes: 30
                preemption:
                  ratePerNodeHour: 0.05
                  capacityReturnsAfter: {exponential: {mean: 20m}}
                startTask:
                  duration: 90s
                  failureProbability: 0.02
                  maxTaskRetryCount: 2
                  waitForSuccess: true
            """)
        #expect(decoded.lowPriorityNodes == 30)
        #expect(
            decoded.preemption
                == PoolConfig.Preemption(ratePerNodeHour: 0.05, capacityReturnsAfter: .exponential(mean: 1_200_000)))
        #expect(
            decoded.startTask
                == PoolConfig.StartTask(
                    duration: .fixed(90_000), waitForSuccess: true, failureProbability: 0.02, maxTaskRetryCount: 2))
    }

    @Test func eachPreemptionFieldHasItsOwnDefault() throws {
        #expect(
            try pool("    lowPriorityNodes: 1\n    preemption: {ratePerNodeHour: 2}").preemption
                == PoolConfig.Preemption(ratePerNodeHour: 2, capacityReturnsAfter: .fixed(15 * minute)))
        #expect(
            try pool("    lowPriorityNodes: 1\n    preemption: {capacityReturnsAfter: {uniform: [5m, 10m]}}")
                .preemption
                == PoolConfig.Preemption(
                    ratePerNodeHour: 0, capacityReturnsAfter: .uniform(low: 300_000, high: 600_000)))
        #expect(
            try pool("    lowPriorityNodes: 1\n    preemption: {ratePerNodeHour: 1000, capacityReturnsAfter: 0s}")
                .preemption == PoolConfig.Preemption(ratePerNodeHour: 1000, capacityReturnsAfter: .fixed(0)))
        #expect(
            try pool("    lowPriorityNodes: 1\n    preemption: {capacityReturnsAfter: {choice: [[1m, 1], [1h, 3]]}}")
                .preemption.capacityReturnsAfter
                == .choice([.init(value: 60_000, weight: 1), .init(value: 3_600_000, weight: 3)]))
    }

    @Test func startTaskFieldsAtTheirBounds() throws {
        let always = try pool(
            "    startTask: {duration: 1m, failureProbability: 1, maxTaskRetryCount: 10000, waitForSuccess: false}")
        #expect(
            always.startTask
                == PoolConfig.StartTask(
                    duration: .fixed(60_000), waitForSuccess: false, failureProbability: 1, maxTaskRetryCount: 10000))
        let never = try pool("    startTask: {duration: 0s, failureProbability: 0, maxTaskRetryCount: 0}")
        #expect(never.startTask == PoolConfig.StartTask(duration: .fixed(0)))
    }

    @Test func variablesFillTheNewFields() throws {
        let yaml = """
            vars: {rate: 0.5, back: 30m, fail: 0.1, retries: 3, spot: 4, count: 2}
            name: small
            pools:
              - id: p1
                lowPriorityNodes: '${spot}'
                preemption: {ratePerNodeHour: '${rate}', capacityReturnsAfter: '${back}'}
                startTask: {duration: 1m, failureProbability: '${fail}', maxTaskRetryCount: '${retries}'}
            jobs: [{id: j1, pool: p1, tasks: {count: 1, duration: 1m}}]
            timeline: [{at: 1h, action: preemptNodes, pool: p1, count: '${count}'}]
            """
        let scenario = try load(yaml, overrides: ["rate": "0.25", "count": "3"]).scenario
        let decoded = scenario.pools[0]
        #expect(
            decoded.preemption
                == PoolConfig.Preemption(ratePerNodeHour: 0.25, capacityReturnsAfter: .fixed(30 * minute)))
        #expect(
            decoded.startTask
                == PoolConfig.StartTask(duration: .fixed(minute), failureProbability: 0.1, maxTaskRetryCount: 3))
        #expect(scenario.timeline.map(\.action) == [.preemptNodes(pool: 0, count: 3)])
    }

    @Test func preemptNodesNamesItsPoolAndOptionallyACount() throws {
        let yaml = minimalScenario(
            pool: "  - id: spot\n    lowPriorityNodes: 5",
            extra: """
                timeline:
                  - {at: 1h, action: preemptNodes, pool: spot}
                  - {after: 30m, action: preemptNodes, pool: SPOT, count: 2}
                  - {at: 2h, action: preemptNodes, pool: spot, count: 1000000}
                """)
        let timeline = try load(yaml).scenario.timeline
        #expect(
            timeline.map(\.action) == [
                .preemptNodes(pool: 1, count: nil), .preemptNodes(pool: 1, count: 2),
                .preemptNodes(pool: 1, count: 1_000_000),
            ])
        #expect(timeline.map(\.time) == [hour, hour + 30 * minute, 2 * hour])
        #expect(timeline.allSatisfy { $0.action.isKeptInBaseline && !$0.action.isControlPlane })
    }

    @Test func everyStartTaskFieldIsCheckedEvenWhenTheDurationIsMissing() {
        let found = errors(
            minimalScenario(pool: "    startTask: {waitForSuccess: 1, failureProbability: 2, maxTaskRetryCount: -1}"))
        #expect(
            found.map(\.description) == [
                "<inline>:5:16: error: missing required field 'duration' in startTask",
                "<inline>:5:33: error: waitForSuccess: expected true or false, found 1",
                "<inline>:5:56: error: failureProbability: expected a probability from 0 to 1, found 2",
                "<inline>:5:78: error: maxTaskRetryCount: expected an integer from 0 to 10000, found -1",
            ])
    }

    @Test func aPreemptionRateMustBeAFiniteNumberUpTo1000() {
        for bad in ["-1", "1000.5", "1e400", ".inf", ".nan", "often", "[1]"] {
            let found = errors(
                minimalScenario(pool: "    lowPriorityNodes: 1\n    preemption: {ratePerNodeHour: \(bad)}"))
            // A number too large for a Double is not read as a number at all, so it is quoted.
            let shown = bad == "[1]" ? "a list" : ["-1", "1000.5"].contains(bad) ? bad : "'\(bad)'"
            #expect(
                found.map(\.description) == [
                    "<inline>:6:35: error: ratePerNodeHour: expected a rate from 0 to 1000 preemptions per node-hour, "
                        + "found \(shown)"
                ], "\(bad)")
        }
    }

    // MARK: Warnings

    @Test func preemptionOnAPoolThatNeverHasLowPriorityNodes() throws {
        let found = try warnings("    preemption: {ratePerNodeHour: 0.05}")
        #expect(
            found.map(\.description) == [
                "<inline>:5:17: warning: preemption has no effect: pool 'p1' has no low-priority nodes "
                    + "(lowPriorityNodes is 0 and no resizePool adds any); only low-priority nodes are preempted"
            ])
        // A block mapping is anchored at its first field; a return time alone is a setting too.
        let block = try warnings("    preemption:\n      capacityReturnsAfter: 1h")
        #expect(block.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0)" } == ["6:7"])
        // A resize that only sets dedicated nodes or sets low-priority ones to 0 gives none.
        let resizes = """
            timeline:
              - {at: 1h, action: resizePool, pool: p1, dedicatedNodes: 5}
              - {at: 2h, action: resizePool, pool: p1, lowPriorityNodes: 0}
            """
        #expect(try warnings("    preemption: {ratePerNodeHour: 1}", extra: resizes).count == 1)
    }

    @Test func preemptionIsNotWarnedAboutWhereItCanHappenOrIsNotConfigured() throws {
        #expect(try warnings("    lowPriorityNodes: 1\n    preemption: {ratePerNodeHour: 0.05}").isEmpty)
        let resize = "timeline: [{at: 5h, action: resizePool, pool: p1, lowPriorityNodes: 3}]"
        #expect(try warnings("    preemption: {ratePerNodeHour: 0.05}", extra: resize).isEmpty)
        // Written but equal to the defaults: nothing is configured, so nothing is ineffective.
        #expect(try warnings("    preemption: {ratePerNodeHour: 0, capacityReturnsAfter: 15m}").isEmpty)
        #expect(try warnings("    preemption: {}").isEmpty)
    }

    @Test func startTaskFailuresThatDoNotMatterWithoutWaitForSuccess() throws {
        let found = try warnings("    startTask: {duration: 1m, failureProbability: 0.25, waitForSuccess: false}")
        #expect(
            found.map(\.description) == [
                "<inline>:5:51: warning: the start task of pool 'p1' fails with probability 0.25 but waitForSuccess "
                    + "is false: as in Azure, its nodes take tasks whether it fails or not"
            ])
        let always = try warnings("    startTask: {duration: 1m, failureProbability: 1, waitForSuccess: false}")
        #expect(always.map(\.message).first?.contains("fails with probability 1 but waitForSuccess is false") == true)
        #expect(try warnings("    startTask: {duration: 1m, waitForSuccess: false, maxTaskRetryCount: 3}").isEmpty)
    }

    @Test func aStartTaskThatAlwaysFailsWhileNodesWaitForIt() throws {
        let found = try warnings(
            """
                startTask:
                  duration: 1m
                  maxTaskRetryCount: 5
                  failureProbability: 1
            """)
        #expect(
            found.map(\.description) == [
                "<inline>:8:27: warning: the start task of pool 'p1' always fails (failureProbability 1) and "
                    + "waitForSuccess is true: every node ends starttaskfailed and takes no tasks"
            ])
        #expect(try warnings("    startTask: {duration: 1m, failureProbability: 0.999}").isEmpty)
    }

    @Test func preemptNodesOnAPoolWithoutLowPriorityNodes() throws {
        let found = try warnings(
            "",
            extra: """
                timeline:
                  - {at: 1h, action: preemptNodes, pool: p1}
                  - {at: 2h, action: preemptNodes, pool: p1, count: 3}
                """)
        #expect(
            found.map(\.description) == [
                "<inline>:14:5: warning: preemptNodes at 1h has no effect: pool 'p1' never has low-priority nodes",
                "<inline>:15:5: warning: preemptNodes at 2h has no effect: pool 'p1' never has low-priority nodes",
            ])
    }

    @Test func preemptNodesBeforeAResizeGivesThePoolLowPriorityNodes() throws {
        let found = try warnings(
            "",
            extra: """
                timeline:
                  - {at: 3h, action: resizePool, pool: p1, lowPriorityNodes: 4}
                  - {at: 1h, action: preemptNodes, pool: p1}
                  - {at: 3h, action: preemptNodes, pool: p1}
                  - {after: 1h, action: preemptNodes, pool: p1}
                """)
        #expect(
            found.map(\.message) == [
                "preemptNodes at 1h has no effect: pool 'p1' has no low-priority nodes before 3h"
            ])
    }

    @Test func preemptNodesIsNeverJudgedByTheVault() throws {
        // With a vault declared, the Key Vault replay must not call the action "not a vault action".
        let vault = """
            account:
              encryption: {keyIdentifier: https://kv1.vault.azure.net/keys/cmk/v1}
            keyVault:
              name: kv1
              accessPolicies: [{principal: account, keyPermissions: [get, wrapKey, unwrapKey]}]
              keys: [{name: cmk, versions: [v1]}]
            timeline:
              - {at: 1h, action: disableKey, key: cmk}
              - {at: 1h, action: preemptNodes, pool: p1, count: 1}
            """
        #expect(try warnings("    lowPriorityNodes: 2", extra: vault).isEmpty)
    }
}
