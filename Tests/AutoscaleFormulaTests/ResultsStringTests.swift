import AutoscaleFormula
import Testing

/// Rule 27: the results string's order and the formatting of every kind of value.
struct ResultsStringTests {
    @Test func targetsComeFirstInTheServicesOrderThenTheOptionThenUserVariablesByCodePoint() {
        let text = """
            b = 1; $a = 2; $Z = 3; $TargetLowPriority = 4; $TargetDedicatedNodes = 5.5; $TargetDedicated = 6;
            $TargetLowPriorityNodes = -1; B = 7;
            """
        #expect(
            FormulaTestSupport.results(text)
                == "$TargetDedicatedNodes=5.5;$TargetDedicated=6;$TargetLowPriorityNodes=-1;$TargetLowPriority=4;"
                + "$NodeDeallocationOption=requeue;$Z=3;$a=2;B=7;b=1")
    }

    @Test func theDeallocationOptionIsABareWord() {
        #expect(
            FormulaTestSupport.results("$NodeDeallocationOption = taskcompletion;")
                == "$NodeDeallocationOption=taskcompletion")
        #expect(
            FormulaTestSupport.results("$NodeDeallocationOption = 3;")
                == "1:1: error: $NodeDeallocationOption must be requeue, terminate, taskcompletion or retaineddata")
    }

    @Test(
        "Values print as the service prints them",
        arguments: [
            ("x = 123456789", "123456789"), ("x = 2.75", "2.75"), ("x = -0.5", "-0.5"), ("x = 1e20", "1e+20"),
            ("x = -0", "0"), ("x = ln(0)", "-Infinity"), (#"x = "hello world""#, "hello world"),
            (#"x = time("2026-01-05T08:00:00.250Z")"#, "2026-01-05T08:00:00.250Z"),
            ("x = TimeInterval_Day * 2 + TimeInterval_Hour * 3", "2.03:00:00"),
            ("x = TimeInterval_Millisecond * 1500", "00:00:01.5000000"), ("x = TimeInterval_100ns", "00:00:00.0000001"),
            ("x = -TimeInterval_Day", "-1.00:00:00"), ("x = $ActiveTasks.GetSample(1)", "[]"),
        ])
    func formatting(formula: String, expected: String) {
        #expect(FormulaTestSupport.value(formula) == expected)
    }

    @Test func aTargetReadBeforeItIsAssignedIsThePoolsCurrentTarget() throws {
        let context = EvaluationContext(
            now: FormulaTestSupport.monday, currentDedicatedNodes: 2, currentLowPriorityNodes: 1, taskSlotsPerNode: 4,
            currentTargetDedicated: 3, currentTargetLowPriority: 7)
        let text = """
            $TargetDedicatedNodes = $TargetDedicatedNodes + 1; a = $TargetDedicated; b = $TargetLowPriority;
            c = $CurrentDedicated + $CurrentLowPriorityNodes * 10 + $TaskSlotsPerNode * 100; d = $NodeDeallocationOption
            """
        #expect(
            FormulaTestSupport.results(text, context)
                == "$TargetDedicatedNodes=4;$NodeDeallocationOption=requeue;a=3;b=7;c=412;d=requeue")
    }

    @Test func theFullNameWinsOverItsAlias() throws {
        let formula = try Formula.load("$TargetDedicated = 2; $TargetDedicatedNodes = 5; $TargetLowPriority = 1;")
        let evaluation = try formula.evaluate(context: EvaluationContext(now: 0)).get()
        #expect(evaluation.dedicatedTarget == 5)
        #expect(evaluation.lowPriorityTarget == 1)
        #expect(evaluation.targetDedicated == 2)
        #expect(evaluation.nodeDeallocationOption == nil)
        #expect(!evaluation.stopped)
    }

    @Test func anUnassignedVariableIsAnErrorAtItsUse() {
        #expect(FormulaTestSupport.results("a = 1;\n  b = a + c;") == "2:11: error: c is used before it is assigned")
        #expect(
            FormulaTestSupport.results("$TargetDedicatedNodes = time();")
                == "1:1: error: type mismatch: $TargetDedicatedNodes must be a double, not a timestamp")
    }
}
