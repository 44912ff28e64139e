import BatchModel
public import Reporting

/// Statistics per grid point and metric, from a sweep's finished runs.
extension SweepStatistics {
    /// Groups finished runs by point; points with no finished run are left out.
    public init(runs: [SweepRun], grid: SweepGrid) {
        var byPoint: [Int: [SweepRun]] = [:]
        for run in runs { byPoint[run.item.point, default: []].append(run) }
        let points = byPoint.keys.sorted().compactMap { index -> SweepStatistics.Point? in
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
            return SweepStatistics.Point(
                index: index, values: grid.point(index), replications: runs.count, metrics: metrics)
        }
        self.init(points: points)
    }
}
