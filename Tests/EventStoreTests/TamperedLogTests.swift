import Foundation
import Reporting
import ScenarioFormat
import TestSupport
import Testing

/// `batchsim report` on an event log whose values were edited (issue 11, item 5): every time,
/// id, state, detail, end time and metric is checked before a report uses it, so each edit is
/// one "inconsistent event log" error naming the row, and a foreign file is "not a batchsim
/// event log"; never a trap.
struct TamperedLogTests {
    /// Two nodes, three 10-minute tasks, the key disabled at 5m and enabled at 6m (recovery
    /// 10m): tasks 0 and 1 start at 0, are requeued at 5m, restart when the account is
    /// accessible again at 16m and finish at 26m; task 2 runs from 26m to 36m, the end
    /// (2,160,000 ms). Sequence numbers of the events used below: 0 `nodeAdded` (node 0),
    /// 8 `taskStarted` (task 0 on node 0), 11 `actionApplied` (key 0, entry 0), 12 the account's
    /// `stateChanged` to keyInaccessible, 19 the account accessible again at 960,000 ms,
    /// 20 node 0 back to idle at 960,000 ms, 27 task 0 completed.
    static let scenario = """
        name: tiny
        pools: [{id: p, dedicatedNodes: 2}]
        jobs: [{id: j, pool: p, tasks: {count: 3, duration: 10m}}]
        timeline:
          - {at: 5m, action: disableKey, key: cmk}
          - {at: 6m, action: enableKey, key: cmk}

        """ + EventLogFixture.cmkAccount

    static let log: String = {
        let loaded = try! ScenarioLoader.load(text: scenario, path: "<tiny>")
        return try! EventLogFixture.build(loaded, withBaseline: false).path
    }()

