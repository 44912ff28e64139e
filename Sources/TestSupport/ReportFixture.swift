import BatchModel
public import Foundation
public import Reporting
import ScenarioFormat

/// Runs a scenario the way `batchsim run` does for its reports — recorders on both runs, the
/// file's SHA-256 and warnings in the summary — and returns the reports' input.
public enum ReportFixture {
    /// A scenario file, by path relative to the repository root (or absolute).
    public static func run(file: String, withBaseline: Bool = true) throws -> ReportInput {
        let url =
            file.hasPrefix("/") ? URL(fileURLWithPath: file) : CommandRunner.repositoryRoot.appendingPathComponent(file)
        let loaded = try ScenarioLoader.load(path: url.path)
        return run(loaded, sha: SHA256.hex(try Data(contentsOf: url)), withBaseline: withBaseline)
    }

    /// YAML text written in a test (no file, so no SHA-256).
    public static func run(yaml: String, withBaseline: Bool = true) throws -> ReportInput {
        run(try ScenarioLoader.load(text: yaml, path: "<test>"), sha: nil, withBaseline: withBaseline)
    }

    private static func run(_ loaded: LoadedScenario, sha: String?, withBaseline: Bool) -> ReportInput {
        let recorder = TimeSeriesRecorder(poolCount: loaded.scenario.pools.count)
        let baselineRecorder = withBaseline ? TimeSeriesRecorder(poolCount: loaded.scenario.pools.count) : nil
        let run = ScenarioRun.execute(
            loaded.scenario, withBaseline: withBaseline, sink: recorder, baselineSink: baselineRecorder)
        let document = SummaryDocument(run: run, scenarioSHA256: sha, warnings: loaded.warnings.map(\.message))
        return ReportInput(document: document, run: run, recorder: recorder, baselineRecorder: baselineRecorder)
    }
}
