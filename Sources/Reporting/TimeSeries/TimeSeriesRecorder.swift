public import BatchModel

/// Builds, from a run's event stream alone, what the report draws and narrates: how many
/// nodes of each pool are in each state, how many tasks are queued and running, how many have
/// completed or failed (as `StepSeries`), and the account's story (`AccountStory`: state
/// changes, timeline actions, key events, with what each outage did to nodes and tasks).
///
/// The same recorder is fed live by `batchsim run` and by replaying an event log in
/// `batchsim report`, so both write the same report. Per event it does a switch and one or
/// two integer updates; it allocates only when an array grows.
public final class TimeSeriesRecorder: EventSink {
    /// Node states a pool's chart stacks, in drawing order (bottom first). `leavingpool` is a
    /// node draining after an autoscale shrink (`taskcompletion`, `retaineddata`): billed until
    /// its last task ends, so it is drawn; a removed node is in no state.
    public static let nodeStates: [NodeState] = [
        .running, .idle, .waitingforstarttask, .starting, .creating, .starttaskfailed, .unusable, .preempted,
        .leavingpool,
    ]

    /// All mutable state in one value, so that each event costs one exclusivity check on
    /// the class's storage instead of one per series touched.
    private var data: RecordedSeries

    public init(poolCount: Int) {
        data = RecordedSeries(poolCount: poolCount)
    }

    public var poolCount: Int { data.poolCount }
    public var queued: StepSeries { data.queued }
    public var running: StepSeries { data.running }
    /// Cumulative successful completions.
    public var completed: StepSeries { data.completed }
    /// Cumulative final failures.
    public var failed: StepSeries { data.failed }
    public var story: AccountStory { data.story }
    /// When the run ended; set by `finish(at:)`.
    public var end: Int64 { data.end }

    /// The series of nodes of `pool` in `state`.
    public func nodes(pool: Int, state: NodeState) -> StepSeries {
        data.nodes[pool * RecordedSeries.stateCount + Int(state.rawValue)]
    }

    /// The nodes of `pool` in any of `states`, together, downsampled as `StepSeries.resampled`
    /// does (the sum of time-weighted means is the time-weighted mean of the sum). All states
    /// give the pool's current nodes — leaving and preempted ones included, as
    /// `$CurrentDedicatedNodes` counts them; idle and running give its usable nodes.
    public func nodes(pool: Int, in states: [NodeState], end: Int64, bucketWidth: Int64) -> SeriesPoints {
        var total = StepSeries().resampled(end: end, bucketWidth: bucketWidth)
        for state in states {
            let points = nodes(pool: pool, state: state).resampled(end: end, bucketWidth: bucketWidth)
            for index in total.values.indices { total.values[index] += points.values[index] }
        }
        return total
    }

    public func record(_ event: SimEvent) {
        data.record(event)
    }

    /// Closes every series at the run's end (SPEC §2 rule 1).
    public func finish(at end: Int64) {
        data.finish(at: end)
    }
}
