import AutoscaleFormula
import BatchModel
import Reporting
import ScenarioFormat
import SimulationKernel
import TestSupport
import Testing

/// `autoScale:`, `startTime` and formula errors located in the scenario file (SPEC §7 rule 26).
@Suite struct AutoScaleFormatTests {
    static func scenario(_ pool: String, top: String = "") -> String {
        """
        name: auto
        \(top)
        pools:
          - id: p
            autoScale:
        \(pool)
        jobs: [{id: j, pool: p, tasks: {count: 1, duration: 1m}}]
        """
    }

    @Test func autoScaleAndStartTimeDecode() throws {
        let loaded = try load(
            Self.scenario(
                """
                      evaluationInterval: 5m
                      formula: |
                        $TargetDedicatedNodes = 2;
                """, top: "startTime: 2026-01-05T08:00:00Z"))
        let settings = try #require(loaded.scenario.pools[0].autoScale)
        #expect(settings.evaluationInterval == 5 * minute)
        #expect(settings.formula.text == "$TargetDedicatedNodes = 2;\n")
        #expect(loaded.scenario.startTime == Scenario.defaultStartTime + 8 * hour)
        #expect(loaded.scenario.pools[0].dedicatedNodes == 0)
    }

    @Test func defaultsAreFifteenMinutesAndTheFirstMondayOf2026() throws {
        let loaded = try load(Self.scenario("      formula: \"$TargetDedicatedNodes = 1;\""))
        #expect(loaded.scenario.pools[0].autoScale?.evaluationInterval == 15 * minute)
        #expect(loaded.scenario.startTime == 1_767_571_200_000)
    }

    @Test func aFormulaErrorIsLocatedInTheScenarioFile() {
        // Line 8 is the formula's line 2; the block is indented by 8 columns, and the ';' the
        // parser stops at is the formula's column 28: scenario column 36.
        let found = errors(
            Self.scenario(
                """
                      formula: |
                        a = 1;
                        $TargetDedicatedNodes = b +;
                """))
        #expect(found.count == 1)
        #expect(found.first?.location?.line == 8)
        #expect(found.first?.location?.column == 36)
        #expect(found.first?.message.hasPrefix("formula: ") == true)
    }

    @Test func aOneLineFormulaErrorIsLocatedAfterItsQuote() {
        let found = errors(Self.scenario("      formula: \"$TargetDedicatedNodes = b +;\""))
        // Line 6: `      formula: "` puts the formula's first character at column 17; ';' is its column 28.
        #expect(found.first?.location?.line == 6)
        #expect(found.first?.location?.column == 44)
    }

    @Test func theMappingOfFormulaPositionsIsOneFunction() throws {
        let loaded = try load(
            Self.scenario(
                """
                      formula: |
                        $TargetDedicatedNodes = 1;
                """))
        #expect(loaded.scenario.pools[0].autoScale != nil)
        let found = errors(
            Self.scenario(
                """
                      formula: |

                          $MemoryBytes.GetSample(1);
                """))
        // Line 6 holds `|`; the formula's line 2 (after an empty line) is scenario line 8; the
        // block's indentation is that of its first non-blank line (10), so column 1 is column 11.
        #expect(found.first?.location?.line == 8)
        #expect(found.first?.location?.column == 11)
    }

    @Test func autoScaleWithFixedNodesIsAnError() {
        let yaml = """
            name: both
            pools:
              - id: p
                dedicatedNodes: 2
                autoScale: {formula: "$TargetDedicatedNodes = 1;"}
            jobs: [{id: j, pool: p, tasks: {count: 1, duration: 1m}}]
            """
        let found = errors(yaml)
        #expect(found.count == 1)
        #expect(found.first?.location?.line == 4)
        #expect(found.first?.message.contains("autoScale") == true)
    }

    @Test func evaluationIntervalIsFiveMinutesTo168Hours() {
        let found = errors(Self.scenario("      {formula: \"$TargetDedicatedNodes = 1;\", evaluationInterval: 4m}"))
        #expect(found.first?.message.contains("5m to 168h") == true)
    }

    @Test func aBadStartTimeIsAnError() {
        let found = errors(Self.scenario("      formula: \"$TargetDedicatedNodes = 1;\"", top: "startTime: monday"))
        #expect(found.first?.message.hasPrefix("startTime: expected an ISO 8601 timestamp") == true)
    }

    @Test func anAutoscaleScenarioRunsThroughThePipeline() throws {
        // Target 1 at t = 0: the one-minute task runs 0..1 min.
        let run = try ScenarioFixture.run(Self.scenario("      formula: \"$TargetDedicatedNodes = 1;\""))
        #expect(run.summary.number("pools.p.autoscaleEvaluations") == 1)
        #expect(run.summary.number("pools.p.peakNodes") == 1)
        #expect(run.summary.number("tasks.makespanSeconds") == 60)
    }
}

extension AutoScaleFormatTests {
    @Test func anAutoscalePoolMayHaveSpotNodesSoPreemptionIsNotFlagged() throws {
        let yaml = """
            name: spot
            pools:
              - id: p
                preemption: {ratePerNodeHour: 0.1}
                autoScale: {formula: "$TargetLowPriorityNodes = 2;"}
            jobs: [{id: j, pool: p, tasks: {count: 1, duration: 1m}}]
            timeline:
              - {at: 10m, action: preemptNodes, pool: p}
            """
        #expect(try load(yaml).warnings.isEmpty)
    }
}
