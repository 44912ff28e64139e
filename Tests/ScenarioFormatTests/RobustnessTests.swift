import ScenarioFormat
import Testing

/// The loader must answer every input with a value or diagnostics: no crash, no hang.
@Suite struct RobustnessTests {
    @Test func aliasBombIsRefused() {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let previous = "*a\(level - 1)"
            yaml += "a\(level): &a\(level) [" + Array(repeating: previous, count: 10).joined(separator: ", ") + "]\n"
        }
        yaml += "name: bomb\n"
        let found = errors(yaml)
        #expect(found.first?.message.contains("expands to more than") == true)
    }

    @Test(.timeLimit(.minutes(1)))
    func anAliasBombAsAKeyIsRefusedBeforeYamsHashesIt() {
        var yaml = "name: bomb\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...5 {
            yaml +=
                "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
                + "]\n"
        }
        yaml += "? *a5\n: boom\n"
        #expect(
            errors(yaml).map(\.description) == [
                "<inline>:8:3: error: alias '*a5' used as a mapping key: expected a key written out (aliases may only "
                    + "be values)"
            ])
    }

    @Test func aDocumentOverTheNodeLimitStopsWhileParsing() {
        let yaml = "name: big\nvars: {v: [" + String(repeating: "1,", count: 2_000_001) + "]}\n"
        let found = errors(yaml).map(\.description)
        #expect(found == ["<inline>:2:3999998: error: the document has more than 2000000 nodes; this is the limit"])
    }

    @Test func variableSubstitutionIsCappedByTheNodeLimit() {
        // 2,001 nodes used 1,000 times: two million nodes from a file of a few kilobytes. The 999th use
        // (column 15 + 998 × 10) passes the limit, the document itself having 3,000 nodes.
        let list = "[" + Array(repeating: "1", count: 2000).joined(separator: ", ") + "]"
        let uses = Array(repeating: "'${big}'", count: 1000).joined(separator: ", ")
        let found = errors(minimalScenario(extra: "vars: {big: \(list)}\ndescription: [\(uses)]"))
        #expect(
            found.map(\.description) == [
                "<inline>:14:\(15 + 998 * 10): error: variable substitution expands the scenario to more than "
                    + "2000000 nodes; this is the node limit: use the variable in fewer places or give it a smaller value"
            ])
    }

    @Test func variableSubstitutionIsCappedByTheTextLimit() {
        let text = String(repeating: "x", count: 100_000)
        let uses = String(repeating: "${long}", count: 200)
        let found = errors(minimalScenario(extra: "vars: {long: \(text)}\ndescription: '\(uses)'"))
        #expect(
            found.first?.message
                == "variable substitution expands the scenario by more than 16777216 bytes of text; this is the limit: "
                + "use the variable in fewer places or give it a smaller value")
    }

    @Test func mergeKeysTakeOnlyMappings() {
        let yaml = minimalScenario(pool: "    <<: [1, 2]")
        #expect(
            errors(yaml).map(\.description) == [
                "<inline>:5:10: error: <<: expected a mapping or a list of mappings to merge, found 1"
            ])
    }

    @Test func deepNestingIsAnError() {
        let yaml = "name: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        #expect(!errors(yaml).isEmpty)
        let deepest =
            "name: x\nvars: {v: " + String(repeating: "[", count: 990) + String(repeating: "]", count: 990) + "}"
        #expect(errors(deepest).first?.message == "missing required field 'pools' in the scenario")
    }

    @Test func hugeNumbersAreErrorsNotTraps() {
        let found = errors(minimalScenario(pool: "    lowPriorityNodes: 99999999999999999999999", extra: "seed: 1e999"))
        #expect(found.count == 2, "\(found)")
        let timeline = "timeline:\n" + String(repeating: "  - {after: 366000d, action: deleteAccount}\n", count: 3)
        #expect(errors(minimalScenario(extra: timeline)).first?.message.contains("beyond 1000 years") == true)
        let every = errors(minimalScenario(taskExtra: "      arrival: {every: 366000d}"))
        #expect(every.first?.message.contains("would arrive after 1000 years") == true)
    }

    @Test func errorFloodIsCapped() {
        let pools = (0..<300).map { "  - {id: 'bad id \($0)'}" }.joined(separator: "\n")
        let found = errors("name: x\npools:\n" + pools + "\njobs: []")
        #expect(found.count == 101)
        #expect(found.last?.message == "too many errors; stopped after 100")
    }
}
