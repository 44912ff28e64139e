/// Renders parsed statements back to formula text in one canonical form, so that a formula's syntax
/// tree can be shown as a user would write it and so that tests can check the parser by printing and
/// re-parsing (issue 13): one statement per line, each ending in `;`; single spaces around binary
/// operators, `=`, `?` and `:`; `, ` between arguments; no comments.
///
/// Parentheses are minimal, computed from rule 22's precedence (the parser's own table of levels):
/// an operand is parenthesised only when it binds more loosely than its position accepts. Binary
/// operators associate to the left, so `(a - b) - c` prints as `a - b - c` while `a - (b - c)` keeps
/// its parentheses; `?:` associates to the right, so only a conditional used as a condition needs
/// them; unary operators take a unary or postfix operand and `.` takes a postfix or primary base.
///
/// Numbers print in shortest round-trip form, whole ones without a decimal point (`2.75`, `1e-07`,
/// `1e+300`, `25`); strings between quotes as they are (the language has no escapes); names, function
/// and method names as spelled. Text printed from a tree the parser built parses back to the same
/// tree, locations aside. Trees the parser never builds have no exact spelling: a negative number
/// prints as `-` applied to its magnitude, an infinite one as `1e999` (which overflows back to
/// infinity), NaN as the name `NaN`, and a string holding `"` or a line end cannot be re-read.
enum FormulaPrinter {
    /// The statements, one per line, each ending in `;`; no statements give the empty text.
    static func text(of statements: [Statement]) -> String {
        statements.map { text(of: $0) + ";" }.joined(separator: "\n")
    }

    /// One statement, without its `;`.
    static func text(of statement: Statement) -> String {
        switch statement {
        case .assignment(let name, _, let value): return "\(name) = \(text(of: value))"
        case .expression(let expression): return text(of: expression)
        }
    }

    /// One expression, parenthesised only where its structure needs it.
    static func text(of expression: Expression) -> String {
        text(of: expression, atLeast: Precedence.conditional)
    }

    /// How tightly each form binds, loosest first: `?:`, then the parser's binary levels, then unary
    /// operators, `.` and calls, and the primaries (literals, names, calls, parenthesised text).
    private enum Precedence {
        static let conditional = 0
        static func binary(_ symbol: String) -> Int {
            (Parser.levels.firstIndex { $0.contains(symbol) } ?? 0) + 1
        }
        static let unary = Parser.levels.count + 1
        static let postfix = unary + 1
        static let primary = postfix + 1
    }

    private static func precedence(of expression: Expression) -> Int {
        switch expression {
        case .number(let value, _): return value < 0 ? Precedence.unary : Precedence.primary
        case .string, .name, .call: return Precedence.primary
        case .unary: return Precedence.unary
        case .binary(let symbol, _, _, _): return Precedence.binary(symbol)
        case .conditional: return Precedence.conditional
        case .member, .method: return Precedence.postfix
        }
    }

    /// `expression` in a position that accepts forms binding at least as tightly as `minimum`.
    private static func text(of expression: Expression, atLeast minimum: Int) -> String {
        let body = bareText(of: expression)
        return precedence(of: expression) < minimum ? "(\(body))" : body
    }

    private static func bareText(of expression: Expression) -> String {
        switch expression {
        case .number(let value, _):
            return value < 0 ? "-" + number(-value) : number(value)
        case .string(let text, _):
            return "\"\(text)\""
        case .name(let name, _):
            return name
        case .unary(let symbol, let operand, _):
            return symbol + text(of: operand, atLeast: Precedence.unary)
        case .binary(let symbol, let left, let right, _):
            let level = Precedence.binary(symbol)
            return "\(text(of: left, atLeast: level)) \(symbol) \(text(of: right, atLeast: level + 1))"
        case .conditional(let condition, let whenTrue, let whenFalse, _):
            let test = text(of: condition, atLeast: Precedence.conditional + 1)
            return "\(test) ? \(text(of: whenTrue)) : \(text(of: whenFalse))"
        case .call(let name, let arguments, _):
            return "\(name)(\(argumentList(arguments)))"
        case .member(let base, let member, _):
            return "\(text(of: base, atLeast: Precedence.postfix)).\(member)"
        case .method(let base, let method, let arguments, _):
            return "\(text(of: base, atLeast: Precedence.postfix)).\(method)(\(argumentList(arguments)))"
        }
    }

    private static func argumentList(_ arguments: [Expression]) -> String {
        arguments.map { text(of: $0) }.joined(separator: ", ")
    }

    /// A non-negative number as the lexer reads it back: shortest round-trip digits.
    private static func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return "1e999" }
        return ValueFormatting.number(value)
    }
}
