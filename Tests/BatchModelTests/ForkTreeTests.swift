import BatchModel
import Foundation
import Reporting
import ScenarioFormat
import SimulationKernel
import TestSupport
import Testing

/// A tree of forks gives every member exactly what simulating it alone gives: its metrics,
/// records and every event its sinks receive (issue 15: sharing must not change a byte).
struct ForkTreeTests {
    /// Every fixture of `Scenarios/`.
    static var fixtures: [String] {
        let directory = CommandRunner.repositoryRoot.appendingPathComponent("Scenarios")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.sorted()
    }

    /// A fixture, its baseline and variants that differ from it only in the timeline: the last
    /// entry 5 minutes later, the last entry removed, the first key action 1 minute earlier (when
    /// it is not at t = 0) — what a sweep over an outage's length or start produces.
    static func members(of scenario: Scenario) -> [Scenario] {
        var members = [scenario, scenario.baseline]
        if let last = scenario.timeline.indices.last {
            var later = scenario
            later.timeline[last].time += 5 * 60_000
            var shorter = scenario
            shorter.timeline.remove(at: last)
            members += [later, shorter]
        }
        if let first = scenario.timeline.firstIndex(where: { !$0.action.isKeptInBaseline && $0.time > 60_000 }) {
            var earlier = scenario
            earlier.timeline[first].time -= 60_000
            members.append(earlier)
        }
        return members
    }

