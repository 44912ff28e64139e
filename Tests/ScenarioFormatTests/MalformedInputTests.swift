import ScenarioFormat
import Testing

/// Malformed input beyond the corpus in `Malformed/` (see `MalformedCorpusTests`, which holds the one-error
/// cases that used to be listed here): error order across a file, and documents that are not mappings.
@Suite struct MalformedInputTests {
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
