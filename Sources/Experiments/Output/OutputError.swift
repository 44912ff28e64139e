/// Why outputs cannot be written where they were asked for, as one line for people:
/// `error: <path>: <reason>`.
public struct OutputError: Error, CustomStringConvertible, Equatable {
    public var path: String
    public var reason: String

    public init(_ path: String, _ reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "error: \(path.isEmpty ? "''" : path): \(reason)" }
}
