import CPrefetch

extension Array {
    /// Starts bringing element `index` into the cache (for writing), if it exists, and returns
    /// at once. The engine calls it for records it will touch a few events later — the next
    /// task of an arrival stream, the task of the next completion — because those records are
    /// otherwise cache misses on the hot path (a million-task table does not fit in any cache).
    @inline(__always)
    func prefetch(_ index: Int) {
        withUnsafeBufferPointer { elements in
            guard index >= 0, index < elements.count, let base = elements.baseAddress else { return }
            // Every cache line the element spans (a 104-byte task record spans two or three).
            let start = UnsafeRawPointer(base + index)
            let size = MemoryLayout<Element>.size
            var offset = 0
            while offset < size {
                batchsim_prefetch(start + offset)
                offset += 64
            }
            batchsim_prefetch(start + (size - 1))
        }
    }
}
