/// Simulated time in integer milliseconds since the start of a run.
///
/// Integer milliseconds keep every comparison exact: two implementations of the same
/// contract agree to the millisecond, and no floating-point drift accumulates over a
/// 30-day run.
public typealias SimTime = Int64

extension SimTime {
    /// Milliseconds in one second, minute, hour and day.
    public static let millisecondsPerSecond: Int64 = 1000
    public static let millisecondsPerMinute: Int64 = 60_000
    public static let millisecondsPerHour: Int64 = 3_600_000
    public static let millisecondsPerDay: Int64 = 86_400_000
}
