public import BatchModel

/// What a report needs from `autoscale_runs`: the evaluations of one run, whose targets no
/// event carries (`autoscaleEvaluated` and `autoscaleSkipped` hold only the outcome).
extension EventLogReader {
    /// One run's autoscale evaluations in order (SPEC §7 rule 27), each row checked against the
    /// run's bounds first, so a tampered row is an "inconsistent event log" error, never a trap.
    /// Empty for a run without autoscale pools.
    public static func autoscaleRecords(at path: String, run: Int64) throws -> [AutoscaleRecord] {
        let database = try EventLogFormat.open(path)
        let bounds = try RunBounds.load(database, run: run)
        let query = try database.prepare(
            """
            SELECT evaluation, time_ms, pool_index, outcome, results, error,
                dedicated_before, low_priority_before, dedicated_after, low_priority_after
            FROM autoscale_runs WHERE run_id = ?1 ORDER BY evaluation
            """
        )
        query.bind(1, run)
        var records: [AutoscaleRecord] = []
        while try query.step() {
            let row = RunBounds.AutoscaleRow(
                evaluation: query.int64(0), time: query.int64(1), pool: query.int64(2), outcome: query.string(3),
                results: query.isNull(4) ? nil : query.string(4), error: query.isNull(5) ? nil : query.string(5),
                dedicatedBefore: query.int64(6), lowPriorityBefore: query.int64(7), dedicatedAfter: query.int64(8),
                lowPriorityAfter: query.int64(9))
            records.append(
                try bounds.autoscaleRecord(
                    row, position: Int64(records.count), previous: records.last?.time ?? 0))
        }
        return records
    }
}
