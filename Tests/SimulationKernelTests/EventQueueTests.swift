import Testing

@testable import SimulationKernel

@Suite("EventQueue")
struct EventQueueTests {
    /// Pops everything, returning `(time, phase, payload)` in pop order.
    private func drain(_ queue: inout EventQueue<Int>) -> [(time: SimTime, phase: UInt8, payload: Int)] {
        var popped: [(time: SimTime, phase: UInt8, payload: Int)] = []
        while let event = queue.popFirst() {
            popped.append((event.time, event.phase, event.payload))
        }
        return popped
    }

    /// Pops the first event, failing the test if there is none. (`#require` cannot take a
    /// mutating call directly.)
    private func popRequired<Payload>(_ queue: inout EventQueue<Payload>) throws -> ScheduledEvent<Payload> {
        let event = queue.popFirst()
        return try #require(event)
    }

    private func popOptional<Payload>(_ queue: inout EventQueue<Payload>) -> ScheduledEvent<Payload>? {
        queue.popFirst()
    }

    // MARK: - Ordering

    @Test("Earlier events pop first whatever order they were scheduled in")
    func earlierTimePopsFirst() {
        var queue = EventQueue<Int>()
        let times: [SimTime] = [50, 10, 40, 0, 30, 20, 60]
        for (index, time) in times.enumerated() {
            queue.schedule(at: time, phase: 0, index)
        }
        #expect(drain(&queue).map(\.time) == [0, 10, 20, 30, 40, 50, 60])
    }

    @Test("At the same instant a lower phase pops first")
    func sameTimeLowerPhaseFirst() {
        var queue = EventQueue<Int>()
        for phase: UInt8 in [3, 255, 0, 2, 128, 1] {
            queue.schedule(at: 1000, phase: phase, Int(phase))
        }
        #expect(drain(&queue).map(\.phase) == [0, 1, 2, 3, 128, 255])
    }

    @Test("An earlier time wins over a lower phase")
    func timeBeforePhase() {
        var queue = EventQueue<Int>()
        queue.schedule(at: 6, phase: 0, 1)
        queue.schedule(at: 5, phase: 255, 2)
        queue.schedule(at: 6, phase: 255, 3)
        queue.schedule(at: 5, phase: 0, 4)
        let popped = drain(&queue)
        #expect(popped.map(\.payload) == [4, 2, 1, 3])
    }

    @Test("Events in the two lanes pop in the one order a single heap gives", arguments: [1, 2, 7])
    func lanesMergeExactly(seed: UInt64) {
        var queue = EventQueue<Int>()
        var random = RandomStream(seed: seed, purpose: 1, entity: 2)
        // The plain reading: every pending event, the least (time, phase, sequence) first.
        var pending: [(time: SimTime, phase: UInt8, sequence: Int)] = []
        var now: SimTime = 0
        var pops = 0
        for step in 0..<3000 {
            // Interleave pops with schedules (never in the past), in both lanes, with many ties.
            let head = queue.first
            if random.nextUnit() < 0.4, let event = queue.popFirst() {
                #expect(head?.payload == event.payload, "first agrees with popFirst at pop \(pops)")
                #expect(head?.time == event.time)
                let least = pending.indices.min {
                    (pending[$0].time, pending[$0].phase, pending[$0].sequence)
                        < (pending[$1].time, pending[$1].phase, pending[$1].sequence)
                }
                #expect(least.map { pending[$0].sequence } == event.payload, "pop \(pops)")
                if let least { pending.remove(at: least) }
                now = event.time
                pops += 1
                continue
            }
            let time = now + SimTime(random.next() % 4)
            let phase = UInt8(random.next() % 3)
            let lane: EventQueue<Int>.Lane = random.nextUnit() < 0.5 ? .few : .main
            queue.schedule(at: time, phase: phase, lane: lane, step)
            pending.append((time, phase, step))
            #expect(queue.count == pending.count)
            #expect(queue.nextTime == pending.map(\.time).min())
        }
        #expect(pops > 500)
        var rest: [Int] = []
        while let event = queue.popFirst() { rest.append(event.payload) }
        let order = pending.sorted { ($0.time, $0.phase, $0.sequence) < ($1.time, $1.phase, $1.sequence) }
        #expect(rest == order.map(\.sequence))
        #expect(queue.isEmpty)
    }

