/// A count that changes at instants (nodes in a state, queued tasks, …), folded as it arrives
/// into at most `capacity` equal-width time buckets that hold the exact integral of the count.
///
/// Why buckets and not a list of change points: the large bench changes its queued-task count
/// millions of times per run, and a chart shows a few hundred points. Folding on arrival keeps
/// memory fixed (one `Int64` per bucket) and costs a multiply-add per change; when the run
/// outgrows the buckets, neighbours are merged and the width doubles, which keeps integrals
/// exact. `resampled` then gives the *time-weighted mean* of each display bucket, so stacked
/// series (node states of a pool) still add up to the pool's size, and short spikes are
/// averaged, not dropped or exaggerated.
public struct StepSeries: Sendable {
    /// Buckets kept before neighbours are merged.
    public static let capacity = 1024

    /// The count now (after the last change).
    public private(set) var value: Int32 = 0
    /// The largest count ever held.
    public private(set) var peak: Int32 = 0
    /// Bucket width in milliseconds: 1, doubling as the run grows.
    public private(set) var width: Int64 = 1
    /// ∫ count dt over each bucket, in count·milliseconds; filled up to `since`.
    public private(set) var area: [Int64] = []
    /// The integral is accounted up to this time.
    public private(set) var since: Int64 = 0

    public init() {}

    /// Adds `delta` to the count at `time` (times never go backwards).
    @inline(__always)
    public mutating func add(_ delta: Int32, at time: Int64) {
        set(value &+ delta, at: time)
    }

    /// Sets the count at `time`.
    @inline(__always)
    public mutating func set(_ newValue: Int32, at time: Int64) {
        guard newValue != value else { return }
        if time > since {
            // Fast path: still inside the last bucket written.
            let bucket = area.count - 1
            if bucket >= 0 && time <= Int64(area.count) * width && since >= Int64(bucket) * width {
                area[bucket] += Int64(value) * (time - since)
                since = time
            } else {
                advance(to: time)
            }
        }
        value = newValue
        if newValue > peak { peak = newValue }
    }

    /// Whether the count was ever non-zero for a positive length of time (up to `since`).
    public var hasArea: Bool { area.contains { $0 != 0 } }

    /// Accounts the current count up to `time`.
    public mutating func advance(to time: Int64) {
        guard time > since else { return }
        while time > width * Int64(Self.capacity) { coarsen() }
        var from = since
        let count = Int64(value)
        while from < time {
            let bucket = Int(from / width)
            while area.count <= bucket { area.append(0) }
            let to = min(time, (Int64(bucket) + 1) * width)
            area[bucket] += count * (to - from)
            from = to
        }
        since = time
    }

    /// Merges neighbouring buckets: half as many, twice as wide, the same integral.
    private mutating func coarsen() {
        var merged: [Int64] = []
        merged.reserveCapacity(Self.capacity)
        var index = 0
        while index < area.count {
            merged.append(area[index] + (index + 1 < area.count ? area[index + 1] : 0))
            index += 2
        }
        area = merged
        width *= 2
    }

    /// The series from 0 to `end` in buckets of `bucketWidth` (a power-of-two multiple of
    /// `width`, see `displayWidth`): bucket i's time-weighted mean holds from `times[i]` to
    /// `times[i + 1]`; the last point is the count at `end`. First time 0, last time `end`.
    public func resampled(end: Int64, bucketWidth: Int64) -> SeriesPoints {
        var copy = self
        copy.advance(to: end)
        guard end > 0 else { return SeriesPoints(times: [0], values: [Double(value)]) }
        while copy.width < bucketWidth { copy.coarsen() }
        let buckets = Int((end + bucketWidth - 1) / bucketWidth)
        var times: [Int64] = []
        var values: [Double] = []
        times.reserveCapacity(buckets + 1)
        values.reserveCapacity(buckets + 1)
        for bucket in 0..<buckets {
            let start = Int64(bucket) * bucketWidth
            let length = min(end, start + bucketWidth) - start
            let integral = bucket < copy.area.count ? copy.area[bucket] : 0
            times.append(start)
            values.append(Double(integral) / Double(length))
        }
        times.append(end)
        values.append(Double(value))
        return SeriesPoints(times: times, values: values)
    }

    /// The bucket width that shows a run of length `end` in at most `maxPoints` points
    /// (buckets plus the end point): the smallest power of two ≥ end / (maxPoints − 1).
    public static func displayWidth(end: Int64, maxPoints: Int) -> Int64 {
        let buckets = Int64(max(1, maxPoints - 1))
        var width: Int64 = 1
        while width * buckets < end { width *= 2 }
        return width
    }
}
