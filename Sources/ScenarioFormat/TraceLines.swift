internal import Foundation

/// The lines of a trace file, read 1 MiB at a time, so that a trace is checked while it streams
/// in: a binary file, a line without end or a trace with too many rows fails after the first
/// megabyte instead of after reading a gigabyte into memory.
///
/// Lines end with LF or CRLF (a file saved on Windows reads exactly like one saved on Linux); a
/// UTF-8 byte-order mark at the start is skipped, as spreadsheets write one. Each line is checked
/// for NUL bytes and invalid UTF-8 before it is handed out.
struct TraceLines {
    /// A problem at a line and column (1-based, columns in Unicode scalars) of the trace.
    struct Failure: Error {
        var line: Int
        var column: Int
        var message: String
    }

    private let file: InputFile
    private var buffer: [UInt8] = []
    /// Where the unread part of `buffer` starts.
    private var start = 0
    private var atEnd = false
    /// The number of the line last returned (1-based).
    private(set) var number = 0

    init(file: InputFile) {
        self.file = file
    }

    /// The next line without its line break, or `nil` at the end of the file. The slice is only
    /// valid until the next call.
    mutating func next() throws(Failure) -> ArraySlice<UInt8>? {
        while true {
            let end = lineEnd()
            if (end ?? buffer.count) - start > ScenarioLimits.maximumTraceLineBytes {
                number += 1
                // A binary file is more often the cause than a long line: say so if it is one.
                try Self.check(buffer[start..<(end ?? characterBoundary())], number, endOfFile: false)
                throw Failure(
                    line: number, column: 1,
                    message: "expected a CSV line of at most \(ScenarioLimits.maximumTraceLineBytes) bytes, "
                        + "found a longer one")
            }
            if let end {
                number += 1
                var line = buffer[start..<end]
                let isLast = atEnd && end == buffer.count
                start = min(end + 1, buffer.count)
                if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
                if number == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
                try Self.check(line, number, endOfFile: isLast)
                return line
            }
            if atEnd { return nil }
            buffer.removeSubrange(0..<start)
            start = 0
            do {
                atEnd = try file.read(appendingTo: &buffer) == 0
            } catch {
                throw Failure(line: number + 1, column: 1, message: "cannot read the trace: \(error.reason)")
            }
        }
    }

    /// The end of the next complete line: its LF, or the end of the file for a last line without one.
    private func lineEnd() -> Int? {
        guard start < buffer.count else { return nil }
        let found = buffer.withUnsafeBufferPointer { bytes -> Int? in
            guard let base = bytes.baseAddress,
                let hit = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start)
            else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
        return found ?? (atEnd ? buffer.count : nil)
    }

    /// The end of the buffer without a last character that may be cut off by it.
    private func characterBoundary() -> Int {
        var index = buffer.count
        while index > start, buffer.count - index < 4 {
            index -= 1
            if buffer[index] & 0xC0 != 0x80 { return buffer[index] >= 0xC0 ? index : buffer.count }
        }
        return buffer.count
    }

    /// Fails on the first NUL byte or invalid UTF-8 in `line`.
    private static func check(_ line: ArraySlice<UInt8>, _ number: Int, endOfFile: Bool) throws(Failure) {
        var clean = true
        for byte in line where byte == 0 || byte >= 0x80 {
            clean = false
            break
        }
        if clean { return }
        let failure = line.withUnsafeBufferPointer { bytes -> Failure? in
            let nul = bytes.firstIndex(of: 0)
            let text = UnsafeBufferPointer(rebasing: bytes[0..<(nul ?? bytes.count)])
            let column = { (offset: Int) in UTF8Validation.scalarCount(bytes[0..<offset]) + 1 }
            if let problem = UTF8Validation.firstProblem(in: text, endOfFile: endOfFile && nul == nil) {
                return Failure(line: number, column: column(problem.offset), message: problem.message)
            }
            guard let nul else { return nil }
            return Failure(line: number, column: column(nul), message: "expected CSV text, found a NUL byte (0x00)")
        }
        if let failure { throw failure }
    }
}
