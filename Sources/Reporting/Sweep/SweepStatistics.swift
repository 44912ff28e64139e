public import BatchModel

/// Statistics per grid point and metric across replications (issue: mean, standard
/// deviation, Student-t 95 % interval of the mean, p5/p50/p95).
public struct SweepStatistics: Sendable {
    public struct Point: Sendable {
        public var index: Int
        public var values: [(name: String, value: String)]
        /// Replications that finished at this point.
        public var replications: Int
        /// By metric name, in summary order; nil when every replication gave null.
        public var metrics: [(name: String, statistics: SampleStatistics?)]
    }

    public var points: [Point]

    /// Groups finished runs by point; points with no finished run are left out.
    public init(runs: [SweepRun], grid: SweepGrid) {
        var byPoint: [Int: [SweepRun]] = [:]
        for run in runs { byPoint[run.item.point, default: []].append(run) }
        points = byPoint.keys.sorted().compactMap { index in
            guard let runs = byPoint[index]?.sorted(by: { $0.item.replication < $1.item.replication }),
                let first = runs.first
            else { return nil }
            let metrics = first.metrics.enumerated().map { position, metric in
                let values = runs.compactMap { run -> Double? in
                    guard position < run.metrics.count, run.metrics[position].name == metric.name else {
                        return run.metrics.first { $0.name == metric.name }?.value.number
                    }
                    return run.metrics[position].value.number
                }
                return (metric.name, SampleStatistics(values))
            }
            return Point(index: index, values: grid.point(index), replications: runs.count, metrics: metrics)
        }
    }
}
