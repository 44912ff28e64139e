import BatchModel

/// What one run's rows may hold, read from the run's small tables before any large one: when
/// it ended and how many pools, jobs, keys, nodes, tasks and timeline entries it has.
///
/// Reports index arrays with entity ids, subtract times and add counts; a log edited by hand
/// (or written by something else) could hold any 64-bit number in those columns. Every value
/// a reader hands on is checked against these bounds first, so a bad one is an
/// "inconsistent event log" error naming the row, never an overflow or index trap.
struct RunBounds {
    /// The largest count or millisecond total a metric may hold: far above any run (20 million
    /// tasks; a million nodes for 366 days is 3·10¹⁶ ms), yet low enough that a report can add
    /// three of them and subtract a baseline's without overflowing 64 bits.
    static let maximumMetric: Int64 = 1 << 60

    let run: Int64
    let end: Int64
    let pools: Int64
    let jobs: Int64
    let keys: Int64
    let nodes: Int64
    let tasks: Int64
    let timelineEntries: Int64
    /// Versions of each key, by key index.
    let versions: [Int64: Int64]

    /// Checks a run's end time against its horizon, or the 30-day cap without one.
    static func checkEnd(run: Int64, end: Int64, horizon: Int64?) throws(StoredFileError) {
        if let horizon, !(0...Scenario.maximumHorizon).contains(horizon) {
            throw .inconsistentLog(
                "run \(run) has horizon_ms \(horizon), outside 0 to \(Scenario.maximumHorizon) (366 days)")
        }
        let limit = horizon ?? Scenario.cap
        guard (0...limit).contains(end) else {
            throw .inconsistentLog(
                "run \(run) has end_ms \(end), outside 0 to \(limit) (\(horizon == nil ? "the 30-day cap" : "its horizon"))"
            )
        }
    }

    /// What is wrong with a stored metric (an unknown kind, a value no run could reach), or nil.
    /// Shared by the event log's `metrics` and the sweep database's `sweep_metrics`.
    static func metricProblem(kind: String?, raw: Int64?, value: Double?) -> String? {
        switch kind {
        case "count", "seconds":
            guard let raw else { return "has no raw value" }
            return (0...maximumMetric).contains(raw) ? nil : "has raw \(raw), outside 0 to \(maximumMetric)"
        case "cost":
            guard let value, value.isFinite, value >= 0 else {
                return "has cost \(value.map { String($0) } ?? "NULL"), expected a finite number of at least 0"
            }
            return nil
        case "null": return nil
        default: return "has kind '\(kind ?? "NULL")', expected count, seconds, cost or null"
        }
    }

    /// Reads the bounds of `run`, checking that its pools, jobs, keys, nodes, tasks and
    /// timeline entries are numbered 0, 1, 2, … as the writer numbers them.
    static func load(_ database: SQLiteDatabase, run: Int64) throws(StoredFileError) -> RunBounds {
        do {
            let runs = try database.prepare("SELECT end_ms, horizon_ms FROM runs WHERE run_id = ?1")
            runs.bind(1, run)
            guard try runs.step() else { throw StoredFileError.inconsistentLog("no run \(run) in table 'runs'") }
            let end = runs.int64(0)
            let horizon = runs.isNull(1) ? nil : runs.int64(1)
            _ = try runs.step()
            try checkEnd(run: run, end: end, horizon: horizon)
            func count(_ table: String, _ column: String) throws -> Int64 {
                let query = try database.prepare(
                    "SELECT COUNT(*), MIN(\(column)), MAX(\(column)) FROM \(table) WHERE run_id = ?1")
                query.bind(1, run)
                guard try query.step() else { return 0 }
                let (rows, low, high) = (query.int64(0), query.int64(1), query.int64(2))
                _ = try query.step()
                guard rows == 0 || (low == 0 && high == rows - 1) else {
                    throw StoredFileError.inconsistentLog(
                        "\(table).\(column) of run \(run) spans \(low) to \(high), expected 0 to \(rows - 1) (one per row)"
                    )
                }
                return rows
            }
            let versions = try database.prepare(
                "SELECT key_index, COUNT(*) FROM key_versions WHERE run_id = ?1 GROUP BY key_index")
            versions.bind(1, run)
            var versionCounts: [Int64: Int64] = [:]
            while try versions.step() { versionCounts[versions.int64(0)] = versions.int64(1) }
            return RunBounds(
                run: run, end: end,
                pools: try count("pools", "pool_index"),
                jobs: try count("jobs", "job_index"),
                keys: try count("keys", "key_index"),
                nodes: try count("nodes", "node_id"),
                tasks: try count("tasks", "task_id"),
                timelineEntries: try count("timeline", "entry_index"),
                versions: versionCounts)
        } catch let error as StoredFileError {
            throw error
        } catch let error as SQLiteError {
            throw .inconsistentLog(error.message)
        } catch {
            throw .inconsistentLog("\(error)")
        }
    }
}
