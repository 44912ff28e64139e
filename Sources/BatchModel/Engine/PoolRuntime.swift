/// A pool's run-time state: the free slots the scheduler sees, its queue of tasks, its nodes
/// and its allocation state.
struct PoolRuntime {
    var slots: SlotTree
    var queue = PoolQueue()
    /// Global node numbers by index within the pool.
    var nodes: [Int32] = []
    /// The queue or the free slots changed since the last dispatch pass.
    var dirty = false
    var pendingAllocations = 0
    var allocationState = PoolAllocationState.steady
    /// Nodes in the pool now (preempted and leaving ones included), and the most at once.
    var nodeCount = 0
    var peakNodes = 0
    /// Task slots of each of its nodes.
    var slotsPerNode: Int32
    /// Its node and task counts by kind, kept as they change (for autoscale).
    var tally = PoolTally()
}
