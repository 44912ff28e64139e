public import BatchModel

/// What a report needs from a log besides the summary: each run's events, replayed in order
/// into a sink, the names behind indices, and each task's finish time. `batchsim report`
/// feeds these to the same recorder and renderers as `batchsim run`, so the rebuilt
/// reports are the same bytes.
public struct StoredNames: Sendable {
    public var pools: [String]
    public var jobs: [String]
    public var keys: [String]
    /// Timeline entries in file order: absolute time (ms) and action name.
    public var timeline: [(time: Int64, action: String)]
}

extension EventLogReader {
    /// Replays one run's events, in sequence order, into `sink`. Each row is checked against the
    /// run's bounds before the sink sees it, so a bad row stops the replay with an error.
    public static func replayEvents(at path: String, run: Int64, into sink: any EventSink) throws {
        let database = try EventLogFormat.open(path)
        let bounds = try RunBounds.load(database, run: run)
        // A plain scan in rowid order is insertion (= sequence) order within a run and avoids
        // sorting millions of rows through an index.
        let query = try database.prepare(
            """
            SELECT time_ms, entity_type, entity_id, event, from_state, to_state, detail, seq
            FROM events NOT INDEXED WHERE run_id = ?1 ORDER BY rowid
            """
        )
        query.bind(1, run)
        var previous: Int64 = 0
        while try query.step() {
            let event = try bounds.event(
                seq: query.int64(7), time: query.int64(0), entityCode: query.int64(1), id: query.int64(2),
                nameCode: query.int64(3), from: query.isNull(4) ? nil : query.int64(4),
                to: query.isNull(5) ? nil : query.int64(5), detail: query.int64(6), previous: previous)
            previous = event.time
            sink.record(event)
        }
    }

    /// The pools, jobs, keys and timeline of one run.
    public static func names(at path: String, run: Int64) throws -> StoredNames {
        let database = try EventLogFormat.open(path)
        _ = try RunBounds.load(database, run: run)
        func strings(_ sql: String) throws -> [String] {
            let query = try database.prepare(sql)
            query.bind(1, run)
            var values: [String] = []
            while try query.step() { values.append(query.string(0) ?? "") }
            return values
        }
        let pools = try strings("SELECT id FROM pools WHERE run_id = ?1 ORDER BY pool_index")
        let jobs = try strings("SELECT id FROM jobs WHERE run_id = ?1 ORDER BY job_index")
        let keys = try strings("SELECT name FROM keys WHERE run_id = ?1 ORDER BY key_index")
        let query = try database.prepare(
            "SELECT time_ms, action, entry_index FROM timeline WHERE run_id = ?1 ORDER BY entry_index")
        query.bind(1, run)
        var timeline: [(time: Int64, action: String)] = []
        while try query.step() {
            guard query.int64(0) >= 0 else {
                throw StoredFileError.inconsistentLog(
                    "timeline entry \(query.int64(2)) of run \(run) has time_ms \(query.int64(0)), before the run's start"
                )
            }
            timeline.append((query.int64(0), query.string(1) ?? ""))
        }
        return StoredNames(pools: pools, jobs: jobs, keys: keys, timeline: timeline)
    }

    /// Each task's final completion or failure time by task number; -1 when it never finished.
    public static func taskFinishTimes(at path: String, run: Int64) throws -> [Int64] {
        let database = try EventLogFormat.open(path)
        let bounds = try RunBounds.load(database, run: run)
        let query = try database.prepare("SELECT finish_ms, task_id FROM tasks WHERE run_id = ?1 ORDER BY task_id")
        query.bind(1, run)
        var times: [Int64] = []
        while try query.step() {
            guard !query.isNull(0) else {
                times.append(-1)
                continue
            }
            let finish = query.int64(0)
            guard (0...bounds.end).contains(finish) else {
                throw StoredFileError.inconsistentLog(
                    "task \(query.int64(1)) of run \(run) has finish_ms \(finish), outside the run (0 to \(bounds.end))"
                )
            }
            times.append(finish)
        }
        return times
    }
}
