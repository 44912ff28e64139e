import BatchModel
import CSQLite
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

    /// The tables and columns `read` needs.
    static let expected = SchemaShape(schema: schema)

    /// Reads a sweep database (a whole sweep or one shard's part).
    ///
    /// Checks, before anything multiplies or indexes with them, that the file is a regular file and
    /// a sweep database of this schema, that the grid and replications are within `SweepLimits`,
    /// and that every run's point, replication and metrics fit that grid: `merge` computes
    /// `point × replications + replication` and looks variable values up by point.
    public static func read(_ path: String) throws -> SweepRecord {
        let database = try StoredFile.open(path, notOurs: StoredFileError.notASweepDatabase)
        let shape: SchemaShape
        do throws(SQLiteError) {
            shape = try SchemaShape(of: database)
        } catch {
            throw StoredFileError.notASweepDatabase(
                error.code == SQLITE_NOTADB ? "not an SQLite database" : error.message)
        }
        if let missing = expected.missing(in: shape) { throw StoredFileError.notASweepDatabase(missing) }
        var meta: [String: String] = [:]
        let metaQuery = try database.prepare("SELECT key, value FROM sweep")
        while try metaQuery.step() { meta[metaQuery.string(0) ?? ""] = metaQuery.string(1) }
        guard meta["schemaVersion"] == String(version) else {
            throw StoredFileError.notASweepDatabase(
                "its schemaVersion is \(meta["schemaVersion"].map { "'\($0)'" } ?? "missing"); batchsim writes \(version)"
            )
        }
        guard let replications = meta["replications"].flatMap({ Int($0) }),
            (1...SweepLimits.maximumReplications).contains(replications)
        else {
            throw StoredFileError.inconsistentSweep(
                "replications is \(meta["replications"].map { "'\($0)'" } ?? "missing"), expected 1 to "
                    + "\(SweepLimits.maximumReplications)")
        }
        let variables = try readVariables(database)
        var points = 1
        for variable in variables {
            let (product, overflow) = points.multipliedReportingOverflow(by: variable.values.count)
            guard !overflow, product <= SweepLimits.maximumPoints else {
                throw StoredFileError.inconsistentSweep("the grid has more than \(SweepLimits.maximumPoints) points")
            }
            points = product
        }
        var runs: [SweepRecord.Run] = []
        let runQuery = try database.prepare("SELECT run_id, point, replication, seed FROM sweep_runs ORDER BY run_id")
        let valueQuery = try database.prepare(
            "SELECT name, value FROM sweep_run_variables WHERE run_id = ?1 ORDER BY position")
        let metricQuery = try database.prepare(
            "SELECT name, kind, value, raw FROM sweep_metrics WHERE run_id = ?1 ORDER BY position"
        )
        while try runQuery.step() {
            let (id, point, replication) = (runQuery.int64(0), runQuery.int64(1), runQuery.int64(2))
            guard (0..<Int64(points)).contains(point), (0..<Int64(replications)).contains(replication) else {
                throw StoredFileError.inconsistentSweep(
                    "run \(id) is point \(point) replication \(replication); the sweep has points 0 to \(points - 1) "
                        + "and replications 0 to \(replications - 1)")
            }
            var run = SweepRecord.Run(
                point: Int(point),
                replication: Int(replication),
                seed: UInt64(bitPattern: runQuery.int64(3)),
                values: [],
                metrics: []
            )
            valueQuery.bind(1, id)
            while try valueQuery.step() { run.values.append((valueQuery.string(0) ?? "", valueQuery.string(1) ?? "")) }
            metricQuery.bind(1, id)
            while try metricQuery.step() {
                let name = metricQuery.string(0) ?? ""
                if let problem = EventLogReader.metricProblem(metricQuery) {
                    throw StoredFileError.inconsistentSweep("metric '\(name)' of run \(id) \(problem)")
                }
                run.metrics.append((name, EventLogReader.value(kind: metricQuery.string(1), metricQuery)))
            }
            runs.append(run)
        }
        return SweepRecord(
            scenario: meta["scenario"] ?? "",
            scenarioPath: meta["scenarioPath"] ?? "",
            toolVersion: meta["toolVersion"] ?? "",
            replications: replications,
            variables: variables,
            runs: runs
        )
    }

    /// The grid's variables, checking that positions and value indices count 0, 1, 2, … and
    /// that every variable has a value (a grid of an empty variable has no points).
    private static func readVariables(_ database: SQLiteDatabase) throws -> [(name: String, values: [String])] {
        var variables: [(name: String, values: [String])] = []
        let query = try database.prepare(
            "SELECT position, value_index, name, value FROM sweep_variables ORDER BY position, value_index")
        while try query.step() {
            let (position, index) = (query.int64(0), query.int64(1))
            if position == Int64(variables.count) && index == 0 {
                variables.append((query.string(2) ?? "", []))
            }
            guard let last = variables.indices.last, position == Int64(last),
                index == Int64(variables[last].values.count)
            else {
                throw StoredFileError.inconsistentSweep(
                    "sweep_variables has position \(position) value_index \(index) out of sequence "
                        + "(expected positions and value indices 0, 1, 2, …)")
            }
            variables[last].values.append(query.string(3) ?? "")
        }
        return variables
    }
}
