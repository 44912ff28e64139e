import ArgumentParser
import BatchModel
import EventStore
import Experiments
import Foundation
import ParallelWork
import Reporting
import ScenarioFormat

/// `batchsim sweep SCENARIO --set name=v1,v2 ...`: what-if grids and Monte Carlo
/// replications, in parallel on local cores or sharded across machines (SPEC §5).
///
/// ```
/// $ batchsim sweep Scenarios/key-disabled-45m.yaml --set outage=15m..1h/15m --replications 10
/// ```
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run a scenario over a grid of variable values with replications; report statistics per point."
    )

    @Argument(help: "The scenario file; its vars: are what --set varies.")
    var scenario: String

    @Option(
        name: .customLong("set"), help: "name=v1,v2,... or name=from..to/step (repeatable; the grid is their product).")
    var assignments: [String] = []

    @Option(
        help:
            "Replications per grid point, 1 to \(SweepLimits.maximumReplications) (seeds derived from the scenario's seed)."
    )
    var replications = 1

    @OptionGroup var parallel: JobsOptions

    @Option(help: "Output directory (default: Reports/<scenario name>/sweep).")
    var out: String?

    @Option(help: "Run share i of n (1-based), or 'auto' to read it from the batch engine's environment.")
    var shard: String?

    @Flag(help: "Also log every run's events into sweep.sqlite (the event log's tables beside the sweep's).")
    var events = false

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Flag(
        help:
            "If interrupted, replace the previous results with the points that finished (runs point by point, without sharing, so that points finish whole)."
    )
    var partial = false

    @Flag(
        help:
            "Simulate every point and its baseline from t = 0 instead of sharing what points of one seed share (identical results; for comparison)."
    )
    var noShare = false

    @Flag(help: "Print how much simulated time sharing saved to standard error.")
    var stats = false

    func run() throws {
        // Installed first: a signal while the grid loads stops the sweep before it starts.
        let cancellation = SweepCancellation.install()
        let grid: SweepGrid
        let shardSpec: (index: Int, count: Int)?
        do {
            grid = try SweepGrid(assignments: assignments)
            _ = try grid.checkedRunCount(replications: replications)
            shardSpec = try shard.map { text throws(SweepGridError) in
                try ShardSpec.parse(text, environment: ProcessInfo.processInfo.environment)
            }
        } catch {
            throw ValidationError(error.description)
        }
        let plan: SweepPlan
        do {
            plan = try SweepPlan(scenarioPath: scenario, grid: grid, replications: replications, shard: shardSpec)
        } catch {
            Terminal.printError(error.description)
            throw ExitCode.failure
        }
        let name = plan.scenarios.first?.name ?? "sweep"
        let directory = out ?? "Reports/\(OutputPaths.safeComponent(name))/sweep"
        if let status = cancellation.exitStatus { throw ExitCode(status) }
        let shardSuffix = shardSpec.map { "-shard-\($0.index)-of-\($0.count)" } ?? ""
        let files = shardSpec == nil ? SweepResults.fileNames : ["sweep\(shardSuffix).sqlite"]
        let inputs = plan.inputFiles
        // A shard writes one file (replaced by one rename); a whole sweep replaces its folder.
        let staged: StagedDirectory?
        do {
            let outputs = files.map { (path: directory + "/" + $0, option: "--out") }
            let folders = shardSpec == nil ? [(path: directory, option: "--out")] : []
            try OutputPlan(inputs: inputs, outputs: outputs, folders: folders).validate()
            staged = shardSpec == nil ? try StagedDirectory(destination: directory, owned: SweepResults.fileNames) : nil
        } catch {
            Terminal.printError(error.description)
            throw ExitCode.failure
        }
        let building = staged?.path ?? directory
        let database = "\(building)/\(files[0])"
        let progress = ProgressLine(enabled: !quiet && isatty(STDERR_FILENO) != 0, label: "sweep")
        let log = try events ? EventLogWriter(destination: database) : nil
        let sharing = Locked(SweepRunner.Sharing())
        let runs = SweepRunner.run(
            plan,
            jobs: parallel.count,
            events: log,
            // Sharing runs one seed's points together; --partial needs points to finish one by one.
            share: !noShare && !partial,
            sharing: sharing,
            progress: { done, total in progress.update(done, of: total) },
            isCancelled: { cancellation.isCancelled }
        )
        progress.finish()
        if stats {
            let saved = sharing.current
            let hours = { (milliseconds: Int64) in String(format: "%.1f h", Double(milliseconds) / 3_600_000) }
            Terminal.printError(
                noShare || partial
                    ? "sharing off: every run simulated from t = 0"
                    : "simulated \(hours(saved.simulatedTime)) for runs of \(hours(saved.runTime)) in all: "
                        + "\(hours(saved.runTime - saved.simulatedTime)) shared ("
                        + String(
                            format: "%.0f",
                            100 * Double(saved.runTime - saved.simulatedTime) / Double(max(1, saved.runTime)))
                        + " %)")
        }
        if let status = cancellation.exitStatus, !partial {
            // Without --partial, an interrupted sweep leaves the previous results as they were.
            staged?.abandon()
            log?.abandon()
            Terminal.printError(
                "interrupted: \(directory) left as it was; --partial keeps the points that finish")
            throw ExitCode(status)
        }
        // An interrupted sweep with --partial keeps the points whose every replication finished.
        let kept = cancellation.isCancelled ? SweepResults.completePoints(runs, replications: replications) : runs
        let record = SweepResults.record(plan: plan, runs: kept, scenarioName: name)
        do {
            if let staged {
                try SweepResults.writeAll(record, to: staged.path, events: log)
                try staged.commit()
            } else {
                try SweepResults.writeDatabase(record, to: database, events: log)
            }
        } catch let error as OutputError {
            Terminal.printError(error.description)
            throw ExitCode.failure
        }
        if !quiet {
            print(
                "\(kept.count) of \(plan.items.count) runs (\(grid.pointCount) points × \(replications) replications"
                    + (shardSpec.map { ", shard \($0.index)/\($0.count)" } ?? "") + ") written to \(directory)")
        }
        if let status = cancellation.exitStatus { throw ExitCode(status) }
    }
}
