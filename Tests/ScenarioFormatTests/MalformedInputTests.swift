import ScenarioFormat
import Testing

/// One malformed scenario: the first error's exact place and a fragment of its message.
struct MalformedCase: CustomTestStringConvertible, Sendable {
    var label: String
    var yaml: String
    var line: Int
    var column: Int
    var fragment: String
    var testDescription: String { label }
}

private let head = """
    name: bad
    pools:
      - id: p1
        dedicatedNodes: 2

    """
// Lines 1-4 are `head`; what follows starts at line 5. `job()` ends on line 9 (its `extra`), unterminated.
private let tail = "\njobs: [{id: j, pool: p1, tasks: {count: 1, duration: 1s}}]\n"

private func job(_ tasks: String = "{count: 3, duration: 10m}", extra: String = "") -> String {
    head + """
        jobs:
          - id: j1
            pool: p1
            tasks: \(tasks)
        \(extra)
        """
}

let malformedCases: [MalformedCase] = [
    MalformedCase(
        label: "YAML syntax error", yaml: "name: x\npools: [a, b\njobs: []\n", line: 3, column: 5,
        fragment: "invalid YAML: did not find expected ',' or ']'"),
    MalformedCase(
        label: "bad indentation", yaml: "name: x\n  pools: 1\n", line: 2, column: 8,
        fragment: "invalid YAML: mapping values are not allowed in this context"),
    MalformedCase(
        label: "duplicate key", yaml: "name: x\nname: y\n", line: 1, column: 1, fragment: "duplicate key 'name'"),
    MalformedCase(
        label: "unknown top-level key", yaml: job() + "horizn: 1h", line: 9, column: 1,
        fragment: "unknown field 'horizn' in the scenario; did you mean 'horizon'?"),
    MalformedCase(
        label: "unknown pool key", yaml: "name: x\npools:\n  - id: p1\n    taskSlotPerNode: 2" + tail, line: 4,
        column: 5,
        fragment: "unknown field 'taskSlotPerNode' in pools[0]; did you mean 'taskSlotsPerNode'?"),
    MalformedCase(
        label: "wrong type", yaml: job(extra: "    priority: high"), line: 9, column: 15,
        fragment: "priority: expected an integer from -1000 to 1000, found 'high'"),
    MalformedCase(
        label: "bad duration", yaml: job("{count: 3, duration: 10 minutes}"), line: 8, column: 33,
        fragment: "duration: expected a duration such as 90s"),
    MalformedCase(
        label: "negative count", yaml: job("{count: -3, duration: 10m}"), line: 8, column: 20,
        fragment: "count: expected an integer from 0 to 20000000, found -3"),
    MalformedCase(
        label: "unknown pool reference",
        yaml: head + "jobs:\n  - id: j1\n    pool: p2\n    tasks: {count: 1, duration: 1m}\n", line: 7, column: 11,
        fragment: "pool: expected a declared pool ('p1'), found 'p2'; did you mean 'p1'?"),
    MalformedCase(
        label: "duplicate pool id",
        yaml: "name: x\npools:\n  - id: p1\n  - id: P1\njobs: [{id: j, pool: p1, tasks: {count: 1, duration: 1s}}]\n",
        line: 4, column: 9, fragment: "id: expected a pool id not used before, found 'P1' again"),
    MalformedCase(
        label: "priority out of range", yaml: job(extra: "    priority: 1001"), line: 9, column: 15,
        fragment: "priority: expected an integer from -1000 to 1000, found 1001"),
    MalformedCase(
        label: "taskSlotsPerNode 300",
        yaml: "name: x\npools:\n  - id: p1\n    taskSlotsPerNode: 300" + tail, line: 4, column: 23,
        fragment: "taskSlotsPerNode: expected an integer from 1 to 256, found 300"),
    MalformedCase(
        label: "missing name", yaml: "pools: []\n", line: 1, column: 1,
        fragment: "missing required field 'name' in the scenario"),
    MalformedCase(
        label: "missing count", yaml: job("{duration: 10m}"), line: 8, column: 12,
        fragment: "missing required field 'count' in tasks"),
    MalformedCase(
        label: "both at and after",
        yaml: job() + "timeline:\n  - at: 1h\n    after: 2h\n    action: deleteAccount\n", line: 11, column: 12,
        fragment: "timeline[0]: expected either 'at' or 'after', found both"),
    MalformedCase(
        label: "neither at nor after", yaml: job() + "timeline:\n  - action: deleteAccount\n", line: 10, column: 5,
        fragment: "expected 'at' (absolute time) or 'after' (relative to the previous entry), found neither"),
    MalformedCase(
        label: "invalid id", yaml: "name: x\npools:\n  - id: p 1\n  - id: p1" + tail, line: 3, column: 9,
        fragment: "id: expected an id of 1-64 letters, digits, hyphens and underscores, found 'p 1'"),
    MalformedCase(
        label: "bad enum with suggestion", yaml: "name: x\npools: [{id: p1, nodeFillType: packed}]" + tail, line: 2,
        column: 32, fragment: "nodeFillType: expected one of 'spread', 'pack', found 'packed'; did you mean 'pack'?"),
    MalformedCase(
        label: "failure probability above 1", yaml: job("{count: 1, duration: 1m, failureProbability: 1.5}"),
        line: 8, column: 57, fragment: "failureProbability: expected a probability from 0 to 1, found 1.5"),
    MalformedCase(
        label: "list instead of mapping", yaml: "name: x\naccount: [a]\npools: [{id: p1}]" + tail, line: 2, column: 10,
        fragment: "account: expected a mapping, found a list"),
    MalformedCase(
        label: "horizon over the limit", yaml: job() + "horizon: 400d", line: 9, column: 10,
        fragment: "horizon: expected at most 366d (the limit), found '400d'"),
    MalformedCase(
        label: "too many tasks", yaml: job("{count: 20000001, duration: 1m}"), line: 8, column: 20,
        fragment: "count: expected an integer from 0 to 20000000, found 20000001"),
    MalformedCase(
        label: "tasks over the total limit",
        yaml: job("{count: 15000000, duration: 1m}") + "  - {id: j2, pool: p1, tasks: {count: 6000000, duration: 1m}}",
        line: 9, column: 39, fragment: "more than 20000000 tasks (the limit)"),
    MalformedCase(
        label: "too many nodes",
        yaml: "name: x\npools:\n  - {id: p1, dedicatedNodes: 600000}\n  - {id: b, lowPriorityNodes: 600000}" + tail,
        line: 3, column: 3, fragment: "pools declare 1200000 initial nodes; the limit is 1000000"),
    MalformedCase(
        label: "retry client missing maxAttempts",
        yaml: job(extra: "    client: {onRejected: {retryEvery: 1m}}"), line: 9, column: 26,
        fragment: "missing required field 'maxAttempts' in onRejected"),
    MalformedCase(
        label: "two arrival forms", yaml: job("{count: 1, duration: 1m, arrival: {at: 0s, every: 1s}}"), line: 8,
        column: 46, fragment: "arrival: expected exactly one of at, every, poisson, trace, found at and every"),
    MalformedCase(
        label: "unknown permission",
        yaml: job() + "keyVault:\n  name: kv\n  accessPolicies: [{keyPermissions: [get, wrap]}]",
        line: 11, column: 43, fragment: "keyPermissions: expected one of 'get'"),
    MalformedCase(
        label: "empty jobs list", yaml: head + "jobs: []", line: 5, column: 7,
        fragment: "jobs: expected at least one entry"),
    MalformedCase(
        label: "seed negative", yaml: job() + "seed: -1", line: 9, column: 7,
        fragment: "seed: expected an integer from 0 to 18446744073709551615, found -1"),
    MalformedCase(
        label: "tab indentation", yaml: "name: x\npools:\n\t- id: p\n", line: 3, column: 1,
        fragment: "invalid YAML: found character that cannot start any token"),
]

