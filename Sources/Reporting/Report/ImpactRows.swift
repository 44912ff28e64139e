import BatchModel

/// Builds the impact table's rows for a summary.
public enum ImpactRows {
    /// Every row, in order: fixed sections, then one section per pool and per job found in
    /// the summary.
    public static func rows(_ summary: Summary) -> [ImpactRow] {
        var rows = fixed.map { ImpactRow(section: $0.0, label: $0.1, metric: .run($0.2)) }
        // Capacity rows only where capacity came and went (Spot preemption, failed start tasks).
        let capacity = capacityRows.filter { row in
            [summary[row.2], summary[baseline: row.2]].contains { ($0?.number ?? 0) != 0 }
        }
        if let nodes = rows.lastIndex(where: { $0.section == "Nodes" }) {
            rows.insert(
                contentsOf: capacity.map { ImpactRow(section: $0.0, label: $0.1, metric: .run($0.2)) }, at: nodes + 1)
        }
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

    private static let capacityRows: [(String, String, RunMetric)] = [
        ("Nodes", "Spot preemptions", .nodesPreemptions),
        ("Nodes", "preempted node-seconds (not billed)", .nodesPreemptedNodeSeconds),
        ("Nodes", "nodes whose start task failed", .nodesStartTaskFailedNodes),
    ]

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
