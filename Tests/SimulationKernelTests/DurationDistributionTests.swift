import SimulationKernel
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("DurationDistribution")
struct DurationDistributionTests {
    /// A distribution with its analytic moments, worked out here from the textbook formulas
    /// (never from the type under test).
    struct Case: Sendable, CustomTestStringConvertible {
        var distribution: DurationDistribution
        var mean: Double
        var variance: Double
        /// The fourth central moment E[(X − μ)⁴], which sets the standard error of the sample variance.
        var fourthCentralMoment: Double
        var testDescription: String

        static func uniform(_ low: Double, _ high: Double) -> Self {
            let width = high - low
            return Case(
                distribution: .uniform(low: low, high: high),
                mean: (low + high) / 2,
                variance: width * width / 12,
                fourthCentralMoment: pow(width, 4) / 80,
                testDescription: "uniform(\(low), \(high))"
            )
        }

        static func exponential(_ mean: Double) -> Self {
            Case(
                distribution: .exponential(mean: mean),
                mean: mean,
                variance: mean * mean,
                fourthCentralMoment: 9 * pow(mean, 4),
                testDescription: "exponential(\(mean))"
            )
        }

        static func normal(_ mean: Double, _ sd: Double) -> Self {
            Case(
                distribution: .normal(mean: mean, standardDeviation: sd),
                mean: mean,
                variance: sd * sd,
                fourthCentralMoment: 3 * pow(sd, 4),
                testDescription: "normal(\(mean), \(sd))"
            )
        }

        static func logNormal(_ median: Double, _ sigma: Double) -> Self {
            let s2 = sigma * sigma
            let variance = median * median * exp(s2) * (exp(s2) - 1)
            let kurtosis = exp(4 * s2) + 2 * exp(3 * s2) + 3 * exp(2 * s2) - 3
            return Case(
                distribution: .logNormal(median: median, sigma: sigma),
                mean: median * exp(s2 / 2),
                variance: variance,
                fourthCentralMoment: kurtosis * variance * variance,
                testDescription: "logNormal(\(median), \(sigma))"
            )
        }

        static func triangular(_ a: Double, _ c: Double, _ b: Double) -> Self {
            let variance = (a * a + b * b + c * c - a * b - a * c - b * c) / 18
            return Case(
                distribution: .triangular(minimum: a, mode: c, maximum: b),
                mean: (a + b + c) / 3,
                variance: variance,
                fourthCentralMoment: 12.0 / 5.0 * variance * variance,  // kurtosis of any triangular: 12/5
                testDescription: "triangular(\(a), \(c), \(b))"
            )
        }

        static func choice(_ alternatives: [(value: SimTime, weight: Double)]) -> Self {
            let total = alternatives.map(\.weight).reduce(0, +)
            let mean = alternatives.map { Double($0.value) * $0.weight / total }.reduce(0, +)
            func centralMoment(_ power: Double) -> Double {
                alternatives.map { pow(Double($0.value) - mean, power) * $0.weight / total }.reduce(0, +)
            }
            return Case(
                distribution: .choice(alternatives.map { .init(value: $0.value, weight: $0.weight) }),
                mean: mean,
                variance: centralMoment(2),
                fourthCentralMoment: centralMoment(4),
                testDescription: "choice(\(alternatives.map { "\($0.value)×\($0.weight)" }.joined(separator: ", ")))"
            )
        }
    }

    /// One case per kind of distribution, with parameters in milliseconds (minutes-long task times).
    static let cases: [Case] = [
        .uniform(60_000, 300_000),
        .exponential(240_000),
        .normal(600_000, 60_000),  // 10 sd above 0: redraws happen with probability ~1e-23
        .logNormal(240_000, 0.5),
        .logNormal(90_000, 0.25),
        .triangular(60_000, 120_000, 420_000),
        .triangular(60_000, 60_000, 420_000),
        .triangular(60_000, 420_000, 420_000),
        .choice([(30_000, 1), (120_000, 3), (600_000, 0.5), (5_000, 5.5)]),
    ]

    static let drawCount = 200_000

    private struct Sample {
        var statistics = SampleStatistics()
        var negativeCount = 0
        var zeroCount = 0
    }

    private func sample(_ distribution: DurationDistribution, count: Int = drawCount, entity: UInt64 = 0) -> Sample {
        var random = RandomStream(seed: 20_260_101, purpose: 1, entity: entity)
        var result = Sample()
        for _ in 0..<count {
            let value = distribution.sample(&random)
            if value < 0 { result.negativeCount += 1 }
            if value == 0 { result.zeroCount += 1 }
            result.statistics.add(Double(value))
        }
        return result
    }

    // MARK: - Moments

