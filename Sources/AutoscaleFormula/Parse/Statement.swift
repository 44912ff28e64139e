/// One statement of a formula: `name = expression` or a bare expression (rule 22).
enum Statement: Equatable, Sendable {
    /// An assignment, located at the assigned name.
    case assignment(String, SourceLocation, Expression)
    case expression(Expression)
}
