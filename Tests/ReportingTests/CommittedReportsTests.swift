import Foundation
import Reporting
import TestSupport
import Testing

/// `Reports/<name>/` holds committed reports of flagship scenarios (made by
/// `scripts/regenerate-reports.sh`). They must match what the code produces now: run the
/// scenario `Scenarios/<name>.yaml` in-process and compare bytes.
struct CommittedReportsTests {
    static let directory = CommandRunner.repositoryRoot.appendingPathComponent("Reports")

    static let names: [String] = {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return entries.filter {
            FileManager.default.fileExists(atPath: directory.appendingPathComponent("\($0)/summary.json").path)
        }.sorted()
    }()

    @Test func threeFlagshipReportsAreCommitted() {
        #expect(Self.names.count >= 3, "Reports/ holds \(Self.names)")
    }

    @Test(arguments: names)
    func committedReportsMatchTheCode(_ name: String) throws {
        let input = try ReportFixture.run(file: "Scenarios/\(name).yaml")
        let folder = Self.directory.appendingPathComponent(name)
        let fix = "run scripts/regenerate-reports.sh"
        let summary = try String(contentsOf: folder.appendingPathComponent("summary.json"), encoding: .utf8)
        #expect(summary == input.document.json(), "Reports/\(name)/summary.json is stale: \(fix)")
        let markdown = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(markdown == MarkdownReport.render(input), "Reports/\(name)/report.md is stale: \(fix)")
        let html = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html == HTMLReport.render(input), "Reports/\(name)/report.html is stale: \(fix)")
    }
}
