import AutoscaleFormula
import Foundation
import Testing

/// One real formula from the reference files (Microsoft's article and public repositories).
struct ReferenceFormula: CustomTestStringConvertible, Sendable {
    var name: String
    var text: String
    var testDescription: String { name }
}

/// Every real formula either loads or fails with the error its source's bug explains; mutated real
/// formulas never crash and always load or give a located error.
struct ReferenceFormulaTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Reference")

    /// The formulas of the Microsoft documentation file (`=== formula: name` … `---` … `=== end`) and
    /// of the fetched file (entries between `----` lines; leading `#` lines are metadata).
    static let formulas: [ReferenceFormula] = {
        var formulas: [ReferenceFormula] = []
        let documented =
            (try? String(contentsOf: directory.appendingPathComponent("autoscale-formulas.txt"), encoding: .utf8)) ?? ""
        var name: String?
        var body: [Substring]?
        for line in documented.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("=== formula: ") {
                name = String(line.dropFirst("=== formula: ".count))
            } else if line == "---", name != nil {
                body = []
            } else if line == "=== end", let current = name, let lines = body {
                formulas.append(ReferenceFormula(name: "docs " + current, text: lines.joined(separator: "\n")))
                name = nil
                body = nil
            } else if body != nil {
                body?.append(line)
            }
        }
        let fetched =
            (try? String(
                contentsOf: directory.appendingPathComponent("autoscale-formulas-fetched.txt"), encoding: .utf8)) ?? ""
        var entry: [Substring] = []
        var number = 0
        func finish() {
            guard entry.contains(where: { $0.hasPrefix("# source:") }) else { return }
            number += 1
            let text = entry.drop { $0.hasPrefix("#") }.joined(separator: "\n")
            formulas.append(ReferenceFormula(name: "fetched \(number)", text: text))
        }
        for line in fetched.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "----" {
                finish()
                entry = []
            } else {
                entry.append(line)
            }
        }
        finish()
        return formulas
    }()

    /// What each formula does on loading: `nil` loads, else the error (`line:column: error: message`).
    static let expected: [String: String?] = [
        "docs pending-tasks": nil, "docs preempted-nodes": nil,
        // The published text lacks the `;` after `min(400, $totalDedicatedNodes)`.
        "docs cpu-based": "8:1: error: expected ';' but found '$NodeDeallocationOption'",
        "docs time-based": nil, "docs task-based": nil, "docs parallel-tasks": nil,
        "fetched 1": nil, "fetched 2": nil, "fetched 3": nil,
        // `time(\"Mon, 06 Oct 2014 10:20:00 GMT\")`: C# escapes left in the text.
        "fetched 4": "7:26: error: unexpected character '\\'",
        // doAzureParallel's sprintf templates: `%s` placeholders.
        "fetched 5": "1:230: error: unexpected character '%'", "fetched 6": "1:98: error: unexpected character '%'",
        "fetched 7": "1:271: error: unexpected character '%'", "fetched 8": "1:234: error: unexpected character '%'",
        "fetched 9": "1:238: error: unexpected character '%'",
        "fetched 10": nil, "fetched 11": nil, "fetched 12": nil,
    ]

    @Test func theReferenceFilesHoldEighteenFormulas() {
        #expect(Self.formulas.count == 18)
        #expect(Set(Self.formulas.map(\.name)) == Set(Self.expected.keys))
    }

    @Test("Each real formula loads or fails where its source is broken", arguments: formulas)
    func realFormula(_ formula: ReferenceFormula) {
        var outcome: String?
        do {
            _ = try Formula.load(formula.text)
        } catch {
            outcome = error.description
        }
        #expect(outcome == Self.expected[formula.name] ?? "not listed")
    }

    @Test func theTemplatesLoadOnceTheirPlaceholdersAreFilledAndTheWeekendOneReadsAnUnassignedVariable() throws {
        let filled = Self.formulas.filter { $0.text.contains("%s") }.map {
            $0.text.replacingOccurrences(of: "%s", with: "2")
        }
        #expect(filled.count == 5)
        var results: [String] = []
        for text in filled {
            let formula = try Formula.load(text)
            switch formula.evaluate(context: EvaluationContext(now: FormulaTestSupport.monday + 8 * 3600)) {
            case .success(let evaluation): results.append(evaluation.resultsString)
            case .failure(let error): results.append(error.description)
            }
        }
        #expect(results[1] == "1:14: error: $curTime is used before it is assigned")
        #expect(
            results[0].hasPrefix(
                "$TargetDedicatedNodes=2;$NodeDeallocationOption=requeue;$curTime=2026-01-05T08:00:00Z"))
    }

    @Test func theDocumentedPendingTasksFormulaAveragesTheLastThreeMinutes() throws {
        let formula = try #require(Self.formulas.first { $0.name == "docs pending-tasks" })
        let samples = (0..<10).map { Sample(time: FormulaTestSupport.monday + Double($0 * 30), value: Double($0)) }
        let context = EvaluationContext(now: FormulaTestSupport.monday + 300, samples: [.pendingTasks: samples])
        // The last 180 s hold samples 4…9: 100 %, average 6.5.
        #expect(
            try Formula.load(formula.text).evaluate(context: context).get().resultsString
                == "$TargetDedicatedNodes=6.5;$NodeDeallocationOption=taskcompletion;maxNumberofVMs=25;"
                + "pendingTaskSamplePercent=100;pendingTaskSamples=6.5;startingNumberOfVMs=1")
    }

    /// Deletions, insertions, swaps and truncations at every position of every real formula.
    @Test("Mutated real formulas load or fail with a located error, never crash", arguments: formulas)
    func mutations(_ formula: ReferenceFormula) {
        let characters = Array(formula.text)
        let insertions: [Character] = ["(", ")", ";", "\"", ".", "$", "?", ":", "-", "/", "0", "x", "\n", ","]
        let lineCount = characters.filter { $0 == "\n" }.count + 1
        let samples = (0..<40).map { Sample(time: FormulaTestSupport.monday + Double($0 * 30), value: Double($0 % 7)) }
        let context = EvaluationContext(
            now: FormulaTestSupport.monday + 1200,
            samples: Dictionary(uniqueKeysWithValues: SampledVariable.allCases.map { ($0, samples) }),
            random: { _ in 0.5 })
        var mutants: [String] = []
        for position in characters.indices {
            var deleted = characters
            deleted.remove(at: position)
            mutants.append(String(deleted))
            var inserted = characters
            inserted.insert(insertions[position % insertions.count], at: position)
            mutants.append(String(inserted))
            if position + 1 < characters.count {
                var swapped = characters
                swapped.swapAt(position, position + 1)
                mutants.append(String(swapped))
            }
            if position % 5 == 0 { mutants.append(String(characters[..<position])) }
        }
        for mutant in mutants {
            do {
                let loaded = try Formula.load(mutant)
                if case .failure(let error) = loaded.evaluate(context: context) {
                    #expect(!error.isLoadError, "\(mutant)")
                    #expect(error.location.line >= 1 && error.location.line <= lineCount + 1, "\(mutant)")
                    #expect(error.location.column >= 1, "\(mutant)")
                }
            } catch {
                #expect(error.isLoadError, "\(mutant)")
                #expect(error.location.line >= 1 && error.location.line <= lineCount + 1, "\(mutant)")
                #expect(error.location.column >= 1, "\(mutant)")
            }
        }
    }
}
