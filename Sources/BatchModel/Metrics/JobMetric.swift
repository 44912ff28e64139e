/// The metrics every job has, as `jobs.<id>.<name>` (SPEC §4), in summary order.
public enum JobMetric: String, CaseIterable, Sendable {
    case completed
    case failed
    case makespanSeconds

    public var unit: MetricUnit {
        switch self {
        case .completed, .failed: .count
        case .makespanSeconds: .seconds
        }
    }
}
