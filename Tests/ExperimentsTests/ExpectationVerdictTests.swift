import BatchModel
import Experiments
import Reporting
import ScenarioFormat
import Testing

/// Each `expect:` operator, passing and failing, against known values.
struct ExpectationVerdictTests {
    static let location = SourceLocation(file: "x.yaml", line: 3, column: 3)

    static func verdict(_ check: ScenarioFormat.Expectation.Check, _ value: MetricValue) -> Bool {
        ExpectationVerdict.passes(check, value)
    }

    @Test(arguments: [
        (ScenarioFormat.Expectation.Check.equals(3300), MetricValue.seconds(3_300_000), true),
        (.equals(3300), .seconds(3_300_001), false),
        (.equals(0.192), .cost(0.192), true),
        (.equals(10), .count(10), true),
        (.equals(10), .count(11), false),
        (.equals(0), .null, false),
        (.isNull, .null, true),
        (.isNull, .count(0), false),
        (.between(1, 2), .seconds(1500), true),
        (.between(1, 2), .seconds(1000), true),
        (.between(1, 2), .seconds(2001), false),
        (.between(1, 2), .null, false),
        (.atLeast(2700), .seconds(2_700_000), true),
        (.atLeast(2700), .seconds(2_699_999), false),
        (.atMost(5), .count(5), true),
        (.atMost(5), .count(6), false),
        (.atMost(5), .null, false),
    ])
    func operatorJudgesValue(_ check: ScenarioFormat.Expectation.Check, _ value: MetricValue, _ expected: Bool) {
        #expect(Self.verdict(check, value) == expected)
    }

    @Test func unknownMetricFailsWithASuggestion() {
        let summary = Summary(scenarioMetrics: [("tasks.completed", .count(3))], baselineMetrics: nil)
        let verdicts = ExpectationVerdict.judge(
            [ScenarioFormat.Expectation(metric: "tasks.complete", check: .equals(3), location: Self.location)],
            against: summary
        )
        #expect(verdicts.count == 1)
        #expect(verdicts[0].passed == false)
        #expect(
            verdicts[0].line == "FAIL tasks.complete: unknown metric 'tasks.complete'; did you mean 'tasks.completed'?")
    }

    @Test func failedExactExpectationShowsExpectedActualAndDifference() {
        let summary = Summary(scenarioMetrics: [("tasks.lostWorkSeconds", .seconds(18_000_000))], baselineMetrics: nil)
        let verdicts = ExpectationVerdict.judge(
            [
                ScenarioFormat.Expectation(
                    metric: "tasks.lostWorkSeconds", check: .equals(17_999.5), location: Self.location)
            ],
            against: summary
        )
        #expect(verdicts[0].line == "FAIL tasks.lostWorkSeconds: expected 17999.5, got 18000 (difference 0.5)")
    }
}
