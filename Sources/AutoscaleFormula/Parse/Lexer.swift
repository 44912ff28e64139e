/// Splits formula text into tokens (rule 22): numbers, `"strings"` that end on their line, names
/// (`$` allowed at the start), operators; `//` comments and whitespace are skipped. It is a separate
/// stage so that the parser never deals with characters and every token carries its location.
struct Lexer {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var column = 1

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    /// Two-character operators, tried before single characters.
    private static let pairs: Set<String> = ["==", "!=", "<=", ">=", "&&", "||"]
    private static let singles: Set<Unicode.Scalar> = [
        "(", ")", ",", ";", ".", "?", ":", "=", "<", ">", "+", "-", "*", "/", "!",
    ]

    /// Every token of the text, ending with `.end`.
    static func tokens(of text: String) throws(FormulaError) -> [Token] {
        var lexer = Lexer(text)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    private mutating func advance() {
        if scalars[index] == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }

    private mutating func skipTrivia() {
        while let scalar = peek() {
            if scalar.properties.isWhitespace {
                advance()
            } else if scalar == "/" && peek(1) == "/" {
                while let next = peek(), next != "\n" { advance() }
            } else {
                return
            }
        }
    }

    private static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar == "$" || (scalar.isASCII && scalar.properties.isAlphabetic)
    }

    private static func isNamePart(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || (scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)))
    }

    private static func isDigit(_ scalar: Unicode.Scalar?) -> Bool {
        scalar.map { ("0"..."9").contains($0) } ?? false
    }

    private mutating func next() throws(FormulaError) -> Token {
        skipTrivia()
        let location = SourceLocation(line: line, column: column)
        guard let scalar = peek() else { return Token(kind: .end, location: location) }
        if Self.isDigit(scalar) { return Token(kind: .number(number()), location: location) }
        if Self.isNameStart(scalar) {
            var name = ""
            repeat {
                name.unicodeScalars.append(scalars[index])
                advance()
            } while peek().map(Self.isNamePart) ?? false
            return Token(kind: .name(name), location: location)
        }
        if scalar == "\"" {
            advance()
            var text = ""
            while let next = peek(), next != "\"" {
                if next == "\n" { break }
                text.unicodeScalars.append(next)
                advance()
            }
            guard peek() == "\"" else { throw .unterminatedString(at: location) }
            advance()
            return Token(kind: .string(text), location: location)
        }
        if let second = peek(1) {
            let pair = String(scalar) + String(second)
            if Self.pairs.contains(pair) {
                advance()
                advance()
                return Token(kind: .symbol(pair), location: location)
            }
        }
        if Self.singles.contains(scalar) {
            advance()
            return Token(kind: .symbol(String(scalar)), location: location)
        }
        throw .unexpectedCharacter(String(scalar), at: location)
    }

    /// Digits, an optional fraction and an optional exponent (`12`, `0.7`, `1e3`).
    private mutating func number() -> Double {
        var text = ""
        func take(_ lexer: inout Lexer) {
            text.unicodeScalars.append(lexer.scalars[lexer.index])
            lexer.advance()
        }
        while Self.isDigit(peek()) { take(&self) }
        if peek() == ".", Self.isDigit(peek(1)) {
            take(&self)
            while Self.isDigit(peek()) { take(&self) }
        }
        if peek() == "e" || peek() == "E" {
            let signed = peek(1) == "+" || peek(1) == "-"
            if Self.isDigit(peek(signed ? 2 : 1)) {
                take(&self)
                if signed { take(&self) }
                while Self.isDigit(peek()) { take(&self) }
            }
        }
        return Double(text) ?? 0
    }
}
