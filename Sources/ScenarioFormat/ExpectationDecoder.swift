/// Reads `expect:` (file order):
///
/// ```yaml
/// expect:
///   replications: 20                 # optional: run 20 seeds (statistics below use them all)
///   fingerprint: 9f86d0…             # optional: SHA-256 of the canonical event stream
///   tasks.completed: 4000            # exact
///   tasks.makespanSeconds: null
///   account.outages: {atMost: 1}     # also {atLeast: x}, {between: [a, b]}
///   impact.extraCost: {approx: 7.6, tolerance: 0.1}       # or relativeTolerance: 0.01
///   impact.makespanDelaySeconds: {mean: {between: [2000, 4000]}}   # mean, p5, p50, p95
///   impact.lostWorkSeconds: {ci95: {contains: 60000}}     # or {ci95: {within: [a, b]}}
/// ```
struct ExpectationDecoder {
    /// Keys of a check mapping (for the schema and "did you mean").
    static let forms = [
        "between", "atLeast", "atMost", "approx", "tolerance", "relativeTolerance", "mean", "p5", "p50", "p95", "ci95",
    ]
    /// Keys under `ci95:`.
    static let confidenceForms = ["contains", "within"]
    /// Keys of `expect:` that are not metrics.
    static let blockKeys = ["replications", "fingerprint"]
    static let what =
        "a number, null, {between: [a, b]}, {atLeast: x}, {atMost: x}, {approx: x, tolerance: t}, "
        + "{mean|p5|p50|p95: check} or {ci95: {contains: x} | {within: [a, b]}}"
    static let maximumReplications = 10_000

    let reader: NodeReader
    /// Every metric name the scenario's summary has (for unknown-name errors).
    let metricNames: [String]

    func decode(_ node: YNode) -> ExpectBlock {
        var block = ExpectBlock()
        guard case .mapping(let pairs) = node.kind else {
            reader.expected("a mapping of metric names to expected values", "expect", found: node)
            return block
        }
        let known = Set(metricNames)
        for pair in pairs {
            guard let metric = pair.key.text, !metric.isEmpty else {
                reader.expected("a metric name", "expect", found: pair.key)
                continue
            }
            switch metric {
            case "replications":
                let range = 1...Double(Self.maximumReplications)
                guard let count = reader.number(pair.value, "expect.replications", range, "a whole number of runs")
                else { continue }
                guard count == count.rounded() else {
                    reader.expected("a whole number of runs", "expect.replications", found: pair.value)
                    continue
                }
                block.replications = Int(count)
            case "fingerprint":
                guard let hex = pair.value.text?.lowercased(), hex.count == 64, hex.allSatisfy(\.isHexDigit) else {
                    reader.expected("64 hexadecimal digits (a SHA-256)", "expect.fingerprint", found: pair.value)
                    continue
                }
                block.fingerprint = ExpectedFingerprint(hex: hex, location: pair.value.location)
            default:
                guard known.contains(metric) else {
                    let hint = EditDistance.hint(for: metric, among: metricNames + Self.blockKeys)
                    reader.error("expect: unknown metric '\(metric)'\(hint)", at: pair.key)
                    continue
                }
                for (statistic, check, location) in entries(pair.value, metric) {
                    block.expectations.append(
                        Expectation(
                            metric: metric,
                            statistic: statistic,
                            check: check,
                            location: pair.key.location,
                            valueLocation: location
                        )
                    )
                }
            }
        }
        return block
    }

    /// A plain check, or one check per statistic: `{p5: {atLeast: a}, p95: {atMost: b}}`.
    private func entries(
        _ node: YNode,
        _ metric: String
    ) -> [(Expectation.Statistic?, Expectation.Check, SourceLocation)] {
        if case .mapping(let pairs) = node.kind, let key = pairs.first?.key.text,
            Expectation.Statistic(rawValue: key) != nil
        {
            return pairs.compactMap { pair in
                let key = pair.key.text ?? ""
                let field = "\(metric).\(key)"
                guard let statistic = Expectation.Statistic(rawValue: key) else {
                    let names = Expectation.Statistic.allCases.map(\.rawValue)
                    reader.error(
                        "\(metric): expected a statistic (\(names.joined(separator: ", "))), found '\(key)'"
                            + EditDistance.hint(for: key, among: names),
                        at: pair.key
                    )
                    return nil
                }
                let judged = statistic == .ci95 ? confidence(pair.value, field) : check(pair.value, field)
                return judged.map { (statistic, $0, pair.value.location) }
            }
        }
        return check(node, metric).map { [(nil, $0, node.location)] } ?? []
    }

