/// A position in a scenario or trace file, so that every message can point at the text to fix.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The file as it was named to the loader (or `<inline>`).
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column, counted in Unicode scalars (as libyaml counts).
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, the form editors and CI annotations understand.
    public var description: String { "\(file):\(line):\(column)" }
}

/// One finding of the loader: an error (the scenario is rejected) or a warning (it still runs).
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case error
        case warning
    }

    public var severity: Severity
    /// Where the problem is; `nil` for problems with no place in a file (a `--set` override).
    public var location: SourceLocation?
    public var message: String
    /// The file the diagnostic belongs to; used when there is no location.
    public var file: String

    public init(severity: Severity, location: SourceLocation?, message: String, file: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.file = file ?? location?.file ?? "<inline>"
    }

    /// Compiler style: `path:line:column: error: message`, or `path: error: message` without a location.
    public var description: String {
        let place = location.map(\.description) ?? file
        return "\(place): \(severity.rawValue): \(message)"
    }
}

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
