import Foundation
import ScenarioFormat
import Testing

/// The corpus in `Malformed/`: one broken scenario per file, each starting with `# expect:` lines that
/// state, in order, every error the loader must report:
///
/// ```
/// # expect: 7:15 unknown field 'dedicatedNodez' in pools[0]; did you mean 'dedicatedNodes'?
/// # expect: traces/bad.csv:3:4 duration: expected a duration …
/// ```
///
/// A place without a file is in the scenario itself; `A … B` means both fragments, in that order. Files
/// may hold any bytes after their `# expect:` lines (invalid UTF-8, CRLF line ends), so they are read
/// as bytes and their traces are checked out exactly as committed (see `.gitattributes`).
struct MalformedCorpusTests {
    struct Expected: CustomStringConvertible {
        var file: String?
        var line: Int
        var column: Int
        var fragments: [String]
        var description: String {
            "\(file.map { $0 + ":" } ?? "")\(line):\(column) \(fragments.joined(separator: " … "))"
        }
    }

    static let directory: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Malformed")

    static let files: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.sorted()
    }()

    /// The `# expect:` lines at the top of a file.
    static func expectations(_ text: String) -> [Expected] {
        // `isNewline` also ends CRLF lines (one `Character` in Swift, so splitting at "\n" would not).
        text.split(whereSeparator: \.isNewline).prefix { $0.hasPrefix("# expect: ") }.compactMap { line in
            let rest = line.dropFirst("# expect: ".count)
            guard let space = rest.firstIndex(of: " ") else { return nil }
            let parts = rest[..<space].split(separator: ":").map(String.init)
            guard parts.count >= 2, let line = Int(parts[parts.count - 2]), let column = Int(parts[parts.count - 1])
            else { return nil }
            let file = parts.count > 2 ? parts.dropLast(2).joined(separator: ":") : nil
            let fragments = rest[rest.index(after: space)...].components(separatedBy: " … ")
            return Expected(file: file, line: line, column: column, fragments: fragments)
        }
    }

    static func matches(_ diagnostic: Diagnostic, _ expected: Expected, scenario path: String) -> Bool {
        guard let location = diagnostic.location, diagnostic.severity == .error,
            location.line == expected.line, location.column == expected.column
        else { return false }
        if let file = expected.file {
            guard location.file.hasSuffix("/" + file) else { return false }
        } else if location.file != path {
            return false
        }
        var rest = Substring(diagnostic.message)
        for fragment in expected.fragments {
            guard let range = rest.range(of: fragment) else { return false }
            rest = rest[range.upperBound...]
        }
        return true
    }

    @Test func theCorpusHoldsAtLeastSixtyScenarios() {
        #expect(Self.files.count >= 60)
    }

    @Test(arguments: files)
    func reportsExactlyTheExpectedErrors(_ file: String) throws {
        let path = Self.directory.appendingPathComponent(file).path
        // Read as bytes: some files of the corpus are not UTF-8 on purpose (their `# expect:` lines are).
        let expected = Self.expectations(
            String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self))
        try #require(!expected.isEmpty, "the file states no '# expect:' line")
        let found: [Diagnostic]
        do {
            _ = try ScenarioLoader.load(path: path)
            found = []
        } catch {
            found = error.diagnostics
        }
        let report = found.map(\.description).joined(separator: "\n")
        #expect(found.count == expected.count, "expected \(expected), found:\n\(report)")
        for (diagnostic, expectation) in zip(found, expected) {
            #expect(
                Self.matches(diagnostic, expectation, scenario: path), "expected \(expectation), found \(diagnostic)")
        }
    }
}
