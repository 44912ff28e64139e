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
    /// `expect: {fingerprint: …}` as written, and the run's actual fingerprint (computed when
    /// expected or when updating).
    public var expectedFingerprint: ExpectedFingerprint?
    public var actualFingerprint: String?
    public var seconds: Double

    public var fingerprintPassed: Bool {
        guard let expectedFingerprint else { return true }
        return expectedFingerprint.hex == actualFingerprint
    }

    /// Expectations judged, the fingerprint counted as one.
    public var checkCount: Int { verdicts.count + (expectedFingerprint == nil ? 0 : 1) }
    public var passed: Bool { errors.isEmpty && verdicts.allSatisfy(\.passed) && fingerprintPassed }
    public var passedCount: Int {
        errors.isEmpty ? verdicts.filter(\.passed).count + (expectedFingerprint != nil && fingerprintPassed ? 1 : 0) : 0
    }
    public var failedCount: Int { errors.isEmpty ? checkCount - passedCount : max(1, checkCount) }

    /// The fingerprint verdict as a line, when one is expected.
    public var fingerprintLine: String? {
        guard let expectedFingerprint else { return nil }
        if fingerprintPassed { return "PASS fingerprint: \(expectedFingerprint.hex)" }
        return "FAIL fingerprint: expected \(expectedFingerprint.hex), got \(actualFingerprint ?? "none")"
    }
}

/// Runs scenario files and judges their expectations.
public enum ScenarioCheck {
    /// Loads, runs (scenario + baseline, once per replication) and judges one file; nil when it
    /// has no `expect:` block. Loading errors become a failed result.
    ///
    /// - Parameter computeFingerprint: fingerprint the run even if none is expected (`--update`).
    public static func run(
        path: String,
        baselineInParallel: Bool = true,
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
            var scenario = loaded.scenario
            scenario.seed = ReplicationSeeds.seed(base: scenario.seed, replication: replication)
            // The fingerprint is that of the run with the scenario's own seed.
            let sinks = replication == 0 && fingerprinted ? (FingerprintSink(), FingerprintSink()) : nil
            let run = ScenarioRun.execute(
                scenario,
                baselineInParallel: baselineInParallel,
                sink: sinks?.0,
                baselineSink: sinks?.1
            )
            if let sinks {
                fingerprint = FingerprintSink.combine(scenario: sinks.0.digest(), baseline: sinks.1.digest())
            }
            summaries.append(run.summary)
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
}
