/// Running mean and variance of a sample (Welford's algorithm), plus the extremes.
struct SampleStatistics {
    private(set) var count = 0
    private(set) var mean = 0.0
    private var sumOfSquaredDeviations = 0.0
    private(set) var minimum = Double.infinity
    private(set) var maximum = -Double.infinity

    mutating func add(_ value: Double) {
        count += 1
        let delta = value - mean
        mean += delta / Double(count)
        sumOfSquaredDeviations += delta * (value - mean)
        minimum = Swift.min(minimum, value)
        maximum = Swift.max(maximum, value)
    }

    /// The unbiased sample variance.
    var variance: Double {
        count > 1 ? sumOfSquaredDeviations / Double(count - 1) : 0
    }
}
