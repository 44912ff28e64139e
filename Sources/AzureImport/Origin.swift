/// Where an imported value came from: the file as the user named it and the JSON path inside it.
/// Every line of an imported scenario carries one as a comment, so a reader can check it against the
/// estate it came from.
public struct Origin: Sendable, Equatable, Hashable {
    public var file: String
    public var path: String
    public var line: Int
    public var column: Int

    public init(file: String, path: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.path = path
        self.line = line
        self.column = column
    }

    /// `file $.path`, the text of a provenance comment.
    public var comment: String { "\(file) \(path)" }

    /// The origin of a member of this object.
    func appending(_ key: String, _ node: JSONNode) -> Origin {
        let simple = key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } && !key.isEmpty
        return Origin(
            file: file, path: path + (simple ? ".\(key)" : "['\(key)']"), line: node.line, column: node.column)
    }

    /// The origin of an element of this array.
    func appending(index: Int, _ node: JSONNode) -> Origin {
        Origin(file: file, path: path + "[\(index)]", line: node.line, column: node.column)
    }

    /// `file:line:column: error: message (at $.path)`, the compiler-style line the command prints.
    func error(_ message: String) -> String {
        "\(file):\(line):\(column): error: \(message) (at \(path))"
    }
}
