import AutoscaleFormula
import Foundation
import Testing

/// Shared helpers: 2026-01-05T00:00:00Z (a Monday) as the default now, and one-line evaluation.
enum FormulaTestSupport {
    static let monday = 1_767_571_200.0

    /// The results string of `text` evaluated in `context`, or the error's `line:column: error: message`.
    static func results(_ text: String, _ context: EvaluationContext = EvaluationContext(now: monday)) -> String {
        do {
            let formula = try Formula.load(text)
            switch formula.evaluate(context: context) {
            case .success(let evaluation): return evaluation.resultsString
            case .failure(let error): return error.description
            }
        } catch {
            return error.description
        }
    }

    /// The value of user variable `x` after `text`, as the results string prints it.
    static func value(_ text: String, _ context: EvaluationContext = EvaluationContext(now: monday)) -> String {
        let all = results(text, context)
        guard let range = all.range(of: ";x=") else { return all }
        return String(all[range.upperBound...].prefix { $0 != ";" })
    }
}
