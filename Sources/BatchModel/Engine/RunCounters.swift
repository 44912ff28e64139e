import SimulationKernel

/// The counts behind a run's task metrics (SPEC §4) and the engine's own statistics. Each
/// counter is changed at the one place its event happens.
struct RunCounters {
    var submitted = 0
    var completed = 0
    var failed = 0
    var dropped = 0
    var retries = 0
    /// Requeue events (rule 14).
    var requeued = 0
    var rejectedSubmissions = 0
    /// Task-seconds of work thrown away by requeues, in milliseconds (rule 10).
    var lostWork: SimTime = 0
    /// Events taken off the queue, instants processed, and events emitted to the sink.
    var processedEvents = 0
    var instants = 0
    var emittedEvents = 0
}
