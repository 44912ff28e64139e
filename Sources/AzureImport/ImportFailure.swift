/// Every error of an import, compiler style (`file:line:column: error: …`), reported together so a
/// user fixes all of them in one pass. Nothing is written when there is one.
public struct ImportFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var errors: [String]

    public var description: String { errors.joined(separator: "\n") }
}
