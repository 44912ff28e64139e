import BatchModel
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
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.sorted()
    }()

    @Test func libraryHoldsAtLeastEightScenarios() {
        #expect(Self.files.count >= 8)
    }

    @Test(arguments: files)
    func scenarioMeetsItsExpectations(_ file: String) throws {
        let path = Self.directory.appendingPathComponent(file).path
        let loaded = try ScenarioLoader.load(path: path)
        #expect(loaded.scenario.description?.isEmpty == false, "every fixture says what it teaches")
        #expect(!loaded.expectations.isEmpty, "every fixture has an expect: block")
        let run = ScenarioRun.execute(loaded.scenario)
        for verdict in ExpectationVerdict.judge(loaded.expectations, against: run.summary) {
            #expect(verdict.passed, "\(file):\(verdict.expectation.location.line): \(verdict.line)")
        }
    }

    @Test(arguments: files)
    func scenarioLoadsWithoutWarnings(_ file: String) throws {
        let loaded = try ScenarioLoader.load(path: Self.directory.appendingPathComponent(file).path)
        let expected = file.hasPrefix("purge-without-protection") ? 1 : 0
        #expect(loaded.warnings.count == expected, "\(loaded.warnings.map(\.description))")
    }
}
