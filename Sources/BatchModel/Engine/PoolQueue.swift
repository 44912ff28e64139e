import SimulationKernel

/// The queued tasks of one pool in dispatch order: job priority (high first), then the time
/// the account accepted the task, then task number (SPEC §2 "Scheduling").
///
/// Tasks are kept in one binary heap per slot requirement. A dispatch pass takes the best
/// head among the classes that fit the largest free gap; a task that fits no node is thereby
/// skipped without a scan, and later, smaller tasks may start (rule 9: no head-of-line blocking).
struct PoolQueue {
    struct Entry: HeapOrdered {
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
        var heap = BinaryMinHeap<Entry>()
    }

    private var classes: [SlotClass] = []
    private(set) var count = 0

    static func key(priority: Int, acceptedAt: Int64) -> UInt64 {
        UInt64(1000 - priority) << 44 | UInt64(acceptedAt)
    }

    /// - Complexity: O(log n)
    mutating func insert(_ entry: Entry, slots: Int32) {
        let index = classIndex(slots)
        classes[index].heap.insert(entry)
        count += 1
    }

    /// Removes and returns the first task in queue order among those needing at most
    /// `maxSlots` slots, with its slot requirement.
    ///
    /// - Complexity: O(c + log n) for c slot classes.
    mutating func popFirst(fittingIn maxSlots: Int32) -> (task: Int32, slots: Int32)? {
        var best = -1
        var bestHead: Entry?
        for index in classes.indices where classes[index].slots <= maxSlots {
            guard let head = classes[index].heap.first else { continue }
            if bestHead.map({ head.precedes($0) }) ?? true {
                best = index
                bestHead = head
            }
        }
        guard best >= 0, let top = classes[best].heap.popFirst() else { return nil }
        count -= 1
        return (top.task, classes[best].slots)
    }

    private mutating func classIndex(_ slots: Int32) -> Int {
        if let index = classes.firstIndex(where: { $0.slots == slots }) { return index }
        classes.append(SlotClass(slots: slots))
        return classes.count - 1
    }
}
