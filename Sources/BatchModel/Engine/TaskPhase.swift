/// Where a task is in its life; finer than the REST `TaskState` because the metrics need to
/// tell a task waiting at its client from one queued in the account.
public enum TaskPhase: UInt8, Sendable {
    /// Defined but not yet arrived at its client.
    case pending
    /// Rejected at least once; its client will try again.
    case atClient
    /// Accepted and waiting for a node (`active`).
    case queued
    /// On a node (`running`).
    case running
    /// Finished successfully (`completed`, success).
    case succeeded
    /// Finished with its last attempt failed (`completed`, failure).
    case failed
    /// Its client gave up.
    case dropped
}
