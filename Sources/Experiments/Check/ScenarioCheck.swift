import BatchModel
import Foundation
import ParallelWork
public import Reporting
import ScenarioFormat

/// Runs scenario files and judges their expectations.
public enum ScenarioCheck {
    /// Loads, runs (scenario + baseline, once per replication) and judges one file; nil when it
    /// has no `expect:` block. Loading errors become a failed result.
    ///
    /// - Parameters:
    ///   - threads: 2 simulates each baseline beside its scenario; 1 keeps the check on the
    ///     caller's thread.
    ///   - computeFingerprint: fingerprint the run even if none is expected (`--update`).
    public static func run(
        path: String,
        threads: Int = 2,
        computeFingerprint: Bool = false
    ) -> ScenarioCheckResult? {
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
        let fingerprinted = computeFingerprint || loaded.fingerprint != nil
        var summaries: [Summary] = []
        var fingerprint: String?
        for replication in 0..<loaded.replications {
            var replicated = loaded
            replicated.scenario.seed = ReplicationSeeds.seed(base: loaded.scenario.seed, replication: replication)
            // The fingerprint is that of the run with the scenario's own seed.
            let sinks = replication == 0 && fingerprinted ? (FingerprintSink(), FingerprintSink()) : nil
            let output: RunOutput
            do {
                output = try RunPipeline.simulate(
                    replicated,
                    options: RunOptions(reports: false, threads: threads),
                    sink: sinks?.0,
                    baselineSink: sinks?.1
                )
            } catch {
                return ScenarioCheckResult(
                    path: path, scenarioName: loaded.scenario.name, errors: ["\(error)"], verdicts: [], seconds: 0)
            }
            if let sinks {
                fingerprint = FingerprintSink.combine(scenario: sinks.0.digest(), baseline: sinks.1.digest())
            }
            summaries.append(output.run.summary)
        }
        let verdicts = ExpectationVerdict.judge(loaded.expectations, against: summaries[0], replications: summaries)
        let elapsed = clock.now - started
        return ScenarioCheckResult(
            path: path,
            scenarioName: loaded.scenario.name,
            errors: [],
            verdicts: verdicts,
            expectedFingerprint: loaded.fingerprint,
            actualFingerprint: fingerprint,
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        )
    }

    /// Checks `files` on at most `jobs` threads and hands each result to `report` in file order,
    /// as soon as it and every earlier one are done; files without `expect:` give nil.
    ///
    /// With one file, its baseline runs beside it; with several, each check keeps to its own
    /// thread, so that `jobs` bounds every thread.
    public static func runAll(
        _ files: [String],
        jobs: Int,
        computeFingerprint: Bool = false,
        report: (ScenarioCheckResult?) -> Void = { _ in }
    ) -> [ScenarioCheckResult] {
        let workers = max(1, min(jobs, files.count))
        let threads = workers == 1 && jobs >= 2 ? 2 : 1
        let results = ParallelMap.run(count: files.count, workers: workers) { index in
            Checked(result: run(path: files[index], threads: threads, computeFingerprint: computeFingerprint))
        } inOrder: { _, checked in
            report(checked.result)
        }
        return results.compactMap { $0?.result }
    }
}

/// A check's result, or nil for a file without `expect:` (so that "no result yet" and "nothing
/// to check" differ).
private struct Checked: Sendable {
    var result: ScenarioCheckResult?
}
