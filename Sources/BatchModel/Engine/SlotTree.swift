/// Free task slots per node of one pool, indexed so that placement is O(log n) instead of a
/// scan of every node (a max segment tree over node indices).
///
/// Both fill types reduce to one query: `spread` wants the lowest-index node among those with
/// the most free slots, `pack` the lowest-index node with at least k free slots; the first is
/// `firstNode(withAtLeast: maxFree)`.
struct SlotTree {
    /// `tree[1]` is the root; leaves start at `leafBase`. Unusable or absent nodes hold 0.
    private var tree: [Int32]
    private var leafBase: Int

    init(capacity: Int) {
        var base = 1
        while base < max(capacity, 1) { base <<= 1 }
        leafBase = base
        tree = Array(repeating: 0, count: 2 * base)
    }

    /// The most free slots on any usable node.
    ///
    /// - Complexity: O(1)
    var maxFree: Int32 { tree[1] }

    /// Number of node positions the tree can hold before it must grow.
    var capacity: Int { leafBase }

    /// Sets a node's free slots (0 when it cannot take tasks).
    ///
    /// - Complexity: O(log n)
    mutating func set(_ node: Int, _ value: Int32) {
        if node >= leafBase { grow(toHold: node + 1) }
        tree.withUnsafeMutableBufferPointer { tree in
            var index = leafBase + node
            tree[index] = value
            index >>= 1
            while index >= 1 {
                let best = max(tree[2 * index], tree[2 * index + 1])
                if tree[index] == best { break }
                tree[index] = best
                index >>= 1
            }
        }
    }

    /// The free slots recorded for a node.
    func value(_ node: Int) -> Int32 {
        node < leafBase ? tree[leafBase + node] : 0
    }

    /// The lowest node index with at least `slots` free, or nil.
    ///
    /// - Complexity: O(log n)
    func firstNode(withAtLeast slots: Int32) -> Int? {
        guard tree[1] >= slots else { return nil }
        return tree.withUnsafeBufferPointer { tree in
            var index = 1
            while index < leafBase {
                index = tree[2 * index] >= slots ? 2 * index : 2 * index + 1
            }
            return index - leafBase
        }
    }

    /// Sets every node to 0 (an outage: nothing can run anywhere).
    mutating func clear() {
        for index in tree.indices { tree[index] = 0 }
    }

    private mutating func grow(toHold count: Int) {
        var grown = SlotTree(capacity: count)
        for node in 0..<leafBase where tree[leafBase + node] != 0 {
            grown.set(node, tree[leafBase + node])
        }
        self = grown
    }

    #if BATCHSIM_INTERNAL_CHECKS
        /// Every inner entry is the max of its children.
        func isConsistent() -> Bool {
            for index in 1..<leafBase where tree[index] != max(tree[2 * index], tree[2 * index + 1]) {
                return false
            }
            return true
        }
    #endif
}
