import Dispatch
import Foundation
import ParallelWork
import PropertyBased
import ScenarioFormat
import Testing

/// Property: whatever is done to a valid scenario — a line deleted or duplicated, characters swapped,
/// punctuation or Unicode inserted, the text truncated, a value replaced by `-1`, `1e400`, `nan`, `~`, `[]`,
/// `{}` and the like — the loader returns a scenario or throws diagnostics within a time bound. It never
/// crashes (a trap would end the test process) and never hangs. The library is every fixture of
/// `Scenarios/` and SPEC §3's example; this is the one mutation test of the loader.
struct MutationPropertyTests {
    /// One edit of the text. `position` and `choice` are reduced modulo what the text offers.
    struct Mutation: Sendable, CustomStringConvertible {
        var kind: Int
        var position: Int
        var choice: Int
        var description: String { "\(Self.names[kind % Self.names.count])(\(position), \(choice))" }

        static let names = ["deleteLine", "duplicateLine", "swapCharacters", "insert", "truncate", "replaceValue"]
        static let insertions: [Character] = Array("{}[]:,-#&*!|>'\"%@`?~ \t\n${}.éß√∞🙂\u{FEFF}\u{202E}")
        static let tokens = [
            "-1", "0", "1e400", "-1e400", "nan", ".nan", ".inf", "~", "null", "[]", "{}", "''", "\"\"",
            "99999999999999999999999", "1e-400", "${x}", "${", "*a", "&a", "!!binary", "true", "0x10", "1h-5m",
            "{uniform: [1h, 0s]}", "[[1m, -1]]", "é🙂",
        ]

        func apply(to text: String) -> String {
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            var characters = Array(text)
            switch kind % Self.names.count {
            case 0:
                lines.remove(at: position % lines.count)
                return lines.joined(separator: "\n")
            case 1:
                let index = position % lines.count
                lines.insert(lines[index], at: index)
                return lines.joined(separator: "\n")
            case 2:
                guard characters.count > 1 else { return text }
                let index = position % (characters.count - 1)
                characters.swapAt(index, index + 1)
                return String(characters)
            case 3:
                let insertion = Self.insertions[choice % Self.insertions.count]
                characters.insert(insertion, at: position % (characters.count + 1))
                return String(characters)
            case 4:
                return String(characters.prefix(position % (characters.count + 1)))
            default:
                let candidates = lines.indices.filter { lines[$0].contains(": ") }
                guard !candidates.isEmpty else { return text }
                let index = candidates[position % candidates.count]
                let line = lines[index]
                guard let colon = line.range(of: ": ") else { return text }
                lines[index] = line[..<colon.upperBound] + Self.tokens[choice % Self.tokens.count]
                return lines.joined(separator: "\n")
            }
        }
    }

    static let scenarios: [(path: String, text: String)] = {
        var directory = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { directory.deleteLastPathComponent() }
        directory.appendPathComponent("Scenarios")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        let fixtures = names.filter { $0.hasSuffix(".yaml") }.sorted().compactMap { name in
            let path = directory.appendingPathComponent(name).path
            return (try? String(contentsOfFile: path, encoding: .utf8)).map { (path, $0) }
        }
        return [("<SPEC §3 example>", specExample)] + fixtures
    }()

    static let mutation = zip(Gen.int(in: 0...5), Gen.int(in: 0...1_000_000), Gen.int(in: 0...1000))
        .map { Mutation(kind: $0, position: $1, choice: $2) }

    /// What one load did: finished in time, and if it failed, with at least one diagnostic.
    final class Outcome: Sendable {
        let silentFailure = Locked(false)
    }

    /// Loads `text` on its own thread; `nil` when it has not finished within `seconds`, else whether it
    /// returned a scenario or diagnostics (a thrown error without any would be a bug too).
    static func load(_ text: String, path: String, seconds: Int) -> Bool? {
        let done = DispatchSemaphore(value: 0)
        let outcome = Outcome()
        let thread = Thread {
            do throws(ScenarioError) {
                _ = try ScenarioLoader.load(text: text, path: path, overrides: [:])
            } catch {
                outcome.silentFailure.withLock { $0 = error.diagnostics.isEmpty }
            }
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
        guard done.wait(timeout: .now() + .seconds(seconds)) == .success else { return nil }
        return !outcome.silentFailure.current
    }

    @Test func theLibraryIsNotEmpty() {
        #expect(Self.scenarios.count >= 10)
    }

    @Test func mutatedScenariosLoadOrFailWithinTheTimeBound() async {
        let scenarios = Self.scenarios
        await propertyCheck(count: 400, input: Gen.int(in: 0...1000), Self.mutation.array(of: 1...4)) {
            choice, mutations in
            guard !scenarios.isEmpty else { return }
            let scenario = scenarios[choice % scenarios.count]
            let text = mutations.reduce(scenario.text) { $1.apply(to: $0) }
            let answered = Self.load(text, path: scenario.path, seconds: 10)
            #expect(answered != nil, "loading \(scenario.path) mutated by \(mutations) took more than 10 s")
            #expect(answered != false, "loading \(scenario.path) mutated by \(mutations) failed without a diagnostic")
        }
    }
}
