import BatchModel
import Reporting
import TestSupport
import Testing

/// Costs beyond 64-bit micro-units (issue 11, item 5): a price of up to 10⁹ per node-hour is
/// valid, and a year of such nodes costs more than 9.2·10¹², where formatting through `Int64`
/// trapped. Such costs print in plain decimal notation, with no exponent.
struct HugeCostTests {
    @Test(arguments: [
        (8.784e17, "878400000000000000"),
        (17_568_000_000_000.5, "17568000000000.5"),
        (1e-05, "0.00001"),
        (-2.5, "-2.5"),
        (3.0, "3"),
        (-0.0, "0"),
        (1e22, "10000000000000000000000"),
    ])
    func plainNotationWritesOutTheExponent(_ value: Double, _ text: String) {
        #expect(PlainNumberText.format(value) == text)
    }

    @Test func theLargestDoubleHasAllItsDigits() {
        #expect(
            PlainNumberText.format(.greatestFiniteMagnitude) == "17976931348623157" + String(repeating: "0", count: 292)
        )
    }

    @Test func costsPastInt64MicroUnitsPrintWithoutTrapping() {
        #expect(MetricValue.cost(8.784e17).description == "878400000000000000")
        #expect(MetricValue.cost(9.2e12).description == "9200000000000")
        #expect(MetricValue.cost(0.192).description == "0.192")
        #expect(NumberText.money(8.784e18) == "8,784,000,000,000,000,000.00")
        #expect(NumberText.money(1234.5) == "1,234.50")
        #expect(NumberText.grouped(whole: -1e19) == "-10,000,000,000,000,000,000")
    }

    /// Two nodes at 10⁹ per hour for 366 days (8,784 hours): 2 × 8,784 × 10⁹ = 1.7568·10¹³.
    @Test func aYearOfTheDearestNodesIsSummarised() throws {
        let run = try ScenarioFixture.run(
            """
            name: dear
            horizon: 366d
            pools: [{id: p, dedicatedNodes: 2, pricePerNodeHour: 1e9}]
            jobs: [{id: j, pool: p, tasks: {count: 1, duration: 1m}}]

            """,
            withBaseline: false)
        #expect(run.summary["cost.total"]?.description == "17568000000000")
    }
}
