/// The syntax tree of one expression (rule 22). Each node keeps the location of the token an
/// evaluation error about it points at: the operator, the function or method name, the variable.
indirect enum Expression: Equatable, Sendable {
    case number(Double, SourceLocation)
    case string(String, SourceLocation)
    /// A name read as a value: a user variable, a service variable, a constant or an option word.
    case name(String, SourceLocation)
    /// `-x` or `!x`, located at the operator.
    case unary(String, Expression, SourceLocation)
    /// `a op b`, located at the operator.
    case binary(String, Expression, Expression, SourceLocation)
    /// `c ? a : b`, located at the `?`.
    case conditional(Expression, Expression, Expression, SourceLocation)
    /// `f(args)`, located at the function name.
    case call(String, [Expression], SourceLocation)
    /// `base.member` without a call (a timestamp's field), located at the member name.
    case member(Expression, String, SourceLocation)
    /// `base.Method(args)` (a sample method), located at the method name.
    case method(Expression, String, [Expression], SourceLocation)

    /// Where an error about this node points.
    var location: SourceLocation {
        switch self {
        case .number(_, let location), .string(_, let location), .name(_, let location),
            .unary(_, _, let location), .binary(_, _, _, let location), .conditional(_, _, _, let location),
            .call(_, _, let location), .member(_, _, let location), .method(_, _, _, let location):
            return location
        }
    }
}
