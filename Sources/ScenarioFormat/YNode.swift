/// A YAML node with its source location, detached from Yams so that `${var}` substitution and merge keys
/// can rewrite it, and so that every reader error can name its line and column.
struct YNode: Sendable {
    enum Kind: Sendable {
        /// A scalar's text; `plain` when written without quotes (only plain scalars can be null).
        case scalar(String, plain: Bool)
        case mapping([Pair])
        case sequence([YNode])
    }

    struct Pair: Sendable {
        var key: YNode
        var value: YNode
    }

    var kind: Kind
    var location: SourceLocation
    /// For a literal block scalar (`|`): the column before its content (its indentation), so
    /// that a position inside the text maps back to the file; nil for every other node.
    var blockIndentation: Int?

    /// A plain `~`, `null` or empty scalar.
    var isNull: Bool {
        if case .scalar(let text, plain: true) = kind {
            return ["", "~", "null", "Null", "NULL"].contains(text)
        }
        return false
    }

    /// The scalar's text, or `nil` for collections and null.
    var text: String? {
        if case .scalar(let text, _) = kind, !isNull { return text }
        return nil
    }

    /// How the node reads in "found …" messages: `300`, `'abc'`, `null`, `a mapping`, `a list`.
    var found: String {
        switch kind {
        case .scalar(let text, let plain):
            if isNull { return "null" }
            let short = text.count > 60 ? String(text.prefix(57)) + "..." : text
            if plain, NodeReader.signedNumber(text) != nil || ["true", "false"].contains(text) { return short }
            return "'\(short)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }
}
