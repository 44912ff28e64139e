public import BatchModel

/// A scenario read from a file: the validated value, its `expect:` lines, warnings, the text itself and,
/// when it came from a file, the bytes read (hashed into the summary and the event log, so the file is
/// read once).
public struct LoadedScenario: Sendable {
    public var scenario: Scenario
    public var expectations: [Expectation]
    /// `expect: {replications: N}` (default 1): seeds a check runs.
    public var replications: Int
    /// `expect: {fingerprint: hex}`, if given.
    public var fingerprint: ExpectedFingerprint?
    public var warnings: [Diagnostic]
    public var path: String
    public var source: String
    /// The file's bytes exactly as read; nil for text that did not come from a file.
    public var bytes: [UInt8]?

    public init(
        scenario: Scenario,
        expectations: [Expectation],
        replications: Int = 1,
        fingerprint: ExpectedFingerprint? = nil,
        warnings: [Diagnostic],
        path: String,
        source: String,
        bytes: [UInt8]? = nil
    ) {
        self.scenario = scenario
        self.expectations = expectations
        self.replications = replications
        self.fingerprint = fingerprint
        self.warnings = warnings
        self.path = path
        self.source = source
        self.bytes = bytes
    }

    /// Whether the file has anything for `batchsim check` to judge.
    public var hasExpectations: Bool { !expectations.isEmpty || fingerprint != nil }
}
