public import BatchModel

/// The outcome of one simulation of a sweep: its metrics under summary names (scenario,
/// `baseline.` and `impact.`).
public struct SweepRun: Sendable {
    public var item: SweepPlan.Item
    public var seed: UInt64
    public var metrics: [(name: String, value: MetricValue)]

    public init(item: SweepPlan.Item, seed: UInt64, metrics: [(name: String, value: MetricValue)]) {
        self.item = item
        self.seed = seed
        self.metrics = metrics
    }
}
