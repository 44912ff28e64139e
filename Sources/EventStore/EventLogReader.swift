import BatchModel

/// Reads what `EventLogWriter` wrote.
public enum EventLogReader {
    /// Every run in the file, by run number.
    public static func runs(at path: String) throws -> [StoredRun] {
        let database = try SQLiteDatabase(path: path, readOnly: true)
        let version = try database.prepare("PRAGMA user_version")
        let found = try version.step() ? version.int64(0) : 0
        _ = try? version.step()
        guard found == EventLogSchema.version else {
            throw SQLiteError(
                code: -1,
                message:
                    "\(path) is not a batchsim event log of schema version \(EventLogSchema.version) (found \(found))"
            )
        }
        var runs: [StoredRun] = []
        let query = try database.prepare(
            """
            SELECT run_id, variant, scenario, scenario_sha256, description, seed, tool_version, end_ms
            FROM runs ORDER BY run_id
            """
        )
        while try query.step() {
            runs.append(
                StoredRun(
                    run: query.int64(0),
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
                runs[index].metrics.append((metrics.string(0) ?? "", value(kind: metrics.string(1), metrics)))
            }
        }
        return runs
    }

    static func value(kind: String?, _ row: SQLiteStatement) -> MetricValue {
        switch kind {
        case "count": .count(Int(row.int64(3)))
        case "seconds": .seconds(row.int64(3))
        case "cost": .cost(row.double(2))
        default: .null
        }
    }
}
