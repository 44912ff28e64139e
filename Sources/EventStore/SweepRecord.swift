public import BatchModel

/// A sweep's results as SQLite (`sweep.sqlite`): the grid, one row per (point, replication)
/// with its seed and variable values, and every run's summary metrics. Shards write the same
/// shape, so `batchsim merge` can union them and recompute the statistics.
public struct SweepRecord: Sendable {
    public struct Run: Sendable {
        public var point: Int
        public var replication: Int
        public var seed: UInt64
        /// The grid point's variable values, in variable order.
        public var values: [(name: String, value: String)]
        public var metrics: [(name: String, value: MetricValue)]

        public init(
            point: Int,
            replication: Int,
            seed: UInt64,
            values: [(name: String, value: String)],
            metrics: [(name: String, value: MetricValue)]
        ) {
            self.point = point
            self.replication = replication
            self.seed = seed
            self.values = values
            self.metrics = metrics
        }
    }

    public var scenario: String
    public var scenarioPath: String
    public var toolVersion: String
    public var replications: Int
    public var variables: [(name: String, values: [String])]
    public var runs: [Run]

    public init(
        scenario: String,
        scenarioPath: String,
        toolVersion: String,
        replications: Int,
        variables: [(name: String, values: [String])],
        runs: [Run]
    ) {
        self.scenario = scenario
        self.scenarioPath = scenarioPath
        self.toolVersion = toolVersion
        self.replications = replications
        self.variables = variables
        self.runs = runs
    }
}
