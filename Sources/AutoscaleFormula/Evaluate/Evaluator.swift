/// Runs checked statements against an `EvaluationContext` (rules 22–25): user variables, targets and
/// the deallocation option live here for one evaluation. Operators, functions and sample methods are
/// in the extensions `Evaluator+Operators`, `+Functions` and `+Samples`.
struct Evaluator {
    let context: EvaluationContext
    private var variables: [String: FormulaValue] = [:]
    private var targets: [NameKind.TargetVariable: Double] = [:]
    private var option: DeallocationOption?
    /// How many times `rand()` has been called: a reference so that the non-mutating `evaluate` can count.
    let randomCalls = CallCounter()

    /// A counter shared by the evaluator's copies within one evaluation.
    final class CallCounter {
        var count = 0
    }

    init(context: EvaluationContext) {
        self.context = context
    }

    /// Every statement in order, or the first error.
    mutating func run(_ statements: [Statement]) throws(FormulaError) -> Evaluation {
        var stopped = false
        do throws(EvaluationInterrupt) {
            for statement in statements { try execute(statement) }
        } catch {
            switch error {
            case .failed(let failure): throw failure
            case .stopped: stopped = true
            }
        }
        return Evaluation(
            targetDedicatedNodes: targets[.targetDedicatedNodes], targetDedicated: targets[.targetDedicated],
            targetLowPriorityNodes: targets[.targetLowPriorityNodes], targetLowPriority: targets[.targetLowPriority],
            nodeDeallocationOption: option, userVariables: variables, stopped: stopped)
    }

    private mutating func execute(_ statement: Statement) throws(EvaluationInterrupt) {
        switch statement {
        case .expression(let expression):
            _ = try evaluate(expression)
        case .assignment(let name, let location, let expression):
            let value = try evaluate(expression)
            switch NameKind(name) {
            case .target(let target):
                guard case .double(let number) = value else {
                    throw .failed(.typeMismatch("\(name) must be a double, not a \(value.typeName)", at: location))
                }
                targets[target] = number
            case .deallocationOption:
                guard case .string(let text) = value, let chosen = DeallocationOption(rawValue: text) else {
                    throw .failed(
                        .invalidArgument(
                            "$NodeDeallocationOption must be requeue, terminate, taskcompletion or retaineddata",
                            at: location))
                }
                option = chosen
            default:
                variables[name] = value
            }
        }
    }

    /// The value of `expression`.
    func evaluate(_ expression: Expression) throws(EvaluationInterrupt) -> FormulaValue {
        switch expression {
        case .number(let value, _):
            return .double(value)
        case .string(let text, _):
            return .string(text)
        case .name(let name, let location):
            return try read(name, at: location)
        case .unary(let symbol, let operand, let location):
            return try unary(symbol, try evaluate(operand), at: location)
        case .binary(let symbol, let left, let right, let location):
            return try binary(symbol, left, right, at: location)
        case .conditional(let condition, let whenTrue, let whenFalse, let location):
            let test = try truth(try evaluate(condition), "'?:'", at: location)
            return try evaluate(test ? whenTrue : whenFalse)
        case .call(let name, let arguments, let location):
            return try call(name, arguments, at: location)
        case .member(let base, let name, let location):
            return try member(try evaluate(base), name, at: location)
        case .method(let base, let name, let arguments, let location):
            guard case .name(let variable, _) = base, let sampled = SampledVariable(rawValue: variable),
                let method = SampleMethod(rawValue: name)
            else { throw .failed(.methodOnNonSampledValue(name, at: location)) }
            return try sample(sampled, method, arguments, at: location)
        }
    }

    /// A double used as a condition: non-zero is true.
    func truth(_ value: FormulaValue, _ what: String, at location: SourceLocation) throws(EvaluationInterrupt) -> Bool {
        guard case .double(let number) = value else {
            throw .failed(.typeMismatch("\(what) needs a double, not a \(value.typeName)", at: location))
        }
        return number != 0
    }

    private func read(_ name: String, at location: SourceLocation) throws(EvaluationInterrupt) -> FormulaValue {
        switch NameKind(name) {
        case .sampled: throw .failed(.bareSampledVariable(name, at: location))
        case .unsimulated: throw .failed(.unsimulatedMetric(name, at: location))
        case .plain(.currentDedicated): return .double(context.currentDedicatedNodes)
        case .plain(.currentLowPriority): return .double(context.currentLowPriorityNodes)
        case .plain(.taskSlotsPerNode): return .double(context.taskSlotsPerNode)
        case .target(let target):
            if let value = targets[target] { return .double(value) }
            switch target {
            case .targetDedicatedNodes, .targetDedicated: return .double(context.currentTargetDedicated)
            case .targetLowPriorityNodes, .targetLowPriority: return .double(context.currentTargetLowPriority)
            }
        case .deallocationOption: return .string((option ?? .requeue).rawValue)
        case .timeInterval(let seconds): return .interval(seconds)
        case .optionWord: return .string(name)
        case .user:
            guard let value = variables[name] else { throw .failed(.unassignedVariable(name, at: location)) }
            return value
        }
    }

    private func member(_ base: FormulaValue, _ name: String, at location: SourceLocation) throws(EvaluationInterrupt)
        -> FormulaValue
    {
        guard case .timestamp(let seconds) = base, abs(seconds) < 1e12 else {
            throw .failed(.typeMismatch("'.\(name)' needs a timestamp, not a \(base.typeName)", at: location))
        }
        let fields = CivilTime(millisecondsSince1970: Int64((seconds * 1000).rounded(.down)))
        switch name {
        case "year": return .double(Double(fields.year))
        case "month": return .double(Double(fields.month))
        case "day": return .double(Double(fields.day))
        case "weekday": return .double(Double(fields.weekday))
        case "hour": return .double(Double(fields.hour))
        case "minute": return .double(Double(fields.minute))
        case "second": return .double(Double(fields.second))
        default: throw .failed(.unknownMember(name, at: location))
        }
    }
}
