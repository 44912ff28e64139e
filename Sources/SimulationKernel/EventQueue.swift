/// The future event list of a discrete-event simulation, ordered by `(time, phase, sequence)`.
///
/// Two binary min-heaps share one sequence counter, so together they give exactly the order
/// of one heap: the main heap, and a side lane for kinds of events of which only a few are
/// pending at any time (an arrival stream's next arrival). An event in the lane costs a pop
/// and an insert in a heap of a few entries instead of one of thousands: in a large run half
/// of the events are arrivals, and the main heap's sift-down was the loop's largest cost.
///
/// A plain array heap measured faster here than swift-collections' `Heap` (a min-max heap),
/// because only `popMin` is needed (see `Benchmarks/`); a 4-ary heap measured slower in the
/// engine (1.04× the large bench's CPU).
public struct EventQueue<Payload>: Sendable where Payload: Sendable {
    /// Where an event waits: both lanes pop in the one order, so the choice changes speed only.
    public enum Lane: Sendable {
        /// Kinds of events of which many may be pending (task completions).
        case main
        /// Kinds of events of which only a few are pending at a time.
        case few
    }

    @usableFromInline var heap = BinaryMinHeap<ScheduledEvent<Payload>>()
    @usableFromInline var lane = BinaryMinHeap<ScheduledEvent<Payload>>()
    @usableFromInline var nextSequence: UInt64 = 0

    public init(reservingCapacity capacity: Int = 0) {
        heap.reserveCapacity(capacity)
    }

    /// Number of pending events.
    @inlinable public var count: Int { heap.count + lane.count }

    @inlinable public var isEmpty: Bool { heap.isEmpty && lane.isEmpty }

    /// The earliest pending event, without removing it.
    ///
    /// - Complexity: O(1)
    @inlinable public var first: ScheduledEvent<Payload>? {
        guard let side = lane.first else { return heap.first }
        guard let main = heap.first, main.precedes(side) else { return side }
        return main
    }

    /// The time of the earliest pending event, or `SimTime.max` when none is: cheaper than
    /// `first` for an event loop that asks after every event.
    ///
    /// - Complexity: O(1)
    @inlinable public var nextTime: SimTime {
        min(heap.first?.time ?? .max, lane.first?.time ?? .max)
    }

    /// The earliest pending event of the main lane, without removing it: a hint of what comes
    /// soon (the loop prefetches for it), not necessarily the earliest event.
    @inlinable public var firstInMainLane: ScheduledEvent<Payload>? { heap.first }

    /// Adds an event at `time` in `phase` (0…255; lower phases happen first within an instant).
    ///
    /// - Complexity: O(log n)
    @inlinable
    public mutating func schedule(at time: SimTime, phase: UInt8, lane: Lane = .main, _ payload: Payload) {
        let order = UInt64(phase) << 56 | nextSequence
        nextSequence &+= 1
        let event = ScheduledEvent(time: time, order: order, payload: payload)
        switch lane {
        case .main: heap.insert(event)
        case .few: self.lane.insert(event)
        }
    }

    /// Removes and returns the earliest event.
    ///
    /// - Complexity: O(log n)
    @inlinable
    public mutating func popFirst() -> ScheduledEvent<Payload>? {
        guard let side = lane.first else { return heap.popFirst() }
        guard let main = heap.first, main.precedes(side) else { return lane.popFirst() }
        return heap.popFirst()
    }

    /// Rewrites the pending events' payloads, dropping those `transform` maps to nil; times,
    /// phases and sequence numbers stay, so the remaining events keep their order (a forked
    /// simulation renumbers what its events refer to).
    ///
    /// - Complexity: O(n log n)
    public mutating func rewritePayloads(_ transform: (Payload) -> Payload?) {
        let rewrite = { (event: ScheduledEvent<Payload>) in
            transform(event.payload).map { ScheduledEvent(time: event.time, order: event.order, payload: $0) }
        }
        heap.rebuild(rewrite)
        lane.rebuild(rewrite)
    }

    /// Checks the heap property; used by tests and by debug builds.
    public func isValidHeap() -> Bool {
        heap.isValid() && lane.isValid()
    }
}
