internal import BatchModel
internal import SimulationKernel

/// Limits that keep a scenario within what one machine can simulate; exceeding one is an error naming it.
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
}
