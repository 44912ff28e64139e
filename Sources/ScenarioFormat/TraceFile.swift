internal import BatchModel
internal import Foundation
internal import SimulationKernel

/// Reads task traces for `arrival: {trace: FILE}` (SPEC §3): CSV with a header row and the columns
/// `submit` (required), `duration`, `requiredSlots` and `job`. Times use the duration syntax; a row whose
/// `job` cell is empty or equals the job's id belongs to that job. Blank lines and lines starting with `#`
/// are skipped; fields may be double-quoted. Rows keep file order (task index = row order).
/// Errors name the CSV's own path, line and column.
final class TraceLoader {
    static let columns = ["submit", "duration", "requiredSlots", "job"]
    /// Traces larger than this are refused rather than read into memory.
    static let maximumBytes = 1 << 30
    /// The same bound as a task block's `requiredSlots`: the engine keeps slot counts in 32 bits, so a
    /// larger value would trap there instead of failing here with the row's line and column.
    static let maximumRequiredSlots = TaskBlockDecoder.maximumRequiredSlots

    struct Row {
        var task: TraceTask
        var job: String?
    }

    private let baseDirectory: String
    private let log: DiagnosticLog
    private var cache: [String: [Row]?] = [:]
    /// Every trace file read, in the order first read: inputs a run must never overwrite.
    private(set) var paths: [String] = []

    init(scenarioPath: String, log: DiagnosticLog) {
        if let slash = scenarioPath.lastIndex(of: "/"), !scenarioPath.hasPrefix("<") {
            baseDirectory = String(scenarioPath[...slash])
        } else {
            baseDirectory = ""
        }
        self.log = log
    }

    /// The tasks of `job` in the trace named by `node`, or `nil` after reporting a problem.
    func tasks(_ node: YNode, job: String) -> [TraceTask]? {
        guard let name = node.text, !name.isEmpty else {
            log.error("trace: expected a CSV file path, found \(node.found)", at: node.location)
            return nil
        }
        let path = name.hasPrefix("/") ? name : baseDirectory + name
        if cache[path] == nil {
            paths.append(path)
            cache[path] = read(path, reference: node)
        }
        guard let rows = cache[path] ?? nil else { return nil }
        return rows.filter { $0.job == nil || $0.job == job }.map(\.task)
    }

    private func read(_ path: String, reference: YNode) -> [Row]? {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= Self.maximumBytes else {
            log.error("trace '\(path)' is \(size) bytes; the limit is \(Self.maximumBytes)", at: reference.location)
            return nil
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            log.error("trace: expected a readable CSV file, found no file at '\(path)'", at: reference.location)
            return nil
        }
        guard !isDirectory.boolValue else {
            log.error("trace: expected a readable CSV file, found a directory at '\(path)'", at: reference.location)
            return nil
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            log.error(
                "trace: expected a readable CSV file, found '\(path)' unreadable (permission denied?)",
                at: reference.location)
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            log.error("trace '\(path)': expected UTF-8 text, found undecodable bytes", at: reference.location)
            return nil
        }
        return parse(text, path: path, reference: reference.location)
    }

