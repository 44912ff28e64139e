import ArgumentParser
import BatchModel
import EventStore
import Foundation
import Reporting
import ScenarioFormat

/// `batchsim run SCENARIO`: simulates a scenario and its baseline, writes the event log and
/// `summary.json`, and prints the impact table.
///
/// ```
/// $ batchsim run Scenarios/key-disabled-45m.yaml
/// ```
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Simulate a scenario and its baseline; write Reports/<name>/{events.sqlite,summary.json}."
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

    @Flag(help: "Write no event log (summary only).")
    var noEvents = false

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
        let log = try noEvents ? nil : EventLogWriter(destination: db ?? directory + "/events.sqlite")
        let sink = log?.makeSink(run: 1)
        let baselineSink = noBaseline ? nil : log?.makeSink(run: 2)
        let run = ScenarioRun.execute(model, withBaseline: !noBaseline, sink: sink, baselineSink: baselineSink)
        if let log {
            log.add(record(run.result, run: 1, variant: "scenario", model, warnings), sink: sink)
            if let baseline = run.baseline {
                log.add(record(baseline, run: 2, variant: "baseline", model.baseline, warnings), sink: baselineSink)
            }
            try log.commit()
        }
        if stats { printStatistics(run, seconds: (clock.now - started).seconds) }

        let document = SummaryDocument(
            scenarioName: model.name,
            description: model.description,
            seed: model.seed,
            endTime: run.result.metrics.endTime,
            baselineEndTime: run.baseline?.metrics.endTime,
            warnings: warnings,
            summary: run.summary
        )
        let text = document.json()
        try OutputFiles.write(text, to: directory + "/summary.json")
        if json {
            print(text, terminator: "")
        } else if !quiet {
            print(SummaryTable.render(run.summary, title: "\(model.name) (seed \(model.seed))"), terminator: "")
            print("wrote \(directory)/summary.json" + (log.map { " and \($0.destination)" } ?? ""))
        }
    }

    private func record(
        _ result: RunResult,
        run: Int64,
        variant: String,
        _ scenario: Scenario,
        _ warnings: [String]
    ) -> RunRecord {
        RunRecord(
            run: run,
            variant: variant,
            scenario: scenario,
            scenarioSHA256: nil,
            toolVersion: ToolVersion.current,
            warnings: warnings,
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
