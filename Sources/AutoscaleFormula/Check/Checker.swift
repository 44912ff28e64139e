/// The load-time checks that come after parsing (the `Sema` stage): names the service does not
/// know, sampled variables used bare, assignments to what cannot be assigned, argument counts and
/// the service's size limits. They run before any evaluation because the service refuses such a
/// formula when it is set, not when it runs.
enum Checker {
    /// The timestamp fields of rule 22.
    /// The prefix the service reserves for its timeinterval constants: a misspelt one is a load
    /// error rather than an unassigned variable found only when it is evaluated.
    static let constantPrefix = "TimeInterval_"

    static let members: Set<String> = ["year", "month", "day", "weekday", "hour", "minute", "second"]

    static func check(_ statements: [Statement], text: String) throws(FormulaError) {
        let characters = text.count
        guard characters <= FormulaError.characterLimit else { throw .tooLong(characters: characters) }
        guard statements.count <= FormulaError.statementLimit else { throw .tooManyStatements(statements.count) }
        for statement in statements {
            switch statement {
            case .assignment(let name, let location, let value):
                try checkAssignable(name, at: location)
                try check(value)
            case .expression(let value):
                try check(value)
            }
        }
    }

    private static func checkAssignable(_ name: String, at location: SourceLocation) throws(FormulaError) {
        switch NameKind(name) {
        case .sampled: throw .cannotAssign(name, reason: "it is a sampled service variable", at: location)
        case .plain: throw .cannotAssign(name, reason: "it is a read-only service variable", at: location)
        case .timeInterval: throw .cannotAssign(name, reason: "it is a constant", at: location)
        case .optionWord: throw .cannotAssign(name, reason: "it is a deallocation option", at: location)
        case .unsimulated: throw .unsimulatedMetric(name, at: location)
        case .user where name.hasPrefix(constantPrefix):
            throw .cannotAssign(name, reason: "it is a constant", at: location)
        case .target, .deallocationOption, .user: return
        }
    }

    private static func check(_ expression: Expression) throws(FormulaError) {
        switch expression {
        case .number, .string:
            return
        case .name(let name, let location):
            switch NameKind(name) {
            case .sampled: throw .bareSampledVariable(name, at: location)
            case .unsimulated: throw .unsimulatedMetric(name, at: location)
            case .user where name.hasPrefix(Self.constantPrefix): throw .unknownConstant(name, at: location)
            default: return
            }
        case .unary(_, let operand, _):
            try check(operand)
        case .binary(_, let left, let right, _):
            try check(left)
            try check(right)
        case .conditional(let condition, let whenTrue, let whenFalse, _):
            try check(condition)
            try check(whenTrue)
            try check(whenFalse)
        case .call(let name, let arguments, let location):
            guard let function = BuiltinFunction(rawValue: name) else { throw .unknownFunction(name, at: location) }
            guard function.arity.contains(arguments.count) else {
                throw .wrongArgumentCount(name, expected: function.arityText, found: arguments.count, at: location)
            }
            for argument in arguments { try check(argument) }
        case .member(let base, let name, let location):
            try check(base)
            guard members.contains(name) else { throw .unknownMember(name, at: location) }
        case .method(let base, let name, let arguments, let location):
            if case .name(let variable, let variableLocation) = base {
                switch NameKind(variable) {
                case .unsimulated: throw .unsimulatedMetric(variable, at: variableLocation)
                case .sampled: break
                default: throw .methodOnNonSampledValue(name, at: location)
                }
            } else {
                try check(base)
                throw .methodOnNonSampledValue(name, at: location)
            }
            guard let method = SampleMethod(rawValue: name) else { throw .unknownMethod(name, at: location) }
            guard method.arity.contains(arguments.count) else {
                throw .wrongArgumentCount(
                    name, expected: BuiltinFunction.describe(method.arity), found: arguments.count, at: location)
            }
            for argument in arguments { try check(argument) }
        }
    }
}
