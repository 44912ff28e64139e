/// A loaded autoscale formula: parsed and checked, ready to evaluate any number of times. Loading
/// and evaluating are separate because the service refuses a bad formula when it is set, while an
/// evaluation can fail on the data it sees (too few samples) and succeed later.
public struct Formula: Sendable {
    /// The text as given.
    public let text: String
    let statements: [Statement]

    private init(text: String, statements: [Statement]) {
        self.text = text
        self.statements = statements
    }

    /// The formula in canonical form (`FormulaPrinter`): one statement per line ending in `;`, single
    /// spaces around operators, minimal parentheses, no comments. It loads to the same statements.
    public var canonicalText: String { FormulaPrinter.text(of: statements) }

    /// Parses and checks `text`; a load error points at the offending token.
    public static func load(_ text: String) throws(FormulaError) -> Formula {
        if text.count > FormulaError.characterLimit { throw .tooLong(characters: text.count) }
        let statements = try Parser.parse(text)
        try Checker.check(statements, text: text)
        return Formula(text: text, statements: statements)
    }

    /// Runs the statements in order against `context`.
    public func evaluate(context: EvaluationContext) -> Result<Evaluation, FormulaError> {
        var evaluator = Evaluator(context: context)
        do throws(FormulaError) {
            return .success(try evaluator.run(statements))
        } catch {
            return .failure(error)
        }
    }
}
