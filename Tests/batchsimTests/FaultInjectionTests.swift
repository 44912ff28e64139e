import Foundation
import TestSupport
import Testing

/// Faults in the middle of writing outputs, injected with `strace -e inject` (where strace is
/// installed; the tests are skipped otherwise): whatever fails, the previous outputs stay as
/// they were, nothing half-written or hidden is left beside them, and the error is one line.
struct FaultInjectionTests {
    static let strace = straceExecutable

    /// Runs `batchsim` under strace with one syscall made to fail.
    static func runFailing(_ syscall: String, error: String, _ arguments: [String]) throws -> (
        status: Int32, standardError: String
    ) {
        guard let strace else { throw CocoaError(.featureUnsupported) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: strace)
        process.arguments =
            [
                "-f", "-qq", "-o", "/dev/null", "-e", "trace=\(syscall)", "-e", "inject=\(syscall):error=\(error)",
                CommandRunner.executable.path,
            ] + arguments
        process.currentDirectoryURL = CommandRunner.repositoryRoot
        let output = Pipe()
        let standardError = Pipe()
        process.standardOutput = output
        process.standardError = standardError
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = standardError.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        _ = outputData
        return (process.terminationStatus, String(decoding: errorData, as: UTF8.self))
    }

    static func contents(of folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    @Test(
        .enabled("strace is not installed: fault injection skipped") { straceExecutable != nil },
        arguments: [("renameat2", "EIO"), ("rename", "ENOSPC"), ("renameat", "ENOSPC")])
    func aFailingRenameLeavesThePreviousOutputsAsASet(syscall: String, error: String) throws {
        let folder = try CommandRunner.temporaryDirectory()
        let out = folder.appendingPathComponent("out")
        let first = try CommandRunner.run(["run", "Scenarios/worked-example.yaml", "--out", out.path, "--quiet"])
        #expect(first.status == 0, "\(first.standardError)")
        let before = try Self.contents(of: out)
        let second = try Self.runFailing(
            syscall, error: error, ["run", "Scenarios/key-disabled-45m.yaml", "--out", out.path, "--quiet"])
        if second.status == 0 {
            // This system's libraries did not use that call on this path: nothing was injected.
            return
        }
        #expect(second.status == 1, "\(second.standardError)")
        #expect(second.standardError.hasPrefix("error: "))
        #expect(second.standardError.split(separator: "\n").count == 1, "\(second.standardError)")
        #expect(!second.standardError.contains("batchsim-incomplete"), "the error names the hidden folder")
        #expect(try Self.contents(of: out) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out"])
    }
}

/// strace, where this machine has it.
let straceExecutable: String? = ["/usr/bin/strace", "/bin/strace"].first {
    FileManager.default.isExecutableFile(atPath: $0)
}
