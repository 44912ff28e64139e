/// The metrics every pool has, as `pools.<id>.<name>` (SPEC §4), in summary order.
public enum PoolMetric: String, CaseIterable, Sendable {
    case unusableNodeSeconds
    case billedNodeSeconds
    case cost
    case preemptions
    case preemptedNodeSeconds
    case startTaskFailedNodes
    case autoscaleEvaluations
    case autoscaleFailures
    case autoscaleSkipped
    case peakNodes

    public var unit: MetricUnit {
        switch self {
        case .unusableNodeSeconds, .billedNodeSeconds, .preemptedNodeSeconds: .nodeSeconds
        case .cost: .cost
        case .preemptions, .startTaskFailedNodes, .autoscaleEvaluations, .autoscaleFailures, .autoscaleSkipped,
            .peakNodes:
            .count
        }
    }
}