    /// Simulates the members alone and as a tree, and compares everything.
    static func expectTheSame(_ members: [Scenario], _ label: String) {
        let alone = members.map { member in
            let recorder = EventRecorder()
            return (Simulation.run(member, sink: recorder), recorder)
        }
        let recorders = members.map { _ in EventRecorder() }
        let tree = ForkTree(zip(members, recorders).map { ForkTree.Member(scenario: $0, sinks: [$1]) })
        for index in members.indices {
            let (expected, events) = alone[index]
            let actual = tree.results[index]
            let context = "\(label), member \(index)"
            #expect(
                Summary(scenario: actual.metrics, baseline: nil) == Summary(scenario: expected.metrics, baseline: nil),
                "\(context)")
            #expect(recorders[index].events == events.events, "\(context): events")
            #expect(actual.processedEvents == expected.processedEvents, "\(context)")
            #expect(actual.emittedEvents == expected.emittedEvents, "\(context)")
            #expect(actual.autoscaleLog == expected.autoscaleLog, "\(context)")
            #expect(actual.keyVersions == expected.keyVersions, "\(context)")
            #expect(actual.tasks.map(\.finish) == expected.tasks.map(\.finish), "\(context)")
            #expect(actual.nodes.map(\.removedAt) == expected.nodes.map(\.removedAt), "\(context)")
            #expect(
                actual.nodes.map { $0.billedTime(until: actual.metrics.endTime) }
                    == expected.nodes.map { $0.billedTime(until: expected.metrics.endTime) }, "\(context)")
        }
    }

    @Test(arguments: fixtures)
    func everyMemberOfATreeOfAFixturesVariantsIsWhatItIsAlone(_ file: String) throws {
        let path = CommandRunner.repositoryRoot.appendingPathComponent("Scenarios/\(file)").path
        let scenario = try ScenarioLoader.load(path: path).scenario
        Self.expectTheSame(Self.members(of: scenario), file)
    }

    @Test func anOutageSweepSharesTheFirstHoursAndOneBaseline() throws {
        // Outages of 15 min to 2 h from 3 h: the five scenarios and the baseline share 0..3 h;
        // the scenarios share 3 h..3h15 (the shortest outage's end), then the four longer ones
        // 3h15..3h30, the three longer 3h30..3h45 and the two longest 3h45..4 h.
        let path = CommandRunner.repositoryRoot.appendingPathComponent("Scenarios/key-disabled-45m.yaml").path
        let base = try ScenarioLoader.load(path: path).scenario
        let enable = try #require(
            base.timeline.firstIndex { $0.action.isKeptInBaseline == false && $0.time > 3 * 3_600_000 })
        var members = [base.baseline]
        for minutes in [15, 30, 45, 60, 120] {
            var variant = base
            variant.timeline[enable].time = 3 * 3_600_000 + SimTime(minutes) * 60_000
            members.append(variant)
        }
        Self.expectTheSame(members, "outage sweep")
        let tree = ForkTree(members.map { ForkTree.Member(scenario: $0) })
        let runs = tree.results.map(\.metrics.endTime).reduce(0, +)
        // Simulated once instead of n times saves n − 1 times the stretch.
        let shared = 5 * 3 * 3_600_000 + (4 + 3 + 2 + 1) * 15 * 60_000
        #expect(tree.simulatedTime == runs - SimTime(shared))

        // Without records, each result has the same metrics and no tables (a sweep without an
        // event log keeps one member's tables at a time, not the whole tree's).
        let lean = ForkTree(members.map { ForkTree.Member(scenario: $0) }, keepsRecords: false)
        #expect(lean.results.map(\.metrics) == tree.results.map(\.metrics))
        #expect(lean.results.allSatisfy { $0.tasks.isEmpty && $0.nodes.isEmpty })
        #expect(tree.results.allSatisfy { !$0.tasks.isEmpty && !$0.nodes.isEmpty })
    }

    @Test func aTreeOfHundredsOfMembersSplittingOneByOneStaysExact() throws {
        // 300 outage lengths (1..300 min) of a small scenario: the group splits at every
        // minute, one member at a time, and is chunked (at most 128 per tree) — deep forking
        // that once overflowed the stack as recursion.
        let path = CommandRunner.repositoryRoot.appendingPathComponent(
            "Tests/ExperimentsTests/Fixtures/outage-sweep.yaml"
        )
        .path
        let base = try ScenarioLoader.load(path: path).scenario
        let enable = try #require(base.timeline.indices.last)
        let members = (1...300).map { minutes in
            var variant = base
            variant.timeline[enable].time = base.timeline[0].time + SimTime(minutes) * 60_000
            return variant
        }
        Self.expectTheSame(members, "300 outage lengths")
    }

    @Test func aCancelledTreeStopsBetweenStretchesAndReturnsNothing() throws {
        let path = CommandRunner.repositoryRoot.appendingPathComponent("Scenarios/key-disabled-45m.yaml").path
        let scenario = try ScenarioLoader.load(path: path).scenario
        let members = Self.members(of: scenario).map { ForkTree.Member(scenario: $0) }
        var asked = 0
        let tree = ForkTree(members) {
            asked += 1
            return asked > 1  // the first stretch runs, then the tree is cancelled
        }
        #expect(tree.wasCancelled)
        #expect(tree.results.isEmpty)
        // Only the first stretch ran: all five members share 0..2h59 (the variant whose key
        // action is a minute earlier than the fixture's 3 h parts there); each branch left
        // asks once more and stops.
        #expect(tree.simulatedTime == 179 * 60_000)
        let whole = ForkTree(members) { false }
        #expect(!whole.wasCancelled && whole.results.count == members.count)
    }

    /// outage-sweep.yaml (10 nodes, 10 tasks of 50–70 min from t = 0) with its timeline replaced
    /// by its disableKey (true) and enableKey (false) actions at the given times.
    static func outageSweep(_ timeline: [(SimTime, disable: Bool)], horizon: SimTime? = nil) throws -> Scenario {
        let path = CommandRunner.repositoryRoot.appendingPathComponent(
            "Tests/ExperimentsTests/Fixtures/outage-sweep.yaml"
        )
        .path
        var scenario = try ScenarioLoader.load(path: path).scenario
        let disable = scenario.timeline[0].action
        let enable = scenario.timeline[1].action
        scenario.horizon = horizon
        scenario.timeline = timeline.map { TimelineEntry(time: $0.0, action: $0.disable ? disable : enable) }
        return scenario
    }

    @Test func aClassWhoseRepresentativeRunsOutOfEventsStillForksForTheOthers() throws {
        // Found in review: with a 2 h horizon the work is done by 71 min; the baseline (no
        // entries) leads the class {baseline, disable at 90 min} after the fork at 30 min and
        // runs out of events — the other member's disableKey at 90 min must still happen.
        let minute: SimTime = 60_000
        let at30 = try Self.outageSweep([(30 * minute, true)], horizon: 120 * minute)
        let at90 = try Self.outageSweep([(90 * minute, true)], horizon: 120 * minute)
        Self.expectTheSame([at30, at30.baseline, at90], "horizon, representative without events")
        let alone = Simulation.run(at90)
        #expect(alone.metrics.account.outages == 1)
        // Without a horizon: the leader of {enable at 31 days, enable at 1 h} is stuck with its
        // key disabled and its own entry past the 30-day cap; the other's enableKey at 1 h must
        // still happen.
        let late = try Self.outageSweep([(10 * minute, true), (31 * 1_440 * minute, false)])
        let soon = try Self.outageSweep([(10 * minute, true), (60 * minute, false)])
        Self.expectTheSame([late, late.baseline, soon], "no horizon, representative stuck past the cap")
        #expect(Simulation.run(soon).metrics.tasks.completed == 10)
    }
}
