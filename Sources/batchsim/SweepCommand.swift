import ArgumentParser
import BatchModel
import EventStore
import Experiments
import Foundation
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
        let directory = out ?? "Reports/\(name)/sweep"
        if let status = cancellation.exitStatus { throw ExitCode(status) }
        let progress = ProgressLine(enabled: !quiet && isatty(STDERR_FILENO) != 0, label: "sweep")
        let shardSuffix = shardSpec.map { "-shard-\($0.index)-of-\($0.count)" } ?? ""
        let database = "\(directory)/sweep\(shardSuffix).sqlite"
        let log = try events ? EventLogWriter(destination: database) : nil
        let runs = SweepRunner.run(
            plan,
            jobs: parallel.count,
            events: log,
            progress: { done, total in progress.update(done, of: total) },
            isCancelled: { cancellation.isCancelled }
        )
        progress.finish()
        // An interrupted sweep keeps the points whose every replication finished.
        let kept = cancellation.isCancelled ? SweepResults.completePoints(runs, replications: replications) : runs
        let record = SweepResults.record(plan: plan, runs: kept, scenarioName: name)
        if shardSpec != nil {
            try SweepResults.writeDatabase(record, to: database, events: log)
        } else {
            try SweepResults.writeAll(record, to: directory, events: log)
        }
        if !quiet {
            print(
                "\(kept.count) of \(plan.items.count) runs (\(grid.pointCount) points × \(replications) replications"
                    + (shardSpec.map { ", shard \($0.index)/\($0.count)" } ?? "") + ") written to \(directory)")
        }
        if let status = cancellation.exitStatus { throw ExitCode(status) }
    }
}
