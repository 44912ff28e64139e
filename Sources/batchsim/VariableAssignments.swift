import ArgumentParser

/// Parses `--set name=value` options into scenario variable overrides.
enum VariableAssignments {
    static func parse(_ assignments: [String]) throws -> [String: String] {
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
