import BatchModel

/// `report.md` embeds no chart, so each autoscale pool gets one line in words instead of its
/// target chart: how its evaluations ended and how far its targets ranged.
extension MarkdownReport {
    /// "Pool elastic: 9 evaluations — 6 applied, 0 failed, 3 skipped (the account was not
    /// accessible); target 0–4 nodes (dedicated 0–4, Spot 0), 4 at the end."
    static func summary(_ pool: AutoscalePool) -> String {
        let skipped = pool.count(.skipped)
        var text = "Pool \(escape(pool.name)): \(NumberText.plural(Int64(pool.records.count), "evaluation")) — "
        text += "\(pool.count(.applied)) applied, \(pool.count(.failed)) failed, \(skipped) skipped"
        if skipped > 0 { text += " (the account was not accessible)" }
        let targets = pool.targets
        func range(_ values: [Int]) -> String {
            let (low, high) = (values.min() ?? 0, values.max() ?? 0)
            return low == high ? "\(low)" : "\(low)–\(high)"
        }
        text += "; target \(range(targets.map(AutoscalePool.total))) nodes "
        text += "(dedicated \(range(targets.map(\.dedicated))), Spot \(range(targets.map(\.lowPriority))))"
        let last = targets.last.map(AutoscalePool.total) ?? 0
        return text + ", \(last) at the end."
    }
}
