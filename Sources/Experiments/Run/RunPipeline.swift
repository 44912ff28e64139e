public import BatchModel
import EventStore
import Foundation
import Reporting
public import ScenarioFormat

/// What `batchsim run` does, as one function that the command and the tests share: simulate
/// the scenario and its baseline with the event log, the reports' recorders and any extra
/// sinks attached; render `summary.json`, `report.md` and `report.html`; then put everything
/// in place.
///
/// Rendering happens before anything is moved, so that the log and the reports are replaced
/// back to back.
///
/// ```swift
/// let loaded = try ScenarioLoader.load(path: "Scenarios/worked-example.yaml")
/// let destination = try RunDestination(loaded: loaded, out: "out", db: nil, events: true, reports: true)
/// let staged = try destination.stage()
/// let options = RunOptions(eventLog: destination.eventLogPath(in: staged))
/// let output = try RunPipeline.simulate(loaded, options: options)
/// try RunPipeline.write(output, into: staged)
/// ```
public enum RunPipeline {
    /// Simulates and renders; builds the event log under a temporary name but moves nothing
    /// into place.
    ///
    /// - Parameters:
    ///   - loaded: the scenario as loaded (`seed` already overridden if asked). Its bytes, when
    ///     it came from a file, give `scenarioSHA256`.
    ///   - sink, baselineSink: extra sinks for each run's events (a progress line, a test's
    ///     recorder), beside the log and the recorders.
    ///   - step: told what the pipeline does next once the simulation is over ("writing the
    ///     reports", "writing the event log"), for a progress line.
    public static func simulate(
        _ loaded: LoadedScenario,
        options: RunOptions = RunOptions(),
        sink: (any EventSink)? = nil,
        baselineSink: (any EventSink)? = nil,
        step: (String) -> Void = { _ in }
    ) throws -> RunOutput {
        let scenario = loaded.scenario
        let sha = loaded.bytes.map { SHA256.hex($0) }
        let warnings = loaded.warnings.map(\.message)
        let log = try options.eventLog.map { try EventLogWriter(destination: $0) }
        let logSink = log?.makeSink(run: 1)
        let baselineLogSink = options.withBaseline ? log?.makeSink(run: 2) : nil
        let recorder = options.reports ? TimeSeriesRecorder(poolCount: scenario.pools.count) : nil
        let baselineRecorder =
            options.reports && options.withBaseline ? TimeSeriesRecorder(poolCount: scenario.pools.count) : nil
        let run = ScenarioRunner.execute(
            scenario,
            withBaseline: options.withBaseline,
            threads: options.threads,
            share: options.share,
            sink: EventSinks.combine([logSink, recorder, sink]),
            baselineSink: EventSinks.combine([baselineLogSink, baselineRecorder, baselineSink])
        )
        step("writing the reports")
        let document = SummaryDocument(run: run, scenarioSHA256: sha, warnings: warnings)
        var files = [(name: "summary.json", text: document.json())]
        var report: ReportInput?
        if let recorder {
            let input = ReportInput(
                document: document, run: run, recorder: recorder, baselineRecorder: baselineRecorder)
            files += [("report.md", MarkdownReport.render(input)), ("report.html", HTMLReport.render(input))]
            report = input
        }
        if let log {
            step("writing the event log")
            let identity = RunIdentity(sha: sha, warnings: warnings)
            log.add(identity.record(run.result, run: 1, variant: "scenario", scenario), sink: logSink)
            if let baseline = run.baseline {
                log.add(
                    identity.record(baseline, run: 2, variant: "baseline", scenario.baseline), sink: baselineLogSink)
            }
        }
        return RunOutput(run: run, document: document, report: report, files: files, eventLog: log)
    }

    /// Writes the files of `output` into the staged folder, completes the event log (inside the
    /// staged folder, or at `--db`), then puts the folder in place in one step: a reader sees
    /// the previous outputs or the new ones, never a mix (docs/outputs.md).
    public static func write(_ output: RunOutput, into staged: StagedDirectory) throws {
        for (name, text) in output.files { try staged.write(text, name: name) }
        try output.eventLog?.commit()
        try staged.commit()
    }
}

/// What every run record of one `batchsim run` shares: the file's hash and its warnings.
private struct RunIdentity {
    var sha: String?
    var warnings: [String]

    func record(_ result: RunResult, run: Int64, variant: String, _ scenario: Scenario) -> RunRecord {
        RunRecord(
            run: run,
            variant: variant,
            scenario: scenario,
            scenarioSHA256: sha,
            toolVersion: ToolVersion.current,
            warnings: warnings,
            result: result
        )
    }
}
