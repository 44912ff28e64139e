/// Why an evaluation stops before its last statement: an error, or `stop()` (which keeps the
/// assignments made so far, rule 23). One error type lets both unwind through the evaluator.
enum EvaluationInterrupt: Error {
    case failed(FormulaError)
    case stopped
}
