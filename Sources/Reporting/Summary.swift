public import BatchModel

/// The metrics of a run, its baseline and their difference, under the dotted names that
/// `expect:` uses (SPEC §4 "Summary metrics"), in a stable order.
///
/// Code reads it through typed keys (`summary[.tasksCompleted]`, `summary[impact: .costTotal]`,
/// `summary[.extraCost]`), so a misspelled metric does not compile; the string subscript is for
/// names that come from users (`expect:`).
public struct Summary: Hashable, Sendable {
    /// Every metric in output order: scenario metrics, then `baseline.`, then `impact.`.
    public private(set) var metrics: [(name: String, value: MetricValue)]
    /// Whether the run had a baseline (`baseline.` and `impact.` metrics exist).
    public let hasBaseline: Bool
    private var index: [String: Int]

    public static func == (lhs: Summary, rhs: Summary) -> Bool {
        lhs.hasBaseline == rhs.hasBaseline
            && lhs.metrics.elementsEqual(rhs.metrics) { $0.name == $1.name && $0.value == $1.value }
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
            all += base.map { (SummaryKey.baselinePrefix + $0.name, $0.value) }
            var impact: [(name: String, value: MetricValue)] = []
            let baseByName = Dictionary(base.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
            for metric in own {
                impact.append(
                    (SummaryKey.impactPrefix + metric.name, metric.value.minus(baseByName[metric.name] ?? .null)))
            }
            let impactByName = Dictionary(impact.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
            for short in ShortImpact.allCases {
                let long = SummaryKey.impact(.run(short.metric)).description
                impact.append((short.rawValue, impactByName[long] ?? .null))
            }
            all += impact
        }
        metrics = all
        hasBaseline = baselineMetrics != nil
        index = Dictionary(all.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The value of a metric by its dotted name, or nil when no such metric exists.
    public subscript(name: String) -> MetricValue? {
        index[name].map { metrics[$0].value }
    }

    /// The value under a typed summary key, or nil when the summary lacks it (no baseline,
    /// or a job or pool the scenario does not have).
    public subscript(key: SummaryKey) -> MetricValue? {
        self[key.description]
    }

    /// A run-wide metric of the scenario.
    public subscript(metric: RunMetric) -> MetricValue? {
        self[SummaryKey.scenario(.run(metric))]
    }

    /// A run-wide metric of the baseline.
    public subscript(baseline metric: RunMetric) -> MetricValue? {
        self[SummaryKey.baseline(.run(metric))]
    }

    /// scenario − baseline for a run-wide metric.
    public subscript(impact metric: RunMetric) -> MetricValue? {
        self[SummaryKey.impact(.run(metric))]
    }

    /// One of the five short impact names.
    public subscript(short: ShortImpact) -> MetricValue? {
        self[SummaryKey.short(short)]
    }

    /// Every metric name of this summary.
    public var names: [String] { metrics.map(\.name) }
}
