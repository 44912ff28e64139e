import BatchModel

/// Reads what `EventLogWriter` wrote.
///
/// Every public reader first checks that the path is a regular file and an event log of this
/// schema (`EventLogFormat`), then checks each value against what a run can write
/// (`RunBounds`) before handing it on: a tampered or foreign file fails with a
/// `StoredFileError`, never a trap.
public enum EventLogReader {
    /// Every run in the file, by run number.
    public static func runs(at path: String) throws -> [StoredRun] {
        let database = try EventLogFormat.open(path)
        var runs: [StoredRun] = []
        let query = try database.prepare(
            """
            SELECT run_id, variant, scenario, scenario_sha256, description, seed, tool_version, end_ms, horizon_ms
            FROM runs ORDER BY run_id
            """
        )
        while try query.step() {
            let run = query.int64(0)
            try RunBounds.checkEnd(run: run, end: query.int64(7), horizon: query.isNull(8) ? nil : query.int64(8))
            runs.append(
                StoredRun(
                    run: run,
                    variant: query.string(1) ?? "",
                    scenario: query.string(2) ?? "",
                    scenarioSHA256: query.string(3),
                    description: query.string(4),
                    seed: UInt64(bitPattern: query.int64(5)),
                    toolVersion: query.string(6) ?? "",
                    endTime: query.int64(7),
                    warnings: [],
                    metrics: []
                )
            )
        }
        let warnings = try database.prepare("SELECT message FROM warnings WHERE run_id = ?1 ORDER BY position")
        let metrics = try database.prepare(
            "SELECT name, kind, value, raw FROM metrics WHERE run_id = ?1 ORDER BY position"
        )
        for index in runs.indices {
            warnings.bind(1, runs[index].run)
            while try warnings.step() { runs[index].warnings.append(warnings.string(0) ?? "") }
            metrics.bind(1, runs[index].run)
            while try metrics.step() {
                let name = metrics.string(0) ?? ""
                if let problem = metricProblem(metrics) {
                    throw StoredFileError.inconsistentLog("metric '\(name)' of run \(runs[index].run) \(problem)")
                }
                runs[index].metrics.append((name, value(kind: metrics.string(1), metrics)))
            }
        }
        return runs
    }

    /// What is wrong with a metric row (`name, kind, value, raw`), or nil.
    static func metricProblem(_ row: SQLiteStatement) -> String? {
        RunBounds.metricProblem(
            kind: row.string(1), raw: row.isNull(3) ? nil : row.int64(3), value: row.isNull(2) ? nil : row.double(2))
    }

    /// A metric row's value, once `metricProblem` found nothing wrong with it.
    static func value(kind: String?, _ row: SQLiteStatement) -> MetricValue {
        switch kind {
        case "count": .count(Int(row.int64(3)))
        case "seconds": .seconds(row.int64(3))
        case "cost": .cost(row.double(2))
        default: .null
        }
    }
}
