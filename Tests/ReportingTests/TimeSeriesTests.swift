import BatchModel
import Reporting
import TestSupport
import Testing

/// `StepSeries` keeps exact integrals while it folds, and downsamples to at most N points
/// that start at 0 and end at the run's end; `TimeSeriesRecorder` reads the counts off the
/// event stream.
struct TimeSeriesTests {
    @Test func downsamplingKeepsAtMostNPointsAndTheRunsStartAndEnd() {
        var series = StepSeries()
        // Two million changes over ~23 days: far more than the buckets hold.
        for step in 0..<2_000_000 { series.set(Int32(step % 7), at: Int64(step) * 997) }
        let end: Int64 = 2_000_000 * 997 + 123
        for maximum in [2, 10, 600] {
            let width = StepSeries.displayWidth(end: end, maxPoints: maximum)
            let points = series.resampled(end: end, bucketWidth: width)
            #expect(points.count <= maximum)
            #expect(points.times.first == 0)
            #expect(points.times.last == end)
        }
        #expect(series.area.count <= StepSeries.capacity)
    }

    @Test func bucketMeansAreTimeWeighted() {
        var series = StepSeries()
        series.set(10, at: 0)
        series.set(0, at: 250)  // 10 for a quarter of the first 1000 ms
        series.set(4, at: 1000)
        let points = series.resampled(end: 2000, bucketWidth: 1024)
        #expect(points.times == [0, 1024, 2000])
        // [0, 1024): 10·250 + 4·24 = 2596 → 2596 / 1024; [1024, 2000): 4.
        #expect(abs(points.values[0] - 2596.0 / 1024.0) < 1e-9)
        #expect(points.values[1] == 4)
        #expect(points.values[2] == 4)
    }

    @Test func theWorkedExamplesNodesGoUnusableForTwentyMinutes() throws {
        let input = try ReportFixture.run(file: "Scenarios/worked-example.yaml")
        let recorder = input.scenario
        let unusable = recorder.nodes(pool: 0, state: .unusable)
        #expect(unusable.peak == 10)
        // 10 nodes × 20 minutes, exactly the summary's unusable node-seconds.
        #expect(unusable.area.reduce(0, +) == 10 * 1_200_000)
        #expect(input.document.summary["nodes.unusableNodeSeconds"] == .seconds(12_000_000))
        #expect(recorder.completed.value == 10)
        #expect(recorder.queued.value == 0 && recorder.running.value == 0)
        let story = recorder.story
        #expect(story.changeTo == [.keyInaccessible, .recovering, .accessible])
        #expect(story.nodesMadeUnusable.first == 10)
        #expect(story.tasksRequeued.first == 10)
        #expect(story.actionOutcomes == [.applied, .applied])
        #expect(input.taskDelays.count == 10 && input.taskDelays.allSatisfy { $0 == 3_000_000 })
    }

    @Test func fanOutHandsEveryEventToEverySink() {
        let first = EventRecorder()
        let second = EventRecorder()
        let sinks = EventSinks([first, second])
        let event = SimEvent(time: 5, entity: .task, entityIndex: 1, name: .taskSubmitted)
        sinks.record(event)
        #expect(first.events == [event] && second.events == [event])
        #expect(EventSinks.combine([nil, first]) === first)
        #expect(EventSinks.combine([nil, nil]) == nil)
    }
}
