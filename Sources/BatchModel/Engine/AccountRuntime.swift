import SimulationKernel

/// The Batch account as a run changes it: its configuration (key source and identifier change
/// with timeline actions), its state and the time spent in each, the detection and recovery
/// timers, and its counters (SPEC §2 "Account states").
///
/// It owns the state's bookkeeping: time in each state is accounted on every change, and an
/// entry into `keyInaccessible` counts one outage (rule 6). What a change does to nodes and
/// tasks is the simulation's business.
struct AccountRuntime {
    var config: AccountConfig
    private(set) var state = AccountState.accessible
    private(set) var since: SimTime = 0
    private var timeInState = [SimTime](repeating: 0, count: AccountState.allCases.count)
    /// When the current loss of the key began, while it is not yet detected or not yet over.
    var lossStart: SimTime?
    var recoveryEndsAt: SimTime = 0
    /// The last instant the account step ran, and the last it was scheduled for: one per instant.
    var lastStep: SimTime = -1
    var lastScheduledStep: SimTime = -1
    /// Entries into `keyInaccessible` (rule 6).
    private(set) var outages = 0
    /// Control-plane operations and submissions the account refused (rule 4).
    var rejectedOperations = 0

    init(_ config: AccountConfig) {
        self.config = config
    }

    /// Whether control-plane operations are accepted right now.
    var isAvailable: Bool { state == .accessible }

    /// Whether a detection or recovery timer is running (rule 1: the run goes on for it).
    /// Inlined: the loop asks after every instant, and a call copied the whole account value.
    @inline(__always)
    var isWaitingOnTimer: Bool { state == .recovering || (state == .accessible && lossStart != nil) }

    /// Moves to `new` at `time`, accounting the time spent in the previous state; returns the
    /// previous state, or nil when the account is already there.
    mutating func enter(_ new: AccountState, at time: SimTime) -> AccountState? {
        let previous = state
        guard previous != new else { return nil }
        timeInState[Int(previous.rawValue)] += time - since
        state = new
        since = time
        if new == .keyInaccessible { outages += 1 }
        return previous
    }

    /// Closes the current state's interval at the end of the run.
    mutating func close(at end: SimTime) {
        timeInState[Int(state.rawValue)] += end - since
        since = end
    }

    /// Time spent in `state` (intervals closed so far).
    func time(in state: AccountState) -> SimTime {
        timeInState[Int(state.rawValue)]
    }
}
