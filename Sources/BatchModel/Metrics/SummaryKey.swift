/// A name of `summary.json`'s `metrics` object: a run metric of the scenario, of its baseline
/// (`baseline.`), their difference (`impact.`), or one of the short impact names.
public enum SummaryKey: Hashable, Sendable, CustomStringConvertible {
    case scenario(MetricKey)
    case baseline(MetricKey)
    case impact(MetricKey)
    case short(ShortImpact)

    /// Prefixes of the baseline's metrics and of the differences.
    public static let baselinePrefix = "baseline."
    public static let impactPrefix = "impact."

    /// The dotted name `expect:` uses.
    public var description: String {
        switch self {
        case .scenario(let key): key.name
        case .baseline(let key): Self.baselinePrefix + key.name
        case .impact(let key): Self.impactPrefix + key.name
        case .short(let short): short.rawValue
        }
    }

    public var unit: MetricUnit {
        switch self {
        case .scenario(let key), .baseline(let key), .impact(let key): key.unit
        case .short(let short): short.metric.unit
        }
    }

    /// Parses a dotted name; nil when it names no metric of any run.
    public init?(name: String) {
        if let short = ShortImpact(rawValue: name) {
            self = .short(short)
        } else if name.hasPrefix(Self.baselinePrefix),
            let key = MetricKey(name: String(name.dropFirst(Self.baselinePrefix.count)))
        {
            self = .baseline(key)
        } else if name.hasPrefix(Self.impactPrefix),
            let key = MetricKey(name: String(name.dropFirst(Self.impactPrefix.count)))
        {
            self = .impact(key)
        } else if let key = MetricKey(name: name) {
            self = .scenario(key)
        } else {
            return nil
        }
    }

    /// Every name a summary of a scenario with these jobs and pools has, in `summary.json`
    /// order (with a baseline): what `expect:` may name.
    public static func all(jobIds: [String], poolIds: [String]) -> [SummaryKey] {
        let keys = MetricKey.all(jobIds: jobIds, poolIds: poolIds)
        return keys.map { .scenario($0) } + keys.map { .baseline($0) } + keys.map { .impact($0) }
            + ShortImpact.allCases.map { .short($0) }
    }

    /// A regular expression matching every metric name of any scenario (ids as Azure allows
    /// them: 1–64 letters, digits, hyphens and underscores), and `expect:`'s own keys
    /// `replications` and `fingerprint`: the JSON Schema's `expect.propertyNames`.
    public static var expectKeyPattern: String {
        func escaped(_ names: [String]) -> String {
            names.map { $0.split(separator: ".").joined(separator: "\\.") }.joined(separator: "|")
        }
        let id = "[A-Za-z0-9_-]{1,64}"
        let run = escaped(RunMetric.allCases.map(\.rawValue))
        let job = "jobs\\.\(id)\\.(\(escaped(JobMetric.allCases.map(\.rawValue))))"
        let pool = "pools\\.\(id)\\.(\(escaped(PoolMetric.allCases.map(\.rawValue))))"
        let short = escaped(ShortImpact.allCases.map(\.rawValue))
        return "^(replications|fingerprint|(baseline\\.|impact\\.)?(\(run)|\(job)|\(pool))|\(short))$"
    }
}
