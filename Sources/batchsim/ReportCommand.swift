import ArgumentParser
import EventStore
import Experiments
import Foundation
import Reporting

/// `batchsim report DB`: rebuilds `summary.json`, `report.md` and `report.html` from an event
/// log alone, byte-identical to the ones the run wrote (the charts replay the logged events).
///
/// ```
/// $ batchsim report Reports/worked-example/events.sqlite --out /tmp/again
/// ```
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Rebuild summary.json, report.md and report.html from an event log."
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
        let input: ReportInput
        do {
            input = try ReportInput(eventLog: database)
        } catch let error as SQLiteError where error.path != nil {
            Terminal.printError("error: \(error)")  // names the file already
            throw ExitCode.failure
        } catch {
            Terminal.printError("error: \(database): \(error)")
            throw ExitCode.failure
        }
        let directory = out ?? URL(fileURLWithPath: database).deletingLastPathComponent().path
        let outputs = [
            ("summary.json", input.document.json()),
            ("report.md", MarkdownReport.render(input)),
            ("report.html", HTMLReport.render(input)),
        ]
        do {
            // The folder is replaced as a whole; the log itself, if it lives there, is kept.
            try OutputPlan(
                inputs: [database], outputs: outputs.map { (directory + "/" + $0.0, "--out") },
                folders: [(directory, "--out")]
            ).validate()
            let staged = try StagedDirectory(destination: directory, owned: outputs.map(\.0))
            for (name, text) in outputs { try staged.write(text, name: name) }
            try staged.commit()
        } catch {
            Terminal.printError(error.description)
            throw ExitCode.failure
        }
        let written = outputs.map { directory + "/" + $0.0 }
        print(Terminal.wroteLine(written))
    }
}
