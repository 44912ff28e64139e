import Foundation
import TestSupport
import Testing

/// Hostile input through the command line (issue 11, items 5 and 8): numbers at the 64-bit
/// bounds are one clear error with a usage exit status, never a trap, and `report` and `merge`
/// given a FIFO, a device or a directory fail at once, without opening it, and write nothing.
struct HostileInputCommandTests {
    static let scenario = "Tests/ExperimentsTests/Fixtures/outage-sweep.yaml"

    @Test(arguments: [
        (
            ["--set", "outage=-9223372036854775808..9223372036854775807/1"],
            "Error: outage: the range has more than 100000 values"
        ),
        (
            ["--set", "a=1..100000/1", "--set", "b=1..100000/1", "--set", "c=1..100000/1", "--set", "d=1..100000/1"],
            "Error: the grid has 100000 × 100000 × 100000 × 100000 points, more than 100000"
        ),
        (
            ["--set", "outage=10m,20m", "--replications", "100001"],
            "Error: --replications must be from 1 to 100000, found 100001"
        ),
        (
            ["--set", "outage=1..100000/1", "--replications", "11"],
            "Error: the sweep has 100000 points × 11 replications, more than 1000000 runs"
        ),
        (
            ["--set", "outage=10m", "--jobs", "9223372036854775807"],
            "Error: --jobs must be from 1 to 1024, found 9223372036854775807"
        ),
        (
            ["--set", "outage=10m", "--shard", "9223372036854775808/2"],
            "Error: --shard expects i/n (e.g. 2/8) or auto, found '9223372036854775808/2'"
        ),
    ])
    func sweepRefusesNumbersPastItsLimits(_ arguments: [String], _ message: String) throws {
        let out = try CommandRunner.temporaryDirectory().appendingPathComponent("out").path
        let outcome = try CommandRunner.run(["sweep", Self.scenario, "--out", out, "--quiet"] + arguments)
        #expect(outcome.status == 64)
        #expect(outcome.standardError.split(separator: "\n").first.map(String.init) == message)
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func shardAutoRefusesAnIndexAtTheInt64Bound() throws {
        let outcome = try CommandRunner.run(
            ["sweep", Self.scenario, "--set", "outage=10m", "--shard", "auto", "--quiet"],
            environment: ["BATCHSIM_SHARD_INDEX": "9223372036854775807", "BATCHSIM_SHARD_COUNT": "2"])
        #expect(outcome.status == 64)
        #expect(
            outcome.standardError.split(separator: "\n").first.map(String.init)
                == "Error: BATCHSIM_SHARD_INDEX=9223372036854775807 is not a shard of 2: expected 0 ≤ index < 2")
    }

    @Test func aTraceAskingForMoreSlotsThanInt32FailsToLoad() throws {
        let directory = try CommandRunner.temporaryDirectory()
        try Data("submit,requiredSlots\n0,4294967297\n".utf8).write(to: directory.appendingPathComponent("t.csv"))
        let scenario = directory.appendingPathComponent("s.yaml")
        try Data(
            """
            name: slots
            pools: [{id: p, dedicatedNodes: 1}]
            jobs: [{id: j, pool: p, tasks: {duration: 1m, arrival: {trace: t.csv}}}]

            """.utf8
        ).write(to: scenario)
        let out = directory.appendingPathComponent("out").path
        let outcome = try CommandRunner.run(["run", scenario.path, "--out", out])
        #expect(outcome.status == 1)
        #expect(
            outcome.standardError.hasPrefix(
                directory.path + "/t.csv:2:3: error: requiredSlots: expected an integer from 1 to 1000000, "
                    + "found '4294967297'\n"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    /// A FIFO, a character device and a directory, each given to `report` and to `merge`.
    static func specialFiles() throws -> [(path: String, kind: String)] {
        let fifo = try CommandRunner.temporaryDirectory().appendingPathComponent("events.sqlite").path
        #expect(mkfifo(fifo, 0o600) == 0)
        return [(fifo, "a FIFO"), ("/dev/null", "a character device"), (NSTemporaryDirectory(), "a directory")]
    }

    @Test func reportOfAFIFOOrDeviceFailsAtOnce() throws {
        for (path, kind) in try Self.specialFiles() {
            let out = try CommandRunner.temporaryDirectory().appendingPathComponent("out").path
            // A regression would block in open(2) on the FIFO: the timeout turns that into a failure.
            let outcome = try CommandRunner.run(["report", path, "--out", out], timeout: 30)
            #expect(!outcome.timedOut, "\(kind)")
            #expect(outcome.status == 1, "\(kind)")
            #expect(outcome.standardError == "error: \(path): not a regular file (\(kind))\n")
            #expect(!FileManager.default.fileExists(atPath: out))
        }
    }

    @Test func mergeOfAFIFOOrDeviceFailsAtOnce() throws {
        for (path, kind) in try Self.specialFiles() {
            let out = try CommandRunner.temporaryDirectory().appendingPathComponent("out").path
            let outcome = try CommandRunner.run(["merge", out, path], timeout: 30)
            #expect(!outcome.timedOut, "\(kind)")
            #expect(outcome.status == 1, "\(kind)")
            #expect(outcome.standardError == "error: \(path): not a regular file (\(kind))\n")
            #expect(!FileManager.default.fileExists(atPath: out))
        }
    }
}
