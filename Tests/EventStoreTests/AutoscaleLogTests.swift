import BatchModel
import EventStore
import Experiments
import Foundation
import Reporting
import ScenarioFormat
import Testing

/// The event log keeps every autoscale evaluation with its results string (SPEC §7 rule 27), and
/// a report rebuilt from the log tells the same autoscale story as the run's own.
struct AutoscaleLogTests {
    /// Evaluations at 0 (no sample yet: max of no values fails), 5 min (1 pending task: one
    /// node) and 10 min; the key is lost at 7 min, so the one at 10 min is skipped.
    static let yaml =
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

    @Test func everyEvaluationIsARowWithItsResults() throws {
        let built = try EventLogFixture.build(ScenarioLoader.load(text: Self.yaml, path: "<autoscale-log>"))
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

    /// The reader gives back the records the run kept, for both runs; a run without autoscale
    /// has none.
    @Test func theReaderGivesBackTheRunsRecords() throws {
        let built = try EventLogFixture.shared("autoscale-skipped-during-outage")
        let scenario = try EventLogReader.autoscaleRecords(at: built.path, run: 1)
        #expect(scenario.count == 9)
        #expect(scenario == built.run.result.autoscaleLog)
        #expect(try EventLogReader.autoscaleRecords(at: built.path, run: 2) == built.run.baseline?.autoscaleLog)
        #expect(try EventLogReader.autoscaleRecords(at: EventLogFixture.workedExample.path, run: 1).isEmpty)
    }

    /// `batchsim report`'s input from the log renders the same bytes as the run's own: the
    /// failed, applied and skipped evaluations' lines and the target chart included.
    @Test func aReportFromTheLogIsTheRunsReport() throws {
        let loaded = try ScenarioLoader.load(text: Self.yaml, path: "<autoscale-log>")
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("autoscale-report-\(UUID().uuidString)/events.sqlite").path
        let output = try RunPipeline.simulate(loaded, options: RunOptions(eventLog: path))
        try output.eventLog?.commit()
        let run = try #require(output.report)
        let log = try ReportInput(eventLog: path)
        #expect(MarkdownReport.render(log) == MarkdownReport.render(run))
        #expect(HTMLReport.render(log) == HTMLReport.render(run))
        let markdown = MarkdownReport.render(log)
        #expect(markdown.contains("`0s` **Autoscale of pool p: 1 evaluation failed; the targets stayed. Error: 1:25: "))
        #expect(markdown.contains("`5m` Autoscale of pool p: target dedicated 0 → 1."))
        #expect(markdown.contains("`10m` Autoscale of pool p: 1 evaluation skipped (the account was not accessible)."))
        #expect(HTMLReport.render(log).contains("id=\"autoscale-0\""))
    }
}
