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