    /// Sample mean within 5 standard errors (σ/√n, from the analytic σ) plus half a millisecond
    /// for rounding; sample variance within 5 standard errors of the variance estimator,
    /// √((μ₄ − σ⁴)/n), plus the 1/12 ms² that rounding to whole milliseconds adds.
    @Test("Sample mean and variance match the analytic values", arguments: cases)
    func momentsMatch(_ testCase: Case) {
        let n = Double(Self.drawCount)
        let result = sample(testCase.distribution)
        let meanTolerance = 5 * (testCase.variance / n).squareRoot() + 0.5
        let varianceTolerance =
            5 * ((testCase.fourthCentralMoment - testCase.variance * testCase.variance) / n).squareRoot() + 1.0 / 12
        #expect(result.negativeCount == 0)
        #expect(
            abs(result.statistics.mean - testCase.mean) <= meanTolerance,
            "mean \(result.statistics.mean), expected \(testCase.mean) ± \(meanTolerance)"
        )
        #expect(
            abs(result.statistics.variance - testCase.variance) <= varianceTolerance,
            "variance \(result.statistics.variance), expected \(testCase.variance) ± \(varianceTolerance)"
        )
        // Sanity: these tolerances are a few percent at most, so a wrong formula cannot hide in them.
        #expect(meanTolerance < 0.025 * testCase.mean)
        #expect(varianceTolerance < 0.05 * testCase.variance)
    }

    @Test("The mean property gives the analytic mean", arguments: cases)
    func meanProperty(_ testCase: Case) {
        #expect(abs(testCase.distribution.mean - testCase.mean) <= 1e-9 * testCase.mean)
    }

    @Test(
        "A fixed duration always gives its value, and its mean is that value", arguments: [0, 1, 240_000] as [SimTime])
    func fixedValue(_ value: SimTime) {
        let distribution = DurationDistribution.fixed(value)
        let result = sample(distribution, count: 1000)
        #expect(result.statistics.minimum == Double(value))
        #expect(result.statistics.maximum == Double(value))
        #expect(distribution.mean == Double(value))
        #expect(distribution.isFixed)
    }

    @Test("Only fixed durations report isFixed", arguments: cases)
    func isFixedOnlyForFixed(_ testCase: Case) {
        #expect(!testCase.distribution.isFixed)
    }

    // MARK: - Normal redraws

    @Test("A normal with mean 0 redraws negatives: half-normal mean and variance, no draw below 0")
    func normalWithZeroMeanIsHalfNormal() {
        let sd = 60_000.0
        let n = Double(Self.drawCount)
        let result = sample(.normal(mean: 0, standardDeviation: sd))
        let c2 = 2 / Double.pi
        let mean = sd * c2.squareRoot()
        let variance = sd * sd * (1 - c2)
        let fourthCentralMoment = pow(sd, 4) * (3 - 2 * c2 - 3 * c2 * c2)
        #expect(result.negativeCount == 0)
        #expect(abs(DurationDistribution.normal(mean: 0, standardDeviation: sd).mean - mean) < 1e-6 * mean)
        // Clamping negatives to 0 instead of redrawing would make about half the draws 0 (and
        // the mean sd/√(2π)); with redraws only draws below 0.5 ms round to 0.
        #expect(result.zeroCount < Self.drawCount / 1000)
        #expect(abs(result.statistics.mean - mean) <= 5 * (variance / n).squareRoot() + 0.5)
        #expect(
            abs(result.statistics.variance - variance)
                <= 5 * ((fourthCentralMoment - variance * variance) / n).squareRoot() + 1.0 / 12
        )
    }

    @Test("A normal that can never be non-negative gives 0 after the maximum number of redraws")
    func normalGivesUpAfterMaximumRedraws() {
        var random = RandomStream(seed: 3, purpose: 3, entity: 3)
        var reference = random
        #expect(DurationDistribution.normal(mean: -1e12, standardDeviation: 1).sample(&random) == 0)
        // Each standard normal consumes two raw draws.
        for _ in 0..<(2 * DurationDistribution.maximumRedraws) {
            _ = reference.next()
        }
        #expect(random.next() == reference.next())
    }

    // MARK: - Choice

    @Test("A choice picks each alternative in proportion to its weight")
    func choiceFrequencies() {
        let alternatives: [(value: SimTime, weight: Double)] = [
            (30_000, 1), (120_000, 3), (600_000, 0.5), (5_000, 5.5),
        ]
        let distribution = DurationDistribution.choice(alternatives.map { .init(value: $0.value, weight: $0.weight) })
        let total = alternatives.map(\.weight).reduce(0, +)
        var random = RandomStream(seed: 11, purpose: 2, entity: 0)
        var counts: [SimTime: Int] = [:]
        for _ in 0..<Self.drawCount {
            counts[distribution.sample(&random), default: 0] += 1
        }
        #expect(Set(counts.keys) == Set(alternatives.map(\.value)))
        let n = Double(Self.drawCount)
        for alternative in alternatives {
            // Each count is binomial(n, p): 5 standard errors is √(n p (1 − p)) · 5.
            let p = alternative.weight / total
            let observed = Double(counts[alternative.value, default: 0])
            let tolerance = 5 * (n * p * (1 - p)).squareRoot()
            #expect(abs(observed - n * p) <= tolerance, "\(alternative.value): \(observed) vs \(n * p) ± \(tolerance)")
        }
    }

    @Test("A choice with one alternative always gives it")
    func choiceWithOneAlternative() {
        let result = sample(.choice([.init(value: 42_000, weight: 0.25)]), count: 1000)
        #expect(result.statistics.minimum == 42_000)
        #expect(result.statistics.maximum == 42_000)
    }

    // MARK: - Bounds and rounding

    @Test(
        "Triangular draws stay within [minimum, maximum] and reach both ends",
        arguments: [(60_000, 120_000, 420_000), (60_000, 60_000, 420_000), (60_000, 420_000, 420_000), (10, 11, 13)]
            as [(Double, Double, Double)]
    )
    func triangularBounds(minimum: Double, mode: Double, maximum: Double) {
        let result = sample(.triangular(minimum: minimum, mode: mode, maximum: maximum), count: 50_000)
        let range = maximum - minimum
        #expect(result.statistics.minimum >= minimum)
        #expect(result.statistics.maximum <= maximum)
        // The last 2 % of the range at either end holds at least 0.02² of the probability, so
        // 50,000 draws miss it with probability at most (1 − 0.02²)^50000 ≈ 2e-9.
        #expect(result.statistics.minimum <= minimum + 0.02 * range)
        #expect(result.statistics.maximum >= maximum - 0.02 * range)
    }

    @Test("A triangular with minimum equal to maximum gives that value")
    func degenerateTriangular() {
        let result = sample(.triangular(minimum: 5_000, mode: 5_000, maximum: 5_000), count: 100)
        #expect(result.statistics.minimum == 5_000)
        #expect(result.statistics.maximum == 5_000)
    }

    @Test(
        "Durations round to the nearest millisecond, halves away from zero, and never go below 0",
        arguments: [
            (0, 0), (0.4999, 0), (0.5, 1), (1.4999, 1), (1.5, 2), (2.5, 3), (3.5, 4), (239_999.5, 240_000),
            (240_000.49, 240_000), (-0.4, 0), (-0.5, 0), (-3, 0), (-1e30, 0),
        ] as [(Double, SimTime)]
    )
    func rounding(value: Double, expected: SimTime) {
        var random = RandomStream(seed: 1, purpose: 1, entity: 1)
        #expect(DurationDistribution.uniform(low: value, high: value).sample(&random) == expected)
        #expect(
            DurationDistribution.triangular(minimum: value, mode: value, maximum: value).sample(&random) == expected)
    }

    @Test("Huge durations saturate instead of trapping")
    func saturation() {
        var random = RandomStream(seed: 1, purpose: 1, entity: 1)
        #expect(DurationDistribution.uniform(low: 1e300, high: 1e300).sample(&random) == SimTime.max / 4)
        #expect(DurationDistribution.exponential(mean: 1e300).sample(&random) == SimTime.max / 4)
    }

    @Test("Uniform draws that straddle 0 are clamped to 0, never negative")
    func uniformAcrossZero() {
        let result = sample(.uniform(low: -1000, high: 1000), count: 20_000)
        #expect(result.negativeCount == 0)
        #expect(result.statistics.minimum == 0)
        // About half the draws are below -0.5 and clamp to 0.
        #expect(abs(Double(result.zeroCount) / 20_000 - 0.5) < 0.02)
    }

    // MARK: - Randomness consumed

    @Test("A fixed duration consumes no randomness")
    func fixedConsumesNothing() {
        var random = RandomStream(seed: 8, purpose: 8, entity: 8)
        var untouched = random
        for _ in 0..<10 {
            _ = DurationDistribution.fixed(1234).sample(&random)
        }
        #expect(random.next() == untouched.next())
    }

    @Test("Every other distribution consumes randomness", arguments: cases)
    func othersConsumeRandomness(_ testCase: Case) {
        var random = RandomStream(seed: 8, purpose: 8, entity: 8)
        var untouched = random
        _ = testCase.distribution.sample(&random)
        #expect(random.next() != untouched.next())
    }

    @Test("The same stream gives the same durations", arguments: cases)
    func reproducible(_ testCase: Case) {
        var first = RandomStream(seed: 77, purpose: 4, entity: 2)
        var second = RandomStream(seed: 77, purpose: 4, entity: 2)
        let a = (0..<100).map { _ in testCase.distribution.sample(&first) }
        let b = (0..<100).map { _ in testCase.distribution.sample(&second) }
        #expect(a == b)
    }
}
