import BatchModel

/// The rows of the impact table (scenario, baseline, difference), grouped as a capacity
/// planner reads them: tasks, account, nodes, cost, then per pool and per job. Both reports
/// render these rows, so Markdown and HTML show the same figures — the summary's own values.
public struct ImpactRow: Sendable, Equatable {
    public var section: String
    public var label: String
    /// The metric's dotted name in `summary.json` (without `baseline.`/`impact.`).
    public var metric: String
    /// Whether the values are seconds (shown with a readable duration too).
    public var isTime: Bool

    /// The cells for one summary: scenario, baseline, difference (the last two "—" without
    /// a baseline). Values are the summary's JSON numbers with grouped thousands; times add
    /// a readable duration ("3,300 (55m)"); differences carry a sign.
    public func cells(_ summary: Summary) -> [String] {
        [
            text(summary[metric], signed: false),
            text(summary["baseline." + metric], signed: false),
            text(summary["impact." + metric], signed: true),
        ]
    }

    private func text(_ value: MetricValue?, signed: Bool) -> String {
        guard let value, let number = value.number else { return "—" }
        var out = NumberText.metric(value.description)
        if signed && number > 0 { out = "+" + out }
        guard isTime, case .seconds(let milliseconds) = value, milliseconds.magnitude >= 60_000 else { return out }
        if metric.hasSuffix("NodeSeconds") {
            out += " (\(NumberText.nodeHours(number)) node-h)"
        } else if metric.hasSuffix("lostWorkSeconds") {
            out += " (\(NumberText.nodeHours(number)) task-h)"
        } else {
            out += " (\(NumberText.clock(milliseconds)))"
        }
        return out
    }
}

/// Builds the impact table's rows for a summary.
public enum ImpactRows {
    /// Every row, in order: fixed sections, then one section per pool and per job found in
    /// the summary.
    public static func rows(_ summary: Summary) -> [ImpactRow] {
        var rows = fixed.map { ImpactRow(section: $0.0, label: $0.1, metric: $0.2, isTime: $0.2.contains("Seconds")) }
        for name in summary.names where name.hasPrefix("pools.") && name.hasSuffix(".cost") {
            let pool = String(name.dropFirst("pools.".count).dropLast(".cost".count))
            rows.append(row("Pool \(pool)", "billed node-seconds", "pools.\(pool).billedNodeSeconds"))
            rows.append(row("Pool \(pool)", "unusable node-seconds", "pools.\(pool).unusableNodeSeconds"))
            rows.append(row("Pool \(pool)", "cost", "pools.\(pool).cost"))
        }
        for name in summary.names where name.hasPrefix("jobs.") && name.hasSuffix(".makespanSeconds") {
            let job = String(name.dropFirst("jobs.".count).dropLast(".makespanSeconds".count))
            rows.append(row("Job \(job)", "completed", "jobs.\(job).completed"))
            rows.append(row("Job \(job)", "failed", "jobs.\(job).failed"))
            rows.append(row("Job \(job)", "last completion (s)", "jobs.\(job).makespanSeconds"))
        }
        return rows
    }

    private static func row(_ section: String, _ label: String, _ metric: String) -> ImpactRow {
        ImpactRow(section: section, label: label, metric: metric, isTime: metric.hasSuffix("Seconds"))
    }

    private static let fixed: [(String, String, String)] = [
        ("Tasks", "submitted (accepted)", "tasks.submitted"),
        ("Tasks", "completed", "tasks.completed"),
        ("Tasks", "failed", "tasks.failed"),
        ("Tasks", "dropped by their clients", "tasks.dropped"),
        ("Tasks", "incomplete at the end", "tasks.incomplete"),
        ("Tasks", "requeues", "tasks.requeued"),
        ("Tasks", "rejected submissions", "tasks.rejectedSubmissions"),
        ("Tasks", "lost work (task-seconds)", "tasks.lostWorkSeconds"),
        ("Tasks", "last completion (s)", "tasks.makespanSeconds"),
        ("Tasks", "wait p95 (s)", "tasks.waitSeconds.p95"),
        ("Tasks", "turnaround p95 (s)", "tasks.turnaroundSeconds.p95"),
        ("Account", "outages", "account.outages"),
        ("Account", "unavailable (s)", "account.unavailableSeconds"),
        ("Account", "recovering (s)", "account.recoveringSeconds"),
        ("Account", "rejected operations", "account.rejectedOperations"),
        ("Account", "unrecoverable (1 = yes)", "account.unrecoverable"),
        ("Nodes", "billed node-seconds", "nodes.billedNodeSeconds"),
        ("Nodes", "unusable node-seconds", "nodes.unusableNodeSeconds"),
        ("Nodes", "peak unusable nodes", "nodes.peakUnusable"),
        ("Cost", "total", "cost.total"),
        ("Cost", "while nodes were unusable", "cost.whileUnusable"),
    ]
}
