import BatchModel
import EventStore
import Experiments
import Foundation
import Reporting
import ScenarioFormat
import SimulationKernel
import TestSupport
import Testing

/// The shared prefix (issue 15) changes how the scenario and its baseline are simulated, never
/// what they produce: `ScenarioRunner.execute(share: true)` (simulate once up to the first
/// instant they can differ, then fork) and `share: false` (`--no-share`, both from t = 0) give
/// the same events, results and outputs, on every fixture and on randomized scenarios.
struct SharedPrefixTests {
    // MARK: - Fixtures

    static let scenariosDirectory = CommandRunner.repositoryRoot.appendingPathComponent("Scenarios")

    /// Every `Scenarios/*.yaml`, by file name.
    static let fixtures: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: scenariosDirectory.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    static func loadFixture(_ file: String) throws -> LoadedScenario {
        try ScenarioLoader.load(path: scenariosDirectory.appendingPathComponent(file).path)
    }

    @Test func everyFixtureIsCovered() {
        #expect(Self.fixtures.count >= 33)
    }

    /// Shared or not, on one thread or two: the same events, results, summary and autoscale log.
    @Test(arguments: fixtures)
    func fixtureRunsAreTheSameSharedOrNot(_ file: String) throws {
        let scenario = try Self.loadFixture(file).scenario
        let reference = ShareOutcome(scenario, threads: 1, share: false)
        #expect(reference.run.sharedTime == 0, "a run simulated apart shares nothing")
        for (threads, share) in [(2, false), (1, true), (2, true)] {
            let other = ShareOutcome(scenario, threads: threads, share: share)
            let differences = reference.differences(from: other)
            #expect(
                differences.isEmpty,
                "\(file), threads \(threads), share \(share):\n\(differences.joined(separator: "\n"))")
            if share {
                Self.checkSharedTime(other.run, of: scenario, file)
                #expect(other.run.sharedEvents > 0, "\(file): nothing shared")
                if let expected = Self.handCheckedSharedTime[file] {
                    #expect(other.run.sharedTime == expected, "\(file), threads \(threads)")
                    #expect(other.run.sharedEvents < other.run.result.processedEvents, "\(file)")
                }
            }
        }
    }

    /// `batchsim run`'s own pipeline: summary.json, report.md, report.html and the event log,
    /// byte for byte.
    @Test(arguments: fixtures)
    func fixtureOutputsAreByteIdentical(_ file: String) throws {
        let loaded = try Self.loadFixture(file)
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var outputs: [(files: [String], log: Data)] = []
        for share in [true, false] {
            let path = directory.appendingPathComponent("events-\(share).sqlite").path
            let options = RunOptions(reports: true, eventLog: path, share: share)
            let output = try RunPipeline.simulate(loaded, options: options)
            try output.eventLog?.commit()
            #expect(output.files.map(\.name) == ["summary.json", "report.md", "report.html"])
            outputs.append((output.files.map(\.text), try Data(contentsOf: URL(fileURLWithPath: path))))
        }
        // Compared outside #expect: its failure message would diff megabytes of text element by element.
        for (index, name) in ["summary.json", "report.md", "report.html"].enumerated() {
            let (shared, apart) = (outputs[0].files[index], outputs[1].files[index])
            let identical = shared == apart
            #expect(identical, "\(file): \(name) differs \(Self.firstDifference(shared, apart))")
        }
        let (sharedLog, apartLog) = (Array(outputs[0].log), Array(outputs[1].log))
        let identicalLogs = sharedLog == apartLog
        let sizes = "\(sharedLog.count) vs \(apartLog.count) bytes"
        #expect(
            identicalLogs,
            "\(file): events.sqlite differs (\(sizes), from byte \(Self.firstMismatch(sharedLog, apartLog)))")
    }

    /// Fixtures whose fork instant is checked by hand: the time of the first entry the baseline
    /// removes (its first key action), before which both runs are simulated once.
    static let handCheckedSharedTime: [String: SimTime] = [
        "key-disabled-45m.yaml": 3 * 3_600_000,  // {at: 3h, action: disableKey}
        "worked-example.yaml": 30 * 60_000,  // {at: 30m, action: disableKey}
        // {at: 12m, action: disableKey}, then four kept entries renumbered 1, 2, 4, 5 -> 0, 1, 2, 3.
        "autoscale-disable-rejected-during-outage.yaml": 12 * 60_000,
    ]

    @Test(arguments: handCheckedSharedTime.keys.sorted())
    func handCheckedFixtureForksAtItsFirstKeyAction(_ file: String) throws {
        let scenario = try Self.loadFixture(file).scenario
        let expected = try #require(Self.handCheckedSharedTime[file])
        let firstRemoved = try #require(scenario.timeline.first { !$0.action.isKeptInBaseline })
        #expect(firstRemoved.time == expected)
        #expect(scenario.timeline.allSatisfy { $0.time >= expected })
        // The runs themselves are checked by `fixtureRunsAreTheSameSharedOrNot`.
    }

    /// What `sharedTime` must be: all of the run when nothing is removed, otherwise at most the
    /// first removed entry's time and at most either run's end.
    static func checkSharedTime(_ run: ScenarioRun, of scenario: Scenario, _ context: String) {
        guard let baseline = run.baseline else { return }
        let firstRemoved = scenario.timeline.filter { !$0.action.isKeptInBaseline }.map(\.time).min()
        if let firstRemoved {
            #expect(run.sharedTime <= firstRemoved, "\(context): shared past the first removed entry")
            #expect(run.sharedTime <= min(run.result.metrics.endTime, baseline.metrics.endTime), "\(context)")
        } else {
            #expect(run.sharedTime == run.result.metrics.endTime, "\(context): nothing removed, all shared")
            #expect(run.sharedTime == baseline.metrics.endTime, "\(context): nothing removed, all shared")
        }
        #expect(run.sharedTime >= 0)
    }

    // MARK: - Randomized scenarios

    static let randomCount = 300
    static let batchCount = 6

    /// Scenarios 0..<300 in six batches (run in parallel by Swift Testing).
    @Test(arguments: 0..<batchCount)
    func randomScenariosAreTheSameSharedOrNot(_ batch: Int) throws {
        var forkedBeforeRenumberedEntry = 0
        var shared = 0
        for index in stride(from: batch, to: Self.randomCount, by: Self.batchCount) {
            let yaml = RandomScenario(seed: UInt64(index)).yaml
            let loaded: LoadedScenario
            do {
                loaded = try ScenarioLoader.load(text: yaml, path: "<random-\(index)>")
            } catch {
                Issue.record("random scenario \(index) is rejected (fix the generator):\n\(error)\n\(yaml)")
                continue
            }
            let scenario = loaded.scenario
            let reference = ShareOutcome(scenario, threads: 1, share: false)
            var variants = [(1, true)]
            if index % 10 == 0 { variants += [(2, true), (2, false)] }
            for (threads, share) in variants {
                let other = ShareOutcome(scenario, threads: threads, share: share)
                let differences = reference.differences(from: other).joined(separator: "\n")
                #expect(
                    differences.isEmpty,
                    "random scenario \(index), threads \(threads), share \(share):\n\(differences)\n\(yaml)")
                guard share else { continue }
                Self.checkSharedTime(other.run, of: scenario, "random scenario \(index)\n\(yaml)")
                if threads == 1 {
                    if other.run.sharedTime > 0 { shared += 1 }
                    if Self.renumbersAtFork(scenario, sharedTime: other.run.sharedTime) {
                        forkedBeforeRenumberedEntry += 1
                    }
                }
            }
            if index % 5 == 0 { Self.checkPartialSinks(scenario, reference: reference, yaml: yaml, index) }
        }
        // The generator must exercise the fork: runs that shared time, and forks that renumber
        // a kept entry still pending (one that comes after a removed one in file order).
        let perBatch = Self.randomCount / Self.batchCount
        #expect(shared >= perBatch / 3, "only \(shared) of \(perBatch) random scenarios shared any time")
        #expect(
            forkedBeforeRenumberedEntry >= perBatch / 10,
            "only \(forkedBeforeRenumberedEntry) of \(perBatch) random scenarios renumbered a pending entry")
    }

    /// Whether the baseline copy had to renumber a kept entry still pending at the fork: one that a
    /// removed entry precedes in file order, at or after the fork's instant.
    static func renumbersAtFork(_ scenario: Scenario, sharedTime: Int64) -> Bool {
        guard let firstRemoved = scenario.timeline.firstIndex(where: { !$0.action.isKeptInBaseline }) else {
            return false
        }
        return scenario.timeline[(firstRemoved + 1)...].contains {
            $0.action.isKeptInBaseline && $0.time >= sharedTime
        }
    }

    /// Shared runs with no sinks, or a sink on one side only, give the same results (and the
    /// one side's events).
    static func checkPartialSinks(_ scenario: Scenario, reference: ShareOutcome, yaml: String, _ index: Int) {
        let bare = ScenarioRunner.execute(scenario, threads: 1, share: true)
        let bareApart = ScenarioRunner.execute(scenario, threads: 1, share: false)
        var differences = ShareOutcome.resultDifferences(bareApart.result, bare.result, "scenario (no sinks)")
        differences += ShareOutcome.resultDifferences(bareApart.baseline, bare.baseline, "baseline (no sinks)")
        if bare.summary != bareApart.summary { differences.append("summary (no sinks)") }

        let scenarioOnly = EventRecorder()
        let run1 = ScenarioRunner.execute(scenario, threads: 1, share: true, sink: scenarioOnly)
        if scenarioOnly.events != reference.events { differences.append("scenario events (scenario sink only)") }
        if run1.summary != reference.run.summary { differences.append("summary (scenario sink only)") }

        let baselineOnly = EventRecorder()
        let run2 = ScenarioRunner.execute(scenario, threads: 1, share: true, baselineSink: baselineOnly)
        if baselineOnly.events != reference.baselineEvents {
            differences.append("baseline events (baseline sink only)")
        }
        if run2.summary != reference.run.summary { differences.append("summary (baseline sink only)") }
        #expect(differences.isEmpty, "random scenario \(index):\n\(differences.joined(separator: "\n"))\n\(yaml)")
    }

    /// The generator's output depends on its seed only (a failure names a seed to reproduce).
    @Test func generatorIsDeterministic() {
        #expect(RandomScenario(seed: 42).yaml == RandomScenario(seed: 42).yaml)
        #expect(RandomScenario(seed: 42).yaml != RandomScenario(seed: 43).yaml)
    }

    // MARK: - Helpers

    /// The first index at which two arrays differ (the shorter one's count when one is a prefix).
    static func firstMismatch<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
        a.indices.first { $0 >= b.count || a[$0] != b[$0] } ?? a.count
    }

    /// The first place two texts differ, with a little context.
    static func firstDifference(_ a: String, _ b: String) -> String {
        let a = Array(a.utf8)
        let b = Array(b.utf8)
        let index = firstMismatch(a, b)
        func excerpt(_ bytes: [UInt8]) -> String {
            String(decoding: bytes[max(0, index - 60)..<min(bytes.count, index + 60)], as: UTF8.self)
        }
        return "at byte \(index):\n\(excerpt(a))\n---\n\(excerpt(b))"
    }
}

