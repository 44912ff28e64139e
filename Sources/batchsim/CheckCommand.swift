import ArgumentParser
import Experiments
import Foundation
import Reporting

/// `batchsim check [PATH...]`: runs every scenario with an `expect:` block and reports each
/// expectation's verdict; exits non-zero if any fails (SPEC §5).
///
/// ```
/// $ batchsim check Scenarios/worked-example.yaml
/// PASS Scenarios/worked-example.yaml (worked-example)
///   PASS tasks.requeued: expected 10, got 10
///   ...
/// 9 passed, 0 failed
/// ```
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run scenarios with expect: blocks and report each expectation's verdict."
    )

    @Argument(help: "Scenario files or directories, searched recursively (default: Scenarios).")
    var paths: [String] = []

    @Option(help: "Also write the verdicts as JUnit XML to this file.")
    var junit: String?

    @OptionGroup var parallel: JobsOptions

    @Flag(help: "Print only failures and the final count.")
    var quiet = false

    @Flag(help: "Rewrite failing exact values and fingerprints in the files with the actual ones.")
    var update = false

    func run() throws {
        let files = try ScenarioFiles.find(in: paths.isEmpty ? ["Scenarios"] : paths)
        if let junit {
            do {
                try OutputPlan(inputs: files, outputs: [(junit, "--junit")]).validate()
            } catch {
                Terminal.printError(error.description)
                throw ExitCode.failure
            }
        }
        let results = ScenarioCheck.runAll(
            files, jobs: parallel.count, computeFingerprint: update
        ) { result in
            if let result { print(Self.render(result, quiet: quiet), terminator: "") }
        }
        if update { try rewrite(results) }
        let passed = results.reduce(0) { $0 + $1.passedCount }
        let failed = results.reduce(0) { $0 + $1.failedCount }
        if let junit {
            do {
                try OutputFiles.write(JUnitReport.xml(results), to: junit)
            } catch {
                Terminal.printError(error.description)
                throw ExitCode.failure
            }
        }
        print("\(passed) passed, \(failed) failed" + (update && failed > 0 ? " (before --update)" : ""))
        if failed > 0 && !update { throw ExitCode.failure }
    }

    /// `--update`: exact values and fingerprints take the actual values; other failures
    /// (ranges, statistics, files that do not load) are left for a person to judge.
    private func rewrite(_ results: [ScenarioCheckResult]) throws {
        for result in results {
            let edits = ExpectationUpdater.edits(for: result)
            guard !edits.isEmpty else { continue }
            let text = try String(contentsOfFile: result.path, encoding: .utf8)
            guard let updated = ExpectationUpdater.apply(edits, to: text) else {
                Terminal.printError("\(result.path): cannot update: an expected value is not where the loader saw it")
                continue
            }
            try OutputFiles.write(updated, to: result.path)
            print("updated \(edits.count) value\(edits.count == 1 ? "" : "s") in \(result.path)")
        }
    }

    static func render(_ result: ScenarioCheckResult, quiet: Bool) -> String {
        guard !quiet || !result.passed else { return "" }
        var out = "\(result.passed ? "PASS" : "FAIL") \(result.path) (\(result.scenarioName))\n"
        for error in result.errors { out += "  \(error)\n" }
        for verdict in result.verdicts where !quiet || !verdict.passed {
            out += "  \(verdict.line)\n"
        }
        if let line = result.fingerprintLine, !quiet || !result.fingerprintPassed { out += "  \(line)\n" }
        return out
    }
}
