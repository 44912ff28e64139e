/// One JSON value with the line and column where it starts, so that every import error and every
/// provenance comment can point at the exact place in the user's file.
public struct JSONNode: Sendable, Equatable {
    /// The value itself; numbers keep their text so that `5` stays `5` and `0.192` stays `0.192`.
    public enum Kind: Sendable, Equatable {
        case object([Member])
        case array([JSONNode])
        case string(String)
        case number(String)
        case bool(Bool)
        case null
    }

    /// One `"key": value` pair of an object, in file order (duplicates are kept; lookups take the last).
    public struct Member: Sendable, Equatable {
        public var key: String
        public var value: JSONNode
    }

    public var kind: Kind
    public var line: Int
    public var column: Int

    public init(_ kind: Kind, line: Int = 0, column: Int = 0) {
        self.kind = kind
        self.line = line
        self.column = column
    }

    /// The members of an object, or `nil`.
    public var members: [Member]? {
        if case .object(let members) = kind { return members }
        return nil
    }

    /// The elements of an array, or `nil`.
    public var elements: [JSONNode]? {
        if case .array(let elements) = kind { return elements }
        return nil
    }

    /// The value of `key` in an object (the last one when a key repeats, as JSON parsers do).
    public subscript(key: String) -> JSONNode? {
        members?.last { $0.key == key }?.value
    }

    /// The value of the first key that matches `key` ignoring case (the CLI and ARM differ in case).
    public func member(ignoringCase key: String) -> JSONNode? {
        let lowered = key.lowercased()
        return members?.last { $0.key.lowercased() == lowered }?.value
    }

    /// A string's text, or `nil`.
    public var string: String? {
        if case .string(let text) = kind { return text }
        return nil
    }

    /// Whether the value is JSON `null`.
    public var isNull: Bool { kind == .null }

    /// The text of a scalar as a scenario would write it (`nil` for objects, arrays and null).
    public var scalarText: String? {
        switch kind {
        case .string(let text), .number(let text): return text
        case .bool(let value): return value ? "true" : "false"
        case .object, .array, .null: return nil
        }
    }

    /// How the value reads in error messages.
    public var found: String {
        switch kind {
        case .object: return "an object"
        case .array: return "an array"
        case .string(let text): return "\"\(text.count > 60 ? String(text.prefix(57)) + "..." : text)\""
        case .number(let text): return text
        case .bool(let value): return value ? "true" : "false"
        case .null: return "null"
        }
    }
}
