public import BatchModel
import Experiments
public import Reporting
public import ScenarioFormat

/// Runs scenarios written inline in tests through `batchsim run`'s own pipeline (`RunPipeline`):
/// load, simulate the scenario and its baseline, summarise.
public enum ScenarioFixture {
    /// Loads YAML text and runs it (with its baseline unless `withBaseline` is false).
    public static func run(
        _ yaml: String,
        overrides: [String: String] = [:],
        withBaseline: Bool = true,
        events: EventRecorder? = nil,
        baselineEvents: EventRecorder? = nil
    ) throws -> ScenarioRun {
        let output = try RunPipeline.simulate(
            load(yaml, overrides: overrides),
            options: RunOptions(withBaseline: withBaseline, reports: false),
            sink: events,
            baselineSink: baselineEvents
        )
        return output.run
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
