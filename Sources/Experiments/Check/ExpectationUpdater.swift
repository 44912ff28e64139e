import BatchModel
import Foundation
public import Reporting
import ScenarioFormat

/// `batchsim check --update`: rewrites exact expected values and fingerprints in place with
/// the actual ones, touching only those tokens, so comments and layout stay as they were.
public enum ExpectationUpdater {
    /// One replacement: the scalar starting at `line`:`column` (1-based, in Unicode scalars,
    /// as libyaml counts) becomes `text`.
    public struct Edit: Hashable, Sendable {
        public var line: Int
        public var column: Int
        public var text: String
    }

    /// The edits that would make a result's exact values and fingerprint pass.
    public static func edits(for result: ScenarioCheckResult) -> [Edit] {
        var edits: [Edit] = []
        for verdict in result.verdicts where !verdict.passed && verdict.expectation.statistic == nil {
            guard let actual = verdict.actual else { continue }
            switch verdict.expectation.check {
            case .equals, .isNull:
                let location = verdict.expectation.valueLocation
                edits.append(Edit(line: location.line, column: location.column, text: actual.description))
            default:
                continue
            }
        }
        if let expected = result.expectedFingerprint, let actual = result.actualFingerprint, expected.hex != actual {
            edits.append(Edit(line: expected.location.line, column: expected.location.column, text: actual))
        }
        return edits
    }

    /// Applies edits to the file's text. Returns nil when an edit does not point at a scalar.
    public static func apply(_ edits: [Edit], to text: String) -> String? {
        var lines = text.components(separatedBy: "\n")
        // Right to left within a line, so earlier columns stay valid.
        for edit in edits.sorted(by: { ($0.line, $0.column) > ($1.line, $1.column) }) {
            guard edit.line >= 1, edit.line <= lines.count else { return nil }
            var scalars = Array(lines[edit.line - 1].unicodeScalars)
            let start = edit.column - 1
            guard start >= 0, start < scalars.count else { return nil }
            let end = tokenEnd(scalars, from: start)
            scalars.replaceSubrange(start..<end, with: edit.text.unicodeScalars)
            var line = String.UnicodeScalarView()
            line.append(contentsOf: scalars)
            lines[edit.line - 1] = String(line)
        }
        return lines.joined(separator: "\n")
    }

    /// The end of the scalar starting at `start`: a quoted scalar ends after its closing
    /// quote, a plain one before a comma, bracket, brace, comment or the end of the line.
    private static func tokenEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        let first = scalars[start]
        if first == "\"" || first == "'" {
            var index = start + 1
            while index < scalars.count && scalars[index] != first { index += 1 }
            return min(index + 1, scalars.count)
        }
        var index = start
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "," || scalar == "}" || scalar == "]" { break }
            if scalar == "#" && index > start && scalars[index - 1] == " " { break }
            index += 1
        }
        while index > start && scalars[index - 1] == " " { index -= 1 }
        return index
    }
}
