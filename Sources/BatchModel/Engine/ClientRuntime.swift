import SimulationKernel

/// The jobs' clients: each job's retry settings, the arrival streams delivering tasks to them,
/// the queues of tasks waiting to try again, and the two counts that keep a run going while
/// work is still outside the account (rule 1).
struct ClientRuntime {
    /// Per-job settings the hot paths read, flattened out of `Scenario` (no reference counting).
    struct Job {
        var pool: Int
        var priority: Int
        /// 0 for a client that drops rejected tasks.
        var retryEvery: SimTime
        var maxAttempts: Int32
    }

    let jobs: [Job]
    var streams: [ArrivalStream] = []
    var retryQueues: [RetryQueue]
    /// Tasks defined but not yet arrived at their client.
    var unarrived = 0
    /// Tasks rejected at least once and waiting at their client to try again.
    var atClient = 0

    init(_ jobs: [JobConfig]) {
        self.jobs = jobs.map { job in
            var runtime = Job(pool: job.pool, priority: job.priority, retryEvery: 0, maxAttempts: 1)
            if case .retry(let every, let maxAttempts) = job.client {
                runtime.retryEvery = every
                runtime.maxAttempts = Int32(clamping: maxAttempts)
            }
            return runtime
        }
        retryQueues = Array(repeating: RetryQueue(), count: jobs.count)
    }
}
