/// Free task slots per node of one pool, indexed so that placement takes a few word reads
/// instead of a scan of every node.
///
/// Both fill types reduce to one query: `spread` wants the lowest-index node among those with
/// the most free slots, `pack` the lowest-index node with at least k free slots; the first is
/// `firstNode(withAtLeast: maxFree)`.
///
/// For each k from 1 to the largest value seen, a bit set holds the nodes with at least k free
/// slots, as a tree of 64-bit words: a bit of a word above says that the word below it has a
/// bit set. The lowest node with at least k free is then found by counting trailing zeros
/// once per level (two levels up to 4,096 nodes, three up to 262,144). A start or an end of a
/// one-slot task changes one bit (and a word above only when a word becomes empty or
/// non-empty). This replaced a binary max-tree whose 12-level walks, down for each placement
/// and up for each slot change, were an eighth of a large run's time.
struct SlotTree {
    /// Each node's free slots (0 when it cannot take tasks).
    private var values: [Int32]
    /// The bit sets, k = 1 first; each is `wordsPerSet` words: the level of nodes first, then
    /// each level above; the last word is the top.
    private var bits: [UInt64] = []
    /// Where each level of a bit set starts within it, bottom first.
    private var levelStart: [Int]
    private var wordsPerSet: Int
    /// How many nodes have at least k free slots, for k = 1, 2, … (index k - 1).
    private var countAtLeast: [Int] = []
    /// The most free slots on any usable node.
    ///
    /// - Complexity: O(1)
    private(set) var maxFree: Int32 = 0

    /// Number of node positions the tree can hold before it must grow.
    var capacity: Int { values.count }

    init(capacity: Int) {
        let capacity = max(capacity, 1)
        values = Array(repeating: 0, count: capacity)
        var starts: [Int] = []
        var words = (capacity + 63) >> 6
        var total = 0
        while true {
            starts.append(total)
            total += words
            if words == 1 { break }
            words = (words + 63) >> 6
        }
        levelStart = starts
        wordsPerSet = total
    }

    /// Sets a node's free slots (0 when it cannot take tasks).
    ///
    /// - Complexity: O(|value - old value| × levels)
    mutating func set(_ node: Int, _ value: Int32) {
        precondition(value >= 0, "a node's free slots are never negative")
        if node >= capacity { grow(toHold: node + 1) }
        let old = values[node]
        guard value != old else { return }
        values[node] = value
        if value > old {
            if Int(value) > countAtLeast.count { addSets(upTo: Int(value)) }
            for k in Int(old) + 1...Int(value) {
                countAtLeast[k - 1] += 1
                insert(node, intoSet: k)
            }
            maxFree = max(maxFree, value)
        } else {
            for k in Int(value) + 1...Int(old) {
                countAtLeast[k - 1] -= 1
                remove(node, fromSet: k)
            }
            while maxFree > 0 && countAtLeast[Int(maxFree) - 1] == 0 { maxFree -= 1 }
        }
    }

    /// The free slots recorded for a node.
    func value(_ node: Int) -> Int32 {
        node < capacity ? values[node] : 0
    }

    /// The lowest node index with at least `slots` free, or nil.
    ///
    /// - Complexity: O(levels)
    func firstNode(withAtLeast slots: Int32) -> Int? {
        guard slots > 0 else { return 0 }
        guard slots <= maxFree else { return nil }
        return bits.withUnsafeBufferPointer { bits in
            levelStart.withUnsafeBufferPointer { levelStart in
                let set = (Int(slots) - 1) * wordsPerSet
                var position = 0
                var level = levelStart.count - 1
                while level >= 0 {
                    let word = bits[set + levelStart[level] + position]
                    position = (position << 6) | word.trailingZeroBitCount
                    level -= 1
                }
                return position
            }
        }
    }

    /// Sets a node's free slots without updating the index: for many nodes at once, followed by
    /// `reindex()` (a pool coming back after an outage; one by one, a node of 256 free slots
    /// would set 256 bits).
    mutating func assign(_ node: Int, _ value: Int32) {
        precondition(value >= 0, "a node's free slots are never negative")
        if node >= capacity { grow(toHold: node + 1) }
        values[node] = value
    }

