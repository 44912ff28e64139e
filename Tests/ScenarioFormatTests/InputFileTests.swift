import Foundation
import Testing

@testable import ScenarioFormat

/// A scenario or trace that cannot be read is one line naming the path and the reason, found
/// before a byte is read: never a Foundation error dump, never a blocked read, never `/proc`
/// parsed as YAML.
@Suite(.timeLimit(.minutes(1)))
struct InputFileTests {
    /// The one error of a scenario file that must not load.
    private func failure(_ path: String) -> String {
        do {
            _ = try ScenarioLoader.load(path: path)
            return "loaded"
        } catch {
            return error.description
        }
    }

    /// A scenario in `directory` whose one job replays `trace`, and the error it fails with.
    private func traceFailure(_ trace: String, in directory: URL) throws -> String {
        let yaml = """
            name: traced
            pools: [{id: p1, dedicatedNodes: 1}]
            jobs:
              - id: j1
                pool: p1
                tasks: {arrival: {trace: \(trace)}}
            """
        let file = directory.appendingPathComponent("s.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        return failure(file.path)
    }

    @Test func aMissingScenarioIsOneLine() throws {
        let path = try temporaryDirectory().path + "/nope.yaml"
        #expect(failure(path) == "\(path): error: cannot read the scenario: no such file")
    }

    @Test func aDirectoryIsRefused() throws {
        let path = try temporaryDirectory().path
        #expect(failure(path) == "\(path): error: cannot read the scenario: it is a directory")
    }

    @Test func devNullIsRefusedAsADevice() {
        #expect(
            failure("/dev/null")
                == "/dev/null: error: cannot read the scenario: it is a character device, not a regular file")
    }

