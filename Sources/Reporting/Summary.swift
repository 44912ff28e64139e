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
        let own = Self.metrics(of: scenario)
        var all = own
        if let baseline {
            let base = Self.metrics(of: baseline)
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
    public static let shortImpactNames: [(String, String)] = [
        ("impact.makespanDelaySeconds", "impact.tasks.makespanSeconds"),
        ("impact.lostWorkSeconds", "impact.tasks.lostWorkSeconds"),
        ("impact.extraNodeSeconds", "impact.nodes.billedNodeSeconds"),
        ("impact.extraCost", "impact.cost.total"),
        ("impact.turnaroundSeconds.p95", "impact.tasks.turnaroundSeconds.p95"),
    ]

    /// The value of a metric by its dotted name, or nil when no such metric exists.
    public subscript(name: String) -> MetricValue? {
        index[name].map { metrics[$0].value }
    }

    /// Every metric name of this summary.
    public var names: [String] { metrics.map(\.name) }

    /// The metrics of one run, in SPEC §4 order, then per job and per pool.
    public static func metrics(of run: RunMetrics) -> [(name: String, value: MetricValue)] {
        let tasks = run.tasks
        var list: [(name: String, value: MetricValue)] = [
            ("tasks.submitted", .count(tasks.submitted)),
            ("tasks.completed", .count(tasks.completed)),
            ("tasks.failed", .count(tasks.failed)),
            ("tasks.incomplete", .count(tasks.incomplete)),
            ("tasks.dropped", .count(tasks.dropped)),
            ("tasks.retries", .count(tasks.retries)),
            ("tasks.requeued", .count(tasks.requeued)),
            ("tasks.requeuedDistinct", .count(tasks.requeuedDistinct)),
            ("tasks.rejectedSubmissions", .count(tasks.rejectedSubmissions)),
            ("tasks.lostWorkSeconds", .seconds(tasks.lostWork)),
            ("tasks.makespanSeconds", .seconds(tasks.makespan)),
            ("tasks.waitSeconds.p50", .seconds(tasks.waitP50)),
            ("tasks.waitSeconds.p95", .seconds(tasks.waitP95)),
            ("tasks.waitSeconds.p99", .seconds(tasks.waitP99)),
            ("tasks.turnaroundSeconds.p50", .seconds(tasks.turnaroundP50)),
            ("tasks.turnaroundSeconds.p95", .seconds(tasks.turnaroundP95)),
            ("tasks.turnaroundSeconds.p99", .seconds(tasks.turnaroundP99)),
            ("tasks.turnaroundSeconds.max", .seconds(tasks.turnaroundMax)),
            ("account.outages", .count(run.account.outages)),
            ("account.unavailableSeconds", .seconds(run.account.unavailable)),
            ("account.recoveringSeconds", .seconds(run.account.recovering)),
            ("account.unrecoverable", .count(run.account.unrecoverable ? 1 : 0)),
            ("account.rejectedOperations", .count(run.account.rejectedOperations)),
            ("nodes.unusableNodeSeconds", .seconds(run.nodes.unusableNodeTime)),
            ("nodes.billedNodeSeconds", .seconds(run.nodes.billedNodeTime)),
            ("nodes.peakUnusable", .count(run.nodes.peakUnusable)),
            ("cost.total", .roundedCost(run.cost.total)),
            ("cost.whileUnusable", .roundedCost(run.cost.whileUnusable)),
        ]
        for job in run.jobs {
            list.append(("jobs.\(job.id).completed", .count(job.completed)))
            list.append(("jobs.\(job.id).failed", .count(job.failed)))
            list.append(("jobs.\(job.id).makespanSeconds", .seconds(job.makespan)))
        }
        for pool in run.pools {
            list.append(("pools.\(pool.id).unusableNodeSeconds", .seconds(pool.unusableNodeTime)))
            list.append(("pools.\(pool.id).billedNodeSeconds", .seconds(pool.billedNodeTime)))
            list.append(("pools.\(pool.id).cost", .roundedCost(pool.cost)))
        }
        return list
    }
}
