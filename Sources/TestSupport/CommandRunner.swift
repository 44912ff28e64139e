public import Foundation

/// Runs the built `batchsim` executable, the way a user or a CI pipeline does.
public enum CommandRunner {
    /// The result of one invocation.
    public struct Outcome: Sendable {
        public var status: Int32
        public var standardOutput: String
        public var standardError: String
        /// Whether the process was killed for outliving its timeout (or by anyone else's SIGKILL).
        public var timedOut = false
    }

    /// The `batchsim` binary next to the test bundle in `.build/<configuration>/`.
    public static var executable: URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if directory.lastPathComponent.hasSuffix(".xctest") { directory.deleteLastPathComponent() }
        let candidate = directory.appendingPathComponent("batchsim")
        if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        return repositoryRoot.appendingPathComponent(".build/debug/batchsim")
    }

    /// The repository's root directory (where `Package.swift` is).
    public static var repositoryRoot: URL {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }

    /// Runs `batchsim` with `arguments` in the repository root and waits for it.
    ///
    /// - Parameters:
    ///   - environment: variables added to this process's environment (`--shard auto` reads some).
    ///   - timeout: seconds after which the process is killed and `timedOut` set, for tests of
    ///     something that must fail at once rather than block (a FIFO): a regression then fails
    ///     the test instead of hanging the suite.
    public static func run(_ arguments: [String], environment: [String: String] = [:], timeout: Double? = nil)
        throws -> Outcome
    {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = repositoryRoot
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let identifier = process.processIdentifier
        let killer = DispatchWorkItem { kill(identifier, SIGKILL) }
        if let timeout { DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: killer) }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        killer.cancel()
        return Outcome(
            status: process.terminationStatus,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self),
            timedOut: process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
        )
    }

    /// A fresh, empty temporary directory.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("batchsim-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
