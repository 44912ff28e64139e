import BatchModel
import Foundation
import Reporting
import ScenarioFormat
import TestSupport
import Testing

/// The log tells the same story as the summary (issue 4, item 5): counts of events agree with
/// the metrics, every node's time in each state adds up to its lifetime, and a run is
/// reproducible row for row.
struct ConsistencyTests {
    /// Every fixture in `Scenarios/` and the inline churn scenario (resizes, start tasks,
    /// failures, account deletion).
    static let fixtures = EventLogFixture.scenarioNames + ["churn"]

    @Test(arguments: fixtures)
    func eventCountsAgreeWithTheSummary(_ fixture: String) throws {
        let built = try EventLogFixture.shared(fixture)
        let reader = try LogReader(built.path)
        for (run, prefix) in [(1, ""), (2, "baseline.")] {
            func count(_ events: String) throws -> Int64 {
                try reader.int(
                    """
                    SELECT COUNT(*) FROM events
                    WHERE run_id = \(run) AND event IN (SELECT code FROM event_names WHERE name IN (\(events)))
                    """
                )
            }
            func metric(_ name: String) -> Int64? {
                built.run.summary.number(prefix + name).map { Int64($0.rounded()) }
            }
            /// A time metric in milliseconds (metrics have millisecond precision).
            func milliseconds(_ name: String) -> Int64? {
                built.run.summary.number(prefix + name).map { Int64(($0 * 1000).rounded()) }
            }
            let label = "\(fixture), run \(run)"
            #expect(try count("'taskRequeued'") == metric("tasks.requeued"), "\(label)")
            #expect(
                try count("'operationRejected', 'submissionRejected'") == metric("account.rejectedOperations"),
                "\(label)"
            )
            #expect(try count("'submissionRejected'") == metric("tasks.rejectedSubmissions"), "\(label)")
            #expect(try count("'taskCompleted'") == metric("tasks.completed"), "\(label)")
            #expect(try count("'taskFailed'") == metric("tasks.failed"), "\(label)")
            #expect(try count("'taskRetried'") == metric("tasks.retries"), "\(label)")
            #expect(try count("'taskSubmitted'") == metric("tasks.submitted"), "\(label)")
            #expect(try count("'taskDropped'") == metric("tasks.dropped"), "\(label)")
            let requeueCode = "(SELECT code FROM event_names WHERE name = 'taskRequeued')"
            #expect(
                try reader.int(
                    "SELECT COUNT(DISTINCT entity_id) FROM events WHERE run_id = \(run) AND event = \(requeueCode)"
                ) == metric("tasks.requeuedDistinct"),
                "\(label)"
            )
            #expect(
                try reader.int("SELECT TOTAL(detail) FROM events WHERE run_id = \(run) AND event = \(requeueCode)")
                    == milliseconds("tasks.lostWorkSeconds"),
                "\(label)"
            )
            #expect(
                try reader.int(
                    """
                    SELECT COUNT(*) FROM account_timeline
                    WHERE run_id = \(run) AND entity = 'account' AND to_state = 'keyInaccessible'
                    """
                ) == metric("account.outages"),
                "\(label)"
            )
            // The tasks table: one row per defined task, and the same totals as the events.
            #expect(
                try reader.int("SELECT COUNT(*) FROM tasks WHERE run_id = \(run)")
                    == Int64(built.scenario.definedTaskCount),
                "\(label)"
            )
            #expect(
                try reader.int("SELECT TOTAL(requeues) FROM tasks WHERE run_id = \(run)") == metric("tasks.requeued"),
                "\(label)"
            )
            #expect(
                try reader.int("SELECT COUNT(*) FROM tasks WHERE run_id = \(run) AND result = 'success'")
                    == metric("tasks.completed"),
                "\(label)"
            )
            // One task_attempts row per start.
            #expect(
                try reader.int("SELECT COUNT(*) FROM task_attempts WHERE run_id = \(run)")
                    == reader.int("SELECT TOTAL(attempts) FROM tasks WHERE run_id = \(run)"),
                "\(label)"
            )
            // Node time: unusable and billed node-seconds.
            #expect(
                try reader.int("SELECT TOTAL(unusable_ms) FROM nodes WHERE run_id = \(run)")
                    == milliseconds("nodes.unusableNodeSeconds"),
                "\(label)"
            )
            #expect(
                try reader.int("SELECT TOTAL(billed_ms) FROM nodes WHERE run_id = \(run)")
                    == milliseconds("nodes.billedNodeSeconds"),
                "\(label)"
            )
        }
    }

    /// A node's time in each state, from the events (`node_state_intervals`) and from the
    /// `nodes` table's columns, adds up to its lifetime: from its request to its removal or
    /// the end of the run. Billed time is the lifetime less the time spent `preempted`.
    @Test(arguments: fixtures)
    func everyNodesTimeInStateSumsToItsLifetime(_ fixture: String) throws {
        let built = try EventLogFixture.shared(fixture)
        let reader = try LogReader(built.path)
        let lifetimes = """
            SELECT n.run_id, n.node_id
            FROM nodes n JOIN runs r ON r.run_id = n.run_id
            WHERE n.billed_ms <> COALESCE(n.removed_ms, r.end_ms) - n.requested_ms - n.preempted_ms
            """
        #expect(try reader.rows(lifetimes).isEmpty, "billed_ms is not the lifetime less preempted time in \(fixture)")
        let columns = """
            SELECT run_id, node_id FROM nodes
            WHERE creating_ms + waitingforstarttask_ms + idle_ms + running_ms + unusable_ms + starttaskfailed_ms
                  + leavingpool_ms <> billed_ms
            """
        #expect(try reader.rows(columns).isEmpty, "the state columns do not add up to billed_ms in \(fixture)")
        let intervals = """
            SELECT n.run_id, n.node_id, n.billed_ms, COALESCE(SUM(i.duration_ms), 0) AS summed
            FROM nodes n
            LEFT JOIN node_state_intervals i ON i.run_id = n.run_id AND i.node_id = n.node_id
            GROUP BY n.run_id, n.node_id
            HAVING summed <> n.billed_ms + n.preempted_ms
            """
        #expect(try reader.rows(intervals).isEmpty, "intervals do not add up to the lifetime in \(fixture)")
        // State by state, the events and the columns agree.
        let byState = """
            SELECT n.run_id, n.node_id, s.state
            FROM nodes n
            CROSS JOIN (SELECT 'creating' AS state UNION ALL SELECT 'waitingforstarttask' UNION ALL SELECT 'idle'
                        UNION ALL SELECT 'running' UNION ALL SELECT 'unusable' UNION ALL SELECT 'starttaskfailed'
                        UNION ALL SELECT 'preempted' UNION ALL SELECT 'leavingpool') s
            WHERE (SELECT COALESCE(SUM(i.duration_ms), 0) FROM node_state_intervals i
                   WHERE i.run_id = n.run_id AND i.node_id = n.node_id AND i.state = s.state)
                  <> CASE s.state WHEN 'creating' THEN n.creating_ms
                                  WHEN 'waitingforstarttask' THEN n.waitingforstarttask_ms
                                  WHEN 'idle' THEN n.idle_ms
                                  WHEN 'running' THEN n.running_ms
                                  WHEN 'starttaskfailed' THEN n.starttaskfailed_ms
                                  WHEN 'preempted' THEN n.preempted_ms
                                  WHEN 'leavingpool' THEN n.leavingpool_ms
                                  ELSE n.unusable_ms END
            """
        #expect(try reader.rows(byState).isEmpty, "intervals and columns disagree in \(fixture)")
        // No node ever spends time in a state the nodes table has no column for.
        let uncovered = """
            SELECT DISTINCT state FROM node_state_intervals
            WHERE state NOT IN (
                'creating', 'waitingforstarttask', 'idle', 'running', 'unusable', 'starttaskfailed', 'preempted',
                'leavingpool')
            """
        #expect(try reader.rows(uncovered).isEmpty, "\(fixture)")
    }

    /// The churn fixture really exercises what the lifetime test is about.
    @Test func theChurnFixtureRemovesAndAddsNodesAndRunsStartTasks() throws {
        let reader = try LogReader(EventLogFixture.shared("churn").path)
        #expect(try reader.int("SELECT COUNT(*) FROM nodes WHERE run_id = 1 AND removed_ms IS NOT NULL") > 0)
        #expect(try reader.int("SELECT COUNT(*) FROM nodes WHERE run_id = 1 AND requested_ms > 0") > 0)
        #expect(try reader.int("SELECT TOTAL(waitingforstarttask_ms) FROM nodes WHERE run_id = 1") > 0)
        #expect(try reader.int("SELECT TOTAL(creating_ms) FROM nodes WHERE run_id = 1 AND unusable_ms > 0") > 0)
        #expect(
            try reader.int("SELECT COUNT(*) FROM account_timeline WHERE run_id = 1 AND action = 'deleteAccount'") == 1)
        #expect(try reader.int("SELECT COUNT(*) FROM events_readable WHERE run_id = 1 AND event = 'taskRetried'") > 0)
        #expect(
            try reader.int("SELECT COUNT(*) FROM events_readable WHERE run_id = 1 AND event = 'operationRejected'") > 0)
    }

    @Test(arguments: ["key-disabled-45m", "churn"])
    func theSameSeedGivesIdenticalEventRows(_ fixture: String) throws {
        let loaded = try EventLogFixture.load(fixture)
        let first = try LogReader(EventLogFixture.build(loaded).path)
        let second = try LogReader(EventLogFixture.build(loaded).path)
        let other = try LogReader(EventLogFixture.build(loaded, seed: loaded.scenario.seed + 1).path)
        let all = "SELECT * FROM events ORDER BY run_id, seq"
        let rows = try first.rows(all)
        #expect(rows.count > 100)
        #expect(try second.rows(all) == rows)
        // The comparison can tell runs apart: another seed changes this random scenario.
        #expect(try other.rows(all) != rows)
    }

    @Test func withoutBaselineTheLogHoldsRunOneOnly() throws {
        let built = try EventLogFixture.build(EventLogFixture.load("worked-example"), withBaseline: false)
        let reader = try LogReader(built.path)
        #expect(try reader.rendered("SELECT run_id, variant FROM runs") == ["1 | scenario"])
        #expect(try reader.int("SELECT COUNT(*) FROM events WHERE run_id <> 1") == 0)
        #expect(try reader.int("SELECT COUNT(*) FROM tasks") == 10)
    }
}
