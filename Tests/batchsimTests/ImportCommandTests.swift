import Foundation
import TestSupport
import Testing

/// End-to-end tests of `batchsim import` (SPEC §8): the committed fixture re-imports byte for byte,
/// errors name their place and write nothing.
struct ImportCommandTests {
    static let root = CommandRunner.repositoryRoot
    static let documents = ["account.az", "job.az", "key-versions.az", "pool.az", "tasks.az", "vault.az"]
    /// The line below which the fixture was edited by hand (a timeline and an expect: block).
    static let handMarker = "# ---- added by hand below this line"

    /// Copies the fixture's documents into a fresh folder laid out as `Scenarios/` is.
    private func copyDocuments() throws -> URL {
        let directory = try CommandRunner.temporaryDirectory()
        let imported = directory.appendingPathComponent("imported")
        try FileManager.default.createDirectory(at: imported, withIntermediateDirectories: true)
        for name in Self.documents {
            try FileManager.default.copyItem(
                at: Self.root.appendingPathComponent("Scenarios/imported/\(name)"),
                to: imported.appendingPathComponent(name))
        }
        return directory
    }

    private func importArguments(_ directory: URL) -> [String] {
        ["import"] + Self.documents.map { directory.appendingPathComponent("imported/\($0)").path } + [
            "--out", directory.appendingPathComponent("imported-render-farm.yaml").path,
            "--price", "Standard_D4s_v3=0.192",
        ]
    }

    @Test func theCommittedFixtureIsWhatImportWritesAboveItsHandEditedPart() throws {
        let directory = try copyDocuments()
        let outcome = try CommandRunner.run(importArguments(directory))
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let written = try String(
            contentsOf: directory.appendingPathComponent("imported-render-farm.yaml"), encoding: .utf8)
        let fixture = try String(
            contentsOf: Self.root.appendingPathComponent("Scenarios/imported-render-farm.yaml"), encoding: .utf8)
        let marker = try #require(fixture.range(of: Self.handMarker))
        #expect(String(fixture[..<marker.lowerBound]) == written)
        let trace = try Data(contentsOf: directory.appendingPathComponent("imported-render-farm.trace.csv"))
        let committed = try Data(
            contentsOf: Self.root.appendingPathComponent("Scenarios/imported-render-farm.trace.csv"))
        #expect(trace == committed)
    }

    @Test func importingTwiceGivesTheSameBytesAndTheOutputValidates() throws {
        let directory = try copyDocuments()
        let scenario = directory.appendingPathComponent("imported-render-farm.yaml")
        #expect(try CommandRunner.run(importArguments(directory)).status == 0)
        let first = try Data(contentsOf: scenario)
        let again = try CommandRunner.run(importArguments(directory))
        #expect(again.status == 0)
        #expect(try Data(contentsOf: scenario) == first)
        #expect(again.standardOutput.hasPrefix("wrote "))
        #expect(again.standardError.contains("warning: allocation delays are not in the JSON"))
        let validate = try CommandRunner.run(["validate", "--strict", scenario.path])
        #expect(validate.status == 0, "\(validate.standardOutput)")
    }

    @Test func malformedJSONIsReportedWithLineAndColumnAndNothingIsWritten() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let bad = directory.appendingPathComponent("pool.json")
        try "{\n  \"id\": \"p\",\n  \"vmSize\" \"x\"\n}\n".write(to: bad, atomically: true, encoding: .utf8)
        let out = directory.appendingPathComponent("out.yaml")
        let outcome = try CommandRunner.run(["import", bad.path, "--out", out.path])
        #expect(outcome.status == 1)
        // Inside the scenario's folder, inputs are named relative to it, as the provenance comments name them.
        #expect(outcome.standardError == "pool.json:3:12: error: expected ':' after the key \"vmSize\", found '\"'\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["pool.json"])
    }

    @Test func aJobWhosePoolNoFileDefinesFailsAndWritesNothing() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let job = directory.appendingPathComponent("job.json")
        let pool = directory.appendingPathComponent("pool.json")
        try #"{"id": "j", "poolInfo": {"poolId": "missing"}}"#.write(to: job, atomically: true, encoding: .utf8)
        try #"{"id": "p", "vmSize": "x"}"#.write(to: pool, atomically: true, encoding: .utf8)
        let outcome = try CommandRunner.run(["import", job.path, pool.path, "--out", directory.path + "/s.yaml"])
        #expect(outcome.status == 1)
        #expect(
            outcome.standardError.contains(
                "job.json:1:36: error: job 'j' runs on pool 'missing', which no file defines"))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["job.json", "pool.json"])
    }

    @Test func theReadmeShowsHowToStartFromYourOwnEstate() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "## Start from your own estate"))
        let section = readme[start.upperBound...].prefix { _ in true }
        for command in [
            "az batch account show", "az keyvault show", "az keyvault key list-versions", "az batch pool show",
            "az batch job show", "az batch task list", "batchsim import",
        ] {
            #expect(section.contains(command), "\(command)")
        }
    }
}

/// `batchsim import` refuses to write over its own inputs.
struct ImportOutputSafetyTests {
    @Test func anOutputNamingAnInputIsRefusedAndTheInputKept() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let pool = directory.appendingPathComponent("pool.json")
        let text = #"{"id": "p", "vmSize": "x"}"#
        try text.write(to: pool, atomically: true, encoding: .utf8)
        let outcome = try CommandRunner.run(["import", pool.path, "--out", pool.path])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("error: the output would overwrite this input"))
        #expect(try String(contentsOf: pool, encoding: .utf8) == text)
    }
}
