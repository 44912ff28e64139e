import Foundation
import TestSupport
import Testing

/// `batchsim run` writes `report.md` and `report.html` next to `summary.json`, and
/// `batchsim report DB` rebuilds all three from the event log alone, byte for byte.
struct ReportCommandTests {
    /// A flagship, and an autoscale pool whose chart and timeline lines come from `autoscale_runs`.
    @Test(arguments: ["Scenarios/rotation-done-wrong.yaml", "Scenarios/autoscale-skipped-during-outage.yaml"])
    func reportRebuildsTheRunsOutputsFromItsLog(_ scenario: String) throws {
        let out = try CommandRunner.temporaryDirectory()
        let run = try CommandRunner.run(["run", scenario, "--out", out.path, "--quiet"])
        #expect(run.status == 0, "\(run.standardError)")
        let again = try CommandRunner.temporaryDirectory()
        let report = try CommandRunner.run([
            "report", out.appendingPathComponent("events.sqlite").path, "--out", again.path,
        ])
        #expect(report.status == 0, "\(report.standardError)")
        for name in ["summary.json", "report.md", "report.html"] {
            let written = try Data(contentsOf: out.appendingPathComponent(name))
            let rebuilt = try Data(contentsOf: again.appendingPathComponent(name))
            #expect(!written.isEmpty)
            #expect(written == rebuilt, "\(name) of \(scenario) differs when rebuilt from the log")
        }
    }

    @Test func summaryNamesTheScenarioFileByItsSHA256() throws {
        let out = try CommandRunner.temporaryDirectory()
        _ = try CommandRunner.run(["run", "Scenarios/worked-example.yaml", "--out", out.path, "--quiet"])
        let summary = try String(contentsOf: out.appendingPathComponent("summary.json"), encoding: .utf8)
        let lines = summary.split(separator: "\n")
        #expect(lines[1] == "  \"scenario\": \"worked-example\",")
        #expect(lines[2].hasPrefix("  \"scenarioSHA256\": \"") && lines[2].count == 87)
    }

    @Test func pipedOutputHasNoColourOrProgress() throws {
        let outcome = try CommandRunner.run([
            "run", "Scenarios/worked-example.yaml", "--out", try CommandRunner.temporaryDirectory().path,
        ])
        #expect(!outcome.standardOutput.contains("\u{1B}["))
        #expect(!outcome.standardError.contains("\u{1B}["))
    }
}
