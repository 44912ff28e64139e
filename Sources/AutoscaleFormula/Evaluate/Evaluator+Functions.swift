import Foundation

/// The functions of rule 23. Functions over a doubleVecList flatten their arguments (doubles and
/// vectors, in order) into one list of values first.
extension Evaluator {
    func call(_ name: String, _ arguments: [Expression], at location: SourceLocation) throws(EvaluationInterrupt)
        -> FormulaValue
    {
        guard let function = BuiltinFunction(rawValue: name) else {
            throw .failed(.unknownFunction(name, at: location))
        }
        switch function {
        case .rand:
            defer { randomCalls.count += 1 }
            return .double(context.random(randomCalls.count))
        case .stop:
            throw .stopped
        case .time:
            guard let argument = arguments.first else { return .timestamp(context.now) }
            let value = try evaluate(argument)
            guard case .string(let text) = value else {
                throw .failed(.typeMismatch("time needs a string, not a \(value.typeName)", at: location))
            }
            guard let seconds = TimestampText.parse(text) else { throw .failed(.invalidTimestamp(text, at: location)) }
            return .timestamp(seconds)
        case .ceil, .floor, .round, .lg, .ln, .log:
            let transform = Self.elementwise(function)
            let value = try evaluate(arguments[0])
            switch value {
            case .double(let x): return .double(transform(x))
            case .vector(let xs): return .vector(xs.map(transform))
            default:
                throw .failed(
                    .typeMismatch("\(name) needs a double or a doubleVec, not a \(value.typeName)", at: location))
            }
        case .val:
            let values = try flatten([arguments[0]], name, at: location)
            let index = try number(arguments[1], name, at: location)
            guard index == index.rounded(), index >= 0, index < Double(values.count) else {
                throw .failed(
                    .invalidArgument(
                        "val: index \(ValueFormatting.number(index)) is outside a vector of \(values.count) values",
                        at: location))
            }
            return .double(values[Int(index)])
        case .percentile:
            let values = try flatten([arguments[0]], name, at: location)
            let percent = try number(arguments[1], name, at: location)
            guard (0...100).contains(percent) else {
                throw .failed(
                    .invalidArgument(
                        "percentile: \(ValueFormatting.number(percent)) is not between 0 and 100", at: location))
            }
            guard !values.isEmpty else { throw .failed(.noValues(name, at: location)) }
            let sorted = values.sorted()
            let rank = Int((percent / 100 * Double(sorted.count)).rounded(.up))
            return .double(sorted[max(rank, 1) - 1])
        case .avg, .len, .max, .min, .norm, .range, .std, .sum:
            let values = try flatten(arguments, name, at: location)
            if function == .len { return .double(Double(values.count)) }
            if function == .sum { return .double(values.reduce(0, +)) }
            guard let smallest = values.min(), let largest = values.max() else {
                throw .failed(.noValues(name, at: location))
            }
            let mean = values.reduce(0, +) / Double(values.count)
            switch function {
            case .avg: return .double(mean)
            case .max: return .double(largest)
            case .min: return .double(smallest)
            case .range: return .double(largest - smallest)
            case .norm: return .double(values.reduce(0) { $0 + $1 * $1 }.squareRoot())
            default:
                guard values.count >= 2 else { return .double(0) }
                let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
                return .double((squares / Double(values.count - 1)).squareRoot())
            }
        }
    }

    private static func elementwise(_ function: BuiltinFunction) -> (Double) -> Double {
        switch function {
        case .ceil: return { $0.rounded(.up) }
        case .floor: return { $0.rounded(.down) }
        case .round: return { $0.rounded(.toNearestOrAwayFromZero) }
        case .lg: return { Foundation.log2($0) }
        case .ln: return { Foundation.log($0) }
        default: return { Foundation.log10($0) }
        }
    }

    private func number(_ argument: Expression, _ name: String, at location: SourceLocation)
        throws(EvaluationInterrupt) -> Double
    {
        let value = try evaluate(argument)
        guard case .double(let number) = value else {
            throw .failed(.typeMismatch("\(name) needs a double, not a \(value.typeName)", at: location))
        }
        return number
    }

    /// The doubleVecList of `arguments`: doubles and vectors in order, as one list.
    private func flatten(_ arguments: [Expression], _ name: String, at location: SourceLocation)
        throws(EvaluationInterrupt) -> [Double]
    {
        var values: [Double] = []
        for argument in arguments {
            let value = try evaluate(argument)
            switch value {
            case .double(let number): values.append(number)
            case .vector(let numbers): values.append(contentsOf: numbers)
            default:
                throw .failed(
                    .typeMismatch("\(name) needs doubles or doubleVecs, not a \(value.typeName)", at: location))
            }
        }
        return values
    }
}
