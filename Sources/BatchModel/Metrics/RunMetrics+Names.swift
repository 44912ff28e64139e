extension RunMetrics {
    /// The five figures people quote, as aliases of longer impact names (SPEC §4).
    public static let shortImpactNames: [(short: String, long: String)] = [
        ("impact.makespanDelaySeconds", "impact.tasks.makespanSeconds"),
        ("impact.lostWorkSeconds", "impact.tasks.lostWorkSeconds"),
        ("impact.extraNodeSeconds", "impact.nodes.billedNodeSeconds"),
        ("impact.extraCost", "impact.cost.total"),
        ("impact.turnaroundSeconds.p95", "impact.tasks.turnaroundSeconds.p95"),
    ]

    /// Every metric name a summary of a scenario with these jobs and pools has, with and
    /// without `baseline.` and `impact.` prefixes: what `expect:` may name.
    public static func summaryNames(jobIds: [String], poolIds: [String]) -> [String] {
        var metrics = RunMetrics()
        metrics.jobs = jobIds.map { Job(id: $0) }
        metrics.pools = poolIds.map { Pool(id: $0) }
        let own = metrics.named.map(\.name)
        return own + own.map { "baseline." + $0 } + own.map { "impact." + $0 } + shortImpactNames.map(\.short)
    }
}
