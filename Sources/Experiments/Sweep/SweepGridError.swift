/// A malformed `--set` of a sweep.
public struct SweepGridError: Error, CustomStringConvertible {
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}
