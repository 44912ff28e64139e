internal import BatchModel
internal import SimulationKernel

/// Limits that keep a scenario within what one machine can simulate; exceeding one is an error naming it.
/// `docs/limits.md` lists them all with their messages.
enum ScenarioLimits {
    /// Tasks a scenario defines: at this limit a run (scenario and baseline) needs about 1.4 GiB.
    static let maximumTasks = 5_000_000
    static let maximumInitialNodes = 1_000_000
    static let maximumHorizon: SimTime = Scenario.maximumHorizon
    /// Task retries per task; with millions of tasks, more would let one file run for days.
    static let maximumTaskRetryCount = 10_000
    /// Client attempts per task.
    static let maximumAttempts = 1_000_000
    /// Versions a rotation policy may add within a run (its horizon, or the 30-day cap).
    static let maximumRotations: Int64 = 1_000_000

    // MARK: Input files

    /// Bytes of a scenario file. The largest committed scenario is 3 KB; 16 MiB of YAML is read and
    /// checked in 0.3 s, where 64 MiB of list items took 4.9 s and 1.4 GB (20 s in a debug build).
    static let maximumScenarioBytes = 16 << 20
    /// YAML nodes in a scenario, counted while libyaml parses (before any tree is built) and again
    /// after aliases and `${var}` substitution expand it: a scenario has thousands, a bomb billions.
    static let maximumNodes = 2_000_000
    /// Bytes of text that `${var}` substitution may add to a scenario's scalars.
    static let maximumSubstitutedBytes = 16 << 20
    /// Levels of nested YAML lists and mappings (the top-level mapping is level 1); deeper
    /// documents are bombs for every recursive reader, Yams's included.
    static let maximumNesting = 1000
    /// Bytes of a trace file; 2,000,000 rows of four fields fit in a tenth of it.
    static let maximumTraceBytes = 256 << 20
    /// Rows of one trace, counted while it streams in: a trace is read in seconds, never minutes.
    static let maximumTraceRows = 2_000_000
    /// Bytes of one trace line: a row has four short fields, so a longer line is a binary or
    /// broken file, refused after its first 64 KiB rather than read whole.
    static let maximumTraceLineBytes = 64 << 10
}
