import ArgumentParser
import Foundation

/// `--jobs N`: how many simulations run at once, shared by `check` and `sweep`. It bounds every
/// simulating thread, and results never depend on it.
struct JobsOptions: ParsableArguments {
    @Option(help: "Simulations at once (default: the number of cores); bounds every simulating thread.")
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, found \(jobs)") }
    }

    /// The number asked for, or the number of cores.
    var count: Int { jobs ?? ProcessInfo.processInfo.activeProcessorCount }
}
