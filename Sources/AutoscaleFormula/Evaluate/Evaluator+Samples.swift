/// The sample methods of rule 25. An evaluation at time T sees the samples taken before T; a window
/// `[T − end, T − start)` expects ⌊width ÷ 30 s⌋ samples.
extension Evaluator {
    /// The service's sampling period, in seconds.
    static let samplePeriod = 30.0

    /// The samples of `variable` taken before now, oldest first. Histories the caller keeps in
    /// time order (the simulation's) are cut by binary search instead of filtered and sorted.
    private func visible(_ variable: SampledVariable) -> ArraySlice<Sample> {
        let all = context.samples[variable] ?? []
        guard context.samplesAreInTimeOrder else {
            return ArraySlice(all.filter { $0.time < context.now }.sorted { $0.time < $1.time })
        }
        return all[..<Self.firstIndex(in: all[...], notBefore: context.now)]
    }

    /// The first index of sorted `samples` whose time is at least `time`.
    private static func firstIndex(in samples: ArraySlice<Sample>, notBefore time: Double) -> Int {
        var low = samples.startIndex
        var high = samples.endIndex
        while low < high {
            let middle = low + (high - low) / 2
            if samples[middle].time < time { low = middle + 1 } else { high = middle }
        }
        return low
    }

    func sample(
        _ variable: SampledVariable, _ method: SampleMethod, _ arguments: [Expression], at location: SourceLocation
    ) throws(EvaluationInterrupt) -> FormulaValue {
        let name = "\(variable.rawValue).\(method.rawValue)"
        let samples = visible(variable)
        switch method {
        case .count:
            return .double(Double(samples.count))
        case .historyBeginTime:
            guard let first = samples.first else { throw .failed(.noSamples(name, at: location)) }
            return .timestamp(first.time)
        case .getSample, .getSamplePeriod, .getSamplePercent:
            var values: [FormulaValue] = []
            for argument in arguments { values.append(try evaluate(argument)) }
            let selection = try select(samples, values, method, name, at: location)
            switch method {
            case .getSample:
                return .vector(selection.samples.map(\.value))
            case .getSamplePeriod:
                guard selection.samples.count >= 2, let first = selection.samples.first,
                    let last = selection.samples.last
                else { return .interval(0) }
                return .interval(last.time - first.time)
            default:
                guard selection.expected > 0 else { return .double(100) }
                return .double(min(100, 100 * Double(selection.samples.count) / Double(selection.expected)))
            }
        }
    }

    /// The samples a GetSample-style argument list picks and how many the window expects.
    private func select(
        _ samples: ArraySlice<Sample>, _ arguments: [FormulaValue], _ method: SampleMethod, _ name: String,
        at location: SourceLocation
    ) throws(EvaluationInterrupt) -> (samples: ArraySlice<Sample>, expected: Int) {
        let mismatch = EvaluationInterrupt.failed(
            .typeMismatch(
                "\(name) takes (count), (interval[, percent]) or (start, end[, percent]), not ("
                    + arguments.map(\.typeName).joined(separator: ", ") + ")", at: location))
        if case .double(let count) = arguments.first, method != .getSamplePercent {
            guard arguments.count == 1 else { throw mismatch }
            guard count >= 0, count == count.rounded() else {
                throw .failed(
                    .invalidArgument("\(name): \(ValueFormatting.number(count)) is not a count", at: location))
            }
            let taken = samples.suffix(Int(min(count, Double(samples.count))))
            return (taken, taken.count)
        }
        var start = 0.0
        var end: Double
        var rest = arguments.dropFirst()
        guard case .interval(let first) = arguments.first else { throw mismatch }
        if case .interval(let second) = rest.first {
            start = first
            end = second
            rest = rest.dropFirst()
        } else {
            end = first
        }
        var percent: Double?
        if let last = rest.first {
            guard case .double(let value) = last, method != .getSamplePercent, rest.count == 1 else { throw mismatch }
            percent = value
        }
        guard end >= start else {
            throw .failed(.invalidArgument("\(name): the window ends before it starts", at: location))
        }
        let from = context.now - end
        let until = context.now - start
        // `samples` is oldest first: the window is one contiguous run.
        let lower = Self.firstIndex(in: samples, notBefore: from)
        let upper = max(lower, Self.firstIndex(in: samples, notBefore: until))
        let taken = samples[lower..<upper]
        let expected = Int(((end - start) / Self.samplePeriod).rounded(.down))
        if let percent, Double(taken.count) < percent / 100 * Double(expected) {
            throw .failed(
                .insufficientSamples(name, available: taken.count, expected: expected, percent: percent, at: location))
        }
        return (taken, expected)
    }
}
