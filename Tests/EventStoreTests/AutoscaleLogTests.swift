import Foundation
import ScenarioFormat
import Testing

/// The event log keeps every autoscale evaluation with its results string (SPEC §7 rule 27).
struct AutoscaleLogTests {
    @Test func everyEvaluationIsARowWithItsResults() throws {
        // Evaluations at 0 (no sample yet: max of no values fails), 5 min (1 pending task: one
        // node) and 10 min; the key is lost at 7 min, so the one at 10 min is skipped.
        let yaml =
            EventLogFixture.cmkAccount + """
                name: autoscale-log
                horizon: 10m
                pools:
                  - id: p
                    autoScale:
                      evaluationInterval: 5m
                      formula: |
                        $TargetDedicatedNodes = max($PendingTasks.GetSample(1));
                jobs: [{id: j, pool: p, tasks: {count: 1, duration: 1h}}]
                timeline:
                  - {at: 7m, action: disableKey, key: cmk}
                """
        let built = try EventLogFixture.build(ScenarioLoader.load(text: yaml, path: "<autoscale-log>"))
        let reader = try LogReader(built.path)
        let rows = try reader.rendered(
            "SELECT time_ms || ' ' || pool_index || ' ' || outcome || ' ' || coalesce(results, '-') || ' ' "
                + "|| dedicated_before || '/' || low_priority_before || ' -> ' || dedicated_after || '/' "
                + "|| low_priority_after || ' ' || coalesce(error, '-') "
                + "FROM autoscale_runs WHERE run_id = 1 ORDER BY evaluation")
        #expect(rows.count == 3)
        #expect(rows.first?.hasPrefix("0 0 failed - 0/0 -> 0/0 1:25: error: ") == true)
        #expect(
            rows.dropFirst().first
                == "300000 0 applied $TargetDedicatedNodes=1;$NodeDeallocationOption=requeue 0/0 -> 1/0 -")
        #expect(rows.last == "600000 0 skipped - 1/0 -> 1/0 -")
        #expect(try reader.int("SELECT count(*) FROM autoscale_runs WHERE run_id = 2") == 3)
    }
}
