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

/// Builds the impact table's rows for a summary.
public enum ImpactRows {
    /// Every row, in order: fixed sections, then one section per pool and per job found in
    /// the summary.
    public static func rows(_ summary: Summary) -> [ImpactRow] {
        var rows = fixed.map { ImpactRow(section: $0.0, label: $0.1, metric: .run($0.2)) }
        let keys = summary.names.compactMap { MetricKey(name: $0) }
        for case .pool(let pool, .cost) in keys {
            rows.append(
                ImpactRow(
                    section: "Pool \(pool)", label: "billed node-seconds", metric: .pool(pool, .billedNodeSeconds)))
            rows.append(
                ImpactRow(
                    section: "Pool \(pool)", label: "unusable node-seconds", metric: .pool(pool, .unusableNodeSeconds)))
            rows.append(ImpactRow(section: "Pool \(pool)", label: "cost", metric: .pool(pool, .cost)))
        }
        for case .job(let job, .makespanSeconds) in keys {
            rows.append(ImpactRow(section: "Job \(job)", label: "completed", metric: .job(job, .completed)))
            rows.append(ImpactRow(section: "Job \(job)", label: "failed", metric: .job(job, .failed)))
            rows.append(
                ImpactRow(section: "Job \(job)", label: "last completion (s)", metric: .job(job, .makespanSeconds)))
        }
        return rows
    }

    private static let fixed: [(String, String, RunMetric)] = [
        ("Tasks", "submitted (accepted)", .tasksSubmitted),
        ("Tasks", "completed", .tasksCompleted),
        ("Tasks", "failed", .tasksFailed),
        ("Tasks", "dropped by their clients", .tasksDropped),
        ("Tasks", "incomplete at the end", .tasksIncomplete),
        ("Tasks", "requeues", .tasksRequeued),
        ("Tasks", "rejected submissions", .tasksRejectedSubmissions),
        ("Tasks", "lost work (task-seconds)", .tasksLostWorkSeconds),
        ("Tasks", "last completion (s)", .tasksMakespanSeconds),
        ("Tasks", "wait p95 (s)", .tasksWaitP95),
        ("Tasks", "turnaround p95 (s)", .tasksTurnaroundP95),
        ("Account", "outages", .accountOutages),
        ("Account", "unavailable (s)", .accountUnavailableSeconds),
        ("Account", "recovering (s)", .accountRecoveringSeconds),
        ("Account", "rejected operations", .accountRejectedOperations),
        ("Account", "unrecoverable (1 = yes)", .accountUnrecoverable),
        ("Nodes", "billed node-seconds", .nodesBilledNodeSeconds),
        ("Nodes", "unusable node-seconds", .nodesUnusableNodeSeconds),
        ("Nodes", "peak unusable nodes", .nodesPeakUnusable),
        ("Cost", "total", .costTotal),
        ("Cost", "while nodes were unusable", .costWhileUnusable),
    ]
}
