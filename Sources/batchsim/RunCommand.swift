import ArgumentParser
import BatchModel
import EventStore
import Foundation
import Reporting
import ScenarioFormat

/// `batchsim run SCENARIO`: simulates a scenario and its baseline, writes the event log,
/// `summary.json`, `report.md` and `report.html`, and prints the impact table.
///
/// ```
/// $ batchsim run Scenarios/key-disabled-45m.yaml
/// ```
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract:
            "Simulate a scenario and its baseline; write Reports/<name>/{summary.json,report.md,report.html,events.sqlite}."
    )

    @Argument(help: "The scenario file (YAML or JSON).")
    var scenario: String

    @Option(help: "Output directory (default: Reports/<scenario name>).")
    var out: String?

    @Option(help: "Where to write the event log (default: <out>/events.sqlite).")
    var db: String?

    @Option(help: "Override the scenario's seed.")
    var seed: UInt64?

    @Option(name: .customLong("set"), help: "Override a scenario variable: --set name=value (repeatable).")
    var assignments: [String] = []

    @Flag(help: "Simulate the scenario only: no baseline. and impact. metrics.")
    var noBaseline = false

    @Flag(help: "Write no event log.")
    var noEvents = false

    @Flag(help: "Write no report.md or report.html (and skip recording their time series).")
    var noReport = false

    @Flag(help: "Print the summary JSON to standard output instead of the table.")
    var json = false

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: "Print engine statistics (events, events/s, wall time) to standard error.")
    var stats = false

    func run() throws {
        Interruption.install()
        let overrides = try VariableAssignments.parse(assignments)
        let loaded: LoadedScenario
        do {
            loaded = try ScenarioLoader.load(path: scenario, overrides: overrides)
        } catch {
            // Typed throws: `error` is a ScenarioError with every diagnostic found.
            Terminal.printError(error.description)
            throw ExitCode.failure
        }
        for warning in loaded.warnings where !quiet { Terminal.printError(warning.description) }
        var model = loaded.scenario
        if let seed { model.seed = seed }
        let directory = out ?? "Reports/\(model.name)"
        let warnings = loaded.warnings.map(\.message)

        let clock = ContinuousClock()
        let started = clock.now
        let progress = Terminal.standardErrorIsTerminal && !quiet && !json ? ProgressIndicator() : nil
        defer { progress?.stop() }
        let scenarioSHA256 = (try? Data(contentsOf: URL(fileURLWithPath: scenario))).map(SHA256.hex)
        let log = try noEvents ? nil : EventLogWriter(destination: db ?? directory + "/events.sqlite")
        let sink = log?.makeSink(run: 1)
        let baselineSink = noBaseline ? nil : log?.makeSink(run: 2)
        // The report's recorders see the same events as the log (one sink per run: fan out).
        let recorder = noReport ? nil : TimeSeriesRecorder(poolCount: model.pools.count)
        let baselineRecorder = noBaseline || noReport ? nil : TimeSeriesRecorder(poolCount: model.pools.count)
        let run = ScenarioRun.execute(
            model,
            withBaseline: !noBaseline,
            sink: EventSinks.combine([sink, recorder, progress?.sink]),
            baselineSink: EventSinks.combine([baselineSink, baselineRecorder])
        )
        // Everything is rendered before anything is moved into place, so that the log and the
        // reports are replaced back to back.
        progress?.setStep("writing the reports")
        let document = SummaryDocument(run: run, scenarioSHA256: scenarioSHA256, warnings: warnings)
        let text = document.json()
        var outputs = [("summary.json", text)]
        if let recorder {
            let input = ReportInput(
                document: document, run: run, recorder: recorder, baselineRecorder: baselineRecorder)
            outputs += [("report.md", MarkdownReport.render(input)), ("report.html", HTMLReport.render(input))]
        }
        if let log {
            progress?.setStep("writing the event log")
            let identity = (sha: scenarioSHA256, warnings: warnings)
            log.add(record(run.result, run: 1, variant: "scenario", model, identity), sink: sink)
            if let baseline = run.baseline {
                log.add(record(baseline, run: 2, variant: "baseline", model.baseline, identity), sink: baselineSink)
            }
            try log.commit()
        }
        if stats { printStatistics(run, seconds: (clock.now - started).seconds) }
        for (name, contents) in outputs { try OutputFiles.write(contents, to: directory + "/" + name) }
        progress?.stop()
        if json {
            print(text, terminator: "")
        } else if !quiet {
            let title = "\(model.name) (seed \(model.seed))"
            print(SummaryTable.render(run.summary, title: title, colour: Terminal.wantsColour(1)), terminator: "")
            let written = outputs.map { directory + "/" + $0.0 } + (log.map { [$0.destination] } ?? [])
            print("wrote " + written.dropLast().joined(separator: ", ") + " and " + (written.last ?? ""))
        }
    }

    private func record(
        _ result: RunResult,
        run: Int64,
        variant: String,
        _ scenario: Scenario,
        _ identity: (sha: String?, warnings: [String])
    ) -> RunRecord {
        RunRecord(
            run: run,
            variant: variant,
            scenario: scenario,
            scenarioSHA256: identity.sha,
            toolVersion: ToolVersion.current,
            warnings: identity.warnings,
            result: result
        )
    }

    private func printStatistics(_ run: ScenarioRun, seconds: Double) {
        let processed = run.result.processedEvents + (run.baseline?.processedEvents ?? 0)
        let emitted = run.result.emittedEvents + (run.baseline?.emittedEvents ?? 0)
        let perSecond = seconds > 0 ? Double(processed) / seconds : 0
        Terminal.printError(
            "simulated: \(processed) queue events, \(emitted) model events in \(String(format: "%.3f", seconds)) s "
                + "(\(Int(perSecond)) queue events/s)"
        )
    }
}

extension Duration {
    /// The duration in seconds as a floating-point number.
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }
}
