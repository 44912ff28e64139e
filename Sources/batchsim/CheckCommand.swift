import ArgumentParser
import Dispatch
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

    @Option(help: "Scenarios to run at once (default: the number of cores).")
    var jobs: Int?

    @Flag(help: "Print only failures and the final count.")
    var quiet = false

    @Flag(help: "Rewrite failing exact values and fingerprints in the files with the actual ones.")
    var update = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, found \(jobs)") }
    }

    func run() throws {
        let files = try ScenarioFiles.find(in: paths.isEmpty ? ["Scenarios"] : paths)
        let workers = max(1, min(jobs ?? ProcessInfo.processInfo.activeProcessorCount, max(files.count, 1)))
        let results = ParallelChecks.run(files, workers: workers, fingerprint: update) { result in
            if let result { print(Self.render(result, quiet: quiet), terminator: "") }
        }
        if update { try rewrite(results) }
        let passed = results.reduce(0) { $0 + $1.passedCount }
        let failed = results.reduce(0) { $0 + $1.failedCount }
        if let junit { try OutputFiles.write(JUnitReport.xml(results), to: junit) }
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

/// Finds scenario files: given files as they are, directories searched recursively for
/// `.yaml`, `.yml` and `.json` files (schemas excepted), in sorted order.
enum ScenarioFiles {
    static func find(in paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ValidationError("\(path): no such file or directory")
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let entries = FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? []
            files += entries.filter(isScenario).sorted().map { (path as NSString).appendingPathComponent($0) }
        }
        return files
    }

    private static func isScenario(_ name: String) -> Bool {
        (name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name.hasSuffix(".json"))
            && !name.hasSuffix(".schema.json")
    }
}

/// Runs checks on a fixed number of worker threads and reports results in input order, each
/// as soon as it and every earlier one are done. With more than one worker, each scenario's
/// baseline runs on its worker's thread, so `workers` bounds every thread used.
enum ParallelChecks {
    static func run(
        _ files: [String],
        workers: Int,
        fingerprint: Bool,
        report: (ScenarioCheckResult?) -> Void
    ) -> [ScenarioCheckResult] {
        let state = CheckState(count: files.count)
        let group = DispatchGroup()
        for _ in 0..<workers {
            group.enter()
            let thread = Thread {
                while let index = state.nextIndex() {
                    let result = ScenarioCheck.run(
                        path: files[index],
                        baselineInParallel: workers == 1,
                        computeFingerprint: fingerprint
                    )
                    state.store(result, at: index)
                }
                group.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        var reported = 0
        while reported < files.count {
            let result = state.waitForResult(at: reported)
            report(result)
            reported += 1
        }
        group.wait()
        return state.allResults()
    }
}

/// Shared between check workers and the printing thread.
private final class CheckState: @unchecked Sendable {
    private let condition = NSCondition()
    private var next = 0
    private var results: [ScenarioCheckResult??]

    init(count: Int) {
        results = Array(repeating: nil, count: count)
    }

    func nextIndex() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        guard next < results.count else { return nil }
        next += 1
        return next - 1
    }

    func store(_ result: ScenarioCheckResult?, at index: Int) {
        condition.lock()
        results[index] = .some(result)
        condition.broadcast()
        condition.unlock()
    }

    func waitForResult(at index: Int) -> ScenarioCheckResult? {
        condition.lock()
        defer { condition.unlock() }
        while results[index] == nil { condition.wait() }
        return results[index] ?? nil
    }

    func allResults() -> [ScenarioCheckResult] {
        condition.lock()
        defer { condition.unlock() }
        return results.compactMap { $0 ?? nil }
    }
}
