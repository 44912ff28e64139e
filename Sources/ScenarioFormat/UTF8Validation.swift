/// Finds the first byte that is not UTF-8, and says why, so that an error can point at it.
///
/// Foundation and the standard library only answer yes or no; a user with a Latin-1 `café` in a
/// 3,000-line file needs the line and column. The rules are Unicode's (Table 3-7 of the standard):
/// no overlong forms, no encoded UTF-16 surrogates, nothing above U+10FFFF. A bad sequence is
/// reported at its first byte, the one an editor shows as the strange character.
enum UTF8Validation {
    /// The first bad byte of a buffer.
    struct Problem: Equatable {
        /// Offset of the byte in the buffer validated.
        var offset: Int
        var byte: UInt8
        var reason: String

        /// `invalid UTF-8 (byte 0xE9: incomplete sequence)`.
        var message: String {
            let hex = String(byte, radix: 16, uppercase: true)
            return "invalid UTF-8 (byte 0x\(hex.count == 1 ? "0" + hex : hex): \(reason))"
        }
    }

    /// The first invalid sequence in `bytes`, or `nil` when all of it is UTF-8. `endOfFile` says
    /// whether a sequence cut off by the end of `bytes` was cut off by the end of the file, or by
    /// the end of a line (then it is just incomplete).
    static func firstProblem(in bytes: UnsafeBufferPointer<UInt8>, endOfFile: Bool = true) -> Problem? {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            switch sequenceLength(bytes, at: index) {
            case .success(let length): index += length
            case .failure(let reason):
                let shown = reason == .truncated && !endOfFile ? .incomplete : reason
                return Problem(offset: index, byte: lead, reason: shown.text)
            }
        }
        return nil
    }

    /// Why a sequence is not UTF-8.
    enum Reason: Error {
        case continuationWithoutLead
        case overlong
        case surrogate
        case aboveMaximum
        case neverUsed
        case truncated
        case incomplete

        var text: String {
            switch self {
            case .continuationWithoutLead: "continuation byte without a lead byte"
            case .overlong: "overlong encoding"
            case .surrogate: "encoded UTF-16 surrogate"
            case .aboveMaximum: "code point above U+10FFFF"
            case .neverUsed: "never used in UTF-8"
            case .truncated: "sequence cut off by the end of the file"
            case .incomplete: "incomplete sequence"
            }
        }
    }

    /// The length of the well-formed multi-byte sequence starting at `index`, or why it is not one.
    private static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Result<Int, Reason> {
        let lead = bytes[index]
        // The allowed range of the second byte, which is where overlongs and surrogates show.
        let length: Int
        var second: ClosedRange<UInt8> = 0x80...0xBF
        var secondProblem = Reason.incomplete
        switch lead {
        case 0x80...0xBF: return .failure(.continuationWithoutLead)
        case 0xC0, 0xC1: return .failure(.overlong)
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            second = 0xA0...0xBF
            secondProblem = .overlong
        case 0xED:
            length = 3
            second = 0x80...0x9F
            secondProblem = .surrogate
        case 0xE1...0xEF: length = 3
        case 0xF0:
            length = 4
            second = 0x90...0xBF
            secondProblem = .overlong
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            second = 0x80...0x8F
            secondProblem = .aboveMaximum
        default: return .failure(.neverUsed)
        }
        for position in 1..<length {
            guard index + position < bytes.count else { return .failure(.truncated) }
            let byte = bytes[index + position]
            guard (0x80...0xBF).contains(byte) else { return .failure(.incomplete) }
            if position == 1, !second.contains(byte) { return .failure(secondProblem) }
        }
        return .success(length)
    }

    /// Unicode scalars in `bytes`, which must be valid UTF-8: what columns count, as libyaml counts
    /// them (every byte but a continuation byte starts one).
    static func scalarCount(_ bytes: some Sequence<UInt8>) -> Int {
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }
}
