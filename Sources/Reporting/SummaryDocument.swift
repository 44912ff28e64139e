import BatchModel

/// `summary.json`: the run's identity and its metrics (SPEC §4), rendered with a stable key
/// order so that the same inputs give byte-identical files.
///
/// Layout: identity fields first (`scenario`, `scenarioSHA256`, `description`, `seed`,
/// `toolVersion`, `endSeconds`, `baselineEndSeconds`, `warnings`), then `"metrics"`, a flat
/// object whose keys are the dotted names `expect:` uses — scenario metrics, then
/// `baseline.*`, then `impact.*`.
public struct SummaryDocument: Sendable {
    public var scenarioName: String
    /// SHA-256 of the scenario file's bytes (lowercase hex): which file, exactly, the run
    /// came from. `null` in the JSON when the scenario did not come from a file.
    public var scenarioSHA256: String?
    public var description: String?
    public var seed: UInt64
    public var toolVersion: String
    /// When each run ended, in milliseconds (baseline nil with `--no-baseline`).
    public var endTime: Int64
    public var baselineEndTime: Int64?
    public var warnings: [String]
    public var summary: Summary

    public init(
        scenarioName: String,
        scenarioSHA256: String? = nil,
        description: String?,
        seed: UInt64,
        toolVersion: String = ToolVersion.current,
        endTime: Int64,
        baselineEndTime: Int64?,
        warnings: [String] = [],
        summary: Summary
    ) {
        self.scenarioName = scenarioName
        self.scenarioSHA256 = scenarioSHA256
        self.description = description
        self.seed = seed
        self.toolVersion = toolVersion
        self.endTime = endTime
        self.baselineEndTime = baselineEndTime
        self.warnings = warnings
        self.summary = summary
    }

    /// The document of a run done in this process (`batchsim run`, the committed-report test).
    public init(run: ScenarioRun, scenarioSHA256: String?, warnings: [String]) {
        self.init(
            scenarioName: run.scenario.name,
            scenarioSHA256: scenarioSHA256,
            description: run.scenario.description,
            seed: run.scenario.seed,
            endTime: run.result.metrics.endTime,
            baselineEndTime: run.baseline?.metrics.endTime,
            warnings: warnings,
            summary: run.summary
        )
    }

    /// The JSON text, two-space indented, ending with a newline.
    public func json() -> String {
        var out = "{\n"
        out += "  \"scenario\": \(JSONText.string(scenarioName)),\n"
        out += "  \"scenarioSHA256\": \(scenarioSHA256.map(JSONText.string) ?? "null"),\n"
        if let description { out += "  \"description\": \(JSONText.string(description)),\n" }
        out += "  \"seed\": \(seed),\n"
        out += "  \"toolVersion\": \(JSONText.string(toolVersion)),\n"
        out += "  \"endSeconds\": \(MetricValue.seconds(endTime)),\n"
        if let baselineEndTime { out += "  \"baselineEndSeconds\": \(MetricValue.seconds(baselineEndTime)),\n" }
        out += "  \"warnings\": [" + warnings.map(JSONText.string).joined(separator: ", ") + "],\n"
        out += "  \"metrics\": {\n"
        out += summary.metrics.map { "    \(JSONText.string($0.name)): \($0.value)" }.joined(separator: ",\n")
        out += "\n  }\n}\n"
        return out
    }
}
