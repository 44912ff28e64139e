public import EventStore
import Foundation
import Reporting

/// Turning a sweep's runs into its stored record and output files, and merging shards.
public enum SweepResults {
    /// The runs whose grid point finished every replication (what an interrupted sweep keeps).
    public static func completePoints(_ runs: [SweepRun], replications: Int) -> [SweepRun] {
        var counts: [Int: Int] = [:]
        for run in runs { counts[run.item.point, default: 0] += 1 }
        return runs.filter { counts[$0.item.point] == replications }
    }

    public static func record(plan: SweepPlan, runs: [SweepRun], scenarioName: String) -> SweepRecord {
        SweepRecord(
            scenario: scenarioName,
            scenarioPath: plan.scenarioPath,
            toolVersion: ToolVersion.current,
            replications: plan.replications,
            variables: plan.grid.variables.map { ($0.name, $0.values) },
            runs: runs.map {
                SweepRecord.Run(
                    point: $0.item.point,
                    replication: $0.item.replication,
                    seed: $0.seed,
                    values: plan.grid.point($0.item.point),
                    metrics: $0.metrics
                )
            }
        )
    }

    /// Unions shard records of one sweep; every (point, replication) must come from one part
    /// or agree exactly where parts overlap.
    public static func merge(_ parts: [SweepRecord]) throws -> SweepRecord {
        guard var merged = parts.first else { throw SweepGridError("nothing to merge") }
        var byKey: [Int: SweepRecord.Run] = [:]
        for part in parts {
            guard part.scenario == merged.scenario, part.replications == merged.replications,
                part.variables.map(\.name) == merged.variables.map(\.name),
                part.variables.map(\.values) == merged.variables.map(\.values)
            else {
                throw SweepGridError(
                    "the parts come from different sweeps (scenario, grid or replications differ): "
                        + "'\(merged.scenario)' and '\(part.scenario)'"
                )
            }
            for run in part.runs {
                let key = run.point * part.replications + run.replication
                if let existing = byKey[key],
                    existing.seed != run.seed
                        || !existing.metrics.elementsEqual(
                            run.metrics, by: { $0.name == $1.name && $0.value == $1.value })
                {
                    throw SweepGridError("point \(run.point) replication \(run.replication) differs between parts")
                }
                byKey[key] = run
            }
        }
        merged.runs = byKey.keys.sorted().compactMap { byKey[$0] }
        return merged
    }

    /// Writes the sweep database: on its own, or into the event log `events` is building.
    public static func writeDatabase(_ record: SweepRecord, to path: String, events: EventLogWriter?) throws {
        if let events {
            try events.commit { temporary in try SweepStore.writeTables(record, into: temporary) }
        } else {
            try SweepStore.write(record, to: path)
        }
    }

    /// The files of a whole sweep's output folder.
    public static let fileNames = ["sweep.sqlite", "sweep.csv", "sweep.json", "sweep.md", "sweep.html"]

    /// Writes sweep.sqlite, sweep.csv, sweep.json, sweep.md and sweep.html into `directory`.
    ///
    /// - Parameter events: the sweep's event log, built with `sweep.sqlite` as its destination:
    ///   the sweep's tables join it in one file.
    public static func writeAll(_ record: SweepRecord, to directory: String, events: EventLogWriter? = nil) throws {
        try writeDatabase(record, to: directory + "/sweep.sqlite", events: events)
        let grid = SweepGrid(variables: record.variables.map { SweepGrid.Variable(name: $0.name, values: $0.values) })
        let runs = record.runs.map {
            SweepRun(
                item: SweepPlan.Item(point: $0.point, replication: $0.replication), seed: $0.seed, metrics: $0.metrics)
        }
        let outputs = SweepOutputs(
            scenarioName: record.scenario,
            replications: record.replications,
            grid: grid,
            statistics: SweepStatistics(runs: runs, grid: grid)
        )
        for (name, text) in [
            ("sweep.csv", outputs.csv()), ("sweep.json", outputs.json()), ("sweep.md", outputs.markdown()),
            ("sweep.html", outputs.html()),
        ] {
            try OutputFiles.write(text, to: directory + "/" + name)
        }
    }
}