    func parse(_ text: String, path: String, reference: SourceLocation) -> [Row]? {
        var header: [String: Int]?
        var rows: [Row] = []
        var failed = false
        func fail(_ message: String, _ line: Int, _ column: Int) {
            failed = true
            log.error(message, at: SourceLocation(file: path, line: line, column: column), order: reference)
        }
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = offset + 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            guard let cells = Self.cells(line) else {
                fail("expected a closing '\"' in this CSV line, found end of line", lineNumber, line.count + 1)
                continue
            }
            guard let columns = header else {
                header = readHeader(cells, lineNumber, fail)
                if header == nil { return nil }
                continue
            }
            guard cells.count == columns.count else {
                fail("expected \(columns.count) fields as in the header, found \(cells.count)", lineNumber, 1)
                continue
            }
            if let row = readRow(cells, columns, lineNumber, fail) { rows.append(row) }
            if log.isFull { return nil }
        }
        if header == nil { fail("expected a header row with a 'submit' column, found an empty file", 1, 1) }
        return failed ? nil : rows
    }

    private func readHeader(_ cells: [(String, Int)], _ line: Int, _ fail: (String, Int, Int) -> Void) -> [String: Int]?
    {
        var columns: [String: Int] = [:]
        for (index, (name, column)) in cells.enumerated() {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard let canonical = Self.columns.first(where: { $0.lowercased() == trimmed.lowercased() }) else {
                let hint = EditDistance.suggestion(for: trimmed, among: Self.columns).map { "; did you mean '\($0)'?" }
                fail(
                    "unknown trace column '\(trimmed)'\(hint ?? "; expected submit, duration, requiredSlots or job")",
                    line, column)
                return nil
            }
            guard columns[canonical] == nil else {
                fail("expected each column once, found '\(trimmed)' again", line, column)
                return nil
            }
            columns[canonical] = index
        }
        guard columns["submit"] != nil else {
            fail("expected a 'submit' column in the header, found \(cells.map(\.0).joined(separator: ","))", line, 1)
            return nil
        }
        return columns
    }

    private func readRow(
        _ cells: [(String, Int)], _ columns: [String: Int], _ line: Int, _ fail: (String, Int, Int) -> Void
    ) -> Row? {
        func cell(_ name: String) -> (text: String, column: Int)? {
            guard let index = columns[name] else { return nil }
            let text = cells[index].0.trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? nil : (text, cells[index].1)
        }
        func time(_ name: String) -> SimTime?? {
            guard let (text, column) = cell(name) else { return .some(nil) }
            guard let value = DurationSyntax.parse(text) else {
                fail(
                    "\(name): expected a duration such as 90s, 10m or a number of seconds, found '\(text)'",
                    line, column)
                return nil
            }
            return value
        }
        guard let submit = time("submit") else { return nil }
        guard let submit else {
            fail("submit: expected a duration, found an empty field", line, cells[columns["submit"] ?? 0].1)
            return nil
        }
        guard let duration = time("duration") else { return nil }
        var slots: Int?
        if let (text, column) = cell("requiredSlots") {
            let value = Int(text)
            guard let value, (1...Self.maximumRequiredSlots).contains(value) else {
                // Zero, negatives and non-numbers keep the plain message; a positive integer too large
                // (even for Int) is told the range.
                let digits = UInt8(ascii: "0")...UInt8(ascii: "9")
                let isLarge = value.map { $0 >= 1 } ?? (!text.isEmpty && text.utf8.allSatisfy(digits.contains))
                let what = isLarge ? "an integer from 1 to \(Self.maximumRequiredSlots)" : "a positive integer"
                fail("requiredSlots: expected \(what), found '\(text)'", line, column)
                return nil
            }
            slots = value
        }
        return Row(task: TraceTask(submit: submit, duration: duration, requiredSlots: slots), job: cell("job")?.text)
    }

    /// Splits one CSV line into fields with their 1-based starting columns; `nil` for an unclosed quote.
    static func cells(_ line: Substring) -> [(String, Int)]? {
        var result: [(String, Int)] = []
        var current = ""
        var start = 1
        var column = 0
        var quoted = false
        var inQuotes = false
        var previousQuote = false
        for character in line {
            column += 1
            if inQuotes {
                if character == "\"" {
                    inQuotes = false
                    previousQuote = true
                } else {
                    current.append(character)
                }
                continue
            }
            if character == "\"" {
                if previousQuote { current.append("\"") }
                inQuotes = true
                quoted = true
                previousQuote = false
                continue
            }
            previousQuote = false
            if character == "," {
                result.append((current, start))
                current = ""
                start = column + 1
                quoted = false
            } else if !quoted || character != " " {
                current.append(character)
            }
        }
        guard !inQuotes else { return nil }
        result.append((current, start))
        return result
    }
}
