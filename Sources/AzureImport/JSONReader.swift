/// A small JSON parser (RFC 8259) that keeps the line and column of every value.
///
/// Written rather than borrowed because Foundation's `JSONSerialization` loses positions, and a YAML
/// parser accepts documents that are not JSON (comments, unquoted keys) and reports JSON errors in
/// YAML's terms; an import error must say `file:line:column` in the user's own JSON.
public struct JSONReader {
    /// A syntax error at a 1-based line and column.
    public struct SyntaxError: Error, Sendable, Equatable {
        public var line: Int
        public var column: Int
        public var message: String
    }

    /// Nesting deeper than this is refused rather than risking the stack.
    static let maximumDepth = 512

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0

    private init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// Parses one JSON document (a leading byte-order mark is skipped).
    public static func parse(_ text: String) throws(SyntaxError) -> JSONNode {
        var reader = JSONReader(text)
        if reader.bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            reader.index = 3
            reader.lineStart = 3
        }
        reader.skipWhitespace()
        guard reader.index < reader.bytes.count else {
            throw reader.error("expected a JSON value, found the end of the file")
        }
        let node = try reader.value(depth: 0)
        reader.skipWhitespace()
        guard reader.index == reader.bytes.count else {
            throw reader.error("expected the end of the file after the JSON value, found \(reader.describeHere())")
        }
        return node
    }

    private var column: Int {
        // Columns count characters, not bytes: skip UTF-8 continuation bytes.
        bytes[lineStart..<index].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    private func error(_ message: String) -> SyntaxError {
        SyntaxError(line: line, column: column, message: message)
    }

    private func describeHere() -> String {
        guard index < bytes.count else { return "the end of the file" }
        let byte = bytes[index]
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D: index += 1
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
            default: return
            }
        }
    }

    private mutating func value(depth: Int) throws(SyntaxError) -> JSONNode {
        guard depth < Self.maximumDepth else { throw error("JSON nested more than \(Self.maximumDepth) deep") }
        let startLine = line
        let startColumn = column
        guard index < bytes.count else { throw error("expected a JSON value, found the end of the file") }
        let kind: JSONNode.Kind
        switch bytes[index] {
        case UInt8(ascii: "{"): kind = try object(depth: depth)
        case UInt8(ascii: "["): kind = try array(depth: depth)
        case UInt8(ascii: "\""): kind = .string(try string())
        case UInt8(ascii: "t"): kind = try literal("true", .bool(true))
        case UInt8(ascii: "f"): kind = try literal("false", .bool(false))
        case UInt8(ascii: "n"): kind = try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): kind = .number(try number())
        default: throw error("expected a JSON value, found \(describeHere())")
        }
        return JSONNode(kind, line: startLine, column: startColumn)
    }

    private mutating func literal(_ word: String, _ kind: JSONNode.Kind) throws(SyntaxError) -> JSONNode.Kind {
        let expected = Array(word.utf8)
        guard bytes[index...].starts(with: expected) else {
            throw error("expected a JSON value, found \(describeHere())")
        }
        index += expected.count
        return kind
    }

    private mutating func object(depth: Int) throws(SyntaxError) -> JSONNode.Kind {
        index += 1
        var members: [JSONNode.Member] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw error("expected a quoted key in the object, found \(describeHere())")
            }
            let key = try string()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw error("expected ':' after the key \"\(key)\", found \(describeHere())")
            }
            index += 1
            skipWhitespace()
            members.append(JSONNode.Member(key: key, value: try value(depth: depth + 1)))
            skipWhitespace()
            guard index < bytes.count else {
                throw error("expected ',' or '}' in the object, found the end of the file")
            }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "}") else {
                throw error("expected ',' or '}' in the object, found \(describeHere())")
            }
            index += 1
            return .object(members)
        }
    }

    private mutating func array(depth: Int) throws(SyntaxError) -> JSONNode.Kind {
        index += 1
        var elements: [JSONNode] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try value(depth: depth + 1))
            skipWhitespace()
            guard index < bytes.count else {
                throw error("expected ',' or ']' in the array, found the end of the file")
            }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "]") else {
                throw error("expected ',' or ']' in the array, found \(describeHere())")
            }
            index += 1
            return .array(elements)
        }
    }

    private mutating func number() throws(SyntaxError) -> String {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        func digits(_ reader: inout JSONReader) -> Int {
            let first = reader.index
            while reader.index < reader.bytes.count,
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(reader.bytes[reader.index])
            {
                reader.index += 1
            }
            return reader.index - first
        }
        guard digits(&self) > 0 else { throw error("expected a digit in the number, found \(describeHere())") }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits(&self) > 0 else { throw error("expected a digit after '.', found \(describeHere())") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard digits(&self) > 0 else { throw error("expected a digit in the exponent, found \(describeHere())") }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func string() throws(SyntaxError) -> String {
        index += 1
        var scalars: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: scalars, as: UTF8.self)
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.count else { break }
                let escaped = bytes[index]
                index += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(escaped)
                case UInt8(ascii: "b"): scalars.append(0x08)
                case UInt8(ascii: "f"): scalars.append(0x0C)
                case UInt8(ascii: "n"): scalars.append(0x0A)
                case UInt8(ascii: "r"): scalars.append(0x0D)
                case UInt8(ascii: "t"): scalars.append(0x09)
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800...0xDBFF).contains(code), bytes[index...].starts(with: Array("\\u".utf8)) {
                        index += 2
                        let low = try hex4()
                        if (0xDC00...0xDFFF).contains(low) { code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00) }
                    }
                    let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
                    scalars.append(contentsOf: Array(String(Character(scalar)).utf8))
                default:
                    index -= 1
                    throw error("invalid escape '\\\(Character(Unicode.Scalar(escaped)))' in a string")
                }
            case 0x00..<0x20:
                throw error(
                    byte == 0x0A ? "unterminated string (a newline inside quotes)" : "control character in a string")
            default:
                scalars.append(byte)
                index += 1
            }
        }
        throw error("unterminated string: expected '\"', found the end of the file")
    }

    private mutating func hex4() throws(SyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count,
            let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
        else { throw error("expected four hex digits after '\\u'") }
        index += 4
        return code
    }
}
