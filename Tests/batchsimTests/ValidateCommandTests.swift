import Foundation
import TestSupport
import Testing

/// End-to-end tests of `batchsim validate`: compiler-style diagnostics, one verdict line per file, exit codes.
struct ValidateCommandTests {
    private func write(_ text: String, _ name: String) throws -> URL {
        let file = try CommandRunner.temporaryDirectory().appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func aValidScenarioIsOk() throws {
        let outcome = try CommandRunner.run(["validate", "Scenarios/worked-example.yaml"])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput == "Scenarios/worked-example.yaml: ok\n")
    }

    @Test func warningsPassUnlessStrict() throws {
        let path = "Scenarios/purge-without-protection.yaml"
        let outcome = try CommandRunner.run(["validate", path])
        #expect(outcome.status == 0)
        let lines = outcome.standardOutput.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix(path + ":") == true)
        #expect(lines.first?.contains(": warning: purge protection is off") == true)
        #expect(lines.last == "\(path): 1 warning")
        let strict = try CommandRunner.run(["validate", "--strict", path])
        #expect(strict.status == 1)
        #expect(strict.standardOutput.hasSuffix("\(path): 1 warning (errors under --strict)\n"))
    }

    @Test func everyErrorIsPrintedAndTheRunFails() throws {
        let file = try write(
            "name: broken\npools:\n  - id: p\n    dedicatedNodez: 2\njobs:\n  - {id: j, pool: q, tasks: {count: 1}}\n",
            "broken.yaml")
        let outcome = try CommandRunner.run(["validate", "Scenarios/worked-example.yaml", file.path])
        #expect(outcome.status == 1)
        let lines = outcome.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first == "Scenarios/worked-example.yaml: ok")
        #expect(lines.contains { $0.hasPrefix("\(file.path):4:5: error: unknown field 'dedicatedNodez'") })
        #expect(lines.contains { $0.hasPrefix("\(file.path):6:19: error: pool: expected a declared pool") })
        #expect(lines.last == "\(file.path): 3 errors")
    }

    @Test func variablesAreSetFromTheCommandLine() throws {
        let file = try write(
            "name: v\nvars: {nodes: 1}\npools: [{id: p, dedicatedNodes: '${nodes}'}]\n"
                + "jobs: [{id: j, pool: p, tasks: {count: 1, duration: 1m}}]\n", "vars.yaml")
        #expect(try CommandRunner.run(["validate", file.path, "--set", "nodes=3"]).status == 0)
        let bad = try CommandRunner.run(["validate", file.path, "--set", "nodes=-3"])
        #expect(bad.status == 1)
        #expect(bad.standardOutput.contains("dedicatedNodes: expected an integer from 0 to 1000000, found '-3'"))
        let unknown = try CommandRunner.run(["validate", file.path, "--set", "node=3"])
        #expect(unknown.standardOutput.contains("no variable 'node' is declared under 'vars'; did you mean 'nodes'?"))
    }
}
