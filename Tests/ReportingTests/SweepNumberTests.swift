import Testing

@testable import Reporting

/// `sweep.csv` and `sweep.json` write numbers the way `summary.json` does: six decimals at most
/// and never an exponent, however large or small (a year of costly nodes passes 10¹⁵).
struct SweepNumberTests {
    @Test(arguments: [
        (3.0, "3"), (-2.5, "-2.5"), (0.1234567, "0.123457"), (0.00005, "0.00005"), (1e15, "1000000000000000"),
        (8.784e17, "878400000000000000"), (-1.5e16, "-15000000000000000"), (0.0000004, "0"),
    ])
    func numbersNeverUseAnExponent(_ value: Double, _ text: String) {
        #expect(SweepOutputs.number(value) == text)
    }
}
