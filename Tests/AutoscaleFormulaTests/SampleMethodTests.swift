import AutoscaleFormula
import Testing

/// Rule 25 against one hand-built history: $PendingTasks sampled at t = 0, 30, …, 270 s with values
/// 1 … 10, the sample at 120 s (value 5) missing, and one at 300 s (value 99) that an evaluation at
/// 300 s must not see.
struct SampleMethodTests {
    static let context: EvaluationContext = {
        var samples = (0..<10).filter { $0 != 4 }.map {
            Sample(time: FormulaTestSupport.monday + Double($0 * 30), value: Double($0 + 1))
        }
        samples.append(Sample(time: FormulaTestSupport.monday + 300, value: 99))
        return EvaluationContext(now: FormulaTestSupport.monday + 300, samples: [.pendingTasks: samples])
    }()

    @Test(
        "Sample methods see the samples taken before now, oldest first",
        arguments: [
            ("x = $PendingTasks.Count()", "9"), ("x = $PendingTasks.HistoryBeginTime()", "2026-01-05T00:00:00Z"),
            ("x = $PendingTasks.GetSample(3)", "[8,9,10]"), ("x = $PendingTasks.GetSample(20)", "[1,2,3,4,6,7,8,9,10]"),
            ("x = $PendingTasks.GetSample(TimeInterval_Minute * 2)", "[7,8,9,10]"),
            ("x = $PendingTasks.GetSample(TimeInterval_Minute * 3, 80)", "[6,7,8,9,10]"),
            ("x = $PendingTasks.GetSample(TimeInterval_Minute, TimeInterval_Minute * 3)", "[6,7,8]"),
            ("x = $PendingTasks.GetSample(TimeInterval_Minute, TimeInterval_Minute * 3, 75)", "[6,7,8]"),
            ("x = $PendingTasks.GetSamplePercent(TimeInterval_Minute * 3)", "83.33333333333333"),
            ("x = $PendingTasks.GetSamplePercent(TimeInterval_Minute, TimeInterval_Minute * 3)", "75"),
            ("x = $PendingTasks.GetSamplePercent(TimeInterval_Second * 10)", "100"),
            ("x = $PendingTasks.GetSamplePercent(TimeInterval_Hour)", "7.5"),
            ("x = $PendingTasks.GetSamplePeriod(TimeInterval_Minute * 2)", "00:01:30"),
            ("x = $PendingTasks.GetSamplePeriod(1)", "00:00:00"), ("x = $PendingTasks.GetSamplePeriod(9)", "00:04:30"),
            ("x = $RunningTasks.Count()", "0"), ("x = $RunningTasks.GetSample(3)", "[]"),
            ("x = $RunningTasks.GetSamplePercent(TimeInterval_Minute)", "0"),
        ])
    func methods(formula: String, expected: String) {
        #expect(FormulaTestSupport.value(formula, Self.context) == expected)
    }

    @Test func tooFewSamplesForThePercentIsAnErrorAtTheMethod() {
        #expect(
            FormulaTestSupport.results("x = $PendingTasks.GetSample(TimeInterval_Minute * 3, 100)", Self.context)
                == "1:19: error: $PendingTasks.GetSample: 5 of 6 expected samples, fewer than 100%")
        #expect(
            FormulaTestSupport.results(
                "x = $PendingTasks.GetSamplePeriod(TimeInterval_Minute, TimeInterval_Minute * 3, 76)", Self.context)
                == "1:19: error: $PendingTasks.GetSamplePeriod: 3 of 4 expected samples, fewer than 76%")
    }

    @Test func historyBeginTimeWithoutSamplesIsAnError() {
        #expect(
            FormulaTestSupport.results("x = $RunningTasks.HistoryBeginTime()", Self.context)
                == "1:19: error: $RunningTasks.HistoryBeginTime: no samples have been taken")
    }

    @Test func sampleMethodArgumentsOfTheWrongKindAreTypeMismatches() {
        #expect(
            FormulaTestSupport.results("x = $PendingTasks.GetSamplePercent(5)", Self.context)
                == "1:19: error: type mismatch: $PendingTasks.GetSamplePercent takes (count), (interval[, percent]) "
                + "or (start, end[, percent]), not (double)")
        #expect(
            FormulaTestSupport.results("x = $PendingTasks.GetSample(-1)", Self.context)
                == "1:19: error: $PendingTasks.GetSample: -1 is not a count")
    }
}
