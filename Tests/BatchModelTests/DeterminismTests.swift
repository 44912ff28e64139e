import BatchModel
import Reporting
import TestSupport
import Testing

/// SPEC §2 "Randomness and the baseline": same scenario and seed → identical events and
/// summary; a scenario without key actions has no impact.
struct DeterminismTests {
    static func randomScenario(withKeyActions: Bool) -> String {
        Build.scenario(
            CMK(seed: 7, recoveryDelay: "{uniform: [5m, 15m]}"),
            pools: [
                Build.pool(
                    dedicated: 3, lowPriority: 1, slots: 2, allocationDelay: "{uniform: [3m, 6m]}",
                    startTask: "{uniform: [30s, 90s]}", price: "{dedicated: 0.192, lowPriority: 0.038}")
            ],
            jobs: [
                Build.job(
                    "frames", priority: 10, count: 40, duration: "{lognormal: {median: 10m, sigma: 0.5}}",
                    arrival: "{poisson: {perHour: 60}}",
                    tasks: ["failureProbability: 0.2", "maxTaskRetryCount: 2", "checkpointEvery: 3m"],
                    client: "{onRejected: {retryEvery: 2m, maxAttempts: 5}}"),
                Build.job("batch", count: 10, duration: "{uniform: [5m, 20m]}", arrival: "{every: 3m}"),
            ],
            timeline: (withKeyActions
                ? [Build.at("30m", "disableKey", "key: cmk"), Build.at("50m", "enableKey", "key: cmk")] : [])
                + [
                    Build.at("40m", "resizePool", "pool: p", "dedicatedNodes: 4"),
                    Build.at("1h", "submitTasks", "job: batch", "tasks: {count: 5}"),
                ])
    }

    @Test(arguments: [true, false])
    func theSameScenarioTwiceGivesIdenticalEventsAndSummaries(withKeyActions: Bool) throws {
        let yaml = Self.randomScenario(withKeyActions: withKeyActions)
        let first = EventRecorder()
        let firstBaseline = EventRecorder()
        let second = EventRecorder()
        let secondBaseline = EventRecorder()
        let a = try ScenarioFixture.run(yaml, events: first, baselineEvents: firstBaseline)
        let b = try ScenarioFixture.run(yaml, events: second, baselineEvents: secondBaseline)
        #expect(!first.events.isEmpty)
        #expect(first.events == second.events)
        #expect(firstBaseline.events == secondBaseline.events)
        #expect(a.summary == b.summary)
        #expect(a.summary.number("tasks.completed").map { $0 > 0 } == true)
    }

    @Test func aScenarioWithoutKeyActionsHasNoImpact() throws {
        let run = try ScenarioFixture.run(Self.randomScenario(withKeyActions: false))
        let names = run.summary.impactNames
        #expect(names.count > 20)
        for name in names {
            let value = run.summary[name]
            #expect(value == .null || value?.number == 0, "\(name) = \(String(describing: value))")
        }
    }

    @Test func withoutKeyActionsTheScenarioAndBaselineEventLogsAreIdentical() throws {
        let events = EventRecorder()
        let baselineEvents = EventRecorder()
        _ = try ScenarioFixture.run(
            Self.randomScenario(withKeyActions: false), events: events, baselineEvents: baselineEvents)
        #expect(events.events == baselineEvents.events)
    }

    @Test func theBaselineSeesTheSameWorkloadAsTheDisruptedScenario() throws {
        // Draws are keyed by entity, so both runs define the same 40 + 10 + 5 tasks; without a
        // horizon every one ends submitted or dropped.
        let run = try ScenarioFixture.run(Self.randomScenario(withKeyActions: true))
        let scenarioTotal =
            (run.summary.number("tasks.submitted") ?? -1) + (run.summary.number("tasks.dropped") ?? -1)
        let baselineTotal =
            (run.summary.number("baseline.tasks.submitted") ?? -1)
            + (run.summary.number("baseline.tasks.dropped") ?? -1)
        #expect(baselineTotal == 55)
        #expect(scenarioTotal == 55)  // no horizon: every task ends submitted or dropped
        #expect(run.summary.number("account.outages") == 1)
        #expect(run.summary.number("baseline.account.outages") == 0)
    }
}
