public import SimulationKernel

/// Nearest-rank percentiles (SPEC §2 rule 2): the value at rank ⌈p/100·n⌉ of the sorted values.
public enum Percentiles {
    /// The rank (1-based) of the p-th percentile among `count` values.
    public static func rank(_ p: Int, count: Int) -> Int {
        min(max((p * count + 99) / 100, 1), count)
    }

    /// The p-th percentile of `sorted` (ascending), or nil when it is empty.
    public static func nearestRank(_ p: Int, of sorted: [SimTime]) -> SimTime? {
        guard !sorted.isEmpty else { return nil }
        return sorted[rank(p, count: sorted.count) - 1]
    }

    /// Several percentiles (ascending `ps`) of unsorted values without sorting them all:
    /// successive quickselects, each on the part right of the previous rank.
    /// `values` is reordered. Nil entries when `values` is empty.
    ///
    /// - Complexity: O(n) expected per percentile.
    public static func nearestRanks(_ ps: [Int], of values: inout [SimTime]) -> [SimTime?] {
        guard !values.isEmpty else { return ps.map { _ in nil } }
        let count = values.count
        return values.withUnsafeMutableBufferPointer { buffer in
            var low = 0
            return ps.map { p in
                let target = rank(p, count: count) - 1
                select(target, in: buffer, from: max(min(low, target), 0))
                low = target
                return buffer[target]
            }
        }
    }

    /// Places the element of sorted position `k` at index k, smaller ones before it
    /// (Hoare's quickselect with a median-of-three pivot).
    private static func select(_ k: Int, in values: UnsafeMutableBufferPointer<SimTime>, from start: Int) {
        var low = start
        var high = values.count - 1
        while high > low {
            let middle = low + (high - low) / 2
            if values[middle] < values[low] { values.swapAt(middle, low) }
            if values[high] < values[low] { values.swapAt(high, low) }
            if values[high] < values[middle] { values.swapAt(high, middle) }
            let pivot = values[middle]
            var i = low
            var j = high
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k <= j {
                high = j
            } else if k >= i {
                low = i
            } else {
                return
            }
        }
    }
}
