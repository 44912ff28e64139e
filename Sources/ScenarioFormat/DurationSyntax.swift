public import SimulationKernel

/// The duration syntax of scenario files (SPEC §2): `90s`, `10m`, `1h30m`, `2d`, `250ms`, or a plain
/// number of seconds (`1.5` is 1500 ms).
///
/// Components are written largest unit first, each unit at most once, with no spaces inside. Values are
/// rounded to the nearest millisecond. Negative, non-finite and absurdly large values are rejected.
public enum DurationSyntax {
    /// The largest duration a file may write: 1000 years of 366 days, far beyond any run, and small enough
    /// that sums and products of durations in the simulator cannot overflow.
    public static let maximum: SimTime = 1000 * 366 * SimTime.millisecondsPerDay

    /// Units from largest to smallest, with their length in milliseconds.
    private static let units: [(name: String, milliseconds: Double)] = [
        ("d", 86_400_000), ("h", 3_600_000), ("m", 60_000), ("s", 1000), ("ms", 1),
    ]

    /// The duration in milliseconds, or `nil` when the text is not a valid duration.
    public static func parse(_ text: String) -> SimTime? {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty, trimmed.utf8.count <= 100 else { return nil }
        if let seconds = plainNumber(trimmed) {
            return milliseconds(seconds * 1000)
        }
        let bytes = Array(trimmed.utf8)
        var index = 0
        var total = 0.0
        var lastRank = -1
        while index < bytes.count {
            let numberStart = index
            while index < bytes.count, isDigit(bytes[index]) || bytes[index] == UInt8(ascii: ".") { index += 1 }
            let unitStart = index
            while index < bytes.count, isLetter(bytes[index]) { index += 1 }
            guard numberStart < unitStart, unitStart < index,
                let number = decimal(bytes[numberStart..<unitStart]),
                case let unit = String(decoding: bytes[unitStart..<index], as: UTF8.self),
                let rank = units.firstIndex(where: { $0.name == unit }),
                rank > lastRank
            else { return nil }
            lastRank = rank
            total += number * units[rank].milliseconds
        }
        return milliseconds(total)
    }

    /// Formats milliseconds back into the syntax, largest units first (`5400000` → `1h30m`).
    public static func format(_ milliseconds: SimTime) -> String {
        guard milliseconds > 0 else { return milliseconds == 0 ? "0s" : "-" + format(0 &- milliseconds) }
        var rest = milliseconds
        var text = ""
        for unit in units {
            let size = SimTime(unit.milliseconds)
            if rest >= size {
                text += "\(rest / size)\(unit.name)"
                rest %= size
            }
        }
        return text
    }

    private static func milliseconds(_ value: Double) -> SimTime? {
        guard value.isFinite, value >= 0 else { return nil }
        let rounded = value.rounded(.toNearestOrAwayFromZero)
        guard rounded <= Double(maximum) else { return nil }
        return SimTime(rounded)
    }

    /// The bytes of a plain number; built once, as traces parse millions of numbers.
    private static let numberBytes = Set("0123456789.eE+-".utf8)

    /// A plain decimal number such as `90`, `1.5` or `2e3` (YAML ints and floats), never `nan` or `inf`.
    static func plainNumber(_ text: String) -> Double? {
        guard let first = text.utf8.first, isDigit(first) || first == UInt8(ascii: "."),
            text.utf8.allSatisfy({ numberBytes.contains($0) }),
            let value = Double(text), value.isFinite
        else { return nil }
        return value
    }

    private static func decimal(_ bytes: ArraySlice<UInt8>) -> Double? {
        guard bytes.contains(where: isDigit), bytes.filter({ $0 == UInt8(ascii: ".") }).count <= 1 else {
            return nil
        }
        return Double(String(decoding: bytes, as: UTF8.self))
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func isLetter(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
}

extension String {
    /// The text without leading and trailing spaces, tabs and line breaks (no Foundation needed).
    func trimmingWhitespace() -> String {
        // Most text has nothing to trim: say so from the bytes (traces parse millions of cells).
        let isSpaceByte = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        guard let firstByte = utf8.first, let lastByte = utf8.last else { return self }
        if !isSpaceByte(firstByte), !isSpaceByte(lastByte) { return self }
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[start...end])
    }
}
