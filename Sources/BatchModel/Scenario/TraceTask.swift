public import SimulationKernel

/// One task of a trace.
public struct TraceTask: Hashable, Sendable {
    public var submit: SimTime
    public var duration: SimTime?
    public var requiredSlots: Int?

    public init(submit: SimTime, duration: SimTime? = nil, requiredSlots: Int? = nil) {
        self.submit = submit
        self.duration = duration
        self.requiredSlots = requiredSlots
    }
}
