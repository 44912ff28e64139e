import SimulationKernel

/// The pools and every node ever in them (SPEC §2 "Nodes"), with the bookkeeping that must
/// move together: a node's visible state and the time it spent in each, the count of unusable
/// nodes and its peak, the free slots the scheduler sees, and each pool's pending allocations.
///
/// Changes return what changed, so that the simulation emits the events; the fleet emits
/// nothing itself.
struct NodeFleet {
    var pools: [PoolRuntime]
    var nodes: [NodeRecord] = []
    private(set) var unusableCount = 0
    private(set) var peakUnusable = 0
    /// Whether an outage holds the nodes `unusable` now (set when they are made unusable, cleared
    /// when they return).
    var heldByOutage = false
    /// Whether the pools' tallies are kept: only when some pool autoscales (the only reader), so
    /// that other runs do not pay for them in their hottest paths.
    var keepsTallies = false

    init(_ pools: [PoolConfig]) {
        self.pools = pools.map {
            PoolRuntime(
                slots: SlotTree(capacity: $0.dedicatedNodes + $0.lowPriorityNodes),
                slotsPerNode: Int32($0.taskSlotsPerNode))
        }
    }

    /// Adds a node in state `creating` at `time` and returns its global number.
    mutating func add(pool: Int, lowPriority: Bool, slots: Int, at time: SimTime) -> Int {
        let global = nodes.count
        nodes.append(
            NodeRecord(
                pool: Int32(pool),
                indexInPool: Int32(pools[pool].nodes.count),
                isLowPriority: lowPriority,
                state: .creating,
                allocationState: .creating,
                freeSlots: Int32(slots),
                requestedAt: time,
                stateSince: time
            )
        )
        pools[pool].nodes.append(Int32(global))
        pools[pool].nodeCount += 1
        pools[pool].peakNodes = max(pools[pool].peakNodes, pools[pool].nodeCount)
        if keepsTallies { pools[pool].tally.count(lowPriority: lowPriority, 1) }
        return global
    }

    /// Changes a node's visible state at `time`, accounting the time spent in the previous one;
    /// returns the previous state, or nil when the node is already in `state`.
    mutating func setState(_ node: Int, _ state: NodeState, at time: SimTime) -> NodeState? {
        let previous = nodes[node].state
        guard previous != state else { return nil }
        nodes[node].timeInState[previous] += time - nodes[node].stateSince
        nodes[node].stateSince = time
        nodes[node].state = state
        if keepsTallies {
            let pool = Int(nodes[node].pool)
            pools[pool].tally.moved(from: previous, to: state, busySlots: busySlots(node))
        }
        if previous == .unusable { unusableCount -= 1 }
        if state == .unusable {
            unusableCount += 1
            peakUnusable = max(peakUnusable, unusableCount)
        }
        return previous
    }

    /// Removes a node at `time` (its billing stops): it is `leavingpool` from then on and its
    /// slots are hidden. Returns its last state, and whether its pool's allocations are now all
    /// done because it was the last one allocating.
    mutating func remove(_ node: Int, at time: SimTime) -> (previous: NodeState, allocationsDone: Bool) {
        let pool = Int(nodes[node].pool)
        let previous = nodes[node].state
        nodes[node].timeInState[previous] += time - nodes[node].stateSince
        nodes[node].stateSince = time
        if previous == .unusable { unusableCount -= 1 }
        nodes[node].state = .leavingpool
        nodes[node].removedTime = time
        pools[pool].nodeCount -= 1
        if keepsTallies {
            pools[pool].tally.moved(from: previous, to: .leavingpool, busySlots: busySlots(node))
            pools[pool].tally.count(lowPriority: nodes[node].isLowPriority, -1)
            if nodes[node].isLeaving { pools[pool].tally.countLeaving(lowPriority: nodes[node].isLowPriority, -1) }
        }
        nodes[node].capacityGeneration &+= 1
        var allocationsDone = false
        if nodes[node].allocationState == .creating, allocationWasPending(node) {
            allocationsDone = allocationEnded(pool: pool)
        }
        pools[pool].slots.set(Int(nodes[node].indexInPool), 0)
        return (previous, allocationsDone)
    }

    /// A node's busy slots: its pool's slots per node less its free ones.
    func busySlots(_ node: Int) -> Int {
        Int(pools[Int(nodes[node].pool)].slotsPerNode - nodes[node].freeSlots)
    }

