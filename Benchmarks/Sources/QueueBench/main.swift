// QueueBench: nanoseconds per (insert + pop-min) for the simulator's `EventQueue` and for
// swift-collections' `Heap`, in the classic "hold" model of a future event list.
//
// Workload (identical in `cpp/queue_bench.cpp`, which must print the same checksum):
//   * fill the queue with `size` events at times uniform in [0, maximumDelay);
//   * then `operations` times: pop the earliest event (time t), push one at t + delay, with
//     delay uniform in [0, maximumDelay) and a phase 0…3 taken from the same random draw;
//   * events are ordered by (time, phase, sequence), the sequence being the insertion count;
//   * the checksum hashes every popped (time, payload), so all implementations must pop the
//     same events in the same order.
//
// Usage: QueueBench [size] [operations] [repetitions]   (defaults 40000 10000000 5)

import HeapModule
import SimulationKernel

/// SplitMix64: a tiny generator, the same in every implementation of the benchmark.
struct SplitMix64 {
    var state: UInt64

    @inline(__always)
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

let maximumDelay: UInt64 = 1_000_000  // milliseconds: delays of up to ~17 minutes
let seed: UInt64 = 0x5EED

/// A random delay in [0, maximumDelay) and a phase in 0…3 from one 64-bit draw.
@inline(__always)
func delayAndPhase(_ random: inout SplitMix64) -> (delay: Int64, phase: UInt8) {
    let bits = random.next()
    let delay = Int64(bits.multipliedFullWidth(by: maximumDelay).high)
    return (delay, UInt8(truncatingIfNeeded: bits & 3))
}

@inline(__always)
func hash(_ checksum: UInt64, _ time: Int64, _ payload: Int) -> UInt64 {
    (checksum ^ UInt64(bitPattern: time)) &* 0x100_0000_01B3 &+ UInt64(bitPattern: Int64(payload))
}

/// The Comparable element a `Heap` needs: (time, order), with the phase in the high byte of
/// `order` and the sequence below it, exactly as `ScheduledEvent` packs them.
struct HeapEvent: Comparable {
    var time: Int64
    var order: UInt64
    var payload: Int

    @inline(__always)
    static func < (lhs: Self, rhs: Self) -> Bool {
        lhs.time < rhs.time || (lhs.time == rhs.time && lhs.order < rhs.order)
    }

    @inline(__always)
    static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.time == rhs.time && lhs.order == rhs.order
    }
}

struct Measurement {
    var nanoseconds: Double
    var checksum: UInt64
}

func nanoseconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) * 1e9 + Double(attoseconds) / 1e9
}

@inline(never)
func runEventQueue(size: Int, operations: Int) -> Measurement {
    var random = SplitMix64(state: seed)
    var queue = EventQueue<Int>(reservingCapacity: size + 1)
    for payload in 0..<size {
        let (delay, phase) = delayAndPhase(&random)
        queue.schedule(at: delay, phase: phase, payload)
    }
    var checksum: UInt64 = 0
    let clock = ContinuousClock()
    let start = clock.now
    for _ in 0..<operations {
        guard let event = queue.popFirst() else { break }
        checksum = hash(checksum, event.time, event.payload)
        let (delay, phase) = delayAndPhase(&random)
        queue.schedule(at: event.time + delay, phase: phase, event.payload)
    }
    let elapsed = clock.now - start
    return Measurement(nanoseconds: nanoseconds(elapsed), checksum: checksum)
}

@inline(never)
func runHeap(size: Int, operations: Int) -> Measurement {
    var random = SplitMix64(state: seed)
    var heap = Heap<HeapEvent>(minimumCapacity: size + 1)
    var sequence: UInt64 = 0
    for payload in 0..<size {
        let (delay, phase) = delayAndPhase(&random)
        heap.insert(HeapEvent(time: delay, order: UInt64(phase) << 56 | sequence, payload: payload))
        sequence += 1
    }
    var checksum: UInt64 = 0
    let clock = ContinuousClock()
    let start = clock.now
    for _ in 0..<operations {
        guard let event = heap.popMin() else { break }
        checksum = hash(checksum, event.time, event.payload)
        let (delay, phase) = delayAndPhase(&random)
        heap.insert(HeapEvent(time: event.time + delay, order: UInt64(phase) << 56 | sequence, payload: event.payload))
        sequence += 1
    }
    let elapsed = clock.now - start
    return Measurement(nanoseconds: nanoseconds(elapsed), checksum: checksum)
}

/// The loop without a queue (random draws and checksum only): the overhead included above.
@inline(never)
func runBaseline(size: Int, operations: Int) -> Measurement {
    var random = SplitMix64(state: seed)
    var time: Int64 = 0
    var checksum: UInt64 = 0
    let clock = ContinuousClock()
    let start = clock.now
    for payload in 0..<operations {
        checksum = hash(checksum, time, payload)
        let (delay, phase) = delayAndPhase(&random)
        time = (time &+ delay) ^ Int64(phase)
    }
    let elapsed = clock.now - start
    return Measurement(nanoseconds: nanoseconds(elapsed), checksum: checksum)
}

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let size = arguments.count > 0 ? arguments[0] : 40_000
let operations = arguments.count > 1 ? arguments[1] : 10_000_000
let repetitions = arguments.count > 2 ? arguments[2] : 5

let implementations: [(name: String, run: (Int, Int) -> Measurement)] = [
    ("swift EventQueue (binary heap)", runEventQueue),
    ("swift-collections Heap (min-max heap)", runHeap),
    ("swift loop + RNG only (baseline)", runBaseline),
]

// One line per implementation: RESULT <tab> name <tab> best ns/op <tab> median ns/op <tab> checksum.
// Repetitions are interleaved so that a slow phase of the machine does not hit one row only.
var results = Array(repeating: [Measurement](), count: implementations.count)
for _ in 0..<repetitions {
    for (index, implementation) in implementations.enumerated() {
        results[index].append(implementation.run(size, operations))
    }
}
for (index, implementation) in implementations.enumerated() {
    let perOperation = results[index].map { $0.nanoseconds / Double(operations) }.sorted()
    let checksums = Set(results[index].map(\.checksum))
    precondition(checksums.count == 1, "\(implementation.name): checksum differs between repetitions")
    let best = perOperation[0]
    let median = perOperation[perOperation.count / 2]
    print("RESULT\t\(implementation.name)\t\(best)\t\(median)\t\(results[index][0].checksum)")
}
