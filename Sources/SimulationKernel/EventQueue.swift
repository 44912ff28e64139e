/// The future event list of a discrete-event simulation: a binary min-heap ordered by
/// `(time, phase, sequence)`.
///
/// A plain array heap measured faster here than swift-collections' `Heap` (a min-max heap),
/// because only `popMin` is needed; see `Benchmarks/` for the comparison.
public struct EventQueue<Payload>: Sendable where Payload: Sendable {
    @usableFromInline var heap = BinaryMinHeap<ScheduledEvent<Payload>>()
    @usableFromInline var nextSequence: UInt64 = 0

    public init(reservingCapacity capacity: Int = 0) {
        heap.reserveCapacity(capacity)
    }

    /// Number of pending events.
    @inlinable public var count: Int { heap.count }

    @inlinable public var isEmpty: Bool { heap.isEmpty }

    /// The earliest pending event, without removing it.
    ///
    /// - Complexity: O(1)
    @inlinable public var first: ScheduledEvent<Payload>? { heap.first }

    /// Adds an event at `time` in `phase` (0…255; lower phases happen first within an instant).
    ///
    /// - Complexity: O(log n)
    @inlinable
    public mutating func schedule(at time: SimTime, phase: UInt8, _ payload: Payload) {
        let order = UInt64(phase) << 56 | nextSequence
        nextSequence &+= 1
        heap.insert(ScheduledEvent(time: time, order: order, payload: payload))
    }

    /// Removes and returns the earliest event.
    ///
    /// - Complexity: O(log n)
    @inlinable
    public mutating func popFirst() -> ScheduledEvent<Payload>? {
        heap.popFirst()
    }

    /// Rewrites the pending events' payloads, dropping those `transform` maps to nil; times,
    /// phases and sequence numbers stay, so the remaining events keep their order (a forked
    /// simulation renumbers what its events refer to).
    ///
    /// - Complexity: O(n log n)
    public mutating func rewritePayloads(_ transform: (Payload) -> Payload?) {
        heap.rebuild { event in
            transform(event.payload).map { ScheduledEvent(time: event.time, order: event.order, payload: $0) }
        }
    }

    /// Checks the heap property; used by tests and by debug builds.
    public func isValidHeap() -> Bool {
        heap.isValid()
    }
}
