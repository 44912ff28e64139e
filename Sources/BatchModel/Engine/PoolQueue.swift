/// The queued tasks of one pool in dispatch order: job priority (high first), then the time
/// the account accepted the task, then task number (SPEC §2 "Scheduling").
///
/// Tasks are kept in one binary heap per slot requirement. A dispatch pass takes the best
/// head among the classes that fit the largest free gap; a task that fits no node is thereby
/// skipped without a scan, and later, smaller tasks may start (rule 9: no head-of-line blocking).
struct PoolQueue {
    struct Entry {
        /// (1000 - priority) in the top bits, acceptance time below: smaller runs first.
        var key: UInt64
        var task: Int32

        @inline(__always)
        func precedes(_ other: Entry) -> Bool {
            key < other.key || (key == other.key && task < other.task)
        }
    }

    private struct SlotClass {
        var slots: Int32
        var heap: [Entry] = []
    }

    private var classes: [SlotClass] = []
    private(set) var count = 0

    static func key(priority: Int, acceptedAt: Int64) -> UInt64 {
        UInt64(1000 - priority) << 44 | UInt64(acceptedAt)
    }

    /// - Complexity: O(log n)
    mutating func insert(_ entry: Entry, slots: Int32) {
        let index = classIndex(slots)
        classes[index].heap.append(entry)
        Self.siftUp(&classes[index].heap, classes[index].heap.count - 1)
        count += 1
    }

    /// Removes and returns the first task in queue order among those needing at most
    /// `maxSlots` slots, with its slot requirement.
    ///
    /// - Complexity: O(c + log n) for c slot classes.
    mutating func popFirst(fittingIn maxSlots: Int32) -> (task: Int32, slots: Int32)? {
        var best = -1
        for index in classes.indices where classes[index].slots <= maxSlots {
            guard let head = classes[index].heap.first else { continue }
            if best < 0 || head.precedes(classes[best].heap[0]) { best = index }
        }
        guard best >= 0 else { return nil }
        count -= 1
        let top = classes[best].heap[0]
        let last = classes[best].heap.removeLast()
        if !classes[best].heap.isEmpty {
            classes[best].heap[0] = last
            Self.siftDown(&classes[best].heap, 0)
        }
        return (top.task, classes[best].slots)
    }

    private mutating func classIndex(_ slots: Int32) -> Int {
        if let index = classes.firstIndex(where: { $0.slots == slots }) { return index }
        classes.append(SlotClass(slots: slots))
        return classes.count - 1
    }

    private static func siftUp(_ heap: inout [Entry], _ start: Int) {
        heap.withUnsafeMutableBufferPointer { heap in
            var child = start
            let item = heap[child]
            while child > 0 {
                let parent = (child - 1) >> 1
                guard item.precedes(heap[parent]) else { break }
                heap[child] = heap[parent]
                child = parent
            }
            heap[child] = item
        }
    }

    private static func siftDown(_ heap: inout [Entry], _ start: Int) {
        heap.withUnsafeMutableBufferPointer { heap in
            let count = heap.count
            var parent = start
            let item = heap[parent]
            while true {
                var child = 2 * parent + 1
                guard child < count else { break }
                if child + 1 < count && heap[child + 1].precedes(heap[child]) { child += 1 }
                guard heap[child].precedes(item) else { break }
                heap[parent] = heap[child]
                parent = child
            }
            heap[parent] = item
        }
    }
}
