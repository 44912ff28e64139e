/// An array-backed binary min-heap: the event queue's storage and the scheduler's queues.
///
/// Only `insert` and `popFirst` are needed, so a plain binary heap beats swift-collections'
/// min-max `Heap` here (see `Benchmarks/run-queue-bench.sh`).
public struct BinaryMinHeap<Element: HeapOrdered>: Sendable where Element: Sendable {
    @usableFromInline var storage: [Element] = []

    public init() {}

    @inlinable public var count: Int { storage.count }

    @inlinable public var isEmpty: Bool { storage.isEmpty }

    /// The first element, without removing it.
    ///
    /// - Complexity: O(1)
    @inlinable public var first: Element? { storage.first }

    @inlinable
    public mutating func reserveCapacity(_ capacity: Int) {
        storage.reserveCapacity(capacity)
    }

    /// - Complexity: O(log n)
    @inlinable
    public mutating func insert(_ element: Element) {
        storage.append(element)
        storage.withUnsafeMutableBufferPointer { heap in
            Self.siftUp(element, from: heap.count - 1, in: heap)
        }
    }

    /// Puts `element` in the hole at `hole`, moving it up past the parents it precedes.
    @inlinable @inline(__always)
    static func siftUp(_ element: Element, from hole: Int, in heap: UnsafeMutableBufferPointer<Element>) {
        var hole = hole
        while hole > 0 {
            let parent = (hole - 1) >> 1
            guard element.precedes(heap[parent]) else { break }
            heap[hole] = heap[parent]
            hole = parent
        }
        heap[hole] = element
    }

    /// Removes and returns the first element.
    ///
    /// - Complexity: O(log n)
    @inlinable
    public mutating func popFirst() -> Element? {
        guard let last = storage.popLast() else { return nil }
        guard !storage.isEmpty else { return last }
        let top = storage[0]
        storage.withUnsafeMutableBufferPointer { heap in
            // Floyd's variant: move the hole at the top down to a leaf along the smaller
            // children (one comparison per level), then sift the last element up from there.
            // The last element belongs near the bottom, so that second walk is short: about
            // half the comparisons of the usual sift-down, and they are the unpredictable ones.
            let count = heap.count
            var hole = 0
            while true {
                var child = 2 * hole + 1
                guard child < count else { break }
                if child + 1 < count { child &+= heap[child + 1].precedes(heap[child]) ? 1 : 0 }
                heap[hole] = heap[child]
                hole = child
            }
            Self.siftUp(last, from: hole, in: heap)
        }
        return top
    }

    /// Replaces every element by `transform`'s result, dropping those it maps to nil. A sorted
    /// array is a heap, so the order the elements come out in is the one `precedes` gives.
    ///
    /// - Complexity: O(n log n)
    public mutating func rebuild(_ transform: (Element) -> Element?) {
        storage = storage.compactMap(transform)
        storage.sort { $0.precedes($1) }
    }

    /// Checks the heap property; used by tests and by debug builds.
    public func isValid() -> Bool {
        for index in storage.indices.dropFirst() where storage[index].precedes(storage[(index - 1) / 2]) {
            return false
        }
        return true
    }
}
