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

    public init(
        path: String,
        scenarioName: String,
        errors: [String],
        verdicts: [ExpectationVerdict],
        expectedFingerprint: ExpectedFingerprint? = nil,
        actualFingerprint: String? = nil,
        seconds: Double
    ) {
        self.path = path
        self.scenarioName = scenarioName
        self.errors = errors
        self.verdicts = verdicts
        self.expectedFingerprint = expectedFingerprint
        self.actualFingerprint = actualFingerprint
        self.seconds = seconds
    }

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
