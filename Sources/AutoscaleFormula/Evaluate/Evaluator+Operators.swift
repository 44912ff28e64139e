/// The operators of rule 22: arithmetic on doubles, element by element on vectors, the time
/// arithmetic of timestamps and timeintervals, comparisons of like kinds, short-circuit logic.
extension Evaluator {
    func binary(_ symbol: String, _ left: Expression, _ right: Expression, at location: SourceLocation)
        throws(EvaluationInterrupt) -> FormulaValue
    {
        if symbol == "&&" || symbol == "||" {
            let first = try truth(try evaluate(left), "'\(symbol)'", at: location)
            if symbol == "&&" && !first { return .double(0) }
            if symbol == "||" && first { return .double(1) }
            return .double(try truth(try evaluate(right), "'\(symbol)'", at: location) ? 1 : 0)
        }
        let a = try evaluate(left)
        let b = try evaluate(right)
        switch symbol {
        case "==", "!=", "<", "<=", ">", ">=":
            return try compare(symbol, a, b, at: location)
        default:
            return try Self.inRange(try arithmetic(symbol, a, b, at: location), at: location)
        }
    }

    /// .NET's ranges (`DateTime` years 1–9999, `TimeSpan` ±2⁶³ ticks): the service cannot hold a time
    /// outside them, and the results string could not print it.
    static func inRange(_ value: FormulaValue, at location: SourceLocation) throws(EvaluationInterrupt)
        -> FormulaValue
    {
        switch value {
        case .timestamp(let seconds):
            guard seconds >= -62_135_596_800, seconds < 253_402_300_800 else {
                throw .failed(.outOfRange("timestamp", at: location))
            }
        case .interval(let seconds):
            guard abs(seconds) <= 922_337_203_685 else { throw .failed(.outOfRange("timeinterval", at: location)) }
        default:
            break
        }
        return value
    }

    private func mismatch(_ symbol: String, _ a: FormulaValue, _ b: FormulaValue, at location: SourceLocation)
        -> EvaluationInterrupt
    {
        .failed(.typeMismatch("'\(symbol)' cannot combine a \(a.typeName) and a \(b.typeName)", at: location))
    }

    private func compare(_ symbol: String, _ a: FormulaValue, _ b: FormulaValue, at location: SourceLocation)
        throws(EvaluationInterrupt) -> FormulaValue
    {
        let order: Int
        switch (a, b) {
        case (.double(let x), .double(let y)), (.interval(let x), .interval(let y)),
            (.timestamp(let x), .timestamp(let y)):
            order = x < y ? -1 : (x > y ? 1 : 0)
        case (.string(let x), .string(let y)):
            order = x == y ? 0 : (x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars) ? -1 : 1)
        default:
            throw mismatch(symbol, a, b, at: location)
        }
        let result: Bool
        switch symbol {
        case "==": result = order == 0
        case "!=": result = order != 0
        case "<": result = order < 0
        case "<=": result = order <= 0
        case ">": result = order > 0
        default: result = order >= 0
        }
        return .double(result ? 1 : 0)
    }

    private func apply(_ symbol: String, _ x: Double, _ y: Double, at location: SourceLocation)
        throws(EvaluationInterrupt) -> Double
    {
        switch symbol {
        case "+": return x + y
        case "-": return x - y
        case "*": return x * y
        default:
            guard y != 0 else { throw .failed(.divisionByZero(at: location)) }
            return x / y
        }
    }

    private func arithmetic(_ symbol: String, _ a: FormulaValue, _ b: FormulaValue, at location: SourceLocation)
        throws(EvaluationInterrupt) -> FormulaValue
    {
        switch (a, b) {
        case (.double(let x), .double(let y)):
            return .double(try apply(symbol, x, y, at: location))
        case (.vector(let xs), .double(let y)):
            var result: [Double] = []
            for x in xs { result.append(try apply(symbol, x, y, at: location)) }
            return .vector(result)
        case (.double(let x), .vector(let ys)):
            var result: [Double] = []
            for y in ys { result.append(try apply(symbol, x, y, at: location)) }
            return .vector(result)
        case (.vector(let xs), .vector(let ys)):
            guard xs.count == ys.count else { throw .failed(.vectorLengthMismatch(xs.count, ys.count, at: location)) }
            var result: [Double] = []
            for (x, y) in zip(xs, ys) { result.append(try apply(symbol, x, y, at: location)) }
            return .vector(result)
        case (.timestamp(let x), .timestamp(let y)) where symbol == "-":
            return .interval(x - y)
        case (.timestamp(let x), .interval(let y)) where symbol == "+" || symbol == "-":
            return .timestamp(symbol == "+" ? x + y : x - y)
        case (.interval(let x), .timestamp(let y)) where symbol == "+":
            return .timestamp(x + y)
        case (.interval(let x), .interval(let y)) where symbol == "+" || symbol == "-":
            return .interval(try apply(symbol, x, y, at: location))
        case (.interval(let x), .interval(let y)) where symbol == "/":
            return .double(try apply(symbol, x, y, at: location))
        case (.interval(let x), .double(let y)) where symbol == "*" || symbol == "/":
            return .interval(try apply(symbol, x, y, at: location))
        case (.double(let x), .interval(let y)) where symbol == "*":
            return .interval(x * y)
        default:
            throw mismatch(symbol, a, b, at: location)
        }
    }

    func unary(_ symbol: String, _ value: FormulaValue, at location: SourceLocation) throws(EvaluationInterrupt)
        -> FormulaValue
    {
        switch (symbol, value) {
        case ("-", .double(let x)): return .double(-x)
        case ("-", .vector(let xs)): return .vector(xs.map { -$0 })
        case ("-", .interval(let x)): return try Self.inRange(.interval(-x), at: location)
        case ("!", .double(let x)): return .double(x == 0 ? 1 : 0)
        default:
            throw .failed(.typeMismatch("'\(symbol)' cannot apply to a \(value.typeName)", at: location))
        }
    }
}
