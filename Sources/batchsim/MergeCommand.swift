import ArgumentParser
import EventStore
import Experiments
import Foundation

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
        // Every part is read and checked before anything is written: a bad part leaves `out` alone.
        var records: [SweepRecord] = []
        for path in parts {
            do {
                records.append(try SweepStore.read(path))
            } catch {
                Terminal.printError("error: \(path): \(error)")
                throw ExitCode.failure
            }
        }
        let merged: SweepRecord
        do {
            merged = try SweepResults.merge(records)
        } catch {
            Terminal.printError("error: \(error)")
            throw ExitCode.failure
        }
        let outputs = SweepResults.fileNames.map { (path: out + "/" + $0, option: "OUT") }
        do {
            try OutputPlan(inputs: parts, outputs: outputs, folders: [(out, "OUT")]).validate()
            let staged = try StagedDirectory(destination: out, owned: SweepResults.fileNames)
            try SweepResults.writeAll(merged, to: staged.path)
            try staged.commit()
        } catch let error as OutputError {
            Terminal.printError(error.description)
            throw ExitCode.failure
        }
        print("merged \(merged.runs.count) runs from \(parts.count) parts into \(out)")
    }
}
