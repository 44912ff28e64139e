public import SimulationKernel

/// Nearest-rank percentiles (SPEC §2 rule 2): the value at rank ⌈p/100·n⌉ of the sorted values.
public enum Percentiles {
    /// The p-th percentile of `sorted` (ascending), or nil when it is empty.
    public static func nearestRank(_ p: Int, of sorted: [SimTime]) -> SimTime? {
        guard !sorted.isEmpty else { return nil }
        let rank = (p * sorted.count + 99) / 100
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }
}
