import BatchModel
import EventStore
import Foundation
import TestSupport
import Testing

/// `batchsim merge` on a sweep database whose values were edited (issue 11, item 5): `merge`
/// multiplies points by replications and looks grid values up by point, so each is checked
/// against the grid and `SweepLimits` first.
struct TamperedSweepTests {
    /// Two outages × two replications, each run with a count and a cost.
    static let database: String = {
        let runs = (0..<4).map { index in
            SweepRecord.Run(
                point: index / 2, replication: index % 2, seed: UInt64(index),
                values: [("outage", index / 2 == 0 ? "10m" : "20m")],
                metrics: [("tasks.completed", .count(3)), ("cost.total", .cost(1.5))])
        }
        let record = SweepRecord(
            scenario: "tiny", scenarioPath: "tiny.yaml", toolVersion: "test", replications: 2,
            variables: [("outage", ["10m", "20m"])], runs: runs)
        let path = try! CommandRunner.temporaryDirectory().appendingPathComponent("sweep.sqlite").path
        try! SweepStore.write(record, to: path)
        return path
    }()

    static func failure(_ path: String) -> String? {
        do {
            _ = try SweepStore.read(path)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func theUntouchedDatabaseReads() throws {
        #expect(Self.failure(Self.database) == nil)
        #expect(try SweepStore.read(Self.database).runs.count == 4)
    }

    @Test(arguments: [
        (
            "UPDATE sweep_runs SET point = 9223372036854775807 WHERE run_id = 0",
            "run 0 is point 9223372036854775807 replication 0; the sweep has points 0 to 1 and replications 0 to 1"
        ),
        (
            "UPDATE sweep_runs SET replication = -9223372036854775808 WHERE run_id = 3",
            "run 3 is point 1 replication -9223372036854775808; the sweep has points 0 to 1 and replications 0 to 1"
        ),
        (
            "UPDATE sweep SET value = '9223372036854775807' WHERE key = 'replications'",
            "replications is '9223372036854775807', expected 1 to 100000"
        ),
        ("UPDATE sweep SET value = '0' WHERE key = 'replications'", "replications is '0', expected 1 to 100000"),
        ("DELETE FROM sweep WHERE key = 'replications'", "replications is missing, expected 1 to 100000"),
        (
            "UPDATE sweep_variables SET position = 7",
            "sweep_variables has position 7 value_index 0 out of sequence (expected positions and value indices "
                + "0, 1, 2, …)"
        ),
        (
            "UPDATE sweep_variables SET value_index = 5 WHERE value_index = 1",
            "sweep_variables has position 0 value_index 5 out of sequence (expected positions and value indices "
                + "0, 1, 2, …)"
        ),
        // Five more variables of eleven values each: 2 × 11⁵ = 322,102 points.
        (
            """
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 54)
            INSERT INTO sweep_variables SELECT 1 + i / 11, i % 11, 'v' || (i / 11), i % 11 FROM n
            """,
            "the grid has more than 100000 points"
        ),
        (
            "UPDATE sweep_metrics SET raw = -1 WHERE name = 'tasks.completed' AND run_id = 2",
            "metric 'tasks.completed' of run 2 has raw -1, outside 0 to 1152921504606846976"
        ),
        (
            "UPDATE sweep_metrics SET value = -9e999 WHERE name = 'cost.total' AND run_id = 1",
            "metric 'cost.total' of run 1 has cost -inf, expected a finite number of at least 0"
        ),
    ])
    func anEditedValueIsNamed(_ sql: String, _ message: String) throws {
        let path = try TamperedFile.copy(of: Self.database, applying: sql)
        #expect(Self.failure(path) == "inconsistent sweep database: " + message)
    }

    @Test(arguments: [
        ("UPDATE sweep SET value = '2' WHERE key = 'schemaVersion'", "its schemaVersion is '2'; batchsim writes 1"),
        ("DROP VIEW sweep_run_metrics; DROP TABLE sweep_metrics", "no table 'sweep_metrics'"),
    ])
    func aDatabaseOfAnotherShapeIsNotOurs(_ sql: String, _ why: String) throws {
        let path = try TamperedFile.copy(of: Self.database, applying: sql)
        #expect(Self.failure(path) == "not a batchsim sweep database (\(why))")
    }

    @Test func anEventLogIsNotASweepDatabase() {
        #expect(Self.failure(TamperedLogTests.log) == "not a batchsim sweep database (no table 'sweep')")
    }

    /// The command line: one line naming the part, exit status 1, nothing written.
    @Test func mergeOfATamperedPartFailsWithoutWriting() throws {
        let path = try TamperedFile.copy(
            of: Self.database, applying: "UPDATE sweep_runs SET point = -9223372036854775808 WHERE run_id = 0")
        let out = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("merged").path
        let outcome = try CommandRunner.run(["merge", out, Self.database, path])
        #expect(outcome.status == 1)
        #expect(
            outcome.standardError
                == "error: \(path): inconsistent sweep database: run 0 is point -9223372036854775808 replication 0; "
                + "the sweep has points 0 to 1 and replications 0 to 1\n")
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
