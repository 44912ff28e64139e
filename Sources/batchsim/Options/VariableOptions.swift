import ArgumentParser

/// `--set name=value` (repeatable): overrides of a scenario's `vars:`, shared by `run` and
/// `validate`. (A sweep's `--set` takes lists and ranges instead: see `SweepCommand`.)
struct VariableOptions: ParsableArguments {
    @Option(name: .customLong("set"), help: "Override a scenario variable: --set name=value (repeatable).")
    var assignments: [String] = []

    /// The overrides by variable name.
    func overrides() throws -> [String: String] {
        var overrides: [String: String] = [:]
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
                throw ValidationError("--set expects name=value, found '\(assignment)'")
            }
            let name = String(assignment[..<equals])
            guard overrides[name] == nil else {
                throw ValidationError("--set gives '\(name)' twice")
            }
            overrides[name] = String(assignment[assignment.index(after: equals)...])
        }
        return overrides
    }
}
