public import Reporting

/// Computing the statistics of one metric across replications: mean, sample standard
/// deviation, the Student-t 95 % confidence interval of the mean, nearest-rank percentiles.
extension SampleStatistics {
    /// Nil for an empty sample (every replication gave null).
    public init?(_ values: [Double]) {
        guard !values.isEmpty else { return nil }
        let n = values.count
        let sorted = values.sorted()
        let average = values.reduce(0, +) / Double(n)
        let squares = values.reduce(0) { $0 + ($1 - average) * ($1 - average) }
        let deviation = n > 1 ? (squares / Double(n - 1)).squareRoot() : 0
        let halfWidth = n > 1 ? Self.studentT975(degreesOfFreedom: n - 1) * deviation / Double(n).squareRoot() : 0
        func percentile(_ p: Int) -> Double { sorted[min(max((p * n + 99) / 100, 1), n) - 1] }
        self.init(
            count: n,
            mean: average,
            standardDeviation: deviation,
            confidenceLow: average - halfWidth,
            confidenceHigh: average + halfWidth,
            p5: percentile(5),
            p50: percentile(50),
            p95: percentile(95)
        )
    }

    /// The 97.5 % quantile of Student's t distribution (two-sided 95 % interval).
    /// Exact table values for 1–30 degrees of freedom; beyond, the Cornish–Fisher expansion
    /// around the normal quantile, accurate to about 1e-4 there.
    public static func studentT975(degreesOfFreedom df: Int) -> Double {
        let table: [Double] = [
            12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004, 2.262157, 2.228139,
            2.200985, 2.178813, 2.160369, 2.144787, 2.131450, 2.119905, 2.109816, 2.100922, 2.093024, 2.085963,
            2.079614, 2.073873, 2.068658, 2.063899, 2.059539, 2.055529, 2.051831, 2.048407, 2.045230, 2.042272,
        ]
        if df >= 1 && df <= table.count { return table[df - 1] }
        let z = 1.959963984540054
        let v = Double(max(df, 1))
        let z3 = z * z * z
        let z5 = z3 * z * z
        let z7 = z5 * z * z
        let z9 = z7 * z * z
        return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v)
            + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v)
            + (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * v * v * v * v)
    }
}