/// One `ScenarioRunner.execute` with recorders on both runs.
struct ShareOutcome {
    var run: ScenarioRun
    var events: [SimEvent]
    var baselineEvents: [SimEvent]

    init(_ scenario: Scenario, threads: Int, share: Bool) {
        let sink = EventRecorder()
        let baselineSink = EventRecorder()
        run = ScenarioRunner.execute(
            scenario, threads: threads, share: share, sink: sink, baselineSink: baselineSink)
        events = sink.events
        baselineEvents = baselineSink.events
    }

    /// Every way `other` differs from this outcome (empty when they are the same).
    func differences(from other: ShareOutcome) -> [String] {
        var found = Self.eventDifferences(events, other.events, "scenario events")
        found += Self.eventDifferences(baselineEvents, other.baselineEvents, "baseline events")
        found += Self.resultDifferences(run.result, other.run.result, "scenario")
        found += Self.resultDifferences(run.baseline, other.run.baseline, "baseline")
        if run.summary != other.run.summary { found.append("summary") }
        let json = SummaryDocument(run: run, scenarioSHA256: nil, warnings: []).json()
        let otherJSON = SummaryDocument(run: other.run, scenarioSHA256: nil, warnings: []).json()
        if json != otherJSON {
            found.append("summary.json: \(SharedPrefixTests.firstDifference(json, otherJSON))")
        }
        return found
    }

