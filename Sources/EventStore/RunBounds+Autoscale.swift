import BatchModel

/// Checking one row of `autoscale_runs` before it becomes an `AutoscaleRecord`.
extension RunBounds {
    /// The columns of one `autoscale_runs` row, as stored.
    struct AutoscaleRow {
        var evaluation: Int64
        var time: Int64
        var pool: Int64
        var outcome: String?
        var results: String?
        var error: String?
        var dedicatedBefore: Int64
        var lowPriorityBefore: Int64
        var dedicatedAfter: Int64
        var lowPriorityAfter: Int64
    }

    /// The row as a record, or an error naming the evaluation and the value no run could write:
    /// reports index pools with `pool_index`, order lines by `time_ms` and add the targets.
    ///
    /// - Parameters:
    ///   - position: the row's place in `evaluation` order; evaluations are numbered 0, 1, 2, ….
    ///   - previous: the time of the run's previous evaluation; times never go backwards.
    func autoscaleRecord(_ row: AutoscaleRow, position: Int64, previous: Int64) throws(StoredFileError)
        -> AutoscaleRecord
    {
        func bad(_ what: String) -> StoredFileError {
            .inconsistentLog("autoscale evaluation \(row.evaluation) of run \(run) \(what)")
        }
        guard row.evaluation == position else {
            throw .inconsistentLog(
                "autoscale_runs.evaluation of run \(run) has \(row.evaluation) in place of \(position) "
                    + "(one per row, from 0)")
        }
        guard (0...end).contains(row.time) else {
            throw bad("has time_ms \(row.time), outside the run (0 to \(end))")
        }
        guard row.time >= previous else {
            throw bad("has time_ms \(row.time), before the previous evaluation's \(previous)")
        }
        guard (0..<pools).contains(row.pool) else {
            let range = pools > 0 ? " (0 to \(pools - 1))" : ""
            throw bad("has pool_index \(row.pool), but the run has \(pools) pool\(pools == 1 ? "" : "s")\(range)")
        }
        let outcome: AutoscaleRecord.Outcome
        switch row.outcome {
        case "applied": outcome = .applied
        case "failed": outcome = .failed
        case "skipped": outcome = .skipped
        default: throw bad("has outcome '\(row.outcome ?? "NULL")', expected applied, failed or skipped")
        }
        // A target is a count of the pool's nodes, each of which is a row of `nodes`.
        let targets = [
            ("dedicated_before", row.dedicatedBefore), ("low_priority_before", row.lowPriorityBefore),
            ("dedicated_after", row.dedicatedAfter), ("low_priority_after", row.lowPriorityAfter),
        ]
        for (column, value) in targets where !(0...nodes).contains(value) {
            throw bad("has \(column) \(value), outside 0 to \(nodes) (the run's nodes)")
        }
        return AutoscaleRecord(
            time: row.time, pool: Int(row.pool), outcome: outcome, results: row.results ?? "", error: row.error,
            before: .init(dedicated: Int(row.dedicatedBefore), lowPriority: Int(row.lowPriorityBefore)),
            after: .init(dedicated: Int(row.dedicatedAfter), lowPriority: Int(row.lowPriorityAfter)))
    }
}
