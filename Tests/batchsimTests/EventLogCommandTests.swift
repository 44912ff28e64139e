import Foundation
import TestSupport
import Testing

/// `batchsim run`'s event log from the outside (issue 4): where it is written, that
/// `batchsim report` rebuilds the run's summary from it byte for byte, and that an
/// interrupted or killed run never leaves a partial file at the destination.
struct EventLogCommandTests {
    static let sqliteHeader = Data("SQLite format 3\0".utf8)

    static func contents(of directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    @Test(arguments: [
        ["Scenarios/worked-example.yaml"],
        ["Scenarios/key-disabled-45m.yaml"],
        ["Scenarios/retrying-client-during-outage.yaml", "--no-baseline"],
    ])
    func reportRebuildsTheRunsSummaryByteForByte(_ arguments: [String]) throws {
        let out = try CommandRunner.temporaryDirectory()
        let run = try CommandRunner.run(["run"] + arguments + ["--out", out.path, "--quiet"])
        #expect(run.status == 0, "\(run.standardError)")
        let written = try Data(contentsOf: out.appendingPathComponent("summary.json"))

        let again = try CommandRunner.temporaryDirectory()
        let report = try CommandRunner.run([
            "report", out.appendingPathComponent("events.sqlite").path, "--out", again.path,
        ])
        #expect(report.status == 0, "\(report.standardError)")
        #expect(try Data(contentsOf: again.appendingPathComponent("summary.json")) == written)

        // Without --out the summary goes beside the log: the same bytes again.
        try FileManager.default.removeItem(at: out.appendingPathComponent("summary.json"))
        let beside = try CommandRunner.run(["report", out.appendingPathComponent("events.sqlite").path])
        #expect(beside.status == 0, "\(beside.standardError)")
        #expect(try Data(contentsOf: out.appendingPathComponent("summary.json")) == written)
    }

    @Test func runWritesTheLogBesideTheSummaryByDefault() throws {
        let out = try CommandRunner.temporaryDirectory()
        let run = try CommandRunner.run(["run", "Scenarios/worked-example.yaml", "--out", out.path])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(try Self.contents(of: out) == ["events.sqlite", "report.html", "report.md", "summary.json"])
        let log = try Data(contentsOf: out.appendingPathComponent("events.sqlite"))
        #expect(log.prefix(16) == Self.sqliteHeader)
        #expect(run.standardOutput.contains("and \(out.path)/events.sqlite"))
    }

    @Test func noEventsWritesNoDatabase() throws {
        let out = try CommandRunner.temporaryDirectory()
        let run = try CommandRunner.run(["run", "Scenarios/worked-example.yaml", "--out", out.path, "--no-events"])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(try Self.contents(of: out) == ["report.html", "report.md", "summary.json"])
        #expect(!run.standardOutput.contains("events.sqlite"))
    }

    @Test func dbWritesTheLogWhereItSays() throws {
        let out = try CommandRunner.temporaryDirectory()
        let elsewhere = try CommandRunner.temporaryDirectory().appendingPathComponent("nested/dir/custom.sqlite")
        let run = try CommandRunner.run([
            "run", "Scenarios/worked-example.yaml", "--out", out.path, "--db", elsewhere.path, "--quiet",
        ])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(try Self.contents(of: out) == ["report.html", "report.md", "summary.json"])
        #expect(try Self.contents(of: elsewhere.deletingLastPathComponent()) == ["custom.sqlite"])
        #expect(try Data(contentsOf: elsewhere).prefix(16) == Self.sqliteHeader)

        let again = try CommandRunner.temporaryDirectory()
        let report = try CommandRunner.run(["report", elsewhere.path, "--out", again.path])
        #expect(report.status == 0, "\(report.standardError)")
        #expect(
            try Data(contentsOf: again.appendingPathComponent("summary.json"))
                == Data(contentsOf: out.appendingPathComponent("summary.json"))
        )
    }

    @Test func reportRefusesAFileThatIsNotAnEventLog() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let notALog = directory.appendingPathComponent("events.sqlite")
        try Data("{\"not\": \"a database\"}\n".utf8).write(to: notALog)
        let out = directory.appendingPathComponent("out")
        let report = try CommandRunner.run(["report", notALog.path, "--out", out.path])
        #expect(report.status != 0)
        #expect(report.standardError.contains("error:"))
        #expect(!FileManager.default.fileExists(atPath: out.path))

        let missing = try CommandRunner.run(["report", directory.appendingPathComponent("nothing.sqlite").path])
        #expect(missing.status != 0)
        #expect(missing.standardError.contains("no such file"))
    }
}