    static func eventDifferences(_ a: [SimEvent], _ b: [SimEvent], _ what: String) -> [String] {
        guard a != b else { return [] }
        let index = SharedPrefixTests.firstMismatch(a, b)
        let left = index < a.count ? "\(a[index])" : "none"
        let right = index < b.count ? "\(b[index])" : "none"
        return ["\(what): \(a.count) vs \(b.count) events; first difference at \(index): \(left) vs \(right)"]
    }

    static func resultDifferences(_ a: RunResult?, _ b: RunResult?, _ what: String) -> [String] {
        guard let a, let b else { return a == nil && b == nil ? [] : ["\(what): one run has no result"] }
        var found: [String] = []
        if a.metrics != b.metrics { found.append("\(what): metrics") }
        if a.processedEvents != b.processedEvents {
            found.append("\(what): processedEvents \(a.processedEvents) vs \(b.processedEvents)")
        }
        if a.emittedEvents != b.emittedEvents {
            found.append("\(what): emittedEvents \(a.emittedEvents) vs \(b.emittedEvents)")
        }
        if a.keyVersions != b.keyVersions { found.append("\(what): keyVersions") }
        if a.autoscaleLog != b.autoscaleLog { found.append("\(what): autoscaleLog") }
        // Task and node records are not Equatable; their reflection shows every stored field.
        found += recordDifferences(a.tasks, b.tasks, "\(what) tasks")
        found += recordDifferences(a.nodes, b.nodes, "\(what) nodes")
        return found
    }

