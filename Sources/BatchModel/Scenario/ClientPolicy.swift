public import SimulationKernel

/// What a job's client does when the account rejects a submission.
public enum ClientPolicy: Hashable, Sendable {
    /// Give up at once: the task is `dropped`.
    case drop
    /// Try again every `every` until `maxAttempts` attempts in all (the first included).
    case retry(every: SimTime, maxAttempts: Int)
}
