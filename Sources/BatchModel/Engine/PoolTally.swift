/// A pool's node and task counts, kept as the nodes and tasks change, so that the autoscale
/// samples (every 30 s) and evaluations read them in constant time instead of walking the pool's
/// nodes (SPEC §7 rules 24–26). `NodeFleet` keeps them in runs where some pool autoscales;
/// debug builds recount them after every instant (`checkInvariants`).
struct PoolTally {
    /// Nodes in the pool (not removed) by priority, preempted and leaving ones included.
    var dedicated = 0
    var lowPriority = 0
    /// Of those, the ones marked leaving by an autoscale shrink.
    var leavingDedicated = 0
    var leavingLowPriority = 0
    /// Nodes `idle` or `running` (`$SampleNodeCount`), and their busy slots (for `$CPUPercent`).
    var usable = 0
    var busyUsableSlots = 0
    /// Nodes `preempted` (`$PreemptedNodeCount`).
    var preempted = 0
    /// Tasks running on the pool's nodes (`$RunningTasks`; a leaving node's included).
    var runningTasks = 0

    /// Nodes of one priority in the pool, optionally leaving out the leaving ones.
    func nodes(lowPriority isLowPriority: Bool, countingLeaving: Bool) -> Int {
        if isLowPriority { return lowPriority - (countingLeaving ? 0 : leavingLowPriority) }
        return dedicated - (countingLeaving ? 0 : leavingDedicated)
    }

    /// Counts a node in or out of the pool (`delta` is 1 or −1).
    mutating func count(lowPriority isLowPriority: Bool, _ delta: Int) {
        if isLowPriority { lowPriority += delta } else { dedicated += delta }
    }

    /// Counts a node in or out of the leaving ones.
    mutating func countLeaving(lowPriority isLowPriority: Bool, _ delta: Int) {
        if isLowPriority { leavingLowPriority += delta } else { leavingDedicated += delta }
    }

    /// A node with `busySlots` busy slots moved from `previous` to `state` (or out of the pool,
    /// `leavingpool`).
    mutating func moved(from previous: NodeState, to state: NodeState, busySlots: Int) {
        if previous.isUsable {
            usable -= 1
            busyUsableSlots -= busySlots
        }
        if state.isUsable {
            usable += 1
            busyUsableSlots += busySlots
        }
        if previous == .preempted { preempted -= 1 }
        if state == .preempted { preempted += 1 }
    }
}

extension NodeState {
    /// Whether a node in this state takes tasks (`idle` or `running`).
    var isUsable: Bool { self == .idle || self == .running }
}
