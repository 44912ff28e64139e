import AutoscaleFormula
import Testing

/// Load errors (rules 22–24): each with its exact message and line:column.
struct LoadErrorTests {
    @Test(
        "Each load error names the offending token by line and column",
        arguments: [
            ("$TargetDedicatedNodes = 1\nx = 2;", "2:1: error: expected ';' but found 'x'"),
            ("x = 1 +;", "1:8: error: expected an expression but found ';'"),
            ("x = (1 + 2;", "1:11: error: expected ')' but found ';'"),
            ("x = max(1 2);", "1:11: error: expected ')' but found '2'"),
            ("x = time().;", "1:12: error: expected a name after '.' but found ';'"),
            ("x = foo(1);", "1:5: error: unknown function 'foo'"),
            ("x = $WallClockSeconds.GetSample(1);", "1:5: error: $WallClockSeconds is not simulated by batchsim"),
            ("x =\n  $MemoryBytes;", "2:3: error: $MemoryBytes is not simulated by batchsim"),
            (
                "x = $CPUPercent;",
                "1:5: error: $CPUPercent is a sampled variable: read it through a sample method such as "
                    + "$CPUPercent.GetSample(1)"
            ),
            ("$ActiveTasks = 1;", "1:1: error: $ActiveTasks cannot be assigned: it is a sampled service variable"),
            (
                "$CurrentDedicatedNodes = 1;",
                "1:1: error: $CurrentDedicatedNodes cannot be assigned: it is a read-only service variable"
            ),
            ("TimeInterval_Second = 2;", "1:1: error: TimeInterval_Second cannot be assigned: it is a constant"),
            ("TimeInterval_Fortnight = 2;", "1:1: error: TimeInterval_Fortnight cannot be assigned: it is a constant"),
            (
                "x = 3 * TimeInterval_Minutes;",
                "1:9: error: unknown constant 'TimeInterval_Minutes'; the TimeInterval_ constants are Zero, 100ns, "
                    + "Microsecond, Millisecond, Second, Minute, Hour, Day, Week and Year"
            ),
            ("taskcompletion = 1;", "1:1: error: taskcompletion cannot be assigned: it is a deallocation option"),
            ("x = max();", "1:5: error: max takes 1 argument or more, not 0"),
            ("x = val(1);", "1:5: error: val takes 2 arguments, not 1"),
            ("x = time(1, 2);", "1:5: error: time takes 0 or 1 argument, not 2"),
            ("x = rand(1);", "1:5: error: rand takes 0 arguments, not 1"),
            ("x = $ActiveTasks.GetSample();", "1:18: error: GetSample takes 1 to 3 arguments, not 0"),
            (
                "x = $ActiveTasks.Foo(1);",
                "1:18: error: unknown method 'Foo'; sample methods are GetSample, GetSamplePercent, GetSamplePeriod, "
                    + "Count and HistoryBeginTime"
            ),
            (
                "x = y.GetSample(1);",
                "1:7: error: method 'GetSample' applies only to a sampled variable such as $PendingTasks"
            ),
            (
                "x = time().hours;",
                "1:12: error: unknown member 'hours'; a timestamp has year, month, day, weekday, hour, minute and second"
            ),
            ("x = \"abc\n;", "1:5: error: unterminated string: a string ends with '\"' on the same line"),
            ("x = 1 % 2;", "1:7: error: unexpected character '%'"),
            ("a.b = 1;", "1:5: error: only a variable can be assigned"),
        ])
    func loadError(formula: String, expected: String) {
        #expect(FormulaTestSupport.results(formula) == expected)
        #expect(throws: FormulaError.self) { try Formula.load(formula) }
    }

    @Test func theServicesLimitsAreLoadErrors() {
        #expect(
            FormulaTestSupport.results(String(repeating: "x=1;", count: 2001))
                == "1:1: error: the formula has 8004 characters; the limit is 8000")
        #expect(
            FormulaTestSupport.results(String(repeating: "x=1;", count: 101))
                == "1:1: error: the formula has 101 statements; the limit is 100")
        #expect(
            FormulaTestSupport.results(String(repeating: "x=1;", count: 100)) == "$NodeDeallocationOption=requeue;x=1")
    }

    @Test func expressionsNestedDeeperThanTwoHundredLevelsAreRefusedBeforeTheyExhaustTheStack() {
        let parentheses = "x = " + String(repeating: "(", count: 3000) + "1" + String(repeating: ")", count: 3000)
        #expect(
            FormulaTestSupport.results(parentheses) == "1:205: error: the expression nests deeper than 200 levels")
        let sum = "x = " + String(repeating: "1+", count: 3000) + "1"
        #expect(FormulaTestSupport.results(sum) == "1:404: error: the expression nests deeper than 200 levels")
        let minus = "x = " + String(repeating: "-", count: 3000) + "1"
        #expect(FormulaTestSupport.results(minus) == "1:205: error: the expression nests deeper than 200 levels")
        let shallow = "x = " + String(repeating: "1+", count: 199) + "1"
        #expect(FormulaTestSupport.value(shallow) == "200")
    }

    @Test func commentsWhitespaceAndEmptyStatementsAreFree() {
        let text = "// a comment\n  x =\n\t1 ; ; // tail\ny = 2 // no final semicolon"
        #expect(FormulaTestSupport.results(text) == "$NodeDeallocationOption=requeue;x=1;y=2")
        #expect(FormulaTestSupport.results("") == "$NodeDeallocationOption=requeue")
    }

    @Test func loadErrorsAndEvaluationErrorsAreToldApart() throws {
        do {
            _ = try Formula.load("x = foo(1)")
            Issue.record("loaded")
        } catch {
            #expect(error.isLoadError)
            #expect(error.location == SourceLocation(line: 1, column: 5))
        }
        let formula = try Formula.load("x = y")
        guard case .failure(let failure) = formula.evaluate(context: EvaluationContext(now: 0)) else {
            Issue.record("evaluated")
            return
        }
        #expect(!failure.isLoadError)
        #expect(failure.description == "1:5: error: y is used before it is assigned")
    }
}
