public import SimulationKernel

/// When a block's tasks reach their client.
public enum ArrivalPattern: Hashable, Sendable {
    /// Every task at the same time.
    case at(SimTime)
    /// Task i (from 0) at `from + i·interval`.
    case every(SimTime, from: SimTime)
    /// A Poisson process: exponential gaps with mean 1/rate, drawn per task.
    case poisson(perHour: Double)
    /// One row per task from a trace file: its submit time and, optionally, its own duration
    /// and slot count. The block's `count` equals the number of rows.
    case trace([TraceTask])
}
