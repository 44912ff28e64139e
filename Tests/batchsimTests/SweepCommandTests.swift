import Foundation
import TestSupport
import Testing

/// `batchsim sweep` and `batchsim merge` end to end.
struct SweepCommandTests {
    static let scenario = "Tests/ExperimentsTests/Fixtures/outage-sweep.yaml"

    @Test func shardsMergedThroughTheCommandLineEqualTheWholeSweep() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let whole = directory.appendingPathComponent("whole").path
        let arguments = ["sweep", Self.scenario, "--set", "outage=10m..20m/10m", "--replications", "2", "--quiet"]
        #expect(try CommandRunner.run(arguments + ["--out", whole]).status == 0)
        for shard in ["1/2", "2/2"] {
            let outcome = try CommandRunner.run(arguments + ["--out", directory.path + "/parts", "--shard", shard])
            #expect(outcome.status == 0, "\(outcome.standardError)")
        }
        let merge = try CommandRunner.run([
            "merge", directory.path + "/merged",
            directory.path + "/parts/sweep-shard-1-of-2.sqlite", directory.path + "/parts/sweep-shard-2-of-2.sqlite",
        ])
        #expect(merge.status == 0, "\(merge.standardError)")
        #expect(merge.standardOutput == "merged 4 runs from 2 parts into \(directory.path)/merged\n")
        for file in ["sweep.csv", "sweep.json", "sweep.md"] {
            let a = try Data(contentsOf: URL(fileURLWithPath: whole + "/" + file))
            let b = try Data(contentsOf: directory.appendingPathComponent("merged/" + file))
            #expect(a == b, "\(file)")
        }
        let csv = try String(contentsOfFile: whole + "/sweep.csv", encoding: .utf8)
        // Restart at 30m + outage + 10m recovery: 50 and 60 minutes late, whatever the draws.
        #expect(csv.contains("\n0,10m,2,impact.makespanDelaySeconds,2,3000,0,3000,3000,3000,3000,3000\n"))
        #expect(csv.contains("\n1,20m,2,impact.makespanDelaySeconds,2,3600,0,3600,3600,3600,3600,3600\n"))
    }

    @Test func aGridValueTheScenarioRejectsFailsBeforeAnythingRuns() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let outcome = try CommandRunner.run([
            "sweep", Self.scenario, "--set", "outage=10m,soon", "--out", directory.path + "/out",
        ])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("found 'soon'"))
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/out"))
    }

    @Test func sharingWritesTheSameBytesAsSimulatingEveryRunAloneForAnyJobsAndShard() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let arguments = ["sweep", Self.scenario, "--set", "outage=10m..40m/10m", "--replications", "3", "--quiet"]
        let variants: [(name: String, flags: [String])] = [
            ("alone", ["--no-share", "--jobs", "2"]), ("shared1", ["--jobs", "1"]), ("shared2", ["--jobs", "2"]),
            ("shard", ["--jobs", "2", "--shard", "2/3"]), ("shardAlone", ["--no-share", "--shard", "2/3"]),
        ]
        for variant in variants {
            let outcome = try CommandRunner.run(
                arguments + variant.flags + ["--out", directory.appendingPathComponent(variant.name).path])
            #expect(outcome.status == 0, "\(outcome.standardError)")
        }
        func bytes(_ name: String, _ file: String) throws -> Data {
            try Data(contentsOf: directory.appendingPathComponent("\(name)/\(file)"))
        }
        for file in ["sweep.csv", "sweep.json", "sweep.md", "sweep.html", "sweep.sqlite"] {
            let alone = try bytes("alone", file)
            #expect(try bytes("shared1", file) == alone, "\(file) with --jobs 1")
            #expect(try bytes("shared2", file) == alone, "\(file) with --jobs 2")
        }
        let shard = "sweep-shard-2-of-3.sqlite"
        #expect(try bytes("shard", shard) == bytes("shardAlone", shard), "a shard's database")
    }

    @Test func anUnknownVariableIsRejected() throws {
        let outcome = try CommandRunner.run(["sweep", Self.scenario, "--set", "outgae=1h"])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("did you mean 'outage'?"))
    }

    @Test func eventsJoinTheSweepDatabaseAndMergeStillReadsIt() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let out = directory.appendingPathComponent("out").path
        let outcome = try CommandRunner.run([
            "sweep", Self.scenario, "--set", "outage=10m,20m", "--replications", "2", "--events", "--out", out,
            "--quiet",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let database = out + "/sweep.sqlite"
        // The same file is an event log: `report` finds no plain scenario run in it, but reads it.
        let report = try CommandRunner.run(["report", database, "--out", directory.appendingPathComponent("r").path])
        #expect(report.standardError.contains("no scenario run"))
        let merge = try CommandRunner.run(["merge", directory.appendingPathComponent("merged").path, database])
        #expect(merge.status == 0, "\(merge.standardError)")
        let a = try Data(contentsOf: URL(fileURLWithPath: out + "/sweep.csv"))
        let b = try Data(contentsOf: directory.appendingPathComponent("merged/sweep.csv"))
        #expect(a == b)
    }

    @Test func anInterruptedSweepWithPartialKeepsTheCompletedPoints() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let out = directory.appendingPathComponent("out")
        let process = try Self.startLongSweep(into: out, partial: true)
        usleep(3_000_000)
        try #require(process.isRunning, "the sweep finished before it could be interrupted")
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        let csv = try String(contentsOf: out.appendingPathComponent("sweep.csv"), encoding: .utf8)
        let rows = csv.split(separator: "\n").filter { $0.contains(",tasks.submitted,") }
        // Some points finished, not all 200, and every point kept has all 40 replications.
        #expect(!rows.isEmpty && rows.count < 200)
        #expect(rows.allSatisfy { $0.split(separator: ",")[2] == "40" })
        let indices = rows.compactMap { Int($0.split(separator: ",")[0]) }
        #expect(indices == indices.sorted())
    }

    @Test func anInterruptedSweepWithoutPartialLeavesThePreviousResultsAsTheyWere() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let out = directory.appendingPathComponent("out")
        let previous = try CommandRunner.run([
            "sweep", Self.scenario, "--set", "outage=10m,20m", "--out", out.path, "--quiet",
        ])
        #expect(previous.status == 0, "\(previous.standardError)")
        let before = try Self.contents(of: out)
        let process = try Self.startLongSweep(into: out)
        usleep(3_000_000)
        try #require(process.isRunning, "the sweep finished before it could be interrupted")
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationStatus == 143)
        #expect(try Self.contents(of: out) == before)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(siblings.sorted() == ["out"], "no staging folder is left behind")
    }

    /// Every file of a folder with its bytes.
    static func contents(of folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    @Test(arguments: [(SIGTERM, Int32(143)), (SIGINT, Int32(130))])
    func aSecondSignalStopsTheSweepAtOnceWithItsOwnStatus(signalNumber: Int32, status: Int32) throws {
        let directory = try CommandRunner.temporaryDirectory()
        let process = try Self.startLongSweep(into: directory.appendingPathComponent("out"))
        usleep(1_500_000)
        try #require(process.isRunning, "the sweep finished before it could be interrupted")
        kill(process.processIdentifier, signalNumber)
        usleep(100_000)
        kill(process.processIdentifier, signalNumber)
        process.waitUntilExit()
        #expect(process.terminationStatus == status)
        #expect(process.terminationReason == .exit)
    }

    /// Starts a sweep of 8,000 runs in the background, each simulated apart (`--no-share`;
    /// `--partial` implies it): long enough to be interrupted.
    private static func startLongSweep(into out: URL, partial: Bool = false) throws -> Process {
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments =
            [
                "sweep", scenario, "--set", "outage=1m..200m/1m", "--replications", "40", "--jobs", "2",
                "--out", out.path, "--quiet",
            ] + (partial ? ["--partial"] : ["--no-share"])
        process.currentDirectoryURL = CommandRunner.repositoryRoot
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }
}
