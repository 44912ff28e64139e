import Testing

@testable import BatchModel

/// The slot tree against the plain reading of its two queries: a scan of every node.
@Suite("SlotTree")
struct SlotTreeTests {
    /// A small deterministic generator (the tests need no keyed streams).
    private struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    private func scanFirst(_ values: [Int32], atLeast slots: Int32) -> Int? {
        values.firstIndex { $0 >= slots }
    }

    @Test("queries agree with a scan after random updates", arguments: [1, 15, 16, 17, 255, 256, 257, 2500, 5000])
    func randomUpdates(capacity: Int) {
        var tree = SlotTree(capacity: capacity)
        var values = Array(repeating: Int32(0), count: capacity)
        var random = Generator(state: UInt64(capacity))
        for step in 0..<4000 {
            let node = random.next(capacity)
            // Mostly small slot counts, as on 4-slot nodes, some zeros, and some large ones.
            let largest = step % 3 == 0 ? 40 : 5
            let value = random.next(8) == 0 ? 0 : Int32(random.next(largest))
            tree.set(node, value)
            values[node] = value
            #expect(tree.maxFree == values.max(), "max after step \(step)")
            let slots = Int32(1 + random.next(largest))
            #expect(tree.firstNode(withAtLeast: slots) == scanFirst(values, atLeast: slots), "first fit at \(step)")
            #expect(tree.firstNode(withAtLeast: tree.maxFree) == scanFirst(values, atLeast: values.max() ?? 0))
            #expect(tree.value(node) == value)
        }
        #if BATCHSIM_INTERNAL_CHECKS
            #expect(tree.isConsistent())
        #endif
        #expect(tree.firstNode(withAtLeast: 0) == 0)
    }

    @Test(
        "values assigned in bulk and reindexed give the tree that sets one by one give",
        arguments: [1, 63, 64, 65, 300, 5000])
    func bulkReindex(capacity: Int) {
        var random = Generator(state: UInt64(capacity) &* 31)
        var bulk = SlotTree(capacity: capacity)
        var single = SlotTree(capacity: capacity)
        for round in 0..<6 {
            // Some values already indexed, then a batch assigned as after an outage.
            for _ in 0..<capacity / 3 {
                let node = random.next(capacity)
                let value = Int32(random.next(round.isMultiple(of: 2) ? 5 : 260))
                bulk.set(node, value)
                single.set(node, value)
            }
            for _ in 0..<capacity {
                let node = random.next(capacity)
                let value = Int32(random.next(round.isMultiple(of: 2) ? 260 : 5))
                bulk.assign(node, value)
                single.set(node, value)
            }
            bulk.reindex()
            #expect(bulk.maxFree == single.maxFree, "round \(round)")
            for slots in Int32(1)...Int32(261) {
                #expect(bulk.firstNode(withAtLeast: slots) == single.firstNode(withAtLeast: slots))
            }
            #if BATCHSIM_INTERNAL_CHECKS
                #expect(bulk.isConsistent())
            #endif
            // The index keeps working one by one after a rebuild.
            let node = random.next(capacity)
            bulk.set(node, 0)
            single.set(node, 0)
            #expect(bulk.maxFree == single.maxFree)
        }
    }

    @Test("a decrease of the largest value finds the next largest, and emptied words clear above")
    func decreaseOfLargest() {
        var tree = SlotTree(capacity: 300)
        tree.set(3, 2)
        tree.set(200, 7)
        tree.set(17, 5)
        #expect(tree.maxFree == 7)
        tree.set(200, 1)
        #expect(tree.maxFree == 5)
        #expect(tree.firstNode(withAtLeast: 5) == 17)
        #expect(tree.firstNode(withAtLeast: 2) == 3)
        tree.set(17, 0)
        tree.set(3, 0)
        #expect(tree.maxFree == 1)
        #expect(tree.firstNode(withAtLeast: 1) == 200)
        #expect(tree.firstNode(withAtLeast: 2) == nil)
        // Node 200 is alone in its word (192...255): clearing it must clear the bit above.
        tree.set(200, 0)
        #expect(tree.maxFree == 0)
        #expect(tree.firstNode(withAtLeast: 1) == nil)
        tree.set(299, 1)
        #expect(tree.firstNode(withAtLeast: 1) == 299)
        #if BATCHSIM_INTERNAL_CHECKS
            #expect(tree.isConsistent())
        #endif
    }

    @Test("growing keeps every value, and clear empties the tree")
    func growAndClear() {
        var tree = SlotTree(capacity: 4)
        tree.set(2, 3)
        tree.set(40, 4)
        tree.set(1000, 2)
        #expect(tree.value(2) == 3 && tree.value(40) == 4 && tree.value(1000) == 2)
        #expect(tree.value(5000) == 0)
        #expect(tree.firstNode(withAtLeast: 2) == 2)
        #expect(tree.firstNode(withAtLeast: 3) == 2)
        #expect(tree.firstNode(withAtLeast: 4) == 40)
        tree.set(2, 0)
        tree.set(40, 0)
        #expect(tree.firstNode(withAtLeast: 2) == 1000)
        #expect(tree.firstNode(withAtLeast: 3) == nil)
        tree.clear()
        #expect(tree.maxFree == 0)
        #expect(tree.firstNode(withAtLeast: 1) == nil)
        #expect(tree.value(40) == 0)
    }
}