    @Test func aNamedPipeIsRefusedWithoutBlocking() throws {
        let path = try temporaryDirectory().path + "/pipe.yaml"
        try #require(mkfifo(path, 0o600) == 0)
        // Nothing ever writes to the pipe: reading it would block until the time limit.
        #expect(
            failure(path) == "\(path): error: cannot read the scenario: it is a named pipe (FIFO), not a regular file")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/status")))
    func aProcFileIsRefusedNotParsed() {
        #expect(
            failure("/proc/self/status")
                == "/proc/self/status: error: cannot read the scenario: it is a file of the kernel's proc file system, "
                + "not a regular file")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/sys/kernel")))
    func aSysFileIsRefusedNotParsed() throws {
        let path = "/sys/kernel/mm/transparent_hugepage/enabled"
        try #require(FileManager.default.fileExists(atPath: path))
        #expect(
            failure(path)
                == "\(path): error: cannot read the scenario: it is a file of the kernel's sysfs file system, not a "
                + "regular file")
    }

    @Test func aPathThroughAFileNamesTheReason() throws {
        let file = try temporaryDirectory().appendingPathComponent("plain.yaml")
        try "name: x\n".write(to: file, atomically: true, encoding: .utf8)
        let path = file.path + "/inner.yaml"
        #expect(failure(path) == "\(path): error: cannot read the scenario: a component of the path is not a directory")
    }

    @Test func aTooLongNameNamesTheReason() throws {
        let path = try temporaryDirectory().path + "/" + String(repeating: "n", count: 300) + ".yaml"
        #expect(failure(path) == "\(path): error: cannot read the scenario: a component of the path is too long")
    }

    @Test(.enabled(if: getuid() != 0, "root reads any file"))
    func anUnreadableScenarioSaysPermissionDenied() throws {
        let file = try temporaryDirectory().appendingPathComponent("secret.yaml")
        try "name: x\n".write(to: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: file.path)
        #expect(failure(file.path) == "\(file.path): error: cannot read the scenario: permission denied")
    }

    /// Errors no test can cause without starving other tests (`batchsimTests` causes EMFILE in a
    /// child process); each is said in words, not as `errno`.
    @Test func systemErrorsAreSaidInWords() {
        #expect(InputFileProblem(errno: EMFILE).reason == "too many open files")
        #expect(InputFileProblem(errno: ENFILE).reason == "too many open files")
        #expect(InputFileProblem(errno: ELOOP).reason == "too many levels of symbolic links")
        #expect(InputFileProblem(errno: ENOENT) == .missing)
        #expect(InputFileProblem(errno: EIO).reason == String(cString: strerror(EIO)))
    }

    @Test func aScenarioOverTheSizeLimitIsRefusedUnread() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("huge.yaml")
        #expect(FileManager.default.createFile(atPath: file.path, contents: nil))
        // Sparse: 16 MiB + 1 of zeros that take no disk and, refused by size, are never read.
        try FileHandle(forWritingTo: file).truncate(atOffset: 16 << 20 + 1)
        #expect(
            failure(file.path)
                == "\(file.path): error: the scenario file is 16777217 bytes; the limit is 16 MiB (16777216 bytes)")
    }

    @Test func aTraceThatIsANamedPipeIsRefusedWithoutBlocking() throws {
        let directory = try temporaryDirectory()
        try #require(mkfifo(directory.path + "/pipe.csv", 0o600) == 0)
        let path = directory.path + "/s.yaml"
        #expect(
            try traceFailure("pipe.csv", in: directory)
                == "\(path):6:30: error: trace: expected a readable CSV file, found a named pipe (FIFO) at '"
                + directory.path + "/pipe.csv'")
    }

    @Test func aTraceOverTheSizeLimitIsRefusedUnread() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let trace = directory.path + "/huge.csv"
        #expect(FileManager.default.createFile(atPath: trace, contents: nil))
        try FileHandle(forWritingTo: URL(fileURLWithPath: trace)).truncate(atOffset: 1 << 30)
        #expect(
            try traceFailure("huge.csv", in: directory)
                == "\(directory.path)/s.yaml:6:30: error: trace '\(trace)' is 1073741824 bytes; the limit is 256 MiB "
                + "(268435456 bytes)")
    }

    @Test func aTraceOfNULBytesFailsAtTheFirstByte() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let trace = directory.path + "/zeros.csv"
        #expect(FileManager.default.createFile(atPath: trace, contents: nil))
        // 200 MiB of NULs, under the size limit: refused after the first megabyte streams in.
        try FileHandle(forWritingTo: URL(fileURLWithPath: trace)).truncate(atOffset: 200 << 20)
        let started = ContinuousClock.now
        #expect(
            try traceFailure("zeros.csv", in: directory)
                == "\(trace):1:1: error: expected CSV text, found a NUL byte (0x00)")
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    @Test func anEndlessTraceLineIsRefusedAfterTheLineLimit() throws {
        let directory = try temporaryDirectory()
        let trace = directory.path + "/long.csv"
        try ("submit\n0\n" + String(repeating: "9", count: 70_000) + "\n").write(
            toFile: trace, atomically: true, encoding: .utf8)
        #expect(
            try traceFailure("long.csv", in: directory)
                == "\(trace):3:1: error: expected a CSV line of at most 65536 bytes, found a longer one")
    }

    @Test func aTraceOverTheRowLimitIsRefusedWhileStreaming() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let trace = directory.path + "/rows.csv"
        let rows = 2_000_000
        try Data(("submit\n" + String(repeating: "0\n", count: rows + 5)).utf8).write(to: URL(fileURLWithPath: trace))
        #expect(
            try traceFailure("rows.csv", in: directory)
                == "\(trace):\(rows + 2):1: error: the trace has more than 2000000 rows; the trace row limit (2000000) "
                + "keeps loading within seconds: split the trace over several jobs or scenarios")
    }

    @Test func aTraceLinkLeavingTheFolderIsRefusedWithoutEchoingTheFile() throws {
        let outside = try temporaryDirectory().appendingPathComponent("secret.csv")
        try "password-hunter2\n".write(to: outside, atomically: true, encoding: .utf8)
        let directory = try temporaryDirectory()
        try FileManager.default.createSymbolicLink(
            atPath: directory.path + "/link.csv", withDestinationPath: outside.path)
        let message = try traceFailure("link.csv", in: directory)
        #expect(
            message
                == "\(directory.path)/s.yaml:6:30: error: trace: expected a CSV file inside the scenario's folder, "
                + "found 'link.csv', a link to a file outside it; copy the trace next to the scenario")
        #expect(!message.contains("hunter2"))
    }

    @Test func aTraceInASubfolderOrThroughALinkInsideIsRead() throws {
        let directory = try temporaryDirectory()
        try FileManager.default.createDirectory(
            atPath: directory.path + "/traces", withIntermediateDirectories: true)
        try "submit,duration\n0,1m\n".write(
            toFile: directory.path + "/traces/t.csv", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: directory.path + "/alias.csv", withDestinationPath: "traces/t.csv")
        for trace in ["traces/t.csv", "./traces/../traces/t.csv", "alias.csv"] {
            #expect(try traceFailure(trace, in: directory) == "loaded", "\(trace)")
        }
    }
}
