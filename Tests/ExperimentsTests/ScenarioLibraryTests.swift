import BatchModel
import Experiments
import Foundation
import Reporting
import ScenarioFormat
import Testing

/// Every scenario in `Scenarios/` is a regression test of the product: its `expect:` block
/// must hold (SPEC §3 `expect:`).
struct ScenarioLibraryTests {
    static let directory: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("Scenarios")
    }()

    static let files: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        // scenario.schema.json is the format's JSON Schema, not a scenario.
        return names.filter { $0.hasSuffix(".yaml") || ($0.hasSuffix(".json") && !$0.hasSuffix(".schema.json")) }
            .sorted()
    }()

    /// Fixtures that show a setting or action Azure rejects, and so warn on purpose.
    static let expectedWarnings = [
        "purge-without-protection.yaml": 1,  // purge protection off
        "purge-under-protection.yaml": 1,  // the purge is rejected: it has no effect
        "start-task-fails-after-recovery.yaml": 1,  // a start task that always fails
    ]

    @Test func libraryHoldsAtLeastEighteenScenarios() {
        #expect(Self.files.count >= 18)
    }

    @Test(arguments: files)
    func scenarioMeetsItsExpectations(_ file: String) throws {
        let path = Self.directory.appendingPathComponent(file).path
        let loaded = try ScenarioLoader.load(path: path)
        #expect(loaded.scenario.description?.isEmpty == false, "every fixture says what it teaches")
        #expect(!loaded.expectations.isEmpty, "every fixture has an expect: block")
        // The same check `batchsim check` makes: replications, statistics and fingerprints included.
        let result = try #require(ScenarioCheck.run(path: path))
        #expect(result.errors.isEmpty, "\(result.errors)")
        for verdict in result.verdicts {
            #expect(verdict.passed, "\(file):\(verdict.expectation.location.line): \(verdict.line)")
        }
        #expect(result.fingerprintPassed, "\(file): \(result.fingerprintLine ?? "")")
    }

    @Test(arguments: files)
    func scenarioLoadsWithoutWarnings(_ file: String) throws {
        let loaded = try ScenarioLoader.load(path: Self.directory.appendingPathComponent(file).path)
        let expected = Self.expectedWarnings[file] ?? 0
        #expect(loaded.warnings.count == expected, "\(loaded.warnings.map(\.description))")
    }
}
