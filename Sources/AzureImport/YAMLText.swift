import Foundation

/// Lines of the imported scenario, each with its provenance comment aligned in one column so the
/// file reads as a table of "value — where it came from".
struct YAMLText {
    /// The column where comments start (values longer than this push their comment right).
    static let commentColumn = 44

    private(set) var lines: [String] = []

    mutating func line(_ text: String, _ comment: String? = nil) {
        guard let comment else {
            lines.append(text)
            return
        }
        let padding = max(2, Self.commentColumn - text.count)
        lines.append(text + String(repeating: " ", count: padding) + "# " + Self.oneLine(comment))
    }

    mutating func comment(_ text: String) {
        lines.append("# " + Self.oneLine(text))
    }

    /// A comment must stay on its line whatever a file name or id holds.
    static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }

    var text: String { lines.joined(separator: "\n") + "\n" }

    /// `key: text` at `indent` spaces for a text that may span lines (an autoscale formula, whose
    /// `//` comments end at a newline, so single-quoted folding would change it): a literal block
    /// (`|` or `|-`, the comment on its header) when YAML reads it back unchanged, else one
    /// double-quoted line with escapes.
    mutating func text(key: String, _ value: String, indent: Int, comment: String) {
        let margin = String(repeating: " ", count: indent)
        guard value.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" }) else {
            line(margin + key + ": " + Self.scalar(value), comment)
            return
        }
        let body = value.hasSuffix("\n") ? String(value.dropLast()) : value
        let rows = body.split(separator: "\n", omittingEmptySubsequences: false)
        let printable = body.unicodeScalars.allSatisfy { scalar in
            scalar == "\n" || scalar == "\t"
                || (scalar.value >= 0x20 && scalar.value != 0x7F && !(0x80...0x9F).contains(scalar.value)
                    && scalar.value != 0xFEFF)
        }
        let literal =
            printable && !body.hasSuffix("\n") && rows.first.map { !$0.isEmpty && !$0.hasPrefix(" ") } == true
            && rows.allSatisfy { $0.isEmpty || $0.contains { $0 != " " } }
        guard literal else {
            line(margin + key + ": " + Self.doubleQuoted(value), comment)
            return
        }
        line(margin + key + (value.hasSuffix("\n") ? ": |" : ": |-"), comment)
        for row in rows { lines.append(row.isEmpty ? "" : margin + "  " + row) }
    }

    /// A YAML double-quoted scalar: backslash, quote and control characters escaped.
    static func doubleQuoted(_ text: String) -> String {
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": quoted += "\\\\"
            case "\"": quoted += "\\\""
            case "\n": quoted += "\\n"
            case "\r": quoted += "\\r"
            case "\t": quoted += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                    || scalar.value == 0xFEFF
                {
                    quoted += "\\u" + String(format: "%04X", scalar.value)
                } else {
                    quoted.unicodeScalars.append(scalar)
                }
            }
        }
        return quoted + "\""
    }

    /// A scalar as YAML reads it back as the same string: plain when safe, else single-quoted.
    static func scalar(_ text: String) -> String {
        let safe = text.unicodeScalars.allSatisfy { scalar in
            (scalar.value < 128 && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)))
                || "_-. ".unicodeScalars.contains(scalar)
        }
        let reserved = ["true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"].contains(text.lowercased())
        let startsPlain = text.first.map { $0.isLetter || $0 == "_" } ?? false
        if safe, !reserved, startsPlain, text.last != " " { return text }
        return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
