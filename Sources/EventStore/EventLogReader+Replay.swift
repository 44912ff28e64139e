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
    /// Replays one run's events, in sequence order, into `sink`.
    public static func replayEvents(at path: String, run: Int64, into sink: any EventSink) throws {
        let database = try SQLiteDatabase(path: path, readOnly: true)
        // A plain scan in rowid order is insertion (= sequence) order within a run and avoids
        // sorting millions of rows through an index.
        let query = try database.prepare(
            """
            SELECT time_ms, entity_type, entity_id, event, from_state, to_state, detail
            FROM events NOT INDEXED WHERE run_id = ?1 ORDER BY rowid
            """
        )
        query.bind(1, run)
        while try query.step() {
            guard let entity = EntityKind(rawValue: UInt8(truncatingIfNeeded: query.int64(1))),
                let name = EventName(rawValue: UInt8(truncatingIfNeeded: query.int64(3)))
            else { continue }
            sink.record(
                SimEvent(
                    time: query.int64(0),
                    entity: entity,
                    entityIndex: Int32(truncatingIfNeeded: query.int64(2)),
                    name: name,
                    fromState: query.isNull(4) ? SimEvent.noState : UInt8(truncatingIfNeeded: query.int64(4)),
                    toState: query.isNull(5) ? SimEvent.noState : UInt8(truncatingIfNeeded: query.int64(5)),
                    detail: query.int64(6)
                )
            )
        }
    }

    /// The pools, jobs, keys and timeline of one run.
    public static func names(at path: String, run: Int64) throws -> StoredNames {
        let database = try SQLiteDatabase(path: path, readOnly: true)
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
        let query = try database.prepare("SELECT time_ms, action FROM timeline WHERE run_id = ?1 ORDER BY entry_index")
        query.bind(1, run)
        var timeline: [(time: Int64, action: String)] = []
        while try query.step() { timeline.append((query.int64(0), query.string(1) ?? "")) }
        return StoredNames(pools: pools, jobs: jobs, keys: keys, timeline: timeline)
    }

    /// Each task's final completion or failure time by task number; -1 when it never finished.
    public static func taskFinishTimes(at path: String, run: Int64) throws -> [Int64] {
        let database = try SQLiteDatabase(path: path, readOnly: true)
        let query = try database.prepare("SELECT finish_ms FROM tasks WHERE run_id = ?1 ORDER BY task_id")
        query.bind(1, run)
        var times: [Int64] = []
        while try query.step() { times.append(query.isNull(0) ? -1 : query.int64(0)) }
        return times
    }
}