    /// Rebuilds the bit sets, counts and maximum from the values.
    ///
    /// - Complexity: O(nodes + words × largest value): each group of 64 nodes is bucketed by
    ///   value once, and set k's word is the nodes of value k or more.
    mutating func reindex() {
        let largest = Int(values.max() ?? 0)
        if largest > countAtLeast.count { addSets(upTo: largest) }
        for index in bits.indices { bits[index] = 0 }
        for index in countAtLeast.indices { countAtLeast[index] = 0 }
        maxFree = Int32(largest)
        guard largest > 0 else { return }
        var buckets = [UInt64](repeating: 0, count: largest + 1)
        let words = (capacity + 63) >> 6
        for word in 0..<words {
            let first = word << 6
            var top = 0
            for node in first..<min(first + 64, capacity) where values[node] > 0 {
                let value = Int(values[node])
                buckets[value] |= 1 << UInt64(node - first)
                top = max(top, value)
            }
            var holders: UInt64 = 0
            var k = top
            while k >= 1 {
                holders |= buckets[k]
                buckets[k] = 0
                bits[(k - 1) * wordsPerSet + word] = holders
                countAtLeast[k - 1] += holders.nonzeroBitCount
                k -= 1
            }
        }
        // Each level above: bit i of word j says whether word 64j + i below has a bit.
        for set in 0..<largest {
            let base = set * wordsPerSet
            for level in 1..<levelStart.count {
                let below = levelStart[level - 1]
                for child in 0..<(levelStart[level] - below) where bits[base + below + child] != 0 {
                    bits[base + levelStart[level] + (child >> 6)] |= 1 << UInt64(child & 63)
                }
            }
        }
    }

    /// Sets every node to 0 (an outage: nothing can run anywhere).
    mutating func clear() {
        for index in values.indices { values[index] = 0 }
        for index in bits.indices { bits[index] = 0 }
        for index in countAtLeast.indices { countAtLeast[index] = 0 }
        maxFree = 0
    }

    /// Sets a node's bit in bit set k, and the bits above it of words that were empty.
    private mutating func insert(_ node: Int, intoSet k: Int) {
        let set = (k - 1) * wordsPerSet
        var position = node
        for level in levelStart.indices {
            let index = set + levelStart[level] + (position >> 6)
            let wasEmpty = bits[index] == 0
            bits[index] |= 1 << UInt64(position & 63)
            guard wasEmpty else { return }
            position >>= 6
        }
    }

    /// Clears a node's bit in bit set k, and the bits above it of words that became empty.
    private mutating func remove(_ node: Int, fromSet k: Int) {
        let set = (k - 1) * wordsPerSet
        var position = node
        for level in levelStart.indices {
            let index = set + levelStart[level] + (position >> 6)
            bits[index] &= ~(1 << UInt64(position & 63))
            guard bits[index] == 0 else { return }
            position >>= 6
        }
    }

    /// Adds empty bit sets up to k (no node has that many free slots yet).
    private mutating func addSets(upTo k: Int) {
        let missing = k - countAtLeast.count
        bits.append(contentsOf: repeatElement(0, count: missing * wordsPerSet))
        countAtLeast.append(contentsOf: repeatElement(0, count: missing))
    }

    private mutating func grow(toHold count: Int) {
        var grown = SlotTree(capacity: max(count, 2 * capacity))
        for node in values.indices where values[node] != 0 {
            grown.set(node, values[node])
        }
        self = grown
    }

    #if BATCHSIM_INTERNAL_CHECKS
        /// The bit sets, counts and maximum are those that the values give when set one by one
        /// into an empty tree: no stale bit anywhere, at any level.
        func isConsistent() -> Bool {
            var rebuilt = SlotTree(capacity: capacity)
            for node in values.indices where values[node] != 0 { rebuilt.set(node, values[node]) }
            let sets = rebuilt.countAtLeast.count
            return rebuilt.maxFree == maxFree && rebuilt.countAtLeast == Array(countAtLeast.prefix(sets))
                && countAtLeast.dropFirst(sets).allSatisfy { $0 == 0 }
                && rebuilt.bits == Array(bits.prefix(rebuilt.bits.count))
                && bits.dropFirst(rebuilt.bits.count).allSatisfy { $0 == 0 }
        }
    #endif
}