@Suite struct MalformedInputTests {
    @Test(arguments: malformedCases)
    func reportsPlaceAndMessage(_ testCase: MalformedCase) throws {
        let found = errors(testCase.yaml, path: "bad.yaml")
        let first = try #require(found.first)
        #expect(first.location?.file == "bad.yaml")
        #expect(first.location?.line == testCase.line, "\(found)")
        #expect(first.location?.column == testCase.column, "\(found)")
        #expect(first.message.contains(testCase.fragment), "\(first.message)")
        #expect(first.description.hasPrefix("bad.yaml:\(testCase.line):\(testCase.column): error: "))
    }

    @Test func severalErrorsAreReportedInFileOrder() {
        let yaml = """
            name: several
            pools:
              - id: p1
                taskSlotsPerNode: 0
                nodeFillType: fill
            jobs:
              - id: j1
                pool: nope
                priority: 5000
                tasks: {count: x, duration: 5y}
            """
        let found = errors(yaml)
        #expect(
            found.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0)" }
                == ["4:23", "5:19", "8:11", "9:15", "10:20", "10:33"])
    }

    @Test func emptyAndScalarDocuments() {
        #expect(errors("").first?.message.contains("the scenario is empty") == true)
        #expect(errors("# only a comment\n").first?.message.contains("the scenario is empty") == true)
        #expect(errors("just text").first?.message == "the scenario: expected a mapping, found 'just text'")
        #expect(errors("- a\n- b").first?.message == "the scenario: expected a mapping, found a list")
    }
}
