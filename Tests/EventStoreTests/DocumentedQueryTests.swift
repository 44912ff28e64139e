import Foundation
import Testing

/// Every SQL query in `docs/event-log.md` runs here against a fixture's log, with a
/// hand-computed result.
///
/// The queries are kept verbatim below and compared with the Markdown's ```sql blocks (each
/// begins with `-- query: <name>`), and the ```text block after each is compared with the
/// first expected result: a query or an output edited on one side only fails a test.
struct DocumentedQueryTests {
    static let documentPath = EventLogFixture.repositoryRoot.appendingPathComponent("docs/event-log.md").path

    @Test func everyQueryInTheDocumentIsTestedVerbatimWithItsShownOutput() throws {
        let document = try DocumentedBlocks(markdown: String(contentsOfFile: Self.documentPath, encoding: .utf8))
        let documented = document.queries.map(\.name)
        #expect(Set(documented).count == documented.count, "a query name is used twice: \(documented)")
        #expect(Set(documented) == Set(DocumentedQuery.all.map(\.name)))
        for query in DocumentedQuery.all {
            guard let block = document.queries.first(where: { $0.name == query.name }) else { continue }
            #expect(block.sql == query.sql, "docs/event-log.md and the test differ on query \(query.name)")
            #expect(block.output == query.expectations[0].rows, "the output shown for \(query.name) is not the result")
        }
    }

    @Test func theDocumentShowsTheScenarioTheQueriesRunOn() throws {
        let markdown = try String(contentsOfFile: Self.documentPath, encoding: .utf8)
        #expect(markdown.contains("```yaml\n" + EventLogFixture.twoPoolsDocumented + "```\n"))
    }

    @Test(arguments: DocumentedQuery.all)
    func documentedQueryGivesTheHandComputedResult(_ query: DocumentedQuery) throws {
        for (fixture, rows) in query.expectations {
            let reader = try LogReader(DocumentedQuery.log(fixture))
            #expect(try reader.rendered(query.sql) == rows, "\(query.name) on \(fixture)")
        }
    }
}

/// The ```sql blocks of the Markdown, each with the ```text block that follows it.
struct DocumentedBlocks {
    struct Query {
        var name: String
        var sql: String
        var output: [String]
    }

    var queries: [Query] = []

    init(markdown: String) {
        var blocks: [(fence: String, lines: [String])] = []
        var current: (fence: String, lines: [String])?
        for line in markdown.components(separatedBy: "\n") {
            if var block = current {
                if line == "```" {
                    blocks.append(block)
                    current = nil
                } else {
                    block.lines.append(line)
                    current = block
                }
            } else if line.hasPrefix("```") {
                current = (String(line.dropFirst(3)), [])
            }
        }
        let marker = "-- query: "
        for (index, block) in blocks.enumerated() where block.fence == "sql" {
            let name = block.lines.first.map { $0.hasPrefix(marker) ? String($0.dropFirst(marker.count)) : "" } ?? ""
            let next = index + 1 < blocks.count ? blocks[index + 1] : nil
            let output = next?.fence == "text" ? next?.lines ?? [] : []
            queries.append(Query(name: name, sql: block.lines.joined(separator: "\n"), output: output))
        }
    }
}

/// A documented query and its hand-computed results on one or more fixtures; the first is
/// the output the document shows.
struct DocumentedQuery: Sendable, CustomTestStringConvertible {
    var name: String
    var sql: String
    var expectations: [(fixture: String, rows: [String])]

    var testDescription: String { name }

    static func log(_ fixture: String) -> String {
        switch fixture {
        case "two-pools": EventLogFixture.twoPools.path
        case "worked-example": EventLogFixture.workedExample.path
        case "spot-preempted-during-outage", "churn", "autoscale-skipped-during-outage":
            (try? EventLogFixture.shared(fixture).path) ?? "no log for \(fixture)"
        default: preconditionFailure("no log for \(fixture)")
        }
    }

