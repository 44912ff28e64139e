import Foundation
import TestSupport
import Testing

/// Inputs that cannot be read, as the command line shows them: one line naming the path and the
/// reason, then the verdict; never a Foundation error dump, a blocked read or a file's contents.
@Suite(.timeLimit(.minutes(1)))
struct InputErrorCommandTests {
    @Test func validateNamesEachUnreadableInputOnOneLine() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let pipe = directory.appendingPathComponent("pipe.yaml").path
        try #require(mkfifo(pipe, 0o600) == 0)
        let outcome = try CommandRunner.run(["validate", "/dev/null", pipe, directory.path])
        #expect(outcome.status == 1)
        #expect(
            outcome.standardOutput.split(separator: "\n") == [
                "/dev/null: error: cannot read the scenario: it is a character device, not a regular file",
                "/dev/null: 1 error",
                "\(pipe): error: cannot read the scenario: it is a named pipe (FIFO), not a regular file",
                "\(pipe): 1 error",
                "\(directory.path): error: cannot read the scenario: it is a directory",
                "\(directory.path): 1 error",
            ])
    }

    @Test func runPointsAtTheFirstBadByte() throws {
        let file = try CommandRunner.temporaryDirectory().appendingPathComponent("latin1.yaml")
        try Data(Array("name: caf".utf8) + [0xE9, 0x0A]).write(to: file)
        let outcome = try CommandRunner.run(["run", file.path])
        #expect(outcome.status == 1)
        #expect(outcome.standardError == "\(file.path):1:10: error: invalid UTF-8 (byte 0xE9: incomplete sequence)\n")
    }

    @Test func aTraceOutsideTheFolderIsRefusedWithoutShowingIt() throws {
        let file = try CommandRunner.temporaryDirectory().appendingPathComponent("s.yaml")
        try """
        name: peek
        pools: [{id: p1, dedicatedNodes: 1}]
        jobs: [{id: j1, pool: p1, tasks: {arrival: {trace: /etc/passwd}}}]

        """.write(to: file, atomically: true, encoding: .utf8)
        let outcome = try CommandRunner.run(["validate", file.path])
        #expect(outcome.status == 1)
        #expect(
            outcome.standardOutput
                == "\(file.path):3:52: error: trace: expected a CSV file inside the scenario's folder, found "
                + "'/etc/passwd', an absolute path; copy the trace next to the scenario\n\(file.path): 1 error\n")
        #expect(!outcome.standardOutput.contains("root:"))
    }

    /// `autoscale` and `import` read through the same door as `run`: a named pipe is refused before it
    /// can block, a directory is named as one, and bytes that are not UTF-8 point at the first bad byte.
    @Test func formulaAndImportInputsAreRefusedOnOneLine() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let pipe = directory.appendingPathComponent("formula.fifo").path
        try #require(mkfifo(pipe, 0o600) == 0)
        let fifo = try CommandRunner.run(["autoscale", pipe])
        #expect(fifo.status == 1)
        #expect(
            fifo.standardError
                == "\(pipe): error: cannot read the formula: it is a named pipe (FIFO), not a regular file\n")
        let folder = try CommandRunner.run(["autoscale", directory.path])
        #expect(folder.status == 1)
        #expect(folder.standardError == "\(directory.path): error: cannot read the formula: it is a directory\n")
        let latin1 = directory.appendingPathComponent("pool.json")
        try Data(Array("{\"id\": \"caf".utf8) + [0xE9, 0x22, 0x7D]).write(to: latin1)
        let out = directory.appendingPathComponent("imported.yaml").path
        let imported = try CommandRunner.run(["import", latin1.path, pipe, "--out", out])
        #expect(imported.status == 1)
        #expect(
            imported.standardError
                == "\(latin1.path):1:12: error: invalid UTF-8 (byte 0xE9: incomplete sequence)\n"
                + "\(pipe): error: cannot read the Azure JSON: it is a named pipe (FIFO), not a regular file\n")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    /// A real EMFILE: `run` holds a few more descriptors when it opens the scenario than the
    /// dynamic loader needs at start-up, so some small limit lets it start and then run out.
    @Test func runningOutOfFileDescriptorsSaysSo() throws {
        let scenario = CommandRunner.repositoryRoot.appendingPathComponent("Scenarios/worked-example.yaml").path
        let out = try CommandRunner.temporaryDirectory()
        let expected = "\(scenario): error: cannot read the scenario: too many open files\n"
        var seen: [String] = []
        for limit in 5...16 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = [
                "-c", "ulimit -n \(limit) && exec \"$0\" \"$@\"", CommandRunner.executable.path, "run", scenario,
                "--no-events", "--no-report", "--quiet", "--out", out.appendingPathComponent("\(limit)").path,
            ]
            let error = Pipe()
            process.standardError = error
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            seen.append("\(limit): \(message)")
            if message == expected { break }
        }
        #expect(seen.last?.hasSuffix(expected) == true, "\(seen)")
    }

    @Test func reportNamesAnUnreadableLogOnce() throws {
        let log = try CommandRunner.temporaryDirectory().appendingPathComponent("events.sqlite")
        try Data(String(repeating: "not a database\n", count: 100).utf8).write(to: log)
        let outcome = try CommandRunner.run(["report", log.path])
        #expect(outcome.status == 1)
        #expect(outcome.standardError == "error: \(log.path): not a batchsim event log (not an SQLite database)\n")
    }

    @Test func aDescriptorLimitTooSmallToStartIsNamed() throws {
        let scenario = CommandRunner.repositoryRoot.appendingPathComponent("Scenarios/worked-example.yaml").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [
            "-c", "ulimit -n 4 && exec \"$0\" \"$@\"", CommandRunner.executable.path, "run", scenario,
            "--no-events", "--no-report", "--quiet", "--out", try CommandRunner.temporaryDirectory().path,
        ]
        let error = Pipe()
        process.standardError = error
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 1)
        #expect(message == "error: too many open files: the limit is 4 (ulimit -n); batchsim needs at least 5\n")
    }
}
