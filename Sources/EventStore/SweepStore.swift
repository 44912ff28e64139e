import BatchModel
import Foundation

/// Writes and reads `sweep.sqlite`.
public enum SweepStore {
    public static let version = 1

    static let schema = """
        CREATE TABLE sweep (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE sweep_variables (position INTEGER NOT NULL, value_index INTEGER NOT NULL, name TEXT NOT NULL,
                                value TEXT NOT NULL, PRIMARY KEY (position, value_index));
        CREATE TABLE sweep_runs (run_id INTEGER PRIMARY KEY, point INTEGER NOT NULL, replication INTEGER NOT NULL,
                           seed INTEGER NOT NULL, UNIQUE (point, replication));
        CREATE TABLE sweep_run_variables (run_id INTEGER NOT NULL, position INTEGER NOT NULL, name TEXT NOT NULL,
                                    value TEXT NOT NULL, PRIMARY KEY (run_id, position));
        CREATE TABLE sweep_metrics (run_id INTEGER NOT NULL, position INTEGER NOT NULL, name TEXT NOT NULL,
                              kind TEXT NOT NULL, value REAL, raw INTEGER, PRIMARY KEY (run_id, name));
        CREATE VIEW sweep_run_metrics AS
        SELECT r.point, r.replication, r.seed, m.name, m.value
        FROM sweep_runs r JOIN sweep_metrics m ON m.run_id = r.run_id;
        """

    /// Writes the record to `path`, built under a temporary name and renamed into place.
    public static func write(_ record: SweepRecord, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        TemporaryFiles.reclaimStale(in: url.deletingLastPathComponent().path, for: url.lastPathComponent)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(
            TemporaryFiles.temporaryName(for: url.lastPathComponent)
        ).path
        try? FileManager.default.removeItem(atPath: temporary)
        TemporaryFiles.register(temporary)
        do {
            try writeTables(record, into: temporary)
        } catch {
            TemporaryFiles.remove(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            TemporaryFiles.remove(temporary)
            throw SQLiteError(code: -1, message: "cannot move the sweep database to \(path)")
        }
        TemporaryFiles.unregister(temporary)
    }

    /// Adds the sweep's tables to the SQLite file at `path` (new, or an event log being built,
    /// so that `sweep --events` keeps runs, metrics and events in one file). Tables are named
    /// `sweep*`, beside the event log's own.
    public static func writeTables(_ record: SweepRecord, into path: String) throws {
        let database = try SQLiteDatabase(path: path)
        try database.execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; BEGIN;" + schema)
        let meta = try database.prepare("INSERT INTO sweep VALUES (?1, ?2)")
        for (key, value) in [
            ("schemaVersion", String(version)),
            ("scenario", record.scenario), ("scenarioPath", record.scenarioPath),
            ("toolVersion", record.toolVersion), ("replications", String(record.replications)),
        ] {
            meta.bind(1, key)
            meta.bind(2, value)
            try meta.run()
        }
        let variable = try database.prepare("INSERT INTO sweep_variables VALUES (?1, ?2, ?3, ?4)")
        for (position, entry) in record.variables.enumerated() {
            for (index, value) in entry.values.enumerated() {
                variable.bind(1, Int64(position))
                variable.bind(2, Int64(index))
                variable.bind(3, entry.name)
                variable.bind(4, value)
                try variable.run()
            }
        }
        let run = try database.prepare("INSERT INTO sweep_runs VALUES (?1, ?2, ?3, ?4)")
        let metric = try database.prepare("INSERT INTO sweep_metrics VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        let value = try database.prepare("INSERT INTO sweep_run_variables VALUES (?1, ?2, ?3, ?4)")
        for entry in record.runs {
            let id = Int64(entry.point * record.replications + entry.replication)
            run.bind(1, id)
            run.bind(2, Int64(entry.point))
            run.bind(3, Int64(entry.replication))
            run.bind(4, Int64(bitPattern: entry.seed))
            try run.run()
            for (position, variable) in entry.values.enumerated() {
                value.bind(1, id)
                value.bind(2, Int64(position))
                value.bind(3, variable.name)
                value.bind(4, variable.value)
                try value.run()
            }
            for (position, named) in entry.metrics.enumerated() {
                let (kind, value, raw) = RowWriter.columns(named.value)
                metric.bind(1, id)
                metric.bind(2, Int64(position))
                metric.bind(3, named.name)
                metric.bind(4, kind)
                metric.bind(5, value)
                metric.bind(6, raw)
                try metric.run()
            }
        }
        try database.execute("COMMIT;")
    }

    /// Reads a sweep database (a whole sweep or one shard's part).
    public static func read(_ path: String) throws -> SweepRecord {
        let database = try SQLiteDatabase(path: path, readOnly: true)
        var meta: [String: String] = [:]
        guard let metaQuery = try? database.prepare("SELECT key, value FROM sweep") else {
            throw SQLiteError(code: -1, message: "\(path) is not a batchsim sweep database (no sweep table)")
        }
        while try metaQuery.step() { meta[metaQuery.string(0) ?? ""] = metaQuery.string(1) }
        guard meta["schemaVersion"] == String(version) else {
            throw SQLiteError(
                code: -1,
                message: "\(path) is not a batchsim sweep database of schema \(version) "
                    + "(found \(meta["schemaVersion"] ?? "none"))"
            )
        }
        var variables: [(name: String, values: [String])] = []
        let variableQuery = try database.prepare(
            "SELECT position, name, value FROM sweep_variables ORDER BY position, value_index")
        while try variableQuery.step() {
            let position = Int(variableQuery.int64(0))
            if position == variables.count { variables.append((variableQuery.string(1) ?? "", [])) }
            variables[position].values.append(variableQuery.string(2) ?? "")
        }
        var runs: [SweepRecord.Run] = []
        let runQuery = try database.prepare("SELECT run_id, point, replication, seed FROM sweep_runs ORDER BY run_id")
        let valueQuery = try database.prepare(
            "SELECT name, value FROM sweep_run_variables WHERE run_id = ?1 ORDER BY position")
        let metricQuery = try database.prepare(
            "SELECT name, kind, value, raw FROM sweep_metrics WHERE run_id = ?1 ORDER BY position"
        )
        while try runQuery.step() {
            var run = SweepRecord.Run(
                point: Int(runQuery.int64(1)),
                replication: Int(runQuery.int64(2)),
                seed: UInt64(bitPattern: runQuery.int64(3)),
                values: [],
                metrics: []
            )
            valueQuery.bind(1, runQuery.int64(0))
            while try valueQuery.step() { run.values.append((valueQuery.string(0) ?? "", valueQuery.string(1) ?? "")) }
            metricQuery.bind(1, runQuery.int64(0))
            while try metricQuery.step() {
                run.metrics.append(
                    (metricQuery.string(0) ?? "", EventLogReader.value(kind: metricQuery.string(1), metricQuery)))
            }
            runs.append(run)
        }
        return SweepRecord(
            scenario: meta["scenario"] ?? "",
            scenarioPath: meta["scenarioPath"] ?? "",
            toolVersion: meta["toolVersion"] ?? "",
            replications: Int(meta["replications"] ?? "") ?? 0,
            variables: variables,
            runs: runs
        )
    }
}
