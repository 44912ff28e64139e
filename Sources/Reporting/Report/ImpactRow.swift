public import BatchModel

/// The rows of the impact table (scenario, baseline, difference), grouped as a capacity
/// planner reads them: tasks, account, nodes, cost, then per pool and per job. Both reports
/// render these rows, so Markdown and HTML show the same figures — the summary's own values.
public struct ImpactRow: Sendable, Equatable {
    public var section: String
    public var label: String
    /// The metric (without `baseline.`/`impact.`).
    public var metric: MetricKey

    /// The cells for one summary: scenario, baseline, difference (the last two "—" without
    /// a baseline). Values are the summary's JSON numbers with grouped thousands; times add
    /// a readable duration ("3,300 (55m)"), node- and task-seconds their hours; differences
    /// carry a sign.
    public func cells(_ summary: Summary) -> [String] {
        [
            text(summary[.scenario(metric)], signed: false),
            text(summary[.baseline(metric)], signed: false),
            text(summary[.impact(metric)], signed: true),
        ]
    }

    private func text(_ value: MetricValue?, signed: Bool) -> String {
        guard let value, let number = value.number else { return "—" }
        var out = NumberText.metric(value.description)
        if signed && number > 0 { out = "+" + out }
        guard case .seconds(let milliseconds) = value, milliseconds.magnitude >= 60_000 else { return out }
        switch metric.unit {
        case .nodeSeconds: out += " (\(NumberText.nodeHours(number)) node-h)"
        case .taskSeconds: out += " (\(NumberText.nodeHours(number)) task-h)"
        case .seconds: out += " (\(NumberText.clock(milliseconds)))"
        case .count, .cost: break
        }
        return out
    }
}
