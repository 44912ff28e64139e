import SimulationKernel

extension Simulation {
    /// Adds a node to a pool and starts its allocation (initial nodes and `resizePool` growth).
    /// Billing starts now (SPEC §2 rule 11).
    mutating func addNode(pool: Int, lowPriority: Bool) {
        let config = scenario.pools[pool]
        let node = fleet.add(pool: pool, lowPriority: lowPriority, slots: config.taskSlotsPerNode, at: now)
        emit(.node, node, .nodeAdded, to: NodeState.creating.rawValue, detail: Int64(pool))
        var stream = random(.allocation, UInt64(pool) << 32 | UInt64(fleet.nodes[node].indexInPool))
        let delay = config.allocationDelay.sample(&stream)
        if !account.isAvailable { setNodeState(node, .unusable) }
        if delay == 0 {
            allocationFinished(node, counted: false)
        } else {
            fleet.allocationStarted(pool: pool)
            setPoolAllocationState(pool, .resizing)
            schedule(.nodeAllocated(node: Int32(index: node)), at: now + delay)
        }
    }

    /// Phase 1: the VM is allocated; the start task (if any) begins.
    mutating func allocationFinished(_ node: Int, counted: Bool = true) {
        guard !fleet.nodes[node].isRemoved else { return }
        let pool = Int(fleet.nodes[node].pool)
        if counted, fleet.allocationEnded(pool: pool) { setPoolAllocationState(pool, .steady) }
        guard let startTask = scenario.pools[pool].startTask, startTask.waitForSuccess else {
            reachAllocationState(node, .idle)
            return
        }
        var stream = random(.startTask, UInt64(pool) << 32 | UInt64(fleet.nodes[node].indexInPool))
        let duration = startTask.duration.sample(&stream)
        if duration == 0 {
            reachAllocationState(node, .idle)
        } else {
            reachAllocationState(node, .waitingforstarttask)
            schedule(.startTaskDone(node: Int32(index: node)), at: now + duration)
        }
    }

    /// Phase 1: the start task succeeded; the node can take tasks.
    mutating func startTaskFinished(_ node: Int) {
        guard !fleet.nodes[node].isRemoved else { return }
        reachAllocationState(node, .idle)
    }

    /// Records allocation progress; it becomes visible unless the node is unusable.
    private mutating func reachAllocationState(_ node: Int, _ state: NodeState) {
        fleet.nodes[node].allocationState = state
        guard fleet.nodes[node].state != .unusable else { return }
        setNodeState(node, state)
        if state == .idle { fleet.publishSlots(node) }
    }

    /// Changes a node's visible state and logs it.
    mutating func setNodeState(_ node: Int, _ state: NodeState) {
        guard let previous = fleet.setState(node, state, at: now) else { return }
        emit(.node, node, .stateChanged, from: previous.rawValue, to: state.rawValue)
    }

    /// Removes nodes at once, whatever their state; their running tasks are requeued and their
    /// billing stops (SPEC §2 rules 17 and 18).
    mutating func removeNodes(_ removed: [Int]) {
        guard !removed.isEmpty else { return }
        for node in removed {
            let (previous, allocationsDone) = fleet.remove(node, at: now)
            if allocationsDone { setPoolAllocationState(Int(fleet.nodes[node].pool), .steady) }
            emit(.node, node, .nodeRemoved, from: previous.rawValue, to: NodeState.leavingpool.rawValue)
        }
        requeueRunningTasks { $0.isRemoved }
    }

    mutating func removeAllNodes() {
        removeNodes(fleet.nodes.indices.filter { !fleet.nodes[$0].isRemoved })
    }

    mutating func setPoolAllocationState(_ pool: Int, _ state: PoolAllocationState) {
        guard let previous = fleet.setAllocationState(pool: pool, state) else { return }
        emit(.pool, pool, .stateChanged, from: previous.rawValue, to: state.rawValue)
    }
}
