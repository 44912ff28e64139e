import AutoscaleFormula
import Testing

/// Histories kept in time order (the simulation's) are cut by binary search; the results must be
/// those of the filter-and-sort path.
struct OrderedSamplesTests {
    @Test func orderedHistoriesGiveTheSameResults() throws {
        let formula = try Formula.load(
            """
            a = $PendingTasks.GetSample(3);
            b = $PendingTasks.GetSample(TimeInterval_Minute * 2);
            c = $PendingTasks.GetSample(TimeInterval_Second * 30, TimeInterval_Minute * 3, 50);
            d = $PendingTasks.GetSamplePercent(TimeInterval_Minute * 5);
            e = $PendingTasks.Count();
            f = $PendingTasks.GetSamplePeriod(TimeInterval_Minute * 4);
            """)
        // Samples every 30 s from 0 to 600 s (value = time ÷ 30), evaluated at 300 s: those at
        // or after 300 s are not seen.
        let samples = (0...20).map { Sample(time: Double($0 * 30), value: Double($0)) }
        var ordered = EvaluationContext(now: 300, samples: [.pendingTasks: samples])
        ordered.samplesAreInTimeOrder = true
        let unordered = EvaluationContext(now: 300, samples: [.pendingTasks: samples.reversed()])
        let fast = try formula.evaluate(context: ordered).get().resultsString
        let slow = try formula.evaluate(context: unordered).get().resultsString
        #expect(fast == slow)
        #expect(fast.contains("a=[7,8,9]"))
        #expect(fast.contains("b=[6,7,8,9]"))
        #expect(fast.contains("c=[4,5,6,7,8]"))  // [120 s, 270 s)
        #expect(fast.contains("e=10"))
    }
}
