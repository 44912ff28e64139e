import BatchModel
import ScenarioFormat
import SimulationKernel
import Testing

private let withVars = """
    name: sweep-${outage}
    vars:
      outage: 45m
      start: 3h
      tasks: 10
      delay: {uniform: [1m, 2m]}
      label: batch
    pools:
      - id: p1
        dedicatedNodes: 2
        allocationDelay: ${delay}
    jobs:
      - id: batch
        pool: p1
        tasks: {count: "${tasks}", duration: 10m}
    timeline:
      - at: ${start}
        action: deleteAccount
      - after: "${outage}"
        action: deleteAccount
    expect:
      jobs.${label}.completed: 1
    """

@Suite struct VariablesTests {
    @Test func defaultsAreSubstituted() throws {
        let loaded = try load(withVars)
        #expect(loaded.scenario.name == "sweep-45m")
        #expect(loaded.scenario.jobs[0].tasks.count == 10)
        #expect(loaded.scenario.timeline.map(\.time) == [3 * hour, 3 * hour + 45 * minute])
        #expect(loaded.scenario.pools[0].allocationDelay == .uniform(low: 60_000, high: 120_000))
        #expect(loaded.expectations[0].metric == "jobs.batch.completed")
    }

    @Test func overridesReplaceDefaults() throws {
        let loaded = try load(withVars, overrides: ["outage": "1h30m", "tasks": "7", "delay": "5s"])
        #expect(loaded.scenario.name == "sweep-1h30m")
        #expect(loaded.scenario.jobs[0].tasks.count == 7)
        #expect(loaded.scenario.timeline.map(\.time) == [3 * hour, 4 * hour + 30 * minute])
        #expect(loaded.scenario.pools[0].allocationDelay == .fixed(5000))
    }

    @Test func unknownOverrideIsAnError() {
        let found = errors(withVars, overrides: ["outgae": "1h"])
        #expect(found.count == 1)
        #expect(found.first?.location == nil)
        #expect(
            found.first?.description
                == "<inline>: error: --set outgae=1h: no variable 'outgae' is declared under 'vars'; did you mean 'outage'?"
        )
    }

    @Test func badOverrideValueIsReportedWhereTheVariableIsUsed() {
        let found = errors(withVars, overrides: ["start": "soon"])
        #expect(found.count == 1)
        #expect(found.first?.location?.line == 17)
        #expect(found.first?.location?.column == 9)
        #expect(found.first?.message.contains("at: expected a duration") == true)
        #expect(found.first?.message.contains("found 'soon'") == true)
    }

    @Test func undeclaredVariableIsAnErrorAtItsUse() {
        let found = errors(minimalScenario(extra: "description: run ${speed} fast"))
        #expect(found.count == 1)
        #expect(found.first?.location?.line == 13)
        #expect(found.first?.location?.column == 14)
        #expect(found.first?.message.contains("undeclared variable 'speed'") == true)
    }

    @Test func nullDefaultMustBeSet() throws {
        let yaml = minimalScenario(extra: "vars: {seed: null}\nseed: ${seed}")
        #expect(errors(yaml).first?.message.contains("variable 'seed' has no value") == true)
        #expect(try load(yaml, overrides: ["seed": "42"]).scenario.seed == 42)
    }

    @Test func collectionVariableCannotBeEmbedded() {
        let yaml = minimalScenario(extra: "vars: {d: [1, 2]}\ndescription: x${d}")
        #expect(errors(yaml).first?.message.contains("only a whole value") == true)
    }
}
