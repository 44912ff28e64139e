import Foundation
import TestSupport
import Testing

/// The commands refuse outputs that would destroy an input or escape, with one line and a
/// non-zero exit, before anything is written (issue 11, classes 1, 2 and 4).
struct OutputCommandTests {
    static let tiny = """
        name: tiny
        pools: [{id: p, dedicatedNodes: 1}]
        jobs: [{id: j, pool: p, tasks: {count: 2, duration: 1m}}]

        """

    /// A fresh folder holding `tiny.yaml`.
    static func folderWithScenario(named name: String = "tiny.yaml") throws -> (folder: URL, scenario: URL) {
        let folder = try CommandRunner.temporaryDirectory()
        let scenario = folder.appendingPathComponent(name)
        try tiny.write(to: scenario, atomically: true, encoding: .utf8)
        return (folder, scenario)
    }

    @Test func runRefusesADatabaseThatIsTheScenario() throws {
        let (folder, scenario) = try Self.folderWithScenario()
        let out = folder.appendingPathComponent("out")
        let outcome = try CommandRunner.run(["run", scenario.path, "--out", out.path, "--db", scenario.path])
        #expect(outcome.status == 1)
        #expect(
            outcome.standardError
                == "error: \(scenario.path): --db would overwrite the input \(scenario.path); choose another path\n")
        #expect(try String(contentsOf: scenario, encoding: .utf8) == Self.tiny)
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func runRefusesADatabaseThatIsATrace() throws {
        let folder = try CommandRunner.temporaryDirectory()
        let trace = folder.appendingPathComponent("arrivals.csv")
        try "submit,duration\n0s,1m\n".write(to: trace, atomically: true, encoding: .utf8)
        let scenario = folder.appendingPathComponent("t.yaml")
        try """
        name: t
        pools: [{id: p, dedicatedNodes: 1}]
        jobs: [{id: j, pool: p, tasks: {arrival: {trace: arrivals.csv}}}]

        """.write(to: scenario, atomically: true, encoding: .utf8)
        let outcome = try CommandRunner.run([
            "run", scenario.path, "--out", folder.appendingPathComponent("out").path, "--db", trace.path,
        ])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("--db would overwrite the input \(trace.path)"))
        #expect(try String(contentsOf: trace, encoding: .utf8) == "submit,duration\n0s,1m\n")
    }

    @Test func runRefusesAScenarioCalledLikeAnOutputInItsOwnOutFolder() throws {
        let (folder, scenario) = try Self.folderWithScenario(named: "summary.json")
        let outcome = try CommandRunner.run(["run", scenario.path, "--out", folder.path])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("would overwrite the input"))
        #expect(try String(contentsOf: scenario, encoding: .utf8) == Self.tiny)
    }

    @Test func checkRefusesAJUnitFileThatIsAScenario() throws {
        let (_, scenario) = try Self.folderWithScenario()
        try (Self.tiny + "expect: {tasks.completed: 2}\n").write(to: scenario, atomically: true, encoding: .utf8)
        let outcome = try CommandRunner.run(["check", scenario.path, "--junit", scenario.path])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("--junit would overwrite the input"))
        #expect(try String(contentsOf: scenario, encoding: .utf8).hasSuffix("expect: {tasks.completed: 2}\n"))
    }

    @Test func runRefusesADeviceAsItsDatabase() throws {
        let (folder, scenario) = try Self.folderWithScenario()
        let outcome = try CommandRunner.run([
            "run", scenario.path, "--out", folder.appendingPathComponent("out").path, "--db", "/dev/null",
        ])
        #expect(outcome.status == 1)
        #expect(
            outcome.standardError == "error: /dev/null: --db is a character device; only regular files are replaced\n")
    }

    @Test func anEmptyOutIsAnError() throws {
        let (_, scenario) = try Self.folderWithScenario()
        let outcome = try CommandRunner.run(["run", scenario.path, "--out", ""])
        #expect(outcome.status == 1)
        #expect(outcome.standardError == "error: '': --out is empty: expected a path\n")
    }

    @Test func aSweepIntoTheScenariosFolderKeepsTheScenario() throws {
        let (folder, scenario) = try Self.folderWithScenario()
        let identity = try FileManager.default.attributesOfItem(atPath: scenario.path)[.systemFileNumber] as? Int
        let outcome = try CommandRunner.run(["sweep", scenario.path, "--out", folder.path, "--quiet"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(try String(contentsOf: scenario, encoding: .utf8) == Self.tiny)
        #expect(try FileManager.default.attributesOfItem(atPath: scenario.path)[.systemFileNumber] as? Int == identity)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["sweep.csv", "sweep.html", "sweep.json", "sweep.md", "sweep.sqlite", "tiny.yaml"])
    }

    @Test func aFolderHoldsExactlyTheLatestRunsOutputs() throws {
        let (folder, scenario) = try Self.folderWithScenario()
        let out = folder.appendingPathComponent("out")
        #expect(try CommandRunner.run(["run", scenario.path, "--out", out.path, "--quiet"]).status == 0)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
                == ["events.sqlite", "report.html", "report.md", "summary.json"])
        let second = try CommandRunner.run([
            "run", scenario.path, "--out", out.path, "--quiet", "--no-report", "--no-events",
        ])
        #expect(second.status == 0, "\(second.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["summary.json"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["out", "tiny.yaml"])
    }
}

/// The closing line of `run` and `report` lists what was written.
struct WroteLineTests {
    @Test func aSummaryAloneIsNamedAlone() throws {
        let (folder, scenario) = try OutputCommandTests.folderWithScenario()
        let out = folder.appendingPathComponent("out")
        let outcome = try CommandRunner.run(["run", scenario.path, "--out", out.path, "--no-events", "--no-report"])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.hasSuffix("wrote \(out.path)/summary.json\n"))
    }
}
