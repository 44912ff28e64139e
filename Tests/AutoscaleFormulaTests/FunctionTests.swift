import AutoscaleFormula
import Testing

/// Rule 23: every function, with values worked out by hand.
struct FunctionTests {
    /// `$PendingTasks.GetSample(5)` is [15,20,35,40,50].
    static let context = EvaluationContext(
        now: FormulaTestSupport.monday + 150,
        samples: [
            .pendingTasks: zip([0.0, 30, 60, 90, 120], [15.0, 20, 35, 40, 50]).map {
                Sample(time: FormulaTestSupport.monday + $0, value: $1)
            }
        ],
        random: { 0.25 + Double($0) / 10 })

    @Test(
        "Functions of doubleVecLists flatten doubles and vectors",
        arguments: [
            ("x = avg(1, 2, 6)", "3"), ("x = sum(1, 2, 3)", "6"), ("x = len(1, 2, 3)", "3"), ("x = max(1, 5, 3)", "5"),
            ("x = min(4, 2, 8)", "2"), ("x = range(4, 2, 8)", "6"), ("x = norm(3, 4)", "5"),
            ("x = std(1, 3)", "1.4142135623730951"), ("x = std(5)", "0"), ("x = avg(v)", "32"),
            ("x = sum(1, v)", "161"),
            ("x = len(v, v, 1)", "11"), ("x = max(0, v)", "50"), ("x = min(v, 100)", "15"), ("x = range(v)", "35"),
            ("x = sum($PendingTasks.GetSample(0))", "0"), ("x = len($PendingTasks.GetSample(0))", "0"),
        ])
    func lists(formula: String, expected: String) {
        #expect(FormulaTestSupport.value("v = $PendingTasks.GetSample(5); " + formula, Self.context) == expected)
    }

    @Test(
        "Rounding and logarithms act on doubles and element by element on vectors",
        arguments: [
            ("x = ceil(2.1)", "3"), ("x = floor(-2.1)", "-3"), ("x = round(2.5)", "3"), ("x = round(-2.5)", "-3"),
            ("x = round(2.4)", "2"), ("x = lg(8)", "3"), ("x = ln(1)", "0"), ("x = log(1000)", "3"),
            ("x = ceil(v / 10)", "[2,2,4,4,5]"), ("x = floor(v / 10)", "[1,2,3,4,5]"),
            ("x = round(v / 10)", "[2,2,4,4,5]"),
        ])
    func elementwise(formula: String, expected: String) {
        #expect(FormulaTestSupport.value("v = $PendingTasks.GetSample(5); " + formula, Self.context) == expected)
    }

    @Test(
        "percentile uses the nearest rank, val indexes from 0",
        arguments: [
            ("x = percentile(v, 30)", "20"), ("x = percentile(v, 0)", "15"), ("x = percentile(v, 100)", "50"),
            ("x = percentile(v, 40)", "20"), ("x = percentile(v, 41)", "35"), ("x = val(v, 0)", "15"),
            ("x = val(v, 4)", "50"),
        ])
    func ranks(formula: String, expected: String) {
        #expect(FormulaTestSupport.value("v = $PendingTasks.GetSample(5); " + formula, Self.context) == expected)
    }

    @Test func randDrawsFromTheCallersSource() {
        #expect(FormulaTestSupport.value("x = rand() * 4", Self.context) == "1")
        // Each call passes its number: 0.25, 0.35, 0.45.
        #expect(FormulaTestSupport.value("x = rand() + rand() + rand()", Self.context) == "1.05")
    }

    @Test func timeIsNowOrAParsedTimestamp() {
        #expect(FormulaTestSupport.value("x = time()") == "2026-01-05T00:00:00Z")
        #expect(FormulaTestSupport.value(#"x = time("Fri, 16 May 2025 17:31:28 GMT")"#) == "2025-05-16T17:31:28Z")
        #expect(FormulaTestSupport.value(#"x = time("2026-01-05T09:00:00+01:00")"#) == "2026-01-05T08:00:00Z")
        #expect(
            FormulaTestSupport.results(#"x = time("next Tuesday")"#)
                == "1:5: error: 'next Tuesday' is not an ISO 8601 or RFC 1123 timestamp")
    }

    @Test(
        "A timestamp's fields are UTC, weekday from Sunday 0",
        arguments: [
            ("year", "2026"), ("month", "1"), ("day", "10"), ("weekday", "6"), ("hour", "13"), ("minute", "45"),
            ("second", "30"),
        ])
    func fields(field: String, expected: String) {
        #expect(FormulaTestSupport.value(#"x = time("2026-01-10T13:45:30Z")."# + field) == expected)
    }

    @Test func stopEndsTheEvaluationAndKeepsEarlierAssignments() {
        #expect(FormulaTestSupport.results("a = 1; stop(); b = 2") == "$NodeDeallocationOption=requeue;a=1")
        #expect(FormulaTestSupport.results("a = 1; b = 1 ? stop() : 3") == "$NodeDeallocationOption=requeue;a=1")
    }

    @Test func functionsOfNoValuesAndBadArgumentsAreErrorsAtTheFunction() {
        #expect(
            FormulaTestSupport.results("x = avg($PendingTasks.GetSample(0))", Self.context)
                == "1:5: error: avg of no values")
        #expect(FormulaTestSupport.results("x = 1 + max($PendingTasks.GetSample(0))") == "1:9: error: max of no values")
        #expect(
            FormulaTestSupport.results("x = val($PendingTasks.GetSample(5), 5)", Self.context)
                == "1:5: error: val: index 5 is outside a vector of 5 values")
        #expect(
            FormulaTestSupport.results("x = percentile(1, 101)")
                == "1:5: error: percentile: 101 is not between 0 and 100")
        #expect(
            FormulaTestSupport.results("x = sum(time())")
                == "1:5: error: type mismatch: sum needs doubles or doubleVecs, not a timestamp")
    }
}
