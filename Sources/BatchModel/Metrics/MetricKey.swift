/// One metric of one run, typed: a run-wide metric, or a job's or a pool's by id.
///
/// Code names metrics through these cases, never through string literals, so a misspelled
/// metric does not compile. `name` is the dotted name of `summary.json` and `expect:`.
public enum MetricKey: Hashable, Sendable {
    case run(RunMetric)
    case job(String, JobMetric)
    case pool(String, PoolMetric)

    public var name: String {
        switch self {
        case .run(let metric): metric.rawValue
        case .job(let id, let metric): "jobs.\(id).\(metric.rawValue)"
        case .pool(let id, let metric): "pools.\(id).\(metric.rawValue)"
        }
    }

    public var unit: MetricUnit {
        switch self {
        case .run(let metric): metric.unit
        case .job(_, let metric): metric.unit
        case .pool(_, let metric): metric.unit
        }
    }

    /// Every metric of a run with these jobs and pools, in summary order: SPEC §4's, then each
    /// job's, then each pool's.
    public static func all(jobIds: [String], poolIds: [String]) -> [MetricKey] {
        RunMetric.allCases.map { .run($0) }
            + jobIds.flatMap { id in JobMetric.allCases.map { .job(id, $0) } }
            + poolIds.flatMap { id in PoolMetric.allCases.map { .pool(id, $0) } }
    }

    /// The key a dotted run metric name stands for (no `baseline.`/`impact.` prefix); nil when
    /// it names none. Job and pool ids cannot contain dots (Azure's id rules), so the split is
    /// unambiguous.
    public init?(name: String) {
        if let metric = RunMetric(rawValue: name) {
            self = .run(metric)
            return
        }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[1].isEmpty else { return nil }
        let id = String(parts[1])
        switch parts[0] {
        case "jobs":
            guard let metric = JobMetric(rawValue: String(parts[2])) else { return nil }
            self = .job(id, metric)
        case "pools":
            guard let metric = PoolMetric(rawValue: String(parts[2])) else { return nil }
            self = .pool(id, metric)
        default:
            return nil
        }
    }
}