    static func recordDifferences<Record>(_ a: [Record], _ b: [Record], _ what: String) -> [String] {
        let left = a.map { String(describing: $0) }
        let right = b.map { String(describing: $0) }
        guard left != right else { return [] }
        let index = SharedPrefixTests.firstMismatch(left, right)
        return [
            "\(what): \(a.count) vs \(b.count); first difference at \(index): "
                + "\(index < left.count ? left[index] : "none") vs \(index < right.count ? right[index] : "none")"
        ]
    }
}

/// SplitMix64 (Steele, Lea & Flood): a tiny deterministic generator for the scenarios below.
struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    mutating func chance(_ probability: Double) -> Bool {
        Double(next() >> 11) / Double(1 << 53) < probability
    }

    mutating func pick<T>(_ values: [T]) -> T {
        values[int(0...values.count - 1)]
    }

    mutating func shuffle<T>(_ values: inout [T]) {
        guard values.count > 1 else { return }
        for index in stride(from: values.count - 1, to: 0, by: -1) {
            values.swapAt(index, int(0...index))
        }
    }
}

/// A random but valid scenario as YAML text: a CMK account and its vault, 1–2 pools (one maybe
/// autoscaled), 1–3 jobs, and 0–10 timeline entries of both kinds — removed in the baseline
/// (key, vault, encryption) and kept (workload, capacity, autoscale, deleteAccount) — in random
/// file order, some at the same instant and some at t = 0.
struct RandomScenario {
    let yaml: String

