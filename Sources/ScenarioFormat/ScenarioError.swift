/// Every error found in a scenario, in file order. Loading stops only after the whole file has been read,
/// so one run of `batchsim validate` shows all the problems at once.
public struct ScenarioError: Error, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// One diagnostic per line.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
