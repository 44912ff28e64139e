import Foundation
import ScenarioFormat
import Testing

/// `batchsim report` reads `autoscale_runs` for the autoscale chart and timeline lines: each
/// edited time, pool, outcome, target or evaluation number there is one "inconsistent event
/// log" error naming the evaluation, never a trap or a wrong chart.
struct TamperedAutoscaleLogTests {
    /// `Scenarios/autoscale-skipped-during-outage.yaml` without its baseline: one pool, four
    /// nodes, nine evaluations every 5 minutes from 0 (evaluation 2 at 10 min), end 42 min.
    static let log: String = {
        let path = EventLogFixture.scenarioPath("autoscale-skipped-during-outage")
        return try! EventLogFixture.build(ScenarioLoader.load(path: path), withBaseline: false).path
    }()

    @Test func theUntouchedLogReads() {
        #expect(TamperedLogTests.failure(Self.log) == nil)
    }

    @Test(arguments: [
        (
            "UPDATE autoscale_runs SET pool_index = 1 WHERE evaluation = 2",
            "autoscale evaluation 2 of run 1 has pool_index 1, but the run has 1 pool (0 to 0)"
        ),
        (
            "UPDATE autoscale_runs SET pool_index = -9223372036854775808 WHERE evaluation = 2",
            "autoscale evaluation 2 of run 1 has pool_index -9223372036854775808, but the run has 1 pool (0 to 0)"
        ),
        (
            "UPDATE autoscale_runs SET time_ms = 9223372036854775807 WHERE evaluation = 8",
            "autoscale evaluation 8 of run 1 has time_ms 9223372036854775807, outside the run (0 to 2520000)"
        ),
        (
            "UPDATE autoscale_runs SET time_ms = 0 WHERE evaluation = 3",
            "autoscale evaluation 3 of run 1 has time_ms 0, before the previous evaluation's 600000"
        ),
        (
            "UPDATE autoscale_runs SET outcome = 'maybe' WHERE evaluation = 2",
            "autoscale evaluation 2 of run 1 has outcome 'maybe', expected applied, failed or skipped"
        ),
        (
            "UPDATE autoscale_runs SET dedicated_after = 9223372036854775807 WHERE evaluation = 0",
            "autoscale evaluation 0 of run 1 has dedicated_after 9223372036854775807, outside 0 to 4 (the run's nodes)"
        ),
        (
            "UPDATE autoscale_runs SET low_priority_before = -1 WHERE evaluation = 5",
            "autoscale evaluation 5 of run 1 has low_priority_before -1, outside 0 to 4 (the run's nodes)"
        ),
        (
            "UPDATE autoscale_runs SET evaluation = 99 WHERE evaluation = 4",
            "autoscale_runs.evaluation of run 1 has 5 in place of 4 (one per row, from 0)"
        ),
    ])
    func anEditedEvaluationIsNamed(_ sql: String, _ message: String) throws {
        let path = try TamperedFile.copy(of: Self.log, applying: sql)
        #expect(TamperedLogTests.failure(path) == "inconsistent event log: " + message)
    }
}