    init(seed: UInt64) {
        var random = SplitMix64(state: seed &* 0x2545_F491_4F6C_DD1D &+ 1)
        yaml = Self.generate(&random, seed: seed)
    }

    private struct Pool {
        var id: String
        var slots: Int
        var autoscale: Bool
        var lowPriority: Bool
    }

    static func minutes(_ value: Int) -> String { "\(value)m" }

    static func distribution(_ random: inout SplitMix64, around median: Int) -> String {
        switch random.int(0...6) {
        case 0: "{uniform: [\(max(1, median / 2))m, \(median * 2)m]}"
        case 1: "{exponential: {mean: \(median)m}}"
        case 2: "{lognormal: {median: \(median)m, sigma: 0.4}}"
        case 3: "{normal: {mean: \(median)m, stddev: \(max(1, median / 4))m}}"
        case 4: "{triangular: [\(max(1, median / 2))m, \(median)m, \(median * 2)m]}"
        case 5: "{choice: [[\(median)m, 3], [\(median * 3)m, 1]]}"
        default: "\(median)m"
        }
    }

    static let formulas = [
        "$TargetDedicatedNodes = 2;",
        "$TargetDedicatedNodes = 1; $TargetLowPriorityNodes = 1;",
        "pending = $PendingTasks.GetSamplePercent(180 * TimeInterval_Second) < 70 ? 1 "
            + ": avg($PendingTasks.GetSample(180 * TimeInterval_Second)); "
            + "$TargetDedicatedNodes = min(3, pending); $NodeDeallocationOption = taskcompletion;",
        "$TargetDedicatedNodes = $ActiveTasks.GetSample(1) > 2 ? 3 : 1; $NodeDeallocationOption = requeue;",
    ]

