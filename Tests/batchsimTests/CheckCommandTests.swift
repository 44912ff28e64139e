import Foundation
import TestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `batchsim check`: verdicts, counts, exit status and JUnit output.
struct CheckCommandTests {
    static let passing = """
        name: check-pass
        description: four one-hour tasks on two nodes
        pools: [{id: pool, dedicatedNodes: 2}]
        jobs: [{id: job, pool: pool, tasks: {count: 4, duration: 1h}}]
        expect:
          tasks.completed: 4
          tasks.makespanSeconds: 7200
          account.outages: {atMost: 0}
        """

    static let failing = """
        name: check-fail
        description: the same, with two wrong expectations
        pools: [{id: pool, dedicatedNodes: 2}]
        jobs: [{id: job, pool: pool, tasks: {count: 4, duration: 1h}}]
        expect:
          tasks.completed: 4
          tasks.makespanSeconds: 3600
          nodes.billedNodeSeconds: {approx: 10000, tolerance: 100}
        """

    static let misspelt = """
        name: check-misspelt
        pools: [{id: pool, dedicatedNodes: 2}]
        jobs: [{id: job, pool: pool, tasks: {count: 4, duration: 1h}}]
        expect:
          tasks.complete: 4
        """

    static func directory(_ files: [String: String]) throws -> URL {
        let directory = try CommandRunner.temporaryDirectory()
        for (name, text) in files {
            try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return directory
    }

    @Test func passingScenariosExitZeroWithTheCount() throws {
        let directory = try Self.directory(["a.yaml": Self.passing])
        let outcome = try CommandRunner.run(["check", directory.path])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.hasSuffix("3 passed, 0 failed\n"))
        #expect(outcome.standardOutput.contains("PASS tasks.makespanSeconds: expected 7200, got 7200"))
    }

    @Test func failuresExitNonZeroAndShowExpectedAndActual() throws {
        let directory = try Self.directory([
            "a.yaml": Self.passing, "b.yaml": Self.failing, "c.yaml": Self.misspelt,
        ])
        let outcome = try CommandRunner.run(["check", directory.path, "--jobs", "2"])
        #expect(outcome.status == 1)
        let output = outcome.standardOutput
        #expect(output.contains("FAIL tasks.makespanSeconds: expected 3600, got 7200 (difference 3600)"))
        // 2 nodes billed for the 2-hour run: 14400 node-seconds.
        #expect(output.contains("FAIL nodes.billedNodeSeconds: expected 10000 ± 100, got 14400 (difference 4400)"))
        // An unknown metric is a validation error of the file, with a suggestion.
        #expect(output.contains("error: expect: unknown metric 'tasks.complete'; did you mean 'tasks.completed'?"))
        // a.yaml: 3 passed; b.yaml: 1 passed, 2 failed; c.yaml does not load: 1 failed.
        #expect(output.hasSuffix("4 passed, 3 failed\n"))
        // Results come in file order whatever finishes first.
        let a = try #require(output.range(of: "a.yaml"))
        let b = try #require(output.range(of: "b.yaml"))
        let c = try #require(output.range(of: "c.yaml"))
        #expect(a.lowerBound < b.lowerBound && b.lowerBound < c.lowerBound)
    }

    @Test func junitOutputIsWellFormedWithCorrectCounts() throws {
        let directory = try Self.directory(["a.yaml": Self.passing, "b.yaml": Self.failing])
        let junit = directory.appendingPathComponent("junit.xml")
        let outcome = try CommandRunner.run(["check", directory.path, "--junit", junit.path])
        #expect(outcome.status == 1)
        let data = try Data(contentsOf: junit)
        let counter = TestCaseCounter()
        let parser = XMLParser(data: data)
        parser.delegate = counter
        #expect(parser.parse(), "JUnit XML must be well-formed")
        #expect(counter.testCases == 6)
        #expect(counter.failures == 2)
        #expect(counter.rootAttributes["tests"] == "6")
        #expect(counter.rootAttributes["failures"] == "2")
    }