    private func check(_ node: YNode, _ field: String) -> Expectation.Check? {
        if node.isNull { return .isNull }
        if node.text != nil { return number(node, field).map { .equals($0) } }
        guard case .mapping(let pairs) = node.kind, let first = pairs.first?.key.text else {
            reader.expected(Self.what, field, found: node)
            return nil
        }
        let keys = pairs.compactMap(\.key.text)
        if keys.contains("approx") { return approx(pairs, field, at: node) }
        guard pairs.count == 1, ["between", "atLeast", "atMost"].contains(first) else {
            let unknown = keys.first { !Self.forms.contains($0) } ?? first
            reader.error(
                "\(field): expected \(Self.what), found '\(unknown)'\(EditDistance.hint(for: unknown, among: Self.forms))",
                at: pairs[0].key
            )
            return nil
        }
        let value = pairs[0].value
        switch first {
        case "between": return range(value, "\(field).between").map { .between($0.0, $0.1) }
        case "atLeast": return number(value, "\(field).atLeast").map { .atLeast($0) }
        default: return number(value, "\(field).atMost").map { .atMost($0) }
        }
    }

    private func approx(_ pairs: [YNode.Pair], _ field: String, at node: YNode) -> Expectation.Check? {
        var target: Double?
        var absolute: Double?
        var relative: Double?
        for pair in pairs {
            switch pair.key.text {
            case "approx": target = number(pair.value, "\(field).approx")
            case "tolerance": absolute = tolerance(pair.value, "\(field).tolerance")
            case "relativeTolerance": relative = tolerance(pair.value, "\(field).relativeTolerance")
            default:
                let key = pair.key.text ?? ""
                reader.error(
                    "\(field): expected approx with tolerance or relativeTolerance, found '\(key)'"
                        + EditDistance.hint(for: key, among: ["tolerance", "relativeTolerance"]),
                    at: pair.key
                )
                return nil
            }
        }
        guard let target else { return nil }
        switch (absolute, relative) {
        case (let absolute?, nil): return .approx(target, tolerance: absolute)
        case (nil, let relative?): return .approxRelative(target, tolerance: relative)
        default:
            reader.error("\(field): expected exactly one of tolerance or relativeTolerance with approx", at: node)
            return nil
        }
    }

    private func confidence(_ node: YNode, _ field: String) -> Expectation.Check? {
        guard case .mapping(let pairs) = node.kind, pairs.count == 1, let key = pairs[0].key.text,
            Self.confidenceForms.contains(key)
        else {
            reader.expected("{contains: x} or {within: [a, b]}", field, found: node)
            return nil
        }
        if key == "contains" { return number(pairs[0].value, "\(field).contains").map { .contains($0) } }
        return range(pairs[0].value, "\(field).within").map { .within($0.0, $0.1) }
    }

    private func range(_ node: YNode, _ field: String) -> (Double, Double)? {
        guard case .sequence(let bounds) = node.kind, bounds.count == 2 else {
            reader.expected("a list [low, high]", field, found: node)
            return nil
        }
        guard let low = number(bounds[0], field), let high = number(bounds[1], field) else { return nil }
        guard low <= high else {
            reader.error("\(field): expected low ≤ high, found [\(low), \(high)]", at: node)
            return nil
        }
        return (low, high)
    }

    private func tolerance(_ node: YNode, _ field: String) -> Double? {
        reader.number(node, field, 0...Double.greatestFiniteMagnitude, "a non-negative number")
    }

    private func number(_ node: YNode, _ field: String) -> Double? {
        reader.number(node, field, -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude, "a number")
    }
}