    private static func generate(_ random: inout SplitMix64, seed: UInt64) -> String {
        var lines = ["name: random-\(seed)", "seed: \(random.int(0...1000))"]
        // Autoscale samples its pools every 30 s as long as the run lasts: such runs get a horizon,
        // or they would run to the 30-day cap (90,000 events, seconds in a debug build).
        let autoscale = random.chance(0.35)
        if autoscale || random.chance(0.5) { lines.append("horizon: \(random.int(6...48) * 5)m") }

        // Account and vault: a CMK on key k (v1, v2), now and then Microsoft-managed keys.
        let rbac = random.chance(0.25)
        let recovery = random.chance(0.2) ? "{uniform: [0s, 10m]}" : minutes(random.pick([0, 5, 10]))
        lines += [
            "account:", "  name: acct", "  detectionDelay: \(minutes(random.pick([0, 0, 5, 10])))",
            "  recoveryDelay: \(recovery)", "  expiredKeyBlocksAccess: \(random.chance(0.3))",
        ]
        if random.chance(0.9) {
            let version = random.pick(["/v1", "/v2", ""])
            lines += ["  encryption:", "    keyIdentifier: https://contoso-kv.vault.azure.net/keys/k\(version)"]
        }
        lines += [
            "keyVault:", "  name: contoso-kv", "  permissionModel: \(rbac ? "rbac" : "accessPolicy")",
            "  softDelete: \(random.chance(0.8))", "  purgeProtection: \(random.chance(0.5))",
            "  retentionDays: \(random.pick([7, 90]))",
        ]
        if rbac {
            lines += ["  roleAssignments:", "    - {principal: acct, role: Key Vault Crypto Service Encryption User}"]
        } else {
            lines += ["  accessPolicies:", "    - {principal: acct, keyPermissions: [get, wrapKey, unwrapKey]}"]
        }
        var v2 = "{id: v2, enabled: \(random.chance(0.8))"
        if random.chance(0.3) { v2 += ", notBefore: \(random.int(0...10) * 5)m" }
        if random.chance(0.3) { v2 += ", expires: \(random.int(0...16) * 5)m" }
        v2 += "}"
        lines += ["  keys:", "    - name: k", "      versions: [v1, \(v2)]"]
        if random.chance(0.15) { lines.append("      rotationPolicy: {rotateEvery: \(random.int(2...12) * 5)m}") }

        // Pools.
        var pools: [Pool] = []
        let autoscalePool = autoscale && random.chance(0.7) ? random.int(0...1) : -1
        lines.append("pools:")
        for index in 0..<random.int(1...2) {
            let slots = random.int(1...3)
            var pool = Pool(id: "p\(index)", slots: slots, autoscale: index == autoscalePool, lowPriority: false)
            lines += ["  - id: p\(index)", "    taskSlotsPerNode: \(slots)"]
            if pool.autoscale {
                lines += [
                    "    autoScale:", "      evaluationInterval: \(random.pick([5, 10, 15]))m",
                    "      formula: \"\(random.pick(formulas))\"",
                ]
                pool.lowPriority = true
            } else {
                let low = random.int(0...2)
                pool.lowPriority = low > 0
                lines += ["    dedicatedNodes: \(random.int(0...3))", "    lowPriorityNodes: \(low)"]
            }
            lines.append("    nodeFillType: \(random.pick(["spread", "pack"]))")
            switch random.int(0...3) {
            case 0: lines.append("    allocationDelay: 5m")
            case 1: lines.append("    allocationDelay: {uniform: [1m, 5m]}")
            default: break
            }
            switch random.int(0...4) {
            case 0: lines.append("    startTask: {duration: 2m}")
            case 1:
                lines.append(
                    "    startTask: {duration: {uniform: [1m, 3m]}, failureProbability: 0.2, maxTaskRetryCount: 1}")
            default: break
            }
            if pool.lowPriority, random.chance(0.4) {
                lines.append(
                    "    preemption: {ratePerNodeHour: \(random.pick(["0.5", "2"])), "
                        + "capacityReturnsAfter: \(distribution(&random, around: 10))}")
            }
            lines.append("    pricePerNodeHour: {dedicated: 0.192, lowPriority: 0.038}")
            pools.append(pool)
        }

        // Jobs.
        let jobCount = random.int(1...3)
        lines.append("jobs:")
        for index in 0..<jobCount {
            let pool = pools[random.int(0...pools.count - 1)]
            let duration = random.chance(0.5) ? minutes(random.int(1...8) * 5) : distribution(&random, around: 15)
            let arrival =
                switch random.int(0...3) {
                case 0: "{at: \(random.int(0...6) * 5)m}"
                case 1: "{every: \(random.int(1...3) * 5)m, from: \(random.int(0...4) * 5)m}"
                case 2: "{poisson: {perHour: \(random.pick([6, 12, 30]))}}"
                default: "{at: 0s}"
                }
            var tasks =
                "{count: \(random.int(0...6)), duration: \(duration), requiredSlots: \(random.int(1...pool.slots)), "
                + "arrival: \(arrival)"
            if random.chance(0.25) { tasks += ", checkpointEvery: \(random.pick([5, 7]))m" }
            if random.chance(0.2) { tasks += ", failureProbability: 0.3, maxTaskRetryCount: \(random.int(0...2))" }
            tasks += "}"
            lines += [
                "  - id: j\(index)", "    pool: \(pool.id)", "    priority: \(random.pick([0, 0, 5, -5]))",
                "    tasks: \(tasks)",
            ]
            if random.chance(0.5) {
                lines.append(
                    "    client: {onRejected: {retryEvery: \(random.int(1...3) * 5)m, maxAttempts: \(random.int(1...5))}}"
                )
            }
        }

        // Timeline: entries of both kinds, shuffled; times on a 5-minute grid (so some coincide),
        // t = 0 included, a few written as `after:` the previous entry.
        var entries: [String] = []
        var addedVersions = Array(3...9).map { "v\($0)" }
        random.shuffle(&addedVersions)
        for _ in 0..<random.int(0...10) {
            let body: String
            if random.chance(0.5) {
                body = removedAction(&random, rbac: rbac, addedVersions: &addedVersions)
            } else {
                body = keptAction(&random, pools: pools, jobCount: jobCount, autoscale: autoscale)
            }
            entries.append(body)
        }
        random.shuffle(&entries)
        if !entries.isEmpty {
            lines.append("timeline:")
            for (index, body) in entries.enumerated() {
                let time =
                    index > 0 && random.chance(0.15)
                    ? "after: \(random.pick([0, 5, 10]))m"
                    : "at: \(random.chance(0.15) ? 0 : random.int(0...16) * 5)m"
                lines.append("  - {\(time), \(body)}")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// An action the baseline removes: key, vault, access and encryption.
    private static func removedAction(_ random: inout SplitMix64, rbac: Bool, addedVersions: inout [String])
        -> String
    {
        let version = random.pick(["", ", version: v1", ", version: v2"])
        switch random.int(0...17) {
        case 0, 1: return "action: disableKey, key: k\(version)"
        case 2, 3: return "action: enableKey, key: k\(version)"
        case 4: return "action: deleteKey, key: k"
        case 5: return "action: recoverKey, key: k"
        case 6:
            guard let added = addedVersions.popLast() else { return "action: purgeKey, key: k" }
            return "action: addKeyVersion, key: k, version: \(added)"
        case 7:
            return
                "action: setKeyExpiry, key: k\(version), expires: \(random.chance(0.3) ? "never" : "\(random.int(0...16) * 5)m")"
        case 8:
            return rbac
                ? "action: assignRole, role: \(random.pick(["Key Vault Crypto User", "Key Vault Crypto Service Encryption User"]))"
                : "action: setAccessPolicy, keyPermissions: \(random.pick(["[get, wrapKey, unwrapKey]", "[get, wrapKey]", "[all]"]))"
        case 9: return rbac ? "action: removeRoleAssignment" : "action: removeAccessPolicy"
        case 10: return "action: denyNetworkAccess, allowTrustedServices: \(random.chance(0.5))"
        case 11: return "action: allowNetworkAccess"
        case 12: return "action: deleteVault"
        case 13: return "action: recoverVault"
        case 14:
            let identifier = random.pick(["/v1", "/v2", ""])
            return "action: setKeyIdentifier, keyIdentifier: https://contoso-kv.vault.azure.net/keys/k\(identifier)"
        case 15: return "action: useMicrosoftManagedKey"
        case 16: return "action: useCustomerManagedKey"
        default: return random.chance(0.5) ? "action: purgeVault" : "action: purgeKey, key: k"
        }
    }

    /// An action the baseline keeps: workload, capacity, autoscale, the account's deletion.
    private static func keptAction(_ random: inout SplitMix64, pools: [Pool], jobCount: Int, autoscale: Bool)
        -> String
    {
        let pool = pools[random.int(0...pools.count - 1)]
        switch random.int(0...9) {
        case 0, 1, 2:
            return "action: resizePool, pool: \(pool.id), dedicatedNodes: \(random.int(0...3)), "
                + "lowPriorityNodes: \(random.int(0...2))"
        case 3, 4, 5:
            let arrival = random.pick(["{at: 0s}", "{at: 5m}", "{every: 5m}"])
            return "action: submitTasks, job: j\(random.int(0...jobCount - 1)), "
                + "tasks: {count: \(random.int(1...3)), duration: \(random.int(1...6) * 5)m, arrival: \(arrival)}"
        case 6: return "action: preemptNodes, pool: \(pool.id)" + (random.chance(0.5) ? ", count: 1" : "")
        case 7 where autoscale:
            return "action: enableAutoScale, pool: \(pool.id), formula: \"\(random.pick(formulas))\", "
                + "evaluationInterval: \(random.pick([5, 10]))m"
        case 7, 8: return "action: disableAutoScale, pool: \(pool.id)"
        default: return random.chance(0.3) ? "action: deleteAccount" : "action: disableAutoScale, pool: \(pool.id)"
        }
    }
}
