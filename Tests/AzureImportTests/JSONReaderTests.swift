import AzureImport
import Foundation
import Testing

/// The positioned JSON reader: values keep their line and column, and malformed JSON says where.
struct JSONReaderTests {
    @Test func valuesKeepTheirLineAndColumn() throws {
        let node = try JSONReader.parse("{\n  \"id\": \"pool\",\n  \"n\": [1, 2.5e3, true, null]\n}")
        #expect(node.line == 1 && node.column == 1)
        let id = try #require(node["id"])
        #expect(id.string == "pool" && id.line == 2 && id.column == 9)
        let list = try #require(node["n"]?.elements)
        #expect(list.map(\.scalarText) == ["1", "2.5e3", "true", nil])
        #expect(list[1].line == 3 && list[1].column == 12)
    }

    @Test func escapesAndUnicodeAreDecoded() throws {
        let node = try JSONReader.parse(#"["a\"b\\c\n", "\u00e9\ud83d\ude00", "é"]"#)
        #expect(node.elements?.compactMap(\.string) == ["a\"b\\c\n", "é😀", "é"])
    }

    @Test(
        arguments: [
            ("{\n  \"id\": \"a\"\n  \"vmSize\": \"b\"\n}", 3, 3, "expected ',' or '}'"),
            ("{\"id\": }", 1, 8, "expected a JSON value"),
            ("[1, 2,]", 1, 7, "expected a JSON value"),
            ("{\"id\": \"a}", 1, 11, "unterminated string"),
            ("{\"a\": 1} x", 1, 10, "expected the end of the file"),
            ("{id: 1}", 1, 2, "expected a quoted key"),
            ("", 1, 1, "found the end of the file"),
            ("{\"é\": tru}", 1, 7, "expected a JSON value"),
        ] as [(String, Int, Int, String)])
    func malformedJSONNamesLineAndColumn(_ text: String, _ line: Int, _ column: Int, _ message: String) {
        #expect {
            _ = try JSONReader.parse(text)
        } throws: { error in
            guard let error = error as? JSONReader.SyntaxError else { return false }
            return error.line == line && error.column == column && error.message.contains(message)
        }
    }
}