    static let all: [DocumentedQuery] = [
        // two-pools: every node is unusable 30–60 min (0.5 h); worked example: 10 nodes × 20 min.
        DocumentedQuery(
            name: "unusable-node-hours-per-pool",
            sql: unusableNodeHoursPerPool,
            expectations: [
                ("two-pools", ["render | 6 | 3.0", "reports | 2 | 1.0"]),
                ("worked-example", ["pool | 10 | 3.333"]),
            ]
        ),
        DocumentedQuery(
            name: "unusable-node-hours-from-intervals",
            sql: unusableNodeHoursFromIntervals,
            expectations: [
                ("two-pools", ["render | 3.0", "reports | 1.0"]),
                ("worked-example", ["pool | 3.333"]),
            ]
        ),
        // render: 4 × 0.5 h × 0.5 + 2 × 0.5 h × 0.1 = 1.1; reports: 2 × 0.5 h × 1.2 = 1.2.
        DocumentedQuery(
            name: "cost-while-unusable-per-pool",
            sql: costWhileUnusablePerPool,
            expectations: [
                ("two-pools", ["render | 1.1", "reports | 1.2"]),
                ("worked-example", ["pool | 0.0"]),
            ]
        ),
        // Whole bill: 2 h of 4 × 0.5 + 2 × 0.1 + 2 × 1.2 per hour = 9.2; while unusable 1.1 + 1.2.
        DocumentedQuery(
            name: "cost-metrics",
            sql: costMetrics,
            expectations: [("two-pools", ["cost.total | 9.2", "cost.whileUnusable | 2.3"])]
        ),
        // Frames finish at 120 min (baseline 60), summaries 8 and 9 at 80 (baseline 40); 6 and 7
        // finished at 20 min, before the outage. Worked example: 110 against 60 for all ten.
        DocumentedQuery(
            name: "tasks-delayed-more-than-n-minutes",
            sql: tasksDelayedMoreThanNMinutes,
            expectations: [
                (
                    "two-pools",
                    (0..<6).map { "frames | \($0) | 60.0 | 120.0 | 60.0" } + [
                        "summaries | 8 | 40.0 | 80.0 | 40.0",
                        "summaries | 9 | 40.0 | 80.0 | 40.0",
                    ]
                ),
                ("worked-example", (0..<10).map { "job | \($0) | 60.0 | 110.0 | 50.0" }),
            ]
        ),
        DocumentedQuery(
            name: "delayed-tasks-count",
            sql: delayedTasksCount,
            expectations: [
                ("worked-example", ["10 | 50.0"]),
                ("two-pools", ["6 | 60.0"]),
            ]
        ),
        // Task 9 (summaries) starts at 20 min on node 7 (the reports pool's second node), loses
        // 10 minutes at 30, restarts at 60 on the same node, completes at 80.
        DocumentedQuery(
            name: "task-timeline",
            sql: taskTimeline,
            expectations: [
                (
                    "two-pools",
                    [
                        "0.0 | taskSubmitted | NULL | active | 1",
                        "1200.0 | taskStarted | active | running | 7",
                        "1800.0 | taskRequeued | running | active | 600000",
                        "3600.0 | taskStarted | active | running | 7",
                        "4800.0 | taskCompleted | running | completed | 0",
                    ]
                ),
                (
                    "worked-example",
                    [
                        "0.0 | taskSubmitted | NULL | active | 1",
                        "0.0 | taskStarted | active | running | 9",
                        "1800.0 | taskRequeued | running | active | 1800000",
                        "3000.0 | taskStarted | active | running | 9",
                        "6600.0 | taskCompleted | running | completed | 0",
                    ]
                ),
            ]
        ),
        DocumentedQuery(
            name: "task-attempts",
            sql: taskAttempts,
            expectations: [
                ("two-pools", ["1 | 7 | 20.0 | 30.0 | taskRequeued", "2 | 7 | 60.0 | 80.0 | taskCompleted"]),
                ("worked-example", ["1 | 9 | 0.0 | 30.0 | taskRequeued", "2 | 9 | 50.0 | 110.0 | taskCompleted"]),
            ]
        ),
        // The first outage stops the 6 frames and summaries 8 and 9; the second, entered while
        // recovering, stops nothing.
        DocumentedQuery(
            name: "requeues-per-outage",
            sql: requeuesPerOutage,
            expectations: [
                ("two-pools", ["1 | 30.0 | 8", "2 | 45.0 | 0"]),
                ("worked-example", ["1 | 30.0 | 10"]),
            ]
        ),
        // Spot fixture: the outage at 20 min requeues the 4 tasks (20 min each); the preemption at
        // 30 min finds the Spot nodes unusable and empty. Its baseline: the preemption requeues
        // tasks 2 and 3 (30 min each). Worked example: 10 tasks × 30 min, all the key's.
        DocumentedQuery(
            name: "lost-work-by-cause",
            sql: lostWorkByCause,
            expectations: [
                ("spot-preempted-during-outage", ["1 | key | 4 | 4800", "2 | preemption | 2 | 3600"]),
                ("worked-example", ["1 | key | 10 | 18000"]),
            ]
        ),
        // Every 5 minutes from t = 0; the account is unavailable 7–22 min (disabled 7–12, then 10
        // minutes of recovery), so 10, 15 and 20 are skipped; the run ends at 42 min, before 45.
        DocumentedQuery(
            name: "autoscale-decisions",
            sql: autoscaleDecisions,
            expectations: [
                (
                    "autoscale-skipped-during-outage",
                    [
                        "0.0 | elastic | applied | $TargetDedicatedNodes=4;$NodeDeallocationOption=taskcompletion",
                        "5.0 | elastic | applied | $TargetDedicatedNodes=4;$NodeDeallocationOption=taskcompletion",
                        "10.0 | elastic | skipped | NULL",
                        "15.0 | elastic | skipped | NULL",
                        "20.0 | elastic | skipped | NULL",
                        "25.0 | elastic | applied | $TargetDedicatedNodes=4;$NodeDeallocationOption=taskcompletion",
                        "30.0 | elastic | applied | $TargetDedicatedNodes=4;$NodeDeallocationOption=taskcompletion",
                        "35.0 | elastic | applied | $TargetDedicatedNodes=4;$NodeDeallocationOption=taskcompletion",
                        "40.0 | elastic | applied | $TargetDedicatedNodes=4;$NodeDeallocationOption=taskcompletion",
                    ]
                )
            ]
        ),
        // Disabled 30–40 and 45–50 min, 10 minutes of recovery each time; the run ends at 120.
        DocumentedQuery(
            name: "account-state-intervals",
            sql: accountStateIntervals,
            expectations: [
                (
                    "two-pools",
                    [
                        "accessible | 0.0 | 30.0",
                        "keyInaccessible | 30.0 | 40.0",
                        "recovering | 40.0 | 45.0",
                        "keyInaccessible | 45.0 | 50.0",
                        "recovering | 50.0 | 60.0",
                        "accessible | 60.0 | 120.0",
                    ]
                ),
                (
                    "worked-example",
                    [
                        "accessible | 0.0 | 30.0",
                        "keyInaccessible | 30.0 | 40.0",
                        "recovering | 40.0 | 50.0",
                        "accessible | 50.0 | 110.0",
                    ]
                ),
            ]
        ),
    ]

