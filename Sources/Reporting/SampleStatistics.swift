/// Statistics of one metric across replications (and, later, sweep points): mean, standard
/// deviation, the 95 % confidence interval of the mean (Student t), nearest-rank percentiles.
public struct SampleStatistics: Hashable, Sendable {
    public var count: Int
    public var mean: Double
    /// Sample standard deviation (n − 1); 0 for a single value.
    public var standardDeviation: Double
    public var confidenceLow: Double
    public var confidenceHigh: Double
    public var p5: Double
    public var p50: Double
    public var p95: Double

    public init(
        count: Int,
        mean: Double,
        standardDeviation: Double,
        confidenceLow: Double,
        confidenceHigh: Double,
        p5: Double,
        p50: Double,
        p95: Double
    ) {
        self.count = count
        self.mean = mean
        self.standardDeviation = standardDeviation
        self.confidenceLow = confidenceLow
        self.confidenceHigh = confidenceHigh
        self.p5 = p5
        self.p50 = p50
        self.p95 = p95
    }
}