    @Test("Rewriting payloads keeps the survivors' order across both lanes")
    func rewriteAcrossLanes() {
        var queue = EventQueue<Int>()
        for index in 0..<40 {
            queue.schedule(at: SimTime(index % 5), phase: UInt8(index % 3), lane: index % 2 == 0 ? .few : .main, index)
        }
        var expected = EventQueue<Int>()
        for index in 0..<40 where index % 3 != 0 {
            expected.schedule(at: SimTime(index % 5), phase: UInt8(index % 3), index * 10)
        }
        // Drop every third event (both lanes hold some) and rewrite the others.
        queue.rewritePayloads { $0 % 3 == 0 ? nil : $0 * 10 }
        #expect(queue.count == expected.count)
        #expect(queue.isValidHeap())
        #expect(drain(&queue).map(\.payload) == drain(&expected).map(\.payload))
    }

    @Test("Events at the same instant and phase pop in insertion order", arguments: [1, 2, 3, 17, 500])
    func sameTimeAndPhaseInInsertionOrder(count: Int) {
        var queue = EventQueue<Int>()
        // Interleave the tied events with later and earlier ones so that the heap shuffles them.
        for index in 0..<count {
            queue.schedule(at: 100, phase: 1, index)
            queue.schedule(at: 200 - SimTime(index % 7), phase: 0, -1)
            queue.schedule(at: 100, phase: 2, -2)
            queue.schedule(at: SimTime(index % 5), phase: 9, -3)
        }
        let tied = drain(&queue).filter { $0.time == 100 && $0.phase == 1 }.map(\.payload)
        #expect(tied == Array(0..<count))
    }

    @Test("Each event's phase and sequence number are reported as scheduled", arguments: [0, 1, 127, 128, 254, 255])
    func phaseAndSequenceRoundTrip(phase: Int) throws {
        var queue = EventQueue<String>()
        queue.schedule(at: 7, phase: 0, "first")
        queue.schedule(at: 7, phase: UInt8(phase), "second")
        let events = try [popRequired(&queue), popRequired(&queue)]
        // Phase 0 ties with phase 0 and then goes by sequence; any higher phase goes second anyway.
        #expect(events.map(\.payload) == ["first", "second"])
        #expect(events.map(\.phase) == [0, UInt8(phase)])
        #expect(events.map(\.sequence) == [0, 1])
        #expect(events.map(\.time) == [7, 7])
    }

    // MARK: - Randomized against a reference model

    /// A pending event in the reference model: ordered by `(time, phase, sequence)` as a tuple.
    private struct ModelEvent {
        var time: SimTime
        var phase: UInt8
        var sequence: UInt64
        var payload: Int

        func precedes(_ other: Self) -> Bool {
            (time, phase, sequence) < (other.time, other.phase, other.sequence)
        }
    }

    /// The reference model: an unsorted array whose minimum is found by a linear scan.
    private func modelMinimumIndex(_ model: [ModelEvent]) -> Int? {
        guard var best = model.indices.first else { return nil }
        for index in model.indices where model[index].precedes(model[best]) {
            best = index
        }
        return best
    }

    private func expectMatches(_ queue: EventQueue<Int>, _ model: [ModelEvent]) {
        #expect(queue.isValidHeap())
        #expect(queue.count == model.count)
        #expect(queue.isEmpty == model.isEmpty)
        if let index = modelMinimumIndex(model) {
            #expect(queue.first?.payload == model[index].payload)
        } else {
            #expect(queue.first == nil)
        }
    }

