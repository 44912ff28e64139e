import SimulationKernel

/// Delivers one block's tasks to their client in arrival order, one pending event at a time.
struct ArrivalStream {
    var block: Int
    var base: SimTime
    var next: Int = 0
    /// Arrival time of `next` (Poisson streams accumulate their gaps).
    var nextTime: SimTime = 0
}
