public import SimulationKernel

/// What a `SimEvent`'s `detail` number means, typed by the event's name and entity.
///
/// Events travel as fixed-size values with one integer `detail` (no allocation per event, one
/// column in the event log); code that reads them asks for `event.typedDetail` instead of
/// knowing which number means what.
public enum EventDetail: Hashable, Sendable {
    case none
    /// `actionApplied`, `actionRejected`, `operationRejected`: the timeline entry (file order).
    case timelineEntry(Int)
    /// The account's `stateChanged`: why the key is inaccessible (nil when it is accessible).
    case accessProblem(AccessProblem?)
    /// `versionAdded`, `versionExpired`: the version's index in its key, oldest first.
    case version(Int)
    /// `nodeAdded`: the pool the node joined.
    case pool(Int)
    /// `taskSubmitted`: the client attempt that was accepted (1 for the first).
    case attempt(Int)
    /// `submissionRejected`, `taskDropped` (entity: the job's client): the task.
    case task(Int)
    /// `taskStarted`: the node's global number.
    case node(Int)
    /// `taskRequeued`: milliseconds of work lost.
    case lostWork(SimTime)
    /// `taskRetried`: the retry number (1 for the first).
    case retry(Int)
    /// `startTaskAttemptFailed`: the attempt number (0 for the first).
    case startTaskAttempt(Int)
    /// `autoscaleEvaluated`: whether the evaluation failed (its targets were not applied).
    case autoscaleFailed(Bool)
}

extension SimEvent {
    /// `detail`, typed by what this event is.
    public var typedDetail: EventDetail {
        switch name {
        case .actionApplied, .actionRejected, .operationRejected: .timelineEntry(Int(detail))
        case .stateChanged:
            entity == .account ? .accessProblem(detail < 0 ? nil : AccessProblem(rawValue: UInt8(detail))) : .none
        case .versionAdded, .versionExpired: .version(Int(detail))
        case .nodeAdded: .pool(Int(detail))
        case .taskSubmitted: .attempt(Int(detail))
        case .submissionRejected, .taskDropped: .task(Int(detail))
        case .taskStarted: .node(Int(detail))
        case .taskRequeued: .lostWork(detail)
        case .taskRetried: .retry(Int(detail))
        case .startTaskAttemptFailed: .startTaskAttempt(Int(detail))
        case .autoscaleEvaluated: .autoscaleFailed(detail != 0)
        case .retentionPurged, .nodeRemoved, .taskCompleted, .taskFailed, .autoscaleSkipped: .none
        }
    }

    /// The previous and new state of an account's state change; nil for other events.
    public var accountStates: (from: AccountState, to: AccountState)? {
        guard entity == .account, name == .stateChanged, let from = AccountState(rawValue: fromState),
            let to = AccountState(rawValue: toState)
        else { return nil }
        return (from, to)
    }

    /// The previous and new state of a node's state change (`nodeRemoved` included); nil for
    /// other events. A node's first state (`nodeAdded`) has no previous one.
    public var nodeStates: (from: NodeState?, to: NodeState)? {
        guard entity == .node, let to = NodeState(rawValue: toState) else { return nil }
        return (NodeState(rawValue: fromState), to)
    }
}
