import BatchModel

/// The timeline's autoscale lines (SPEC §7 rules 26, 27): one per evaluation that changed a
/// target, and one per run of consecutive skipped or failed evaluations of a pool — a month of
/// 5-minute evaluations skipped during an outage is one line, not thousands. Pools without
/// autoscale add nothing.
extension Narrative {
    /// Each pool's lines in time order, pools in file order.
    static func autoscaleItems(_ input: ReportInput) -> [NarrativeItem] {
        var items: [NarrativeItem] = []
        for pool in input.autoscalePools {
            var lines: [(index: Int, item: NarrativeItem)] = []
            let subject = "Autoscale of pool \(pool.name)"
            for (index, record) in pool.records.enumerated() where record.outcome == .applied {
                guard let change = targetChange(record.before, record.after) else { continue }
                lines.append((index, NarrativeItem(time: record.time, text: "\(subject): \(change).", isAlert: false)))
            }
            for run in pool.runs(of: .skipped) {
                let text = "\(subject): \(evaluations(pool, run, "skipped")) (the account was not accessible)."
                lines.append(
                    (run.lowerBound, NarrativeItem(time: pool.records[run.lowerBound].time, text: text, isAlert: false))
                )
            }
            for run in pool.runs(of: .failed) {
                let first = pool.records[run.lowerBound]
                var text = "\(subject): \(evaluations(pool, run, "failed")); the targets stayed. "
                text += "\(run.count == 1 ? "Error" : "First error"): \(first.error ?? "unknown")"
                lines.append((run.lowerBound, NarrativeItem(time: first.time, text: text, isAlert: true)))
            }
            items += lines.sorted { $0.index < $1.index }.map(\.item)
        }
        return items
    }

    /// "dedicated 2 → 6, Spot 0 → 3", naming only the targets that changed; nil when none did.
    private static func targetChange(_ before: AutoscaleRecord.Targets, _ after: AutoscaleRecord.Targets) -> String? {
        var parts: [String] = []
        if before.dedicated != after.dedicated { parts.append("dedicated \(before.dedicated) → \(after.dedicated)") }
        if before.lowPriority != after.lowPriority { parts.append("Spot \(before.lowPriority) → \(after.lowPriority)") }
        return parts.isEmpty ? nil : "target " + parts.joined(separator: ", ")
    }

    /// "3 evaluations skipped from 10m to 20m", or "1 evaluation skipped" for a run of one.
    private static func evaluations(_ pool: AutoscalePool, _ run: Range<Int>, _ outcome: String) -> String {
        let text = "\(NumberText.plural(Int64(run.count), "evaluation")) \(outcome)"
        guard run.count > 1 else { return text }
        let (from, to) = (pool.records[run.lowerBound].time, pool.records[run.upperBound - 1].time)
        return text + " from \(NumberText.clock(from)) to \(NumberText.clock(to))"
    }
}
