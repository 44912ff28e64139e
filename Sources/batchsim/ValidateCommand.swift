import ArgumentParser
import ScenarioFormat

/// `batchsim validate SCENARIO...`: reads each scenario and prints its errors and warnings in compiler
/// style (`path:line:column: error|warning: message`), then one line per file (`path: ok`,
/// `path: 2 warnings`, `path: 1 error`). Nothing is simulated and nothing is written. A file with errors
/// shows only its errors: warnings are judged on a scenario that loads.
///
/// Exits 0 when no file has an error (and, with `--strict`, no warning), else 1.
///
/// ```
/// $ batchsim validate Scenarios/*.yaml --strict
/// ```
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check scenario files: print every error and warning; simulate nothing."
    )

    @Argument(help: "The scenario files (YAML or JSON).")
    var scenarios: [String]

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @OptionGroup var variables: VariableOptions

    func validate() throws {
        guard !scenarios.isEmpty else { throw ValidationError("expected at least one scenario file") }
    }

    func run() throws {
        let overrides = try variables.overrides()
        var failed = false
        for path in scenarios {
            let verdict = Self.check(path, overrides: overrides, strict: strict)
            for line in verdict.lines { print(line) }
            failed = failed || verdict.failed
        }
        if failed { throw ExitCode.failure }
    }

    /// The printed lines for one file and whether it fails validation.
    static func check(_ path: String, overrides: [String: String], strict: Bool) -> (lines: [String], failed: Bool) {
        let diagnostics: [Diagnostic]
        do {
            diagnostics = try ScenarioLoader.load(path: path, overrides: overrides).warnings
        } catch {
            let errors = error.diagnostics
            return (errors.map(\.description) + ["\(path): \(count(errors.count, "error"))"], true)
        }
        guard !diagnostics.isEmpty else { return (["\(path): ok"], false) }
        let summary = "\(path): \(count(diagnostics.count, "warning"))" + (strict ? " (errors under --strict)" : "")
        return (diagnostics.map(\.description) + [summary], strict)
    }

    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