    // MARK: - The queries, verbatim as in docs/event-log.md

    static let unusableNodeHoursPerPool = """
        -- query: unusable-node-hours-per-pool
        SELECT p.id AS pool,
               COUNT(*) AS nodes,
               ROUND(SUM(n.unusable_ms) / 3600000.0, 3) AS unusable_node_hours
        FROM nodes n
        JOIN pools p ON p.run_id = n.run_id AND p.pool_index = n.pool_index
        WHERE n.run_id = 1
        GROUP BY p.pool_index
        ORDER BY p.pool_index;
        """

    static let unusableNodeHoursFromIntervals = """
        -- query: unusable-node-hours-from-intervals
        SELECT pool, ROUND(SUM(duration_ms) / 3600000.0, 3) AS unusable_node_hours
        FROM node_state_intervals
        WHERE run_id = 1 AND state = 'unusable'
        GROUP BY pool
        ORDER BY pool;
        """

    static let costWhileUnusablePerPool = """
        -- query: cost-while-unusable-per-pool
        SELECT p.id AS pool,
               ROUND(SUM(n.unusable_ms / 3600000.0
                         * CASE n.priority WHEN 'dedicated' THEN p.price_dedicated ELSE p.price_low_priority END), 6)
                   AS cost_while_unusable
        FROM nodes n
        JOIN pools p ON p.run_id = n.run_id AND p.pool_index = n.pool_index
        WHERE n.run_id = 1
        GROUP BY p.pool_index
        ORDER BY p.pool_index;
        """

