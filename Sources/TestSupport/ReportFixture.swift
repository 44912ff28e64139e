import BatchModel
import Experiments
import Foundation
public import Reporting
import ScenarioFormat

/// Runs a scenario through `batchsim run`'s own pipeline (`RunPipeline`) and returns the
/// reports' input, without writing anything.
public enum ReportFixture {
    /// A scenario file, by path relative to the repository root (or absolute).
    public static func run(file: String, withBaseline: Bool = true) throws -> ReportInput {
        let path = file.hasPrefix("/") ? file : CommandRunner.repositoryRoot.appendingPathComponent(file).path
        return try run(ScenarioLoader.load(path: path), withBaseline: withBaseline)
    }

    /// YAML text written in a test (no file, so no SHA-256).
    public static func run(yaml: String, withBaseline: Bool = true) throws -> ReportInput {
        try run(ScenarioLoader.load(text: yaml, path: "<test>"), withBaseline: withBaseline)
    }

    private static func run(_ loaded: LoadedScenario, withBaseline: Bool) throws -> ReportInput {
        let output = try RunPipeline.simulate(loaded, options: RunOptions(withBaseline: withBaseline))
        guard let report = output.report else { preconditionFailure("reports were asked for") }
        return report
    }
}
