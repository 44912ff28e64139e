/// A downsampled series: `values[i]` holds from `times[i]` to `times[i + 1]` (milliseconds).
public struct SeriesPoints: Sendable, Equatable {
    public var times: [Int64]
    public var values: [Double]

    public var count: Int { times.count }
    /// The largest value shown.
    public var maximum: Double { values.max() ?? 0 }
}
