public import BatchModel

/// Everything the log keeps about one run besides its events: identity, configuration,
/// final task and node records, and the named metrics the summary is built from.
public struct RunRecord: Sendable {
    public var run: Int64
    /// `scenario` or `baseline` (or a sweep point's name).
    public var variant: String
    public var scenario: Scenario
    public var scenarioSHA256: String?
    public var toolVersion: String
    public var warnings: [String]
    public var result: RunResult

    public init(
        run: Int64,
        variant: String,
        scenario: Scenario,
        scenarioSHA256: String?,
        toolVersion: String,
        warnings: [String],
        result: RunResult
    ) {
        self.run = run
        self.variant = variant
        self.scenario = scenario
        self.scenarioSHA256 = scenarioSHA256
        self.toolVersion = toolVersion
        self.warnings = warnings
        self.result = result
    }
}
