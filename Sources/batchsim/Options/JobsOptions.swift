import ArgumentParser
import Foundation

/// `--jobs N`: how many simulations run at once, shared by `check` and `sweep`. It bounds every
/// simulating thread, and results never depend on it.
struct JobsOptions: ParsableArguments {
    /// Each job is a thread with an 8 MiB stack: a mistyped `--jobs 1000000` must be an error, not a
    /// process that dies creating threads.
    static let maximum = 1024

    @Option(
        help:
            "Simulations at once, 1 to \(Self.maximum) (default: the number of cores); bounds every simulating thread.")
    var jobs: Int?

    func validate() throws {
        if let jobs, !(1...Self.maximum).contains(jobs) {
            throw ValidationError("--jobs must be from 1 to \(Self.maximum), found \(jobs)")
        }
    }

    /// The number asked for, or the number of cores.
    var count: Int { jobs ?? ProcessInfo.processInfo.activeProcessorCount }
}