    /// A task takes `slots` slots of a node.
    @inline(__always)
    mutating func occupy(_ node: Int, slots: Int32) {
        nodes[node].freeSlots -= slots
        nodes[node].runningTasks += 1
        guard keepsTallies else { return }
        let pool = Int(nodes[node].pool)
        pools[pool].tally.runningTasks += 1
        if nodes[node].state.isUsable { pools[pool].tally.busyUsableSlots += Int(slots) }
    }

    /// A task leaves a node and frees its `slots` slots.
    @inline(__always)
    mutating func vacate(_ node: Int, slots: Int32) {
        nodes[node].freeSlots += slots
        nodes[node].runningTasks -= 1
        guard keepsTallies else { return }
        let pool = Int(nodes[node].pool)
        pools[pool].tally.runningTasks -= 1
        if nodes[node].state.isUsable { pools[pool].tally.busyUsableSlots -= Int(slots) }
    }

    /// Marks a node leaving (an autoscale shrink): it no longer counts in its pool's target.
    mutating func markLeaving(_ node: Int) {
        nodes[node].isLeaving = true
        precondition(keepsTallies, "a leaving node in a run without autoscale")
        pools[Int(nodes[node].pool)].tally.countLeaving(lowPriority: nodes[node].isLowPriority, 1)
    }

    /// A pool's allocation began; returns nothing (the pool is `resizing` from now).
    mutating func allocationStarted(pool: Int) {
        pools[pool].pendingAllocations += 1
    }

    /// One of a pool's allocations ended; returns whether none is left.
    mutating func allocationEnded(pool: Int) -> Bool {
        pools[pool].pendingAllocations -= 1
        return pools[pool].pendingAllocations == 0
    }

    /// Sets a pool's allocation state; returns the previous one, or nil when unchanged.
    mutating func setAllocationState(pool: Int, _ state: PoolAllocationState) -> PoolAllocationState? {
        let previous = pools[pool].allocationState
        guard previous != state else { return nil }
        pools[pool].allocationState = state
        return previous
    }

    /// Whether a node in `creating` holds one of its pool's pending allocations: every allocation
    /// with a delay does; one of zero delay ends at once and never counted.
    func allocationWasPending(_ node: Int) -> Bool {
        nodes[node].allocationState == .creating
    }

    /// Hides one node's slots from the scheduler (preempted).
    mutating func hideSlots(_ node: Int) {
        pools[Int(nodes[node].pool)].slots.set(Int(nodes[node].indexInPool), 0)
    }

    /// Makes a usable node's free slots visible to the scheduler.
    mutating func publishSlots(_ node: Int) {
        let pool = Int(nodes[node].pool)
        pools[pool].slots.set(Int(nodes[node].indexInPool), nodes[node].freeSlots)
        pools[pool].dirty = true
    }

    /// Makes many usable nodes' free slots visible to the scheduler at once (nodes coming back
    /// after an outage): their values first, then each pool's index rebuilt once.
    mutating func publishSlots(ofNodes returning: [Int]) {
        var touched = Array(repeating: false, count: pools.count)
        for node in returning {
            let pool = Int(nodes[node].pool)
            pools[pool].slots.assign(Int(nodes[node].indexInPool), nodes[node].freeSlots)
            touched[pool] = true
        }
        for pool in pools.indices where touched[pool] {
            pools[pool].slots.reindex()
            pools[pool].dirty = true
        }
    }

    /// Hides every slot from the scheduler (an outage).
    mutating func hideAllSlots() {
        for pool in pools.indices { pools[pool].slots.clear() }
    }

    /// How many nodes of a pool of one priority are in it (not removed), optionally leaving out
    /// those that are leaving (only runs with autoscale ask).
    func countNodes(pool: Int, lowPriority: Bool, countingLeaving: Bool) -> Int {
        precondition(keepsTallies, "pool tallies are kept only in runs with autoscale")
        return pools[pool].tally.nodes(lowPriority: lowPriority, countingLeaving: countingLeaving)
    }

    /// The live nodes of a pool of one priority, by index within the pool.
    func liveNodes(pool: Int, lowPriority: Bool) -> [Int] {
        pools[pool].nodes.map(Int.init).filter { !nodes[$0].isRemoved && nodes[$0].isLowPriority == lowPriority }
    }

    /// Closes every live node's current state interval at the end of the run.
    mutating func close(at end: SimTime) {
        for node in nodes.indices where !nodes[node].isRemoved {
            nodes[node].timeInState[nodes[node].state] += end - nodes[node].stateSince
            nodes[node].stateSince = end
        }
    }
}
