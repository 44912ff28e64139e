/// The timeline of a run in plain words: each key, vault and control-plane action and how it
/// ended, each change of the account's state with what it did to nodes and tasks, key events
/// (rotations, expiries, retention purges), one line per unavailable stretch that groups
/// the operations Batch rejected in it, and for autoscale pools each target change and each run
/// of skipped or failed evaluations.
public struct NarrativeItem: Sendable, Equatable {
    /// When it happened (ms since the start).
    public var time: Int64
    public var text: String
    /// Whether this is bad news (an outage, a refusal): reports emphasise it.
    public var isAlert: Bool
}
