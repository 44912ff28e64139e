import ArgumentParser
import BatchModel
import EventStore
import Experiments
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

    @OptionGroup var variables: VariableOptions

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

    @Flag(
        help:
            "Simulate the scenario and its baseline apart from t = 0 instead of once up to the first instant they can differ (the outputs are the same; for comparison)."
    )
    var noShare = false

    @Flag(help: "Print engine statistics (events, events/s, wall time, what was shared) to standard error.")
    var stats = false

    func run() throws {
        Interruption.install()
        let overrides = try variables.overrides()
        var loaded: LoadedScenario
        do {
            loaded = try ScenarioLoader.load(path: scenario, overrides: overrides)
        } catch {
            // Typed throws: `error` is a ScenarioError with every diagnostic found.
            Terminal.printError(error.description)
            throw ExitCode.failure
        }
        for warning in loaded.warnings where !quiet { Terminal.printError(warning.description) }
        if let seed { loaded.scenario.seed = seed }
        let model = loaded.scenario
        let destination: RunDestination
        let staged: StagedDirectory
        do {
            destination = try RunDestination(
                loaded: loaded, out: out, db: db, events: !noEvents, reports: !noReport)
            staged = try destination.stage()
        } catch {
            Terminal.printError(error.description)
            throw ExitCode.failure
        }

        let clock = ContinuousClock()
        let started = clock.now
        let progress = Terminal.standardErrorIsTerminal && !quiet && !json ? ProgressIndicator() : nil
        defer { progress?.stop() }
        let options = RunOptions(
            withBaseline: !noBaseline,
            reports: !noReport,
            eventLog: destination.eventLogPath(in: staged),
            share: !noShare
        )
        let output = try RunPipeline.simulate(loaded, options: options, sink: progress?.sink) { step in
            progress?.setStep(step)
        }
        do {
            try RunPipeline.write(output, into: staged)
        } catch let error as OutputError {
            Terminal.printError(error.description)
            throw ExitCode.failure
        }
        if stats { printStatistics(output.run, seconds: (clock.now - started).seconds) }
        progress?.stop()
        if json {
            print(output.summaryJSON, terminator: "")
        } else if !quiet {
            let title = "\(model.name) (seed \(model.seed))"
            print(
                SummaryTable.render(output.run.summary, title: title, colour: Terminal.wantsColour(1)), terminator: "")
            let written = destination.writtenPaths
            print(Terminal.wroteLine(written))
        }
    }

    private func printStatistics(_ run: ScenarioRun, seconds: Double) {
        let processed = run.result.processedEvents + (run.baseline?.processedEvents ?? 0)
        let emitted = run.result.emittedEvents + (run.baseline?.emittedEvents ?? 0)
        let perSecond = seconds > 0 ? Double(processed) / seconds : 0
        Terminal.printError(
            "simulated: \(processed) queue events, \(emitted) model events in \(String(format: "%.3f", seconds)) s "
                + "(\(Int(perSecond)) queue events/s)"
        )
        if run.baseline != nil && noShare {
            Terminal.printError("shared with the baseline: nothing (--no-share)")
        } else if run.baseline != nil {
            let shared = Double(run.sharedTime) / Double(max(1, run.result.metrics.endTime))
            Terminal.printError(
                "shared with the baseline: \(run.sharedEvents) queue events, "
                    + "\(String(format: "%.1f", Double(run.sharedTime) / 3_600_000)) h of simulated time "
                    + "(\(String(format: "%.0f", 100 * min(1, shared))) % of the scenario's run)"
            )
        }
    }
}

extension Duration {
    /// The duration in seconds as a floating-point number.
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }
}