    @Test func updateRewritesExactValuesAndFingerprintsKeepingCommentsAndLayout() throws {
        let original = """
            name: to-update
            pools: [{id: pool, dedicatedNodes: 2}]
            jobs: [{id: job, pool: pool, tasks: {count: 4, duration: 1h}}]
            expect:
              # exact values are rewritten; this comment stays
              tasks.completed: 3      # wrong on purpose
              tasks.makespanSeconds: {atLeast: 100}
              nodes.billedNodeSeconds: 1
              tasks.waitSeconds.p50: null
              fingerprint: 0000000000000000000000000000000000000000000000000000000000000000

            """
        let directory = try Self.directory(["u.yaml": original])
        let file = directory.appendingPathComponent("u.yaml")
        let before = try CommandRunner.run(["check", file.path])
        #expect(before.status == 1)
        #expect(before.standardOutput.hasSuffix("1 passed, 4 failed\n"))
        let update = try CommandRunner.run(["check", file.path, "--update"])
        #expect(update.status == 0)
        #expect(update.standardOutput.contains("updated 4 values in \(file.path)"))
        let updated = try String(contentsOf: file, encoding: .utf8)
        let originalLines = original.components(separatedBy: "\n")
        let updatedLines = updated.components(separatedBy: "\n")
        #expect(originalLines.count == updatedLines.count)
        // Only the four value lines changed, and only their values.
        let changed = zip(originalLines, updatedLines).filter { $0 != $1 }
        #expect(changed.map(\.1).count == 4)
        #expect(updatedLines[5] == "  tasks.completed: 4      # wrong on purpose")
        #expect(updatedLines[7] == "  nodes.billedNodeSeconds: 14400")
        // Two nodes, four one-hour tasks: the second pair waits an hour, the p50 of [0, 0, 3600, 3600] is 0.
        #expect(updatedLines[8] == "  tasks.waitSeconds.p50: 0")
        #expect(updatedLines[9].hasPrefix("  fingerprint: ") && !updatedLines[9].hasSuffix("0000"))
        #expect(updatedLines[4] == originalLines[4])
        let after = try CommandRunner.run(["check", file.path])
        #expect(after.status == 0)
        #expect(after.standardOutput.hasSuffix("5 passed, 0 failed\n"))
    }

    @Test func aWrongFingerprintFails() throws {
        let text = Self.passing + "\n  fingerprint: " + String(repeating: "ab", count: 32) + "\n"
        let directory = try Self.directory(["f.yaml": text])
        let outcome = try CommandRunner.run(["check", directory.path])
        #expect(outcome.status == 1)
        #expect(
            outcome.standardOutput.contains("FAIL fingerprint: expected \(String(repeating: "ab", count: 32)), got "))
        #expect(outcome.standardOutput.hasSuffix("3 passed, 1 failed\n"))
    }

    @Test func scenariosWithoutExpectationsAreSkipped() throws {
        let directory = try Self.directory([
            "plain.yaml":
                "name: plain\npools: [{id: p, dedicatedNodes: 1}]\njobs: [{id: j, pool: p, tasks: {count: 1, duration: 1m}}]\n"
        ])
        let outcome = try CommandRunner.run(["check", directory.path])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput == "0 passed, 0 failed\n")
    }
}

/// Counts test cases and failures while parsing JUnit XML.
final class TestCaseCounter: NSObject, XMLParserDelegate {
    var testCases = 0
    var failures = 0
    var rootAttributes: [String: String] = [:]

    func parser(
        _ parser: XMLParser,
        didStartElement elementName: String,
        namespaceURI: String?,
        qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch elementName {
        case "testsuites": rootAttributes = attributes
        case "testcase": testCases += 1
        case "failure": failures += 1
        default: break
        }
    }
}
