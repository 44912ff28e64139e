import BatchModel
import ScenarioFormat
import SimulationKernel
import Testing

@Suite struct DistributionTests {
    private func duration(_ text: String) throws -> DurationDistribution {
        let yaml = minimalScenario(pool: "    allocationDelay: \(text)")
        return try load(yaml).scenario.pools[0].allocationDelay
    }

    @Test(arguments: [
        ("90s", DurationDistribution.fixed(90_000)),
        ("1.5", .fixed(1500)),
        ("{uniform: [3m, 6m]}", .uniform(low: 180_000, high: 360_000)),
        ("{uniform: [1m, 1m]}", .uniform(low: 60_000, high: 60_000)),
        ("{exponential: {mean: 2m}}", .exponential(mean: 120_000)),
        ("{normal: {mean: 10m, stddev: 30s}}", .normal(mean: 600_000, standardDeviation: 30_000)),
        ("{lognormal: {median: 12m, sigma: 0.4}}", .logNormal(median: 720_000, sigma: 0.4)),
        ("{triangular: [1m, 2m, 5m]}", .triangular(minimum: 60_000, mode: 120_000, maximum: 300_000)),
        (
            "{choice: [[1m, 3], [10m, 1]]}",
            .choice([.init(value: 60_000, weight: 3), .init(value: 600_000, weight: 1)])
        ),
    ])
    func forms(text: String, expected: DurationDistribution) throws {
        #expect(try duration(text) == expected)
    }

    @Test func blockStyleDistribution() throws {
        let yaml = minimalScenario(
            pool: """
                    allocationDelay:
                      normal:
                        mean: 5m
                        stddev: 1m
                """)
        #expect(try load(yaml).scenario.pools[0].allocationDelay == .normal(mean: 300_000, standardDeviation: 60_000))
    }

    @Test(arguments: [
        ("{uniform: [6m, 3m]}", "expected low ≤ high, found [6m, 3m]"),
        ("{uniform: [3m]}", "expected a list of 2 durations [low, high]"),
        ("{triangular: [1m, 5m, 2m]}", "expected min ≤ mode ≤ max"),
        ("{exponential: {mean: 0s}}", "mean: expected a positive duration"),
        ("{lognormal: {median: 0s, sigma: 1}}", "median: expected a positive duration"),
        ("{lognormal: {median: 1m, sigma: -1}}", "sigma: expected a number from 0 to 100, found -1"),
        ("{normal: {mean: 1m}}", "missing required field 'stddev'"),
        ("{normal: {mean: -1m, stddev: 1s}}", "mean: expected a duration"),
        ("{choice: [[1m, 0]]}", "weight: expected a weight > 0, found 0"),
        ("{choice: []}", "expected at least one [value, weight] pair"),
        ("{unifrom: [1m, 2m]}", "did you mean 'uniform'?"),
        ("{uniform: [1m, 2m], normal: {mean: 1m, stddev: 1s}}", "found a mapping with 2 keys"),
        ("[1m, 2m]", "allocationDelay: expected a duration or a distribution"),
    ])
    func invalid(text: String, fragment: String) {
        let found = errors(minimalScenario(pool: "    allocationDelay: \(text)"))
        #expect(found.contains { $0.message.contains(fragment) }, "\(found)")
        #expect(found.allSatisfy { $0.location?.line == 5 })
    }
}
