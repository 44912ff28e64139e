public import BatchModel

/// What happened to the account, in order: its state changes, the timeline actions (applied,
/// refused by Key Vault, refused by Batch) and key events (new versions, expiries, retention
/// purges). Kept as parallel arrays: a run has few of these, but a flapping key could make
/// many.
///
/// Each account change also counts what followed it while the account was unavailable —
/// nodes made unusable, tasks requeued, submissions rejected, tasks dropped by their clients —
/// which is how the report says "40 nodes went unusable and 160 tasks were requeued".
public struct AccountStory: Sendable {
    /// How a timeline action ended.
    public enum Outcome: UInt8, Sendable {
        case applied
        /// Key Vault refused it (logged, not an account rejection).
        case refusedByVault
        /// The Batch account refused it while unavailable (an `account.rejectedOperations`).
        case refusedByBatch
    }

    public private(set) var changeTimes: [Int64] = []
    public private(set) var changeFrom: [AccountState] = []
    public private(set) var changeTo: [AccountState] = []
    /// `AccessProblem` raw value of a loss, -1 otherwise.
    public private(set) var changeReasons: [Int8] = []
    public private(set) var nodesMadeUnusable: [Int32] = []
    public private(set) var tasksRequeued: [Int32] = []
    public private(set) var submissionsRejected: [Int32] = []
    public private(set) var tasksDropped: [Int32] = []

    public private(set) var actionTimes: [Int64] = []
    /// Timeline entry index (into `Scenario.timeline` / the log's `timeline` table).
    public private(set) var actionEntries: [Int32] = []
    public private(set) var actionOutcomes: [Outcome] = []
    public private(set) var actionEntities: [EntityKind] = []
    public private(set) var actionEntityIndices: [Int32] = []
    /// Tasks requeued by the action itself (a pool shrink or an account deletion).
    public private(set) var actionRequeues: [Int32] = []

    public private(set) var keyEventTimes: [Int64] = []
    public private(set) var keyEventNames: [EventName] = []
    /// Key index; 0 for a vault event.
    public private(set) var keyEventKeys: [Int32] = []
    public private(set) var keyEventEntities: [EntityKind] = []
    /// Version index for `versionAdded` and `versionExpired`.
    public private(set) var keyEventDetails: [Int64] = []

    /// Requeues, unusable nodes, rejections and drops not attributable to anything above.
    public private(set) var otherRequeues: Int32 = 0
    /// Requeues caused by Spot preemptions (SPEC §6): never attributed to an outage.
    public private(set) var preemptionRequeues: Int32 = 0

    /// The account's state after the last change.
    public private(set) var state = AccountState.accessible

    public init() {}

    public var changeCount: Int { changeTimes.count }
    public var actionCount: Int { actionTimes.count }
    public var keyEventCount: Int { keyEventTimes.count }

    mutating func accountChanged(_ event: SimEvent) {
        let (from, to) = event.accountStates ?? (.accessible, .accessible)
        changeTimes.append(event.time)
        changeFrom.append(from)
        changeTo.append(to)
        var reason: Int8 = -1
        if case .accessProblem(let problem?) = event.typedDetail { reason = Int8(problem.rawValue) }
        changeReasons.append(reason)
        nodesMadeUnusable.append(0)
        tasksRequeued.append(0)
        submissionsRejected.append(0)
        tasksDropped.append(0)
        state = to
    }

    mutating func action(_ event: SimEvent) {
        actionTimes.append(event.time)
        var entry = -1
        if case .timelineEntry(let index) = event.typedDetail { entry = index }
        actionEntries.append(Int32(truncatingIfNeeded: entry))
        actionOutcomes.append(
            event.name == .actionApplied ? .applied : event.name == .actionRejected ? .refusedByVault : .refusedByBatch
        )
        actionEntities.append(event.entity)
        actionEntityIndices.append(event.entityIndex)
        actionRequeues.append(0)
    }

    mutating func keyEvent(_ event: SimEvent) {
        keyEventTimes.append(event.time)
        keyEventNames.append(event.name)
        keyEventKeys.append(event.entityIndex)
        keyEventEntities.append(event.entity)
        keyEventDetails.append(event.detail)
    }

    /// The account change that unavailability-related events belong to: the last one while
    /// the account is not accessible.
    private var currentOutage: Int? {
        state == .accessible ? nil : changeTimes.indices.last
    }

    mutating func nodeMadeUnusable(at time: Int64) {
        if let outage = currentOutage { nodesMadeUnusable[outage] += 1 }
    }

    mutating func taskRequeued(at time: Int64) {
        if let outage = currentOutage, state != .deleted {
            tasksRequeued[outage] += 1
        } else if let last = actionTimes.indices.last, actionTimes[last] == time {
            actionRequeues[last] += 1
        } else {
            otherRequeues += 1
        }
    }

    mutating func taskRequeuedByPreemption() {
        preemptionRequeues += 1
    }

    /// Requeues attributed to outages, all outages together.
    public var outageRequeues: Int32 { tasksRequeued.reduce(0, +) }

    mutating func submissionRejected(at time: Int64) {
        if let outage = currentOutage { submissionsRejected[outage] += 1 }
    }

    mutating func taskDropped(at time: Int64) {
        if let outage = currentOutage { tasksDropped[outage] += 1 }
    }

    /// Each stretch of time the account spent in one state, from 0 to `end`, for the band chart.
    public func stateIntervals(end: Int64) -> [(state: AccountState, from: Int64, to: Int64)] {
        var intervals: [(state: AccountState, from: Int64, to: Int64)] = []
        var current = AccountState.accessible
        var since: Int64 = 0
        for index in changeTimes.indices {
            if changeTimes[index] > since { intervals.append((current, since, changeTimes[index])) }
            current = changeTo[index]
            since = changeTimes[index]
        }
        if end > since || intervals.isEmpty { intervals.append((current, since, max(end, since))) }
        return intervals
    }
}
