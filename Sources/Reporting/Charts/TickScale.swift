/// Round tick positions for chart axes: 1, 2 or 5 × 10ⁿ for counts, whole minutes, hours
/// and days for time.
enum TickScale {
    /// Ticks 0, step, 2·step, … up to `maximum`, with step a 1-2-5 number giving at most
    /// `maximumTicks` intervals.
    static func niceTicks(maximum: Double, maximumTicks: Int) -> [Double] {
        let step = niceStep(maximum / Double(max(1, maximumTicks)))
        var ticks: [Double] = []
        var value = 0.0
        while value <= maximum * (1 + 1e-9) {
            ticks.append(value)
            value += step
        }
        return ticks
    }

    /// The smallest 1-2-5 number ≥ `rough`.
    static func niceStep(_ rough: Double) -> Double {
        guard rough > 0 else { return 1 }
        var magnitude = 1.0
        while magnitude * 10 <= rough { magnitude *= 10 }
        while magnitude > rough { magnitude /= 10 }
        for factor in [1.0, 2.0, 5.0, 10.0] where magnitude * factor >= rough {
            return magnitude * factor
        }
        return magnitude * 10
    }

    /// A time tick step (ms) from a list of round durations, giving at most `maximumTicks` intervals.
    static func timeStep(span: Int64, maximumTicks: Int) -> Int64 {
        let minute: Int64 = 60_000
        let candidates: [Int64] = [
            1000, 5000, 10_000, 30_000, minute, 2 * minute, 5 * minute, 10 * minute, 15 * minute, 30 * minute,
            60 * minute, 2 * 60 * minute, 3 * 60 * minute, 6 * 60 * minute, 12 * 60 * minute, 24 * 60 * minute,
            2 * 24 * 60 * minute, 5 * 24 * 60 * minute, 10 * 24 * 60 * minute,
        ]
        return candidates.first { span / $0 <= Int64(maximumTicks) } ?? 30 * 24 * 60 * minute
    }

    /// A tick label: grouped integers, else one decimal.
    static func label(_ value: Double) -> String {
        if value == value.rounded() { return NumberText.grouped(whole: value) }
        return SVGText.number(value)
    }
}
