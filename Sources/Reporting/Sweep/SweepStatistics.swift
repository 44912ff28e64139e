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

        public init(
            index: Int,
            values: [(name: String, value: String)],
            replications: Int,
            metrics: [(name: String, statistics: SampleStatistics?)]
        ) {
            self.index = index
            self.values = values
            self.replications = replications
            self.metrics = metrics
        }
    }

    public var points: [Point]

    public init(points: [Point]) {
        self.points = points
    }
}
