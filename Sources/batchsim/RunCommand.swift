import ArgumentParser
import BatchModel
import Foundation
import Reporting
import ScenarioFormat

/// `batchsim run SCENARIO`: simulates a scenario and its baseline, writes `summary.json` and
/// prints the impact table.
///
/// ```
/// $ batchsim run Scenarios/key-disabled-during-peak.yaml
/// ```
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Simulate a scenario and its baseline; write Reports/<name>/summary.json."
    )

    @Argument(help: "The scenario file (YAML or JSON).")
    var scenario: String

    @Option(help: "Output directory (default: Reports/<scenario name>).")
    var out: String?

    @Option(help: "Override the scenario's seed.")
    var seed: UInt64?

    @Option(name: .customLong("set"), help: "Override a scenario variable: --set name=value (repeatable).")
    var assignments: [String] = []

    @Flag(help: "Simulate the scenario only: no baseline. and impact. metrics.")
    var noBaseline = false

    @Flag(help: "Print the summary JSON to standard output instead of the table.")
    var json = false

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: "Print engine statistics (events, events/s, wall time) to standard error.")
    var stats = false

    func run() throws {
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

        let clock = ContinuousClock()
        let started = clock.now
        let run = ScenarioRun.execute(model, withBaseline: !noBaseline)
        if stats { printStatistics(run, seconds: (clock.now - started).seconds) }
        let document = SummaryDocument(
            scenarioName: model.name,
            description: model.description,
            seed: model.seed,
            endTime: run.result.metrics.endTime,
            baselineEndTime: run.baseline?.metrics.endTime,
            warnings: loaded.warnings.map(\.message),
            summary: run.summary
        )
        let directory = out ?? "Reports/\(model.name)"
        let text = document.json()
        try OutputFiles.write(text, to: directory + "/summary.json")
        if json {
            print(text, terminator: "")
        } else if !quiet {
            print(SummaryTable.render(run.summary, title: "\(model.name) (seed \(model.seed))"), terminator: "")
            print("wrote \(directory)/summary.json")
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
    }
}

extension Duration {
    /// The duration in seconds as a floating-point number.
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }
}
