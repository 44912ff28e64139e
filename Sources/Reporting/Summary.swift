public import BatchModel

/// The metrics of a run, its baseline and their difference, under the dotted names that
/// `expect:` uses (SPEC §4 "Summary metrics"), in a stable order.
public struct Summary: Hashable, Sendable {
    /// Every metric in output order: scenario metrics, then `baseline.`, then `impact.`.
    public private(set) var metrics: [(name: String, value: MetricValue)]
    private var index: [String: Int]

    public static func == (lhs: Summary, rhs: Summary) -> Bool {
        lhs.metrics.elementsEqual(rhs.metrics) { $0.name == $1.name && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        for metric in metrics {
            hasher.combine(metric.name)
            hasher.combine(metric.value)
        }
    }

    /// Builds the summary of a scenario run and, unless `nil`, its baseline and the impact.
    public init(scenario: RunMetrics, baseline: RunMetrics?) {
        self.init(scenarioMetrics: scenario.named, baselineMetrics: baseline?.named)
    }

    /// Builds the summary from each run's named metrics (as stored in an event log).
    public init(
        scenarioMetrics own: [(name: String, value: MetricValue)],
        baselineMetrics: [(name: String, value: MetricValue)]?
    ) {
        var all = own
        if let base = baselineMetrics {
            all += base.map { ("baseline." + $0.name, $0.value) }
            var impact: [(name: String, value: MetricValue)] = []
            let baseByName = Dictionary(base.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
            for metric in own {
                impact.append(("impact." + metric.name, metric.value.minus(baseByName[metric.name] ?? .null)))
            }
            let impactByName = Dictionary(impact.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
            for (short, long) in Self.shortImpactNames {
                impact.append((short, impactByName[long] ?? .null))
            }
            all += impact
        }
        metrics = all
        index = Dictionary(all.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The five figures people quote, as aliases of longer impact names (SPEC §4).
    public static var shortImpactNames: [(short: String, long: String)] { RunMetrics.shortImpactNames }

    /// The value of a metric by its dotted name, or nil when no such metric exists.
    public subscript(name: String) -> MetricValue? {
        index[name].map { metrics[$0].value }
    }

    /// Every metric name of this summary.
    public var names: [String] { metrics.map(\.name) }
}
