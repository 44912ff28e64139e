public import BatchModel
public import Reporting
public import ScenarioFormat

/// Runs scenarios written inline in tests, the way `batchsim run` does: load, simulate the
/// scenario and its baseline, summarise.
public enum ScenarioFixture {
    /// Loads YAML text and runs it (with its baseline unless `withBaseline` is false).
    public static func run(
        _ yaml: String,
        overrides: [String: String] = [:],
        withBaseline: Bool = true,
        events: EventRecorder? = nil,
        baselineEvents: EventRecorder? = nil
    ) throws -> ScenarioRun {
        let loaded = try load(yaml, overrides: overrides)
        return ScenarioRun.execute(
            loaded.scenario,
            withBaseline: withBaseline,
            sink: events,
            baselineSink: baselineEvents
        )
    }

    /// Loads YAML text into a scenario.
    public static func load(_ yaml: String, overrides: [String: String] = [:]) throws -> LoadedScenario {
        try ScenarioLoader.load(text: yaml, path: "<test>", overrides: overrides)
    }
}

extension Summary {
    /// A metric as a number (seconds for times); nil when the metric is null or does not exist.
    public func number(_ name: String) -> Double? {
        self[name]?.number
    }

    /// Whether the metric exists and is null.
    public func isNull(_ name: String) -> Bool {
        self[name] == .null
    }
}
