import BatchModel
import Testing

@testable import Reporting

/// `AutoscalePool` on hand-made evaluation logs: runs are per pool, and a target that changes
/// more often than a chart has points is downsampled, not drawn change by change.
struct AutoscalePoolTests {
    static func record(
        _ time: Int64, pool: Int, _ outcome: AutoscaleRecord.Outcome, _ before: Int, _ after: Int
    ) -> AutoscaleRecord {
        AutoscaleRecord(
            time: time, pool: pool, outcome: outcome, results: "",
            before: .init(dedicated: before, lowPriority: 0), after: .init(dedicated: after, lowPriority: 0))
    }

    @Test func runsAreConsecutiveEvaluationsOfOnePool() {
        let log = [
            Self.record(0, pool: 0, .skipped, 0, 0), Self.record(0, pool: 1, .applied, 0, 2),
            Self.record(5, pool: 0, .skipped, 0, 0), Self.record(5, pool: 1, .skipped, 2, 2),
            Self.record(10, pool: 0, .applied, 0, 3), Self.record(10, pool: 1, .failed, 2, 2),
            Self.record(15, pool: 0, .skipped, 3, 3),
        ]
        let pools = AutoscalePool.pools(log, names: ["a", "b"])
        #expect(pools.map(\.name) == ["a", "b"])
        #expect(pools[0].runs(of: .skipped) == [0..<2, 3..<4])
        #expect(pools[1].runs(of: .skipped) == [1..<2])
        #expect(pools[1].runs(of: .failed) == [2..<3])
        #expect(
            pools[0].targetSteps(end: 20, maximumPoints: 600) == SeriesPoints(times: [0, 10, 20], values: [0, 3, 3]))
        // Pool b's first evaluation, at 0, already sets 2: the line starts there.
        #expect(pools[1].targetSteps(end: 20, maximumPoints: 600) == SeriesPoints(times: [0, 20], values: [2, 2]))
    }

    /// A pool enabled at 1 h whose target alternates 1, 2 every 5 minutes for a month: far more
    /// changes than points, so the line is time-weighted means from its first evaluation.
    @Test func aBusyTargetIsDownsampled() {
        let minute: Int64 = 60_000
        let start = 60 * minute
        let records = (0..<8_000).map { index in
            Self.record(start + Int64(index) * 5 * minute, pool: 0, .applied, 1 + (index + 1) % 2, 1 + index % 2)
        }
        let end = start + 8_000 * 5 * minute
        let pool = AutoscalePool.pools(records, names: ["p"])[0]
        let points = pool.targetSteps(end: end, maximumPoints: 600)
        #expect(points.count <= 600)
        #expect(points.times.first == start && points.times.last == end)
        // Buckets are 4,194,304 ms wide. The first, from 0, holds 1 up to 65 min (the first
        // value held from 0) then 2: (3,900,000 + 2 × 294,304) / 4,194,304. Whole buckets hold
        // half of each value; the last two points are a part bucket and the value at the end.
        #expect(points.values[0] == 4_488_608.0 / 4_194_304)
        #expect(points.values[1..<(points.count - 2)].allSatisfy { abs($0 - 1.5) < 0.01 })
    }
}
