public import BatchModel
import Foundation
public import ScenarioFormat

/// The outcome of checking one scenario file's `expect:` block (`batchsim check`).
public struct ScenarioCheckResult: Sendable {
    public var path: String
    public var scenarioName: String
    /// Errors that stopped the check (the file does not load); empty when it ran.
    public var errors: [String]
    public var verdicts: [ExpectationVerdict]
    public var seconds: Double

    public var passed: Bool { errors.isEmpty && verdicts.allSatisfy(\.passed) }
    public var failedCount: Int { errors.isEmpty ? verdicts.filter { !$0.passed }.count : max(1, verdicts.count) }
}

/// Runs scenario files and judges their expectations.
public enum ScenarioCheck {
    /// Loads, runs (scenario + baseline) and judges one file; nil when it has no `expect:`
    /// block. Loading errors become a failed result; expectations naming no metric fail with
    /// a suggestion.
    public static func run(path: String, baselineInParallel: Bool = true) -> ScenarioCheckResult? {
        let clock = ContinuousClock()
        let started = clock.now
        let loaded: LoadedScenario
        do {
            loaded = try ScenarioLoader.load(path: path)
        } catch {
            return ScenarioCheckResult(
                path: path,
                scenarioName: path,
                errors: error.diagnostics.map(\.description),
                verdicts: [],
                seconds: 0
            )
        }
        guard loaded.hasExpectations else { return nil }
        var summaries: [Summary] = []
        for replication in 0..<loaded.replications {
            var scenario = loaded.scenario
            scenario.seed = ReplicationSeeds.seed(base: scenario.seed, replication: replication)
            summaries.append(ScenarioRun.execute(scenario, baselineInParallel: baselineInParallel).summary)
        }
        let verdicts = ExpectationVerdict.judge(loaded.expectations, against: summaries[0], replications: summaries)
        let elapsed = clock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return ScenarioCheckResult(
            path: path,
            scenarioName: loaded.scenario.name,
            errors: [],
            verdicts: verdicts,
            seconds: seconds
        )
    }
}