    @Test("Random schedules and pops match a sorted reference model", arguments: [1, 2, 0xC0FFEE] as [UInt64])
    func randomOperationsMatchModel(seed: UInt64) throws {
        var random = SplitMix64Reference(state: seed)
        var queue = EventQueue<Int>()
        var model: [ModelEvent] = []
        var scheduled = 0
        var popped = 0

        func pop() throws {
            let expectedIndex = try #require(modelMinimumIndex(model))
            let expected = model.remove(at: expectedIndex)
            let event = try popRequired(&queue)
            #expect(event.time == expected.time)
            #expect(event.phase == expected.phase)
            #expect(event.sequence == expected.sequence)
            #expect(event.payload == expected.payload)
            popped += 1
        }

        // 1,500 operations that grow the queue, 1,500 that shrink it, then a full drain. A narrow
        // range of times and phases makes ties (decided by the sequence) common.
        for step in 0..<3000 {
            let scheduleProbability = step < 1500 ? 0.65 : 0.35
            if model.isEmpty || Double.random(in: 0..<1, using: &random) < scheduleProbability {
                let time = SimTime.random(in: 0..<40, using: &random)
                let phase = UInt8.random(in: 0..<3, using: &random)
                queue.schedule(at: time, phase: phase, scheduled)
                model.append(ModelEvent(time: time, phase: phase, sequence: UInt64(scheduled), payload: scheduled))
                scheduled += 1
            } else {
                try pop()
            }
            expectMatches(queue, model)
        }
        while !model.isEmpty {
            try pop()
            expectMatches(queue, model)
        }
        #expect(popOptional(&queue) == nil)
        #expect(popped == scheduled)
        #expect(scheduled > 1000)
    }

    @Test("Times popped from a hold model never go backwards")
    func holdModelIsMonotone() throws {
        var random = SplitMix64Reference(state: 99)
        var queue = EventQueue<Int>(reservingCapacity: 256)
        for index in 0..<256 {
            queue.schedule(at: SimTime.random(in: 0..<1000, using: &random), phase: 0, index)
        }
        var now: SimTime = 0
        for _ in 0..<5000 {
            let event = try popRequired(&queue)
            #expect(event.time >= now)
            now = event.time
            queue.schedule(at: now + SimTime.random(in: 0..<1000, using: &random), phase: 0, event.payload)
        }
        #expect(queue.count == 256)
        #expect(queue.isValidHeap())
    }

    // MARK: - Accessors

    @Test("An empty queue has no first event and pops nothing")
    func emptyQueue() {
        var queue = EventQueue<Int>(reservingCapacity: 16)
        #expect(queue.isEmpty)
        #expect(queue.count == 0)
        #expect(queue.first == nil)
        #expect(popOptional(&queue) == nil)
        #expect(queue.isValidHeap())
    }

    @Test("first shows the earliest event without removing it, and count tracks schedules and pops")
    func firstAndCount() throws {
        var queue = EventQueue<String>()
        queue.schedule(at: 30, phase: 0, "c")
        #expect(queue.first?.payload == "c")
        queue.schedule(at: 10, phase: 5, "a")
        queue.schedule(at: 20, phase: 0, "b")
        #expect(queue.count == 3)
        #expect(!queue.isEmpty)
        #expect(queue.first?.payload == "a")
        #expect(queue.first?.payload == "a")
        #expect(queue.count == 3)

        let a = try popRequired(&queue)
        #expect(a.payload == "a")
        #expect(queue.count == 2)
        #expect(queue.first?.payload == "b")
        let b = try popRequired(&queue)
        let c = try popRequired(&queue)
        #expect(b.payload == "b")
        #expect(c.payload == "c")
        #expect(queue.isEmpty)
        #expect(queue.first == nil)
    }

    @Test("Sequence numbers keep increasing after the queue empties")
    func sequenceSurvivesDraining() throws {
        var queue = EventQueue<Int>()
        queue.schedule(at: 5, phase: 0, 0)
        _ = queue.popFirst()
        queue.schedule(at: 1, phase: 0, 1)
        queue.schedule(at: 1, phase: 0, 2)
        let first = try popRequired(&queue)
        let second = try popRequired(&queue)
        #expect([first.sequence, second.sequence] == [1, 2])
    }

    @Test("isValidHeap detects a broken heap")
    func isValidHeapCanFail() {
        var queue = EventQueue<Int>()
        for time in 0..<10 {
            queue.schedule(at: SimTime(time), phase: 0, time)
        }
        #expect(queue.isValidHeap())
        queue.heap.storage.swapAt(0, queue.heap.storage.count - 1)
        #expect(!queue.isValidHeap())
    }
}
