/// One `expect:` line: a metric name and the check its value must pass (SPEC §3). Metric names are kept as
/// written; the reporting layer knows which exist.
public struct Expectation: Hashable, Sendable {
    public enum Check: Hashable, Sendable {
        /// The value equals this number (compared by the reporting layer, which may allow rounding).
        case equals(Double)
        /// The metric has no value (a percentile of nothing, a makespan with work left).
        case isNull
        /// Inclusive range.
        case between(Double, Double)
        case atLeast(Double)
        case atMost(Double)
    }

    public var metric: String
    public var check: Check
    /// Where the expectation is written, for verdict messages.
    public var location: SourceLocation

    public init(metric: String, check: Check, location: SourceLocation) {
        self.metric = metric
        self.check = check
        self.location = location
    }
}

/// Reads `expect:`: `metric: number | null | {between: [a, b]} | {atLeast: x} | {atMost: x}`, in file order.
struct ExpectationDecoder {
    static let forms = ["between", "atLeast", "atMost"]
    static let what = "a number, null, {between: [a, b]}, {atLeast: x} or {atMost: x}"

    let reader: NodeReader

    func decode(_ node: YNode) -> [Expectation] {
        guard case .mapping(let pairs) = node.kind else {
            reader.expected("a mapping of metric names to expected values", "expect", found: node)
            return []
        }
        return pairs.compactMap { pair in
            guard let metric = pair.key.text, !metric.isEmpty else {
                reader.expected("a metric name", "expect", found: pair.key)
                return nil
            }
            return check(pair.value, metric).map { Expectation(metric: metric, check: $0, location: pair.key.location) }
        }
    }

    private func check(_ node: YNode, _ metric: String) -> Expectation.Check? {
        if node.isNull { return .isNull }
        if node.text != nil { return number(node, metric).map { .equals($0) } }
        guard case .mapping(let pairs) = node.kind, pairs.count == 1, let pair = pairs.first,
            let form = pair.key.text, Self.forms.contains(form)
        else {
            if case .mapping(let pairs) = node.kind, pairs.count == 1, let key = pairs.first?.key.text {
                reader.error(
                    "\(metric): expected \(Self.what), found '\(key)'\(EditDistance.hint(for: key, among: Self.forms))",
                    at: pairs[0].key)
            } else {
                reader.expected(Self.what, metric, found: node)
            }
            return nil
        }
        switch form {
        case "between":
            guard case .sequence(let bounds) = pair.value.kind, bounds.count == 2 else {
                reader.expected("a list [low, high]", "\(metric).between", found: pair.value)
                return nil
            }
            guard let low = number(bounds[0], metric), let high = number(bounds[1], metric) else { return nil }
            guard low <= high else {
                reader.error("\(metric).between: expected low ≤ high, found [\(low), \(high)]", at: pair.value)
                return nil
            }
            return .between(low, high)
        case "atLeast": return number(pair.value, "\(metric).atLeast").map { .atLeast($0) }
        default: return number(pair.value, "\(metric).atMost").map { .atMost($0) }
        }
    }

    private func number(_ node: YNode, _ field: String) -> Double? {
        reader.number(node, field, -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude, "a number")
    }
}
