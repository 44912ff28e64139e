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
    /// The trace files the scenario read, as resolved from its folder.
    public var traceFiles: [String]

    public init(
        scenario: Scenario,
        expectations: [Expectation],
        replications: Int = 1,
        fingerprint: ExpectedFingerprint? = nil,
        warnings: [Diagnostic],
        path: String,
        source: String,
        bytes: [UInt8]? = nil,
        traceFiles: [String] = []
    ) {
        self.scenario = scenario
        self.expectations = expectations
        self.replications = replications
        self.fingerprint = fingerprint
        self.warnings = warnings
        self.path = path
        self.source = source
        self.bytes = bytes
        self.traceFiles = traceFiles
    }

    /// Every file the scenario came from: the scenario itself (when it came from a file) and its
    /// traces. Outputs must never overwrite one of them.
    public var inputFiles: [String] { (bytes == nil ? [] : [path]) + traceFiles }

    /// Whether the file has anything for `batchsim check` to judge.
    public var hasExpectations: Bool { !expectations.isEmpty || fingerprint != nil }
}