/// A run stopped mid-write by a signal. Each test starts a scenario big enough to take
/// seconds in a debug build, with an older log at the destination, and signals it once its
/// temporary file holds more than a megabyte of rows.
@Suite(.serialized)
struct InterruptedRunTests {
    /// 300,000 one-minute tasks on 80 slots: a few seconds of simulation and writing in a
    /// debug build, far more than the moment it takes to get past the first megabyte.
    static let bigScenario = """
        name: big
        pools: [{id: pool, dedicatedNodes: 20, taskSlotsPerNode: 4}]
        jobs: [{id: job, pool: pool, tasks: {count: 300000, duration: 1m, arrival: {every: 1s}}}]

        """

    struct Setup {
        var directory: URL
        var destination: URL
        var out: URL
        var oldLog: Data
        var process: Process
    }

    /// Writes an older log (the worked example's) at the destination, then starts the big
    /// run with `--db` pointing at it and waits until its temporary file is past 1 MB.
    static func startBigRun() throws -> Setup? {
        let directory = try CommandRunner.temporaryDirectory()
        let destination = directory.appendingPathComponent("logs/events.sqlite")
        let out = directory.appendingPathComponent("out")
        let older = try CommandRunner.run([
            "run", "Scenarios/worked-example.yaml", "--out", directory.appendingPathComponent("older").path,
            "--db", destination.path, "--quiet",
        ])
        #expect(older.status == 0, "\(older.standardError)")
        let oldLog = try Data(contentsOf: destination)
        let scenario = directory.appendingPathComponent("big.yaml")
        try bigScenario.write(to: scenario, atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = ["run", scenario.path, "--out", out.path, "--db", destination.path, "--quiet"]
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()

        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            if !process.isRunning {
                Issue.record("the big run ended (status \(process.terminationStatus)) before it could be interrupted")
                return nil
            }
            let size =
                temporaryFiles(in: destination.deletingLastPathComponent())
                .compactMap { try? FileManager.default.attributesOfItem(atPath: $0.path)[.size] as? Int }
                .max() ?? 0
            if size > 1 << 20 {
                return Setup(directory: directory, destination: destination, out: out, oldLog: oldLog, process: process)
            }
            usleep(5_000)
        }
        process.terminate()
        Issue.record("the big run's temporary log never grew past 1 MB")
        return nil
    }

    /// `.events.sqlite.batchsim-incomplete-<pid>` files in `directory`.
    static func temporaryFiles(in directory: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasPrefix(".events.sqlite.batchsim-incomplete-") }.map {
            directory.appendingPathComponent($0)
        }
    }

    @Test(arguments: [(SIGTERM, Int32(143)), (SIGINT, Int32(130)), (SIGHUP, Int32(129)), (SIGXFSZ, Int32(153))])
    func aSignalStopsTheRunCleanlyAndKeepsThePreviousLog(_ signal: Int32, _ status: Int32) throws {
        guard let setup = try Self.startBigRun() else { return }
        kill(setup.process.processIdentifier, signal)
        setup.process.waitUntilExit()
        #expect(setup.process.terminationReason == .exit)
        #expect(setup.process.terminationStatus == status)
        #expect(try Data(contentsOf: setup.destination) == setup.oldLog)
        #expect(Self.temporaryFiles(in: setup.destination.deletingLastPathComponent()).isEmpty)
        #expect(
            try EventLogCommandTests.contents(of: setup.destination.deletingLastPathComponent()) == ["events.sqlite"])
        #expect(!FileManager.default.fileExists(atPath: setup.out.appendingPathComponent("summary.json").path))
    }

    @Test func aKilledRunNeverTouchesTheDestinationAndTheNextRunReclaimsItsLeftovers() throws {
        guard let setup = try Self.startBigRun() else { return }
        kill(setup.process.processIdentifier, SIGKILL)
        setup.process.waitUntilExit()
        #expect(setup.process.terminationReason == .uncaughtSignal)
        #expect(try Data(contentsOf: setup.destination) == setup.oldLog)
        // The temporary file stays behind (nothing could remove it), named after its dead builder.
        let leftovers = Self.temporaryFiles(in: setup.destination.deletingLastPathComponent())
        #expect(
            leftovers.map(\.lastPathComponent) == [
                ".events.sqlite.batchsim-incomplete-\(setup.process.processIdentifier)"
            ])
        #expect(!FileManager.default.fileExists(atPath: setup.out.appendingPathComponent("summary.json").path))
        // The next run into the same destination removes it: its builder is gone.
        let next = try CommandRunner.run([
            "run", "Scenarios/worked-example.yaml", "--out", setup.out.path, "--db", setup.destination.path, "--quiet",
        ])
        #expect(next.status == 0, "\(next.standardError)")
        #expect(Self.temporaryFiles(in: setup.destination.deletingLastPathComponent()).isEmpty)
        #expect(FileManager.default.fileExists(atPath: setup.out.appendingPathComponent("summary.json").path))
    }
}
