import Foundation
import TestSupport
import Testing

/// End-to-end tests of `batchsim run`: the built binary on fixtures, compared with committed
/// golden output.
struct RunCommandTests {
    static let golden = CommandRunner.repositoryRoot.appendingPathComponent("Tests/batchsimTests/Golden")

    @Test func runPrintsTheImpactTableAndWritesTheGoldenSummary() throws {
        let out = try CommandRunner.temporaryDirectory()
        let outcome = try CommandRunner.run(["run", "Scenarios/worked-example.yaml", "--out", out.path])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let expectedTable = try String(
            contentsOf: Self.golden.appendingPathComponent("worked-example.txt"), encoding: .utf8)
        #expect(outcome.standardOutput.replacingOccurrences(of: out.path, with: "OUT") == expectedTable)
        let summary = try String(contentsOf: out.appendingPathComponent("summary.json"), encoding: .utf8)
        let expectedSummary = try String(
            contentsOf: Self.golden.appendingPathComponent("worked-example.summary.json"),
            encoding: .utf8
        )
        #expect(summary == expectedSummary)
    }

    @Test func statsSayHowMuchTheBaselineShared() throws {
        // worked-example.yaml disables its key at 30 min: the runs share 0..30 min.
        let directory = try CommandRunner.temporaryDirectory()
        let arguments = ["run", "Scenarios/worked-example.yaml", "--stats", "--quiet", "--no-events", "--no-report"]
        let shared = try CommandRunner.run(arguments + ["--out", directory.appendingPathComponent("a").path])
        #expect(shared.status == 0, "\(shared.standardError)")
        #expect(shared.standardError.contains("0.5 h of simulated time"), "\(shared.standardError)")
        let alone = try CommandRunner.run(
            arguments + ["--no-share", "--out", directory.appendingPathComponent("b").path])
        #expect(alone.standardError.contains("shared with the baseline: nothing (--no-share)"))
        let a = try Data(contentsOf: directory.appendingPathComponent("a/summary.json"))
        let b = try Data(contentsOf: directory.appendingPathComponent("b/summary.json"))
        #expect(a == b)
    }

    @Test func sameScenarioAndSeedGiveByteIdenticalSummaries() throws {
        let first = try CommandRunner.temporaryDirectory()
        let second = try CommandRunner.temporaryDirectory()
        for out in [first, second] {
            let outcome = try CommandRunner.run([
                "run", "Scenarios/key-disabled-45m.yaml", "--out", out.path, "--quiet",
            ])
            #expect(outcome.status == 0)
        }
        let a = try Data(contentsOf: first.appendingPathComponent("summary.json"))
        let b = try Data(contentsOf: second.appendingPathComponent("summary.json"))
        #expect(a == b)
        #expect(!a.isEmpty)
    }

    @Test func anotherSeedChangesARandomScenario() throws {
        let first = try CommandRunner.temporaryDirectory()
        let second = try CommandRunner.temporaryDirectory()
        _ = try CommandRunner.run(["run", "Scenarios/key-disabled-45m.yaml", "--out", first.path, "--quiet"])
        _ = try CommandRunner.run([
            "run", "Scenarios/key-disabled-45m.yaml", "--out", second.path, "--quiet", "--seed", "8",
        ])
        let a = try String(contentsOf: first.appendingPathComponent("summary.json"), encoding: .utf8)
        let b = try String(contentsOf: second.appendingPathComponent("summary.json"), encoding: .utf8)
        #expect(a.contains("\"seed\": 7,"))
        #expect(b.contains("\"seed\": 8,"))
        #expect(a != b)
    }

    @Test func noBaselineLeavesOutBaselineAndImpactMetrics() throws {
        let outcome = try CommandRunner.run([
            "run", "Scenarios/worked-example.yaml", "--no-baseline", "--json", "--out",
            try CommandRunner.temporaryDirectory().path,
        ])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.contains("\"tasks.makespanSeconds\": 6600"))
        #expect(!outcome.standardOutput.contains("baseline."))
        #expect(!outcome.standardOutput.contains("impact."))
    }

    @Test func aBrokenScenarioFailsWithALocatedErrorAndWritesNothing() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let file = directory.appendingPathComponent("broken.yaml")
        try "name: broken\npools:\n  - id: p\n    dedicatedNodez: 2\njobs: []\n".write(
            to: file,
            atomically: true,
            encoding: .utf8
        )
        let out = directory.appendingPathComponent("out")
        let outcome = try CommandRunner.run(["run", file.path, "--out", out.path])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("broken.yaml:4:5: error:"))
        #expect(outcome.standardError.contains("dedicatedNodes"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func aMalformedSetOptionIsRejected() throws {
        let outcome = try CommandRunner.run(["run", "Scenarios/worked-example.yaml", "--set", "novalue"])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("name=value"))
    }
}
