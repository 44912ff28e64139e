/// Tokens → statements, by recursive descent over the precedence levels of rule 22 (loosest first:
/// `?:`, `||`, `&&`, `== !=`, `< <= > >=`, `+ -`, `* /`, unary `- !`, then `.` and calls). A syntax
/// error is reported at the token that cannot continue the statement, so a missing `;` points at the
/// start of the next statement, as the service's own messages do.
struct Parser {
    private let tokens: [Token]
    private var index = 0

    private init(tokens: [Token]) {
        self.tokens = tokens
    }

    /// The statements of `text`; empty statements (`;;`) are skipped.
    static func parse(_ text: String) throws(FormulaError) -> [Statement] {
        var parser = Parser(tokens: try Lexer.tokens(of: text))
        return try parser.statements()
    }

    private var current: Token { tokens[index] }

    private mutating func advance() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    private mutating func expect(_ symbol: String) throws(FormulaError) {
        guard current.isSymbol(symbol) else {
            throw .expectedToken(symbol, found: current.spelling, at: current.location)
        }
        _ = advance()
    }

    private mutating func statements() throws(FormulaError) -> [Statement] {
        var statements: [Statement] = []
        while current.kind != .end {
            if current.isSymbol(";") {
                _ = advance()
                continue
            }
            statements.append(try statement())
            if current.kind == .end { break }
            guard current.isSymbol(";") else {
                throw .expectedToken(";", found: current.spelling, at: current.location)
            }
            _ = advance()
        }
        return statements
    }

    private mutating func statement() throws(FormulaError) -> Statement {
        if case .name(let name) = current.kind, tokens[index + 1].isSymbol("=") {
            let location = advance().location
            _ = advance()
            return .assignment(name, location, try expression())
        }
        let expression = try expression()
        if current.isSymbol("=") { throw .invalidAssignmentTarget(at: current.location) }
        return .expression(expression)
    }

    private mutating func expression() throws(FormulaError) -> Expression {
        let condition = try binary(level: 0)
        guard current.isSymbol("?") else { return condition }
        let location = advance().location
        let whenTrue = try expression()
        try expect(":")
        let whenFalse = try expression()
        return .conditional(condition, whenTrue, whenFalse, location)
    }

    /// Binary operators by level, loosest first.
    private static let levels: [Set<String>] = [
        ["||"], ["&&"], ["==", "!="], ["<", "<=", ">", ">="], ["+", "-"], ["*", "/"],
    ]

    private mutating func binary(level: Int) throws(FormulaError) -> Expression {
        guard level < Self.levels.count else { return try unary() }
        var left = try binary(level: level + 1)
        while case .symbol(let symbol) = current.kind, Self.levels[level].contains(symbol) {
            let location = advance().location
            let right = try binary(level: level + 1)
            left = .binary(symbol, left, right, location)
        }
        return left
    }

    private mutating func unary() throws(FormulaError) -> Expression {
        if current.isSymbol("-") || current.isSymbol("!") {
            let token = advance()
            return .unary(token.spelling, try unary(), token.location)
        }
        return try postfix()
    }

    private mutating func postfix() throws(FormulaError) -> Expression {
        var base = try primary()
        while current.isSymbol(".") {
            _ = advance()
            guard case .name(let member) = current.kind else {
                throw .expectedName(found: current.spelling, at: current.location)
            }
            let location = advance().location
            if current.isSymbol("(") {
                base = .method(base, member, try arguments(), location)
            } else {
                base = .member(base, member, location)
            }
        }
        return base
    }

    private mutating func arguments() throws(FormulaError) -> [Expression] {
        try expect("(")
        var arguments: [Expression] = []
        if current.isSymbol(")") {
            _ = advance()
            return arguments
        }
        while true {
            arguments.append(try expression())
            if current.isSymbol(")") {
                _ = advance()
                return arguments
            }
            guard current.isSymbol(",") else {
                throw .expectedToken(")", found: current.spelling, at: current.location)
            }
            _ = advance()
        }
    }

    private mutating func primary() throws(FormulaError) -> Expression {
        let token = current
        switch token.kind {
        case .number(let value):
            _ = advance()
            return .number(value, token.location)
        case .string(let text):
            _ = advance()
            return .string(text, token.location)
        case .name(let name):
            _ = advance()
            if current.isSymbol("(") { return .call(name, try arguments(), token.location) }
            return .name(name, token.location)
        case .symbol("("):
            _ = advance()
            let inner = try expression()
            try expect(")")
            return inner
        default:
            throw .expectedExpression(found: token.spelling, at: token.location)
        }
    }
}
