import Foundation
import Testing

@testable import ScenarioFormat

/// The first bad byte and why, for each way bytes fail to be UTF-8; the corpus (`Malformed/utf8-*`)
/// checks the same cases end to end, with their line and column.
struct UTF8ValidationTests {
    private func problem(_ bytes: [UInt8], endOfFile: Bool = true) -> String? {
        bytes.withUnsafeBufferPointer { UTF8Validation.firstProblem(in: $0, endOfFile: endOfFile) }
            .map { "\($0.offset): \($0.message)" }
    }

    @Test func everyClassOfBadByteIsNamedAtItsFirstByte() {
        #expect(problem([0x61, 0xC0, 0xAF]) == "1: invalid UTF-8 (byte 0xC0: overlong encoding)")
        #expect(problem([0xE0, 0x80, 0xAF]) == "0: invalid UTF-8 (byte 0xE0: overlong encoding)")
        #expect(problem([0xF0, 0x80, 0x80, 0xAF]) == "0: invalid UTF-8 (byte 0xF0: overlong encoding)")
        #expect(problem([0x61, 0x62, 0xED, 0xA0, 0x80]) == "2: invalid UTF-8 (byte 0xED: encoded UTF-16 surrogate)")
        #expect(problem([0xF4, 0x90, 0x80, 0x80]) == "0: invalid UTF-8 (byte 0xF4: code point above U+10FFFF)")
        #expect(problem([0x20, 0xFF]) == "1: invalid UTF-8 (byte 0xFF: never used in UTF-8)")
        #expect(problem([0x80]) == "0: invalid UTF-8 (byte 0x80: continuation byte without a lead byte)")
        #expect(problem([0x61, 0xE2, 0x82]) == "1: invalid UTF-8 (byte 0xE2: sequence cut off by the end of the file)")
        #expect(problem(Array("caf".utf8) + [0xE9, 0x0A]) == "3: invalid UTF-8 (byte 0xE9: incomplete sequence)")
    }

    @Test func aSequenceCutByTheEndOfALineIsIncomplete() {
        #expect(problem([0x61, 0xE2, 0x82], endOfFile: false) == "1: invalid UTF-8 (byte 0xE2: incomplete sequence)")
    }

    @Test func theEdgesOfUnicodeAreValid() {
        let edges = [
            "\u{7F}", "\u{80}", "\u{7FF}", "\u{800}", "\u{D7FF}", "\u{E000}", "\u{FFFF}", "\u{10000}", "\u{10FFFF}",
        ]
        for text in edges {
            #expect(problem(Array(text.utf8)) == nil, "\(text.unicodeScalars.first?.value ?? 0)")
        }
        #expect(problem(Array("Zürich – café 😀".utf8)) == nil)
    }

    @Test func columnsCountCharactersAsLibyamlDoes() {
        let bytes = Array("a: 'ü–😀'\r\nb: x\u{2028}c\rd: ".utf8) + [0xFF]
        let location = bytes.withUnsafeBufferPointer {
            YAMLTree.location(ofByte: bytes.count - 1, in: $0, file: "f.yaml")
        }
        #expect(location == SourceLocation(file: "f.yaml", line: 4, column: 4))
        let columns = Array("a: 'ü–😀' ".utf8) + [0xFF]
        #expect(
            columns.withUnsafeBufferPointer { YAMLTree.location(ofByte: columns.count - 1, in: $0, file: "f") }.column
                == 10)
    }
}
