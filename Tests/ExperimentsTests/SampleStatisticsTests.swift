import Experiments
import Reporting
import Testing

/// Replication statistics: hand-computed samples and published t quantiles.
struct SampleStatisticsTests {
    @Test func smallSampleHasHandComputedStatistics() throws {
        // values 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squares 32, sd sqrt(32/7)
        let statistics = try #require(SampleStatistics([2, 4, 4, 4, 5, 5, 7, 9]))
        #expect(statistics.count == 8)
        #expect(statistics.mean == 5)
        #expect(abs(statistics.standardDeviation - (32.0 / 7).squareRoot()) < 1e-12)
        let half = 2.364624 * (32.0 / 7).squareRoot() / 8.0.squareRoot()
        #expect(abs(statistics.confidenceLow - (5 - half)) < 1e-9)
        #expect(abs(statistics.confidenceHigh - (5 + half)) < 1e-9)
        // nearest rank: p5 → rank 1, p50 → rank 4, p95 → rank 8
        #expect(statistics.p5 == 2)
        #expect(statistics.p50 == 4)
        #expect(statistics.p95 == 9)
    }

    @Test func singleValueHasAZeroWidthInterval() throws {
        let statistics = try #require(SampleStatistics([42]))
        #expect(statistics.standardDeviation == 0)
        #expect(statistics.confidenceLow == 42 && statistics.confidenceHigh == 42)
    }

    @Test func emptySampleHasNoStatistics() {
        #expect(SampleStatistics([]) == nil)
    }

    @Test(arguments: [
        (1, 12.706205), (10, 2.228139), (30, 2.042272),
        (31, 2.039513446), (40, 2.021075390), (60, 2.000297822), (120, 1.979930405), (1000, 1.962339081),
    ])
    func studentQuantileMatchesPublishedValues(_ degreesOfFreedom: Int, _ expected: Double) {
        #expect(abs(SampleStatistics.studentT975(degreesOfFreedom: degreesOfFreedom) - expected) < 1e-4)
    }
}
