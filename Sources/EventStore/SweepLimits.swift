/// How big a sweep may be. The command line enforces these before anything runs, and
/// `SweepStore.read` checks a database against the same numbers, so that a tampered
/// `sweep.sqlite` cannot make `merge` multiply its way past `Int` or allocate without bound.
public enum SweepLimits {
    /// Grid points (the product of every `--set` variable's value count): a guard against
    /// typos like `1s..30d/1s`, and the number of times a sweep loads its scenario.
    public static let maximumPoints = 100_000
    /// `--replications`: seeds per grid point.
    public static let maximumReplications = 100_000
    /// Points × replications: each run keeps its summary metrics in memory until the sweep
    /// writes them, about 2 KB each.
    public static let maximumRuns = 1_000_000
}
