public import SimulationKernel

/// One timeline action at its absolute time. Entries keep file order; at one instant they
/// happen in that order (SPEC §2 "Order within one instant", phase 2).
public struct TimelineEntry: Hashable, Sendable {
    public var time: SimTime
    public var action: TimelineAction
    /// 1-based line of the entry in its file, for messages; 0 when built in code.
    public var line: Int

    public init(time: SimTime, action: TimelineAction, line: Int = 0) {
        self.time = time
        self.action = action
        self.line = line
    }
}
