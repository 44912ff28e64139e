internal import SimulationKernel

/// Reads a duration distribution (SPEC §3 "Distributions"): a plain duration is `.fixed`; otherwise a
/// one-key mapping `{uniform: [a, b]}`, `{exponential: {mean}}`, `{normal: {mean, stddev}}`,
/// `{lognormal: {median, sigma}}`, `{triangular: [min, mode, max]}` or `{choice: [[value, weight], …]}`.
/// Every parameter but `sigma` and the weights is a duration; the result holds milliseconds.
struct DistributionDecoder {
    static let forms = ["uniform", "exponential", "normal", "lognormal", "triangular", "choice"]
    static let exponentialKeys = ["mean"]
    static let normalKeys = ["mean", "stddev"]
    static let lognormalKeys = ["median", "sigma"]
    static let what =
        "a duration or a distribution ({uniform: [a, b]}, {exponential: {mean}}, {normal: {mean, stddev}}, "
        + "{lognormal: {median, sigma}}, {triangular: [min, mode, max]}, {choice: [[value, weight], ...]})"

    let reader: NodeReader

    func decode(_ node: YNode, _ field: String) -> DurationDistribution? {
        switch node.kind {
        case .scalar:
            return reader.duration(node, field).map { .fixed($0) }
        case .sequence:
            reader.expected(Self.what, field, found: node)
            return nil
        case .mapping(let pairs):
            guard pairs.count == 1, let pair = pairs.first, let form = pair.key.text, Self.forms.contains(form) else {
                let first = pairs.first?.key.text ?? ""
                let hint = pairs.count == 1 ? EditDistance.hint(for: first, among: Self.forms) : ""
                let found = pairs.count == 1 ? "'\(first)'" : "a mapping with \(pairs.count) keys"
                reader.error("\(field): expected \(Self.what), found \(found)\(hint)", at: pairs.first?.key ?? node)
                return nil
            }
            return decode(form: form, pair.value, "\(field).\(form)")
        }
    }

    private func decode(form: String, _ node: YNode, _ field: String) -> DurationDistribution? {
        switch form {
        case "uniform":
            guard let values = durations(node, field, count: 2, names: "[low, high]") else { return nil }
            guard values[0] <= values[1] else {
                reader.error("\(field): expected low ≤ high, found \(format(values))", at: node)
                return nil
            }
            return .uniform(low: Double(values[0]), high: Double(values[1]))
        case "triangular":
            guard let values = durations(node, field, count: 3, names: "[min, mode, max]") else { return nil }
            guard values[0] <= values[1], values[1] <= values[2] else {
                reader.error("\(field): expected min ≤ mode ≤ max, found \(format(values))", at: node)
                return nil
            }
            return .triangular(minimum: Double(values[0]), mode: Double(values[1]), maximum: Double(values[2]))
        case "exponential":
            guard let fields = reader.mapping(node, field, keys: Self.exponentialKeys),
                let mean = fields.duration("mean", minimum: 1, required: true)
            else { return nil }
            return .exponential(mean: Double(mean))
        case "normal":
            guard let fields = reader.mapping(node, field, keys: Self.normalKeys) else { return nil }
            let mean = fields.duration("mean", required: true)
            let deviation = fields.duration("stddev", required: true)
            guard let mean, let deviation else { return nil }
            return .normal(mean: Double(mean), standardDeviation: Double(deviation))
        case "lognormal":
            guard let fields = reader.mapping(node, field, keys: Self.lognormalKeys) else { return nil }
            let median = fields.duration("median", minimum: 1, required: true)
            let sigma = fields.number("sigma", 0...100, "a number from 0 to 100", required: true)
            guard let median, let sigma else { return nil }
            return .logNormal(median: Double(median), sigma: sigma)
        default:
            return choice(node, field)
        }
    }

    private func choice(_ node: YNode, _ field: String) -> DurationDistribution? {
        guard let items = reader.list(node, field) else { return nil }
        guard !items.isEmpty else {
            reader.expected("at least one [value, weight] pair", field, found: node)
            return nil
        }
        var alternatives: [DurationDistribution.WeightedDuration] = []
        for (index, item) in items.enumerated() {
            let itemField = "\(field)[\(index)]"
            guard case .sequence(let pair) = item.kind, pair.count == 2 else {
                reader.expected("a pair [value, weight]", itemField, found: item)
                continue
            }
            let value = reader.duration(pair[0], itemField + " value")
            let weight = reader.number(pair[1], itemField + " weight", .leastNonzeroMagnitude...1e12, "a weight > 0")
            if let value, let weight { alternatives.append(.init(value: value, weight: weight)) }
        }
        return alternatives.count == items.count ? .choice(alternatives) : nil
    }

    private func durations(_ node: YNode, _ field: String, count: Int, names: String) -> [SimTime]? {
        guard case .sequence(let items) = node.kind, items.count == count else {
            reader.expected("a list of \(count) durations \(names)", field, found: node)
            return nil
        }
        let values = items.enumerated().compactMap { reader.duration($1, "\(field)[\($0)]") }
        return values.count == count ? values : nil
    }

    private func format(_ values: [SimTime]) -> String {
        "[" + values.map(DurationSyntax.format).joined(separator: ", ") + "]"
    }
}
