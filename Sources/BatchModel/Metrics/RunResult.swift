/// What a run leaves behind: its metrics, the final record of every task and node (for the
/// event log's `tasks` and `nodes` tables), and how much work the engine did.
public struct RunResult: Sendable {
    public var metrics: RunMetrics
    public var tasks: [TaskRecord]
    public var nodes: [NodeRecord]
    /// Events taken off the event queue.
    public var processedEvents: Int
    /// Events emitted to the sink (the rows an event log would hold).
    public var emittedEvents: Int
    /// Every version of every key at the end of the run, oldest first (lowercased ids, with
    /// `auto-N` rotations and added versions): what a `versionAdded` event's detail indexes.
    public var keyVersions: [[String]] = []
    /// Every autoscale evaluation, ran or skipped, in order (SPEC §7 rule 27).
    public var autoscaleLog: [AutoscaleRecord] = []
}
