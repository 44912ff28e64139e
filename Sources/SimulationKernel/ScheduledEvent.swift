/// A pending event: when it happens, in which phase of that instant, and what it carries.
///
/// Events are ordered by `(time, phase, sequence)`. The sequence number is assigned by the
/// queue on insertion, so events of the same time and phase come out in insertion order
/// and the order never depends on the heap's internal layout.
public struct ScheduledEvent<Payload>: HeapOrdered, Sendable where Payload: Sendable {
    public var time: SimTime
    /// Phase in the high byte, insertion sequence in the low 56 bits: one integer comparison.
    @usableFromInline var order: UInt64
    public var payload: Payload

    @inlinable
    public var phase: UInt8 { UInt8(truncatingIfNeeded: order >> 56) }

    @inlinable
    public var sequence: UInt64 { order & 0x00FF_FFFF_FFFF_FFFF }

    @inlinable
    init(time: SimTime, order: UInt64, payload: Payload) {
        self.time = time
        self.order = order
        self.payload = payload
    }

    @inlinable
    public func precedes(_ other: Self) -> Bool {
        // Without short-circuits, so that a heap's choice between two children can compile to
        // a conditional move rather than a branch that mispredicts half the time.
        let earlier = time < other.time
        let tie = time == other.time
        let lower = order < other.order
        // `earlier` and `tie` never hold together, so "not equal" is their "or" here.
        return earlier != (tie && lower)
    }
}
