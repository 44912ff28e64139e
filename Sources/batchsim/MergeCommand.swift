import ArgumentParser
import EventStore
import Experiments

/// `batchsim merge OUT PARTS...`: combines shard databases and recomputes the statistics.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine sweep shard databases into one sweep and recompute its statistics."
    )

    @Argument(help: "Output directory.")
    var out: String

    @Argument(help: "sweep.sqlite files written by sweep --shard.")
    var parts: [String]

    func run() throws {
        guard !parts.isEmpty else { throw ValidationError("merge needs at least one part") }
        let merged = try SweepResults.merge(parts.map { path in try SweepStore.read(path) })
        try SweepResults.writeAll(merged, to: out)
        print("merged \(merged.runs.count) runs from \(parts.count) parts into \(out)")
    }
}
