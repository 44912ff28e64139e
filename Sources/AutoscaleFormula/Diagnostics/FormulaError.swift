/// Every diagnostic of the formula language, with its message and location (the `_RegexParser`
/// habit: one enum, so that load errors and evaluation errors share one notion of "where").
/// Load errors come from the lexer, the parser and the checker; evaluation errors from the evaluator.
public enum FormulaError: Error, Equatable, Sendable, CustomStringConvertible {
    // Load errors: syntax.
    case unexpectedCharacter(String, at: SourceLocation)
    case unterminatedString(at: SourceLocation)
    case expectedToken(String, found: String, at: SourceLocation)
    case expectedExpression(found: String, at: SourceLocation)
    case expectedName(found: String, at: SourceLocation)
    case invalidAssignmentTarget(at: SourceLocation)
    // Load errors: names, calls and limits.
    case unknownFunction(String, at: SourceLocation)
    case unknownMethod(String, at: SourceLocation)
    case methodOnNonSampledValue(String, at: SourceLocation)
    case unknownMember(String, at: SourceLocation)
    case unknownConstant(String, at: SourceLocation)
    case unsimulatedMetric(String, at: SourceLocation)
    case bareSampledVariable(String, at: SourceLocation)
    case cannotAssign(String, reason: String, at: SourceLocation)
    case wrongArgumentCount(String, expected: String, found: Int, at: SourceLocation)
    case tooLong(characters: Int)
    case tooManyStatements(Int)
    case tooDeep(at: SourceLocation)
    // Evaluation errors.
    case insufficientSamples(String, available: Int, expected: Int, percent: Double, at: SourceLocation)
    case noSamples(String, at: SourceLocation)
    case divisionByZero(at: SourceLocation)
    case vectorLengthMismatch(Int, Int, at: SourceLocation)
    case unassignedVariable(String, at: SourceLocation)
    case typeMismatch(String, at: SourceLocation)
    case noValues(String, at: SourceLocation)
    case invalidArgument(String, at: SourceLocation)
    case invalidTimestamp(String, at: SourceLocation)
    case outOfRange(String, at: SourceLocation)

    /// The longest formula the service accepts, in characters.
    public static let characterLimit = 8000
    /// The deepest expression tree batchsim accepts (its own limit, far beyond real formulas): the
    /// checker and evaluator recurse over the tree.
    public static let depthLimit = 200
    /// The most statements the service accepts.
    public static let statementLimit = 100

    /// Whether the error is found before evaluating (the service refuses such a formula).
    public var isLoadError: Bool {
        switch self {
        case .insufficientSamples, .noSamples, .divisionByZero, .vectorLengthMismatch, .unassignedVariable,
            .typeMismatch, .noValues, .invalidArgument, .invalidTimestamp, .outOfRange:
            return false
        default:
            return true
        }
    }

    /// Where the error points.
    public var location: SourceLocation {
        switch self {
        case .tooLong, .tooManyStatements:
            return .start
        case .unexpectedCharacter(_, let at), .unterminatedString(let at), .expectedToken(_, _, let at),
            .expectedExpression(_, let at), .expectedName(_, let at), .tooDeep(let at),
            .invalidAssignmentTarget(let at),
            .unknownFunction(_, let at), .unknownMethod(_, let at), .methodOnNonSampledValue(_, let at),
            .unknownMember(_, let at), .unknownConstant(_, let at), .unsimulatedMetric(_, let at),
            .bareSampledVariable(_, let at),
            .cannotAssign(_, _, let at), .wrongArgumentCount(_, _, _, let at), .insufficientSamples(_, _, _, _, let at),
            .noSamples(_, let at), .divisionByZero(let at), .vectorLengthMismatch(_, _, let at),
            .unassignedVariable(_, let at), .typeMismatch(_, let at), .noValues(_, let at),
            .invalidArgument(_, let at), .invalidTimestamp(_, let at), .outOfRange(_, let at):
            return at
        }
    }

    /// The message, without the location.
    public var message: String {
        switch self {
        case .unexpectedCharacter(let character, _):
            return "unexpected character '\(character)'"
        case .unterminatedString:
            return "unterminated string: a string ends with '\"' on the same line"
        case .expectedToken(let expected, let found, _):
            return "expected '\(expected)' but found '\(found)'"
        case .expectedExpression(let found, _):
            return "expected an expression but found '\(found)'"
        case .expectedName(let found, _):
            return "expected a name after '.' but found '\(found)'"
        case .invalidAssignmentTarget:
            return "only a variable can be assigned"
        case .unknownFunction(let name, _):
            return "unknown function '\(name)'"
        case .unknownMethod(let name, _):
            return "unknown method '\(name)'; sample methods are GetSample, GetSamplePercent, GetSamplePeriod, "
                + "Count and HistoryBeginTime"
        case .methodOnNonSampledValue(let name, _):
            return "method '\(name)' applies only to a sampled variable such as $PendingTasks"
        case .unknownMember(let name, _):
            return "unknown member '\(name)'; a timestamp has year, month, day, weekday, hour, minute and second"
        case .unknownConstant(let name, _):
            return "unknown constant '\(name)'; the TimeInterval_ constants are Zero, 100ns, Microsecond, Millisecond, "
                + "Second, Minute, Hour, Day, Week and Year"
        case .unsimulatedMetric(let name, _):
            return "\(name) is not simulated by batchsim"
        case .bareSampledVariable(let name, _):
            return "\(name) is a sampled variable: read it through a sample method such as \(name).GetSample(1)"
        case .cannotAssign(let name, let reason, _):
            return "\(name) cannot be assigned: \(reason)"
        case .wrongArgumentCount(let name, let expected, let found, _):
            return "\(name) takes \(expected), not \(found)"
        case .tooLong(let characters):
            return "the formula has \(characters) characters; the limit is \(Self.characterLimit)"
        case .tooDeep:
            return "the expression nests deeper than \(Self.depthLimit) levels"
        case .tooManyStatements(let count):
            return "the formula has \(count) statements; the limit is \(Self.statementLimit)"
        case .insufficientSamples(let name, let available, let expected, let percent, _):
            return "\(name): \(available) of \(expected) expected samples, fewer than "
                + "\(ValueFormatting.number(percent))%"
        case .noSamples(let name, _):
            return "\(name): no samples have been taken"
        case .divisionByZero:
            return "division by zero"
        case .vectorLengthMismatch(let left, let right, _):
            return "vectors of different lengths (\(left) and \(right))"
        case .unassignedVariable(let name, _):
            return "\(name) is used before it is assigned"
        case .typeMismatch(let detail, _):
            return "type mismatch: \(detail)"
        case .noValues(let name, _):
            return "\(name) of no values"
        case .invalidArgument(let detail, _):
            return detail
        case .invalidTimestamp(let text, _):
            return "'\(text)' is not an ISO 8601 or RFC 1123 timestamp"
        case .outOfRange(let type, _):
            return "the \(type) is out of range (timestamps from year 1 to 9999, timeintervals up to 10,675,199 days)"
        }
    }

    /// `line:column: error: message`.
    public var description: String { "\(location): error: \(message)" }
}