    static let costMetrics = """
        -- query: cost-metrics
        SELECT name, value
        FROM metrics
        WHERE run_id = 1 AND name LIKE 'cost.%'
        ORDER BY position;
        """

    static let tasksDelayedMoreThanNMinutes = """
        -- query: tasks-delayed-more-than-n-minutes
        SELECT j.id AS job, s.task_id,
               b.finish_ms / 60000.0 AS baseline_finish_min,
               s.finish_ms / 60000.0 AS scenario_finish_min,
               (COALESCE(s.finish_ms, r.end_ms) - b.finish_ms) / 60000.0 AS delay_min
        FROM tasks s
        JOIN tasks b ON b.run_id = 2 AND b.task_id = s.task_id
        JOIN jobs j ON j.run_id = s.run_id AND j.job_index = s.job_index
        JOIN runs r ON r.run_id = s.run_id
        WHERE s.run_id = 1
          AND COALESCE(s.finish_ms, r.end_ms) - b.finish_ms > 30 * 60000
        ORDER BY delay_min DESC, s.task_id;
        """

    static let delayedTasksCount = """
        -- query: delayed-tasks-count
        SELECT COUNT(*) AS delayed_tasks,
               MAX(s.finish_ms - b.finish_ms) / 60000.0 AS worst_delay_min
        FROM tasks s
        JOIN tasks b ON b.run_id = 2 AND b.task_id = s.task_id
        WHERE s.run_id = 1 AND s.finish_ms - b.finish_ms > 45 * 60000;
        """

    static let taskTimeline = """
        -- query: task-timeline
        SELECT time_s, event, from_state, to_state, detail
        FROM events_readable
        WHERE run_id = 1 AND entity = 'task' AND entity_id = 9
        ORDER BY seq;
        """

    static let taskAttempts = """
        -- query: task-attempts
        SELECT attempt, node_id, start_ms / 60000.0 AS start_min, end_ms / 60000.0 AS end_min, outcome
        FROM task_attempts
        WHERE run_id = 1 AND task_id = 9
        ORDER BY attempt;
        """

    static let requeuesPerOutage = """
        -- query: requeues-per-outage
        WITH outages AS (
            SELECT run_id, seq, time_ms,
                   ROW_NUMBER() OVER (PARTITION BY run_id ORDER BY seq) AS outage
            FROM account_timeline
            WHERE entity = 'account' AND to_state = 'keyInaccessible'
        )
        SELECT o.outage, o.time_ms / 60000.0 AS started_min, COUNT(e.seq) AS requeues
        FROM outages o
        LEFT JOIN events e ON e.run_id = o.run_id AND e.time_ms = o.time_ms AND e.seq > o.seq
            AND e.event = (SELECT code FROM event_names WHERE name = 'taskRequeued')
        WHERE o.run_id = 1
        GROUP BY o.outage
        ORDER BY o.outage;
        """

    static let accountStateIntervals = """
        -- query: account-state-intervals
        WITH changes AS (
            SELECT run_id, seq, time_ms, to_state AS state
            FROM account_timeline
            WHERE entity = 'account' AND event = 'stateChanged'
            UNION ALL
            SELECT run_id, -1, 0, 'accessible' FROM runs
        )
        SELECT c.state,
               c.time_ms / 60000.0 AS from_min,
               COALESCE(LEAD(c.time_ms) OVER (PARTITION BY c.run_id ORDER BY c.seq), r.end_ms) / 60000.0 AS to_min
        FROM changes c
        JOIN runs r ON r.run_id = c.run_id
        WHERE c.run_id = 1
        ORDER BY c.seq;
        """
}

extension DocumentedQuery {
    static let lostWorkByCause = """
        -- query: lost-work-by-cause
        SELECT run_id, cause, COUNT(*) AS requeues, SUM(lost_ms) / 1000 AS lost_seconds
        FROM task_requeues
        GROUP BY run_id, cause
        ORDER BY run_id, cause;
        """

    static let autoscaleDecisions = """
        -- query: autoscale-decisions
        SELECT a.time_ms / 60000.0 AS at_min, p.id AS pool, a.outcome, a.results
        FROM autoscale_runs a
        JOIN pools p ON p.run_id = a.run_id AND p.pool_index = a.pool_index
        WHERE a.run_id = 1
        ORDER BY a.evaluation;
        """
}
