import AutoscaleFormula
import Testing

/// Rule 22: operators by precedence, element-wise vectors, time arithmetic, comparisons, short circuits.
struct OperatorTests {
    /// `v` is [1,2,3], taken from three $ActiveTasks samples.
    static let vectorContext = EvaluationContext(
        now: FormulaTestSupport.monday + 90,
        samples: [.activeTasks: [0, 30, 60].map { Sample(time: FormulaTestSupport.monday + $0, value: $0 / 30 + 1) }])

    @Test(
        "Operators bind by rule 22's precedence, left to right within a level",
        arguments: [
            ("x = 1 + 2 * 3", "7"), ("x = (1 + 2) * 3", "9"), ("x = 10 - 4 - 3", "3"), ("x = 2 * 3 / 4", "1.5"),
            ("x = -2 * 3", "-6"), ("x = 1 + 2 < 4", "1"), ("x = 1 < 2 == 1", "1"), ("x = 0 || 1 && 0", "0"),
            ("x = 1 || 0 && 0", "1"), ("x = 0 ? 1 : 2", "2"), ("x = 1 ? 0 ? 3 : 4 : 5", "4"), ("x = !0 + !5", "1"),
            ("x = 5 != 5", "0"), ("x = 3 >= 3", "1"), ("x = 3 <= 2", "0"), ("x = 3 > 2", "1"), ("x = 2 == 2.0", "1"),
            ("x = 7 / 2", "3.5"), ("x = 0.1 + 0.2", "0.30000000000000004"),
        ])
    func precedence(formula: String, expected: String) {
        #expect(FormulaTestSupport.value(formula) == expected)
    }

    @Test func andOrAndTheConditionalEvaluateOnlyTheSideTheyNeed() {
        #expect(FormulaTestSupport.value("x = 0 && neverAssigned") == "0")
        #expect(FormulaTestSupport.value("x = 1 || 1 / 0") == "1")
        #expect(FormulaTestSupport.value("x = 1 ? 2 : 1 / 0") == "2")
        #expect(FormulaTestSupport.value("x = 0 ? neverAssigned : 5") == "5")
        #expect(FormulaTestSupport.value("x = 2 && 3") == "1")
    }

    @Test(
        "Vectors combine with doubles and with vectors of equal length, element by element",
        arguments: [
            ("v = $ActiveTasks.GetSample(3); x = v * 2", "[2,4,6]"),
            ("v = $ActiveTasks.GetSample(3); x = v + v", "[2,4,6]"),
            ("v = $ActiveTasks.GetSample(3); x = 10 - v", "[9,8,7]"),
            ("v = $ActiveTasks.GetSample(3); x = -v", "[-1,-2,-3]"),
            ("v = $ActiveTasks.GetSample(3); x = v / 4", "[0.25,0.5,0.75]"),
        ])
    func vectors(formula: String, expected: String) {
        #expect(FormulaTestSupport.value(formula, Self.vectorContext) == expected)
    }

    @Test func vectorsOfDifferentLengthsAreAnErrorAtTheOperator() {
        let text = "v = $ActiveTasks.GetSample(3);\nx = v + $ActiveTasks.GetSample(2);"
        #expect(
            FormulaTestSupport.results(text, Self.vectorContext)
                == "2:7: error: vectors of different lengths (3 and 2)")
    }

    @Test(
        "Timestamps and timeintervals follow rule 22's time arithmetic",
        arguments: [
            (#"x = time("2026-01-05T08:00:00Z") - time("2026-01-05T06:30:00Z")"#, "01:30:00"),
            (#"x = time("2026-01-05T08:00:00Z") + TimeInterval_Day"#, "2026-01-06T08:00:00Z"),
            (#"x = time("2026-01-05T08:00:00Z") - TimeInterval_Minute * 30"#, "2026-01-05T07:30:00Z"),
            ("x = TimeInterval_Hour * 1.5", "01:30:00"), ("x = 2 * TimeInterval_Minute", "00:02:00"),
            ("x = TimeInterval_Hour / TimeInterval_Minute", "60"), ("x = TimeInterval_Hour / 4", "00:15:00"),
            ("x = TimeInterval_Hour + TimeInterval_Second", "01:00:01"), ("x = -TimeInterval_Second", "-00:00:01"),
            ("x = TimeInterval_Minute < TimeInterval_Hour", "1"), ("x = time() == time()", "1"),
            (#"x = "a" == "a""#, "1"), (#"x = "a" < "b""#, "1"), ("x = TimeInterval_Week / TimeInterval_Day", "7"),
            ("x = TimeInterval_Year / TimeInterval_Day", "365"), ("x = TimeInterval_Zero", "00:00:00"),
        ])
    func time(formula: String, expected: String) {
        #expect(FormulaTestSupport.value(formula) == expected)
    }

    @Test func mixingKindsIsATypeMismatchAtTheOperator() {
        #expect(
            FormulaTestSupport.results("x = time() + 1")
                == "1:12: error: type mismatch: '+' cannot combine a timestamp and a double")
        #expect(
            FormulaTestSupport.results(#"x = "a" < 1"#)
                == "1:9: error: type mismatch: '<' cannot combine a string and a double")
        #expect(
            FormulaTestSupport.results("x = !TimeInterval_Second")
                == "1:5: error: type mismatch: '!' cannot apply to a timeinterval")
        #expect(
            FormulaTestSupport.results("x = time() ? 1 : 2")
                == "1:12: error: type mismatch: '?:' needs a double, not a timestamp")
    }

    @Test func divisionByZeroIsAnErrorAtTheSlash() {
        #expect(FormulaTestSupport.results("a = 1;\nx = a / (a - 1);") == "2:7: error: division by zero")
        #expect(FormulaTestSupport.results("x = TimeInterval_Hour / 0") == "1:23: error: division by zero")
    }

    @Test func timesOutsideDotNetsRangesAreErrors() {
        #expect(
            FormulaTestSupport.results("x = TimeInterval_Year * 100000000")
                == "1:23: error: the timeinterval is out of range (timestamps from year 1 to 9999, "
                + "timeintervals up to 10,675,199 days)")
    }
}