    /// What reading the log for a report throws, or nil when it reads.
    static func failure(_ path: String) -> String? {
        do {
            _ = try ReportInput(eventLog: path)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func theUntouchedLogReads() {
        #expect(Self.failure(Self.log) == nil)
    }

    @Test(arguments: [
        (
            "UPDATE events SET time_ms = -9223372036854775808 WHERE seq = 20",
            "event 20 of run 1 has time_ms -9223372036854775808, outside the run (0 to 2160000)"
        ),
        (
            "UPDATE events SET time_ms = 9223372036854775807 WHERE seq = 20",
            "event 20 of run 1 has time_ms 9223372036854775807, outside the run (0 to 2160000)"
        ),
        (
            "UPDATE events SET time_ms = 1000 WHERE seq = 20",
            "event 20 of run 1 has time_ms 1000, before the previous event's 960000"
        ),
        (
            "UPDATE events SET entity_id = 9223372036854775807 WHERE seq = 20",
            "event 20 of run 1 has entity_id 9223372036854775807, but the run has 2 nodes (0 to 1)"
        ),
        (
            "UPDATE events SET entity_id = -1 WHERE seq = 27",
            "event 27 of run 1 has entity_id -1, but the run has 3 tasks (0 to 2)"
        ),
        (
            "UPDATE events SET entity_type = 9223372036854775807 WHERE seq = 20",
            "event 20 of run 1 has entity_type 9223372036854775807, expected 0 to 7"
        ),
        ("UPDATE events SET event = -1 WHERE seq = 20", "event 20 of run 1 has event -1, expected 0 to 19"),
        (
            "UPDATE events SET to_state = 9 WHERE seq = 20",
            "event 20 of run 1 has to_state 9, which is not a state of a node"
        ),
        (
            "UPDATE events SET from_state = 0 WHERE seq = 11",
            "event 11 of run 1 has from_state 0, which is not a state of a key"
        ),
        (
            "UPDATE events SET detail = 5 WHERE seq = 0",
            "event 0 of run 1 (nodeAdded) has detail 5, expected a pool from 0 to 0"
        ),
        (
            "UPDATE events SET detail = 9223372036854775807 WHERE seq = 8",
            "event 8 of run 1 (taskStarted) has detail 9223372036854775807, expected a node from 0 to 1"
        ),
        (
            "UPDATE events SET detail = 300 WHERE seq = 12",
            "event 12 of run 1 (stateChanged) has detail 300, expected -1 or an access problem code"
        ),
        (
            "UPDATE events SET detail = 2 WHERE seq = 11",
            "event 11 of run 1 (actionApplied) has detail 2, expected a timeline entry from 0 to 1"
        ),
    ])
    func anEditedEventIsNamed(_ sql: String, _ message: String) throws {
        let path = try TamperedFile.copy(of: Self.log, applying: sql)
        #expect(Self.failure(path) == "inconsistent event log: " + message)
    }

    @Test(arguments: [
        (
            "UPDATE runs SET end_ms = 9223372036854775807",
            "run 1 has end_ms 9223372036854775807, outside 0 to 2592000000 (the 30-day cap)"
        ),
        (
            "UPDATE runs SET end_ms = -9223372036854775808",
            "run 1 has end_ms -9223372036854775808, outside 0 to 2592000000 (the 30-day cap)"
        ),
        (
            "UPDATE runs SET horizon_ms = 9223372036854775807",
            "run 1 has horizon_ms 9223372036854775807, outside 0 to 31622400000 (366 days)"
        ),
        (
            "UPDATE runs SET horizon_ms = 3600000, end_ms = 3600001",
            "run 1 has end_ms 3600001, outside 0 to 3600000 (its horizon)"
        ),
        // An end time within the cap but before the events: the first event after it is named.
        ("UPDATE runs SET end_ms = 1000", "event 11 of run 1 has time_ms 300000, outside the run (0 to 1000)"),
        (
            "UPDATE tasks SET finish_ms = -9223372036854775808 WHERE task_id = 2",
            "task 2 of run 1 has finish_ms -9223372036854775808, outside the run (0 to 2160000)"
        ),
        (
            "UPDATE pools SET pool_index = 7",
            "pools.pool_index of run 1 spans 7 to 7, expected 0 to 0 (one per row)"
        ),
        (
            "UPDATE nodes SET node_id = 9223372036854775807 WHERE node_id = 1",
            "nodes.node_id of run 1 spans 0 to 9223372036854775807, expected 0 to 1 (one per row)"
        ),
        (
            "UPDATE timeline SET time_ms = -1 WHERE entry_index = 1",
            "timeline entry 1 of run 1 has time_ms -1, before the run's start"
        ),
        (
            "UPDATE metrics SET raw = 9223372036854775807 WHERE name = 'tasks.completed'",
            "metric 'tasks.completed' of run 1 has raw 9223372036854775807, outside 0 to 1152921504606846976"
        ),
        (
            "UPDATE metrics SET raw = -9223372036854775808 WHERE name = 'tasks.makespanSeconds'",
            "metric 'tasks.makespanSeconds' of run 1 has raw -9223372036854775808, outside 0 to 1152921504606846976"
        ),
        (
            "UPDATE metrics SET raw = NULL WHERE name = 'tasks.completed'",
            "metric 'tasks.completed' of run 1 has no raw value"
        ),
        (
            "UPDATE metrics SET value = 9e999 WHERE name = 'cost.total'",
            "metric 'cost.total' of run 1 has cost inf, expected a finite number of at least 0"
        ),
        (
            "UPDATE metrics SET kind = 'bogus' WHERE name = 'tasks.completed'",
            "metric 'tasks.completed' of run 1 has kind 'bogus', expected count, seconds, cost or null"
        ),
    ])
    func anEditedRunTableIsNamed(_ sql: String, _ message: String) throws {
        let path = try TamperedFile.copy(of: Self.log, applying: sql)
        #expect(Self.failure(path) == "inconsistent event log: " + message)
    }

    @Test(arguments: [
        ("PRAGMA user_version = 0", "its PRAGMA user_version is 0; batchsim writes 4"),
        ("ALTER TABLE metrics RENAME TO old_metrics", "no table 'metrics'"),
        ("ALTER TABLE tasks RENAME COLUMN finish_ms TO finished", "table 'tasks' has no column 'finish_ms'"),
    ])
    func aLogOfAnotherShapeIsNotOurs(_ sql: String, _ why: String) throws {
        let path = try TamperedFile.copy(of: Self.log, applying: sql)
        #expect(Self.failure(path) == "not a batchsim event log (\(why))")
    }

    @Test func aForeignSQLiteFileIsNotOurs() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let empty = directory.appendingPathComponent("empty.sqlite").path
        try TamperedFile.execute("CREATE TABLE notes (text TEXT); PRAGMA user_version = 4;", on: empty)
        #expect(Self.failure(empty) == "not a batchsim event log (no table 'runs')")
        let text = directory.appendingPathComponent("text.sqlite")
        try Data("{\"not\": \"a database\"}\n".utf8).write(to: text)
        #expect(Self.failure(text.path) == "not a batchsim event log (not an SQLite database)")
    }

    @Test func everyFixturesLogStillReads() throws {
        for fixture in ConsistencyTests.fixtures {
            #expect(Self.failure(try EventLogFixture.shared(fixture).path) == nil, "\(fixture)")
        }
    }

    /// The command line: one line on standard error, exit status 1, no output directory.
    @Test func reportOnATamperedLogFailsWithoutWriting() throws {
        let path = try TamperedFile.copy(of: Self.log, applying: "UPDATE runs SET end_ms = -9223372036854775808")
        let out = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("out").path
        let outcome = try CommandRunner.run(["report", path, "--out", out])
        #expect(outcome.status == 1)
        #expect(
            outcome.standardError
                == "error: \(path): inconsistent event log: run 1 has end_ms -9223372036854775808, outside 0 to "
                + "2592000000 (the 30-day cap)\n")
        #expect(outcome.standardOutput.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
