import ArgumentParser
import EventStore
import Foundation
import Reporting

/// `batchsim report DB`: rebuilds `summary.json` from an event log alone, byte-identical to
/// the one the run wrote.
///
/// ```
/// $ batchsim report Reports/worked-example/events.sqlite --out /tmp/again
/// ```
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Rebuild summary.json from an event log."
    )

    @Argument(help: "The event log (events.sqlite) a run wrote.")
    var database: String

    @Option(help: "Output directory (default: the log's directory).")
    var out: String?

    func run() throws {
        guard FileManager.default.fileExists(atPath: database) else {
            Terminal.printError("error: \(database): no such file")
            throw ExitCode.failure
        }
        let document: SummaryDocument
        do {
            document = try SummaryDocument(storedRuns: EventLogReader.runs(at: database))
        } catch {
            Terminal.printError("error: \(database): \(error)")
            throw ExitCode.failure
        }
        let directory = out ?? URL(fileURLWithPath: database).deletingLastPathComponent().path
        try OutputFiles.write(document.json(), to: directory + "/summary.json")
        print("wrote \(directory)/summary.json")
    }
}
