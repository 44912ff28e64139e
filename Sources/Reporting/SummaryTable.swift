import BatchModel

/// The compact terminal table printed after `run`: the figures an SRE glances at, for the
/// scenario, its baseline and the difference.
public enum SummaryTable {
    /// Rows shown, in order, with their labels.
    public static let rows: [(label: String, metric: RunMetric)] = [
        ("tasks completed", .tasksCompleted),
        ("tasks failed", .tasksFailed),
        ("tasks dropped", .tasksDropped),
        ("tasks incomplete", .tasksIncomplete),
        ("requeues", .tasksRequeued),
        ("rejected submissions", .tasksRejectedSubmissions),
        ("lost work (s)", .tasksLostWorkSeconds),
        ("makespan (s)", .tasksMakespanSeconds),
        ("turnaround p95 (s)", .tasksTurnaroundP95),
        ("outages", .accountOutages),
        ("unavailable (s)", .accountUnavailableSeconds),
        ("rejected operations", .accountRejectedOperations),
        ("unusable node-seconds", .nodesUnusableNodeSeconds),
        ("billed node-seconds", .nodesBilledNodeSeconds),
        ("cost", .costTotal),
        ("cost while unusable", .costWhileUnusable),
    ]

    /// Renders the table; without a baseline only the scenario column is shown. With
    /// `colour` (a terminal is watching) the title is bold and changed impacts stand out.
    public static func render(_ summary: Summary, title: String, colour: Bool = false) -> String {
        let hasBaseline = summary.hasBaseline
        var table: [[String]] = [hasBaseline ? ["", "scenario", "baseline", "impact"] : ["", "scenario"]]
        for row in rows {
            var line = [row.label, summary[row.metric]?.description ?? "-"]
            if hasBaseline {
                line.append(summary[baseline: row.metric]?.description ?? "-")
                line.append(signed(summary[impact: row.metric]))
            }
            table.append(line)
        }
        let widths = (0..<table[0].count).map { column in table.map { $0[column].count }.max() ?? 0 }
        var out = (colour ? "\u{1B}[1m\(title)\u{1B}[0m" : title) + "\n"
        for (index, line) in table.enumerated() {
            let cells = line.enumerated().map { column, cell in
                let padded =
                    column == 0
                    ? cell + String(repeating: " ", count: widths[0] - cell.count)
                    : String(repeating: " ", count: widths[column] - cell.count) + cell
                let changed = index > 0 && column == 3 && cell != "0" && cell != "-"
                return colour && changed ? "\u{1B}[1;33m\(padded)\u{1B}[0m" : padded
            }
            out += cells.joined(separator: "  ") + "\n"
            if index == 0 { out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n" }
        }
        return out
    }

    private static func signed(_ value: MetricValue?) -> String {
        guard let value else { return "-" }
        guard let number = value.number else { return value.description }
        return number > 0 ? "+" + value.description : value.description
    }
}
