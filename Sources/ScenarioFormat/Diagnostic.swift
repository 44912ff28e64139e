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
