public import BatchModel

/// One run as the log stores it: identity and named metrics, enough to rebuild its summary.
public struct StoredRun: Sendable {
    public var run: Int64
    public var variant: String
    public var scenario: String
    public var scenarioSHA256: String?
    public var description: String?
    public var seed: UInt64
    public var toolVersion: String
    public var endTime: Int64
    public var warnings: [String]
    public var metrics: [(name: String, value: MetricValue)]
}
