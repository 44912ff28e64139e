/// Tokens → statements, by recursive descent over the precedence levels of rule 22 (loosest first:
/// `?:`, `||`, `&&`, `== !=`, `< <= > >=`, `+ -`, `* /`, unary `- !`, then `.` and calls). A syntax
/// error is reported at the token that cannot continue the statement, so a missing `;` points at the
/// start of the next statement, as the service's own messages do.
struct Parser {
    private let tokens: [Token]
    private var index = 0
    /// Open parentheses and unary operators around the current token: bounds the parser's own recursion.
    private var nesting = 0

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
            return .assignment(name, location, try expression().expression)
        }
        let expression = try expression().expression
        if current.isSymbol("=") { throw .invalidAssignmentTarget(at: current.location) }
        return .expression(expression)
    }

    /// An expression and the depth of its tree. The depth is bounded so that a hostile formula
    /// (thousands of `(` or `1+1+…`) cannot exhaust the stack of the recursive checker and evaluator.
    private struct Parsed {
        var expression: Expression
        var depth: Int
    }

    /// Builds a node over `children`, refusing trees deeper than `FormulaError.depthLimit`.
    private func node(_ expression: Expression, _ children: [Parsed]) throws(FormulaError) -> Parsed {
        let depth = (children.map(\.depth).max() ?? 0) + 1
        guard depth <= FormulaError.depthLimit else { throw .tooDeep(at: expression.location) }
        return Parsed(expression: expression, depth: depth)
    }

    private mutating func expression() throws(FormulaError) -> Parsed {
        let condition = try binary(level: 0)
        guard current.isSymbol("?") else { return condition }
        let location = advance().location
        let whenTrue = try expression()
        try expect(":")
        let whenFalse = try expression()
        return try node(
            .conditional(condition.expression, whenTrue.expression, whenFalse.expression, location),
            [condition, whenTrue, whenFalse])
    }

    /// Binary operators by level, loosest first; `FormulaPrinter` parenthesises by the same table.
    static let levels: [Set<String>] = [
        ["||"], ["&&"], ["==", "!="], ["<", "<=", ">", ">="], ["+", "-"], ["*", "/"],
    ]

    private mutating func binary(level: Int) throws(FormulaError) -> Parsed {
        guard level < Self.levels.count else { return try unary() }
        var left = try binary(level: level + 1)
        while case .symbol(let symbol) = current.kind, Self.levels[level].contains(symbol) {
            let location = advance().location
            let right = try binary(level: level + 1)
            left = try node(.binary(symbol, left.expression, right.expression, location), [left, right])
        }
        return left
    }

    private mutating func unary() throws(FormulaError) -> Parsed {
        if current.isSymbol("-") || current.isSymbol("!") {
            let token = advance()
            if nesting >= FormulaError.depthLimit { throw .tooDeep(at: token.location) }
            nesting += 1
            defer { nesting -= 1 }
            let operand = try unary()
            return try node(.unary(token.spelling, operand.expression, token.location), [operand])
        }
        return try postfix()
    }

    private mutating func postfix() throws(FormulaError) -> Parsed {
        var base = try primary()
        while current.isSymbol(".") {
            _ = advance()
            guard case .name(let member) = current.kind else {
                throw .expectedName(found: current.spelling, at: current.location)
            }
            let location = advance().location
            if current.isSymbol("(") {
                let arguments = try self.arguments()
                base = try node(
                    .method(base.expression, member, arguments.map(\.expression), location), [base] + arguments)
            } else {
                base = try node(.member(base.expression, member, location), [base])
            }
        }
        return base
    }

    private mutating func arguments() throws(FormulaError) -> [Parsed] {
        try expect("(")
        var arguments: [Parsed] = []
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

    private mutating func primary() throws(FormulaError) -> Parsed {
        let token = current
        switch token.kind {
        case .number(let value):
            _ = advance()
            return Parsed(expression: .number(value, token.location), depth: 1)
        case .string(let text):
            _ = advance()
            return Parsed(expression: .string(text, token.location), depth: 1)
        case .name(let name):
            _ = advance()
            guard current.isSymbol("(") else { return Parsed(expression: .name(name, token.location), depth: 1) }
            let arguments = try self.arguments()
            return try node(.call(name, arguments.map(\.expression), token.location), arguments)
        case .symbol("("):
            _ = advance()
            if nesting >= FormulaError.depthLimit { throw .tooDeep(at: token.location) }
            nesting += 1
            defer { nesting -= 1 }
            let inner = try expression()
            try expect(")")
            return inner
        default:
            throw .expectedExpression(found: token.spelling, at: token.location)
        }
    }
}
