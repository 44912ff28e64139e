internal import BatchModel
internal import Foundation
internal import SimulationKernel

/// Reads task traces for `arrival: {trace: FILE}` (SPEC §3): CSV with a header row and the columns
/// `submit` (required), `duration`, `requiredSlots` and `job`. Times use the duration syntax; a row whose
/// `job` cell is empty or equals the job's id belongs to that job. Blank lines and lines starting with `#`
/// are skipped; fields may be double-quoted; lines end with LF or CRLF. Rows keep file order (task
/// index = row order). Errors name the CSV's own path, line and column.
///
/// A trace must lie inside the scenario's folder: a scenario is often someone else's file, and one
/// naming `/etc/shadow` or `../../secrets.csv` must not make the tool read it, nor print its first
/// line in an "unknown trace column" error.
final class TraceLoader {
    static let columns = ["submit", "duration", "requiredSlots", "job"]
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
        guard let path = resolve(name, at: node) else { return nil }
        if cache[path] == nil {
            paths.append(path)
            cache[path] = read(path, reference: node)
        }
        guard let rows = cache[path] ?? nil else { return nil }
        return rows.filter { $0.job == nil || $0.job == job }.map(\.task)
    }

    /// The path of the trace `name` (as written in the scenario), or `nil` after reporting that it
    /// leads outside the scenario's folder: written as an absolute path, climbing out with `..`, or
    /// through a symbolic link.
    private func resolve(_ name: String, at node: YNode) -> String? {
        func refuse(_ how: String) -> String? {
            log.error(
                "trace: expected a CSV file inside the scenario's folder, found '\(name)', \(how); copy the "
                    + "trace next to the scenario", at: node.location)
            return nil
        }
        if name.hasPrefix("/") { return refuse("an absolute path") }
        var depth = 0
        for component in name.split(separator: "/") where component != "." {
            depth += component == ".." ? -1 : 1
            if depth < 0 { return refuse("which leads out of it") }
        }
        let path = baseDirectory + name
        // A missing file is reported when it is read; a link is followed only to see where it ends.
        if let target = realPath(path), let folder = realPath(baseDirectory.isEmpty ? "." : baseDirectory),
            !target.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
        {
            return refuse("a link to a file outside it")
        }
        return path
    }

    private func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private func read(_ path: String, reference: YNode) -> [Row]? {
        let file: InputFile
        do {
            file = try InputFile(path: path)
        } catch {
            let found = error.found.map { "\($0) at '\(path)'" } ?? "'\(path)' unreadable: \(error.reason)"
            log.error("trace: expected a readable CSV file, found \(found)", at: reference.location)
            return nil
        }
        let limit = ScenarioLimits.maximumTraceBytes
        guard file.size <= limit else {
            log.error(
                "trace '\(path)' is \(file.size) bytes; the limit is \(limit >> 20) MiB (\(limit) bytes)",
                at: reference.location)
            return nil
        }
        var lines = TraceLines(file: file)
        return parse(&lines, path: path, reference: reference.location)
    }

    func parse(_ lines: inout TraceLines, path: String, reference: SourceLocation) -> [Row]? {
        var header: [String: Int]?
        var rows: [Row] = []
        var dataLines = 0
        var failed = false
        func fail(_ message: String, _ line: Int, _ column: Int) {
            failed = true
            log.error(message, at: SourceLocation(file: path, line: line, column: column), order: reference)
        }
        do {
            while let line = try lines.next() {
                let lineNumber = lines.number
                if line.first == UInt8(ascii: "#") || Self.isBlank(line) { continue }
                guard let cells = Self.cells(line) else {
                    let end = UTF8Validation.scalarCount(line)
                    fail("expected a closing '\"' in this CSV line, found end of line", lineNumber, end + 1)
                    continue
                }
                guard let columns = header else {
                    header = readHeader(cells, lineNumber, fail)
                    if header == nil { return nil }
                    continue
                }
                dataLines += 1
                guard dataLines <= ScenarioLimits.maximumTraceRows else {
                    let limit = ScenarioLimits.maximumTraceRows
                    fail(
                        "the trace has more than \(limit) rows; the trace row limit (\(limit)) keeps loading within "
                            + "seconds: split the trace over several jobs or scenarios", lineNumber, 1)
                    return nil
                }
                guard cells.count == columns.count else {
                    fail("expected \(columns.count) fields as in the header, found \(cells.count)", lineNumber, 1)
                    continue
                }
                if let row = readRow(cells, columns, lineNumber, fail) { rows.append(row) }
                if log.isFull { return nil }
            }
        } catch {
            fail(error.message, error.line, error.column)
            return nil
        }
        if header == nil { fail("expected a header row with a 'submit' column, found an empty file", 1, 1) }
        return failed ? nil : rows
    }

    /// Spaces and tabs only (any Unicode space, for a line that is not ASCII).
    private static func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
        if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { return true }
        guard line.contains(where: { $0 >= 0x80 }) else { return false }
        return String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespaces).isEmpty
    }

    /// The cell without surrounding spaces and tabs (any Unicode space, for a cell that is not ASCII).
    private static func trimmed(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last else { return text }
        let plain = { (byte: UInt8) in byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") && byte < 0x80 }
        return plain(first) && plain(last) ? text : text.trimmingCharacters(in: .whitespaces)
    }

    private func readHeader(_ cells: [(String, Int)], _ line: Int, _ fail: (String, Int, Int) -> Void) -> [String: Int]?
    {
        var columns: [String: Int] = [:]
        for (index, (name, column)) in cells.enumerated() {
            let trimmed = Self.trimmed(name)
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
            let text = Self.trimmed(cells[index].0)
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

    /// Splits one CSV line into fields with their 1-based starting columns (in Unicode scalars);
    /// `nil` for an unclosed quote.
    static func cells(_ line: ArraySlice<UInt8>) -> [(String, Int)]? {
        let quote = UInt8(ascii: "\"")
        let comma = UInt8(ascii: ",")
        let space = UInt8(ascii: " ")
        var result: [(String, Int)] = []
        if !line.contains(quote) {
            // The common case: fields are the text between commas.
            var start = line.startIndex
            var column = 1
            for index in line.indices where line[index] == comma {
                result.append((String(decoding: line[start..<index], as: UTF8.self), column))
                column += UTF8Validation.scalarCount(line[start..<index]) + 1
                start = index + 1
            }
            result.append((String(decoding: line[start...], as: UTF8.self), column))
            return result
        }
        var current: [UInt8] = []
        var start = 1
        var column = 0
        var quoted = false
        var inQuotes = false
        var previousQuote = false
        for byte in line {
            if byte & 0xC0 != 0x80 { column += 1 }
            if inQuotes {
                if byte == quote {
                    inQuotes = false
                    previousQuote = true
                } else {
                    current.append(byte)
                }
                continue
            }
            if byte == quote {
                if previousQuote { current.append(quote) }
                inQuotes = true
                quoted = true
                previousQuote = false
                continue
            }
            previousQuote = false
            if byte == comma {
                result.append((String(decoding: current, as: UTF8.self), start))
                current = []
                start = column + 1
                quoted = false
            } else if !quoted || byte != space {
                current.append(byte)
            }
        }
        guard !inQuotes else { return nil }
        result.append((String(decoding: current, as: UTF8.self), start))
        return result
    }
}
