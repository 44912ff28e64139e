import BatchModel

/// One autoscale pool's evaluations in a run, taken from the run's autoscale log (or the
/// log's `autoscale_runs`): what the report's target chart, timeline lines and Markdown
/// summary of that pool are built from. A pool appears when it has at least one evaluation.
struct AutoscalePool {
    let pool: Int
    let name: String
    /// The pool's evaluations in order: applied, failed and skipped.
    let records: [AutoscaleRecord]

    /// The autoscale pools of a run in pool order, each with its evaluations.
    static func pools(_ log: [AutoscaleRecord], names: [String]) -> [AutoscalePool] {
        var byPool: [Int: [AutoscaleRecord]] = [:]
        for record in log { byPool[record.pool, default: []].append(record) }
        return byPool.keys.sorted().map { pool in
            AutoscalePool(
                pool: pool, name: ReportContext.name(names, Int32(clamping: pool), "pool"),
                records: byPool[pool] ?? [])
        }
    }

    func count(_ outcome: AutoscaleRecord.Outcome) -> Int {
        records.count { $0.outcome == outcome }
    }

    /// A target as one number: dedicated plus Spot nodes.
    static func total(_ targets: AutoscaleRecord.Targets) -> Int {
        targets.dedicated + targets.lowPriority
    }

    /// The targets after each evaluation (the same as before unless it was applied), the first
    /// evaluation's before included: what the pool asked for over the run.
    var targets: [AutoscaleRecord.Targets] {
        (records.first.map { [$0.before] } ?? []) + records.map(\.after)
    }

    /// Consecutive evaluations of this pool with the same outcome, as index ranges into
    /// `records`: the timeline's one line per run of skipped or failed evaluations.
    func runs(of outcome: AutoscaleRecord.Outcome) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start: Int?
        for index in records.indices {
            if records[index].outcome == outcome {
                if start == nil { start = index }
            } else if let first = start {
                runs.append(first..<index)
                start = nil
            }
        }
        if let first = start { runs.append(first..<records.count) }
        return runs
    }

    /// The total target as a step series from the first evaluation to `end`: `times[i]` is when
    /// `values[i]` took effect, one point per change, the last point the value at `end`. Exact
    /// (targets are few and change at evaluations only) unless there are more than `maximumPoints`
    /// changes; then time-weighted means like the recorder's series.
    func targetSteps(end: Int64, maximumPoints: Int) -> SeriesPoints {
        guard let first = records.first else { return SeriesPoints(times: [], values: []) }
        var times = [first.time]
        var values = [Double(Self.total(first.before))]
        for record in records {
            let value = Double(Self.total(record.after))
            guard value != values[values.count - 1] else { continue }
            if times[times.count - 1] == record.time {
                values[values.count - 1] = value
            } else {
                times.append(record.time)
                values.append(value)
            }
        }
        times.append(max(end, times[times.count - 1]))
        values.append(values[values.count - 1])
        guard times.count > maximumPoints else { return SeriesPoints(times: times, values: values) }
        // Held from 0 at the first value, so that the bucket of the first evaluation is not
        // averaged with a time before it, when the pool had no target of its own.
        var series = StepSeries()
        series.set(Int32(clamping: Int(values[0])), at: 0)
        for (time, value) in zip(times, values).dropFirst() { series.set(Int32(clamping: Int(value)), at: time) }
        let width = StepSeries.displayWidth(end: end, maxPoints: maximumPoints)
        var points = series.resampled(end: end, bucketWidth: width)
        // The resampled series starts at 0: before the first evaluation, nothing is drawn.
        let skip = points.times.firstIndex { $0 + width > first.time } ?? 0
        points.times = Array(points.times[skip...])
        points.values = Array(points.values[skip...])
        if let start = points.times.first, start < first.time { points.times[0] = first.time }
        return points
    }
}
