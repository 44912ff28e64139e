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
