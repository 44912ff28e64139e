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
