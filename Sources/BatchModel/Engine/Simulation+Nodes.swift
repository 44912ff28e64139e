import SimulationKernel

extension Simulation {
    /// Adds a node to a pool and starts its allocation (initial nodes and `resizePool` growth).
    /// Billing starts now (SPEC §2 rule 11).
    mutating func addNode(pool poolIndex: Int, lowPriority: Bool) {
        let config = scenario.pools[poolIndex]
        let indexInPool = pools[poolIndex].nodes.count
        let global = nodes.count
        nodes.append(
            NodeRecord(
                pool: Int32(poolIndex),
                indexInPool: Int32(indexInPool),
                isLowPriority: lowPriority,
                state: .creating,
                allocationState: .creating,
                freeSlots: Int32(config.taskSlotsPerNode),
                requestedAt: now,
                stateSince: now
            )
        )
        pools[poolIndex].nodes.append(Int32(global))
        emit(.node, global, .nodeAdded, to: NodeState.creating.rawValue, detail: Int64(poolIndex))
        var stream = random(Purpose.allocation, UInt64(poolIndex) << 32 | UInt64(indexInPool))
        let delay = config.allocationDelay.sample(&stream)
        if accountState != .accessible { setNodeState(global, .unusable) }
        if delay == 0 {
            allocationFinished(global, counted: false)
        } else {
            pools[poolIndex].pendingAllocations += 1
            setPoolAllocationState(poolIndex, .resizing)
            schedule(.nodeAllocated, at: now + delay, phase: Phase.completions, a: global)
        }
    }

    /// Phase 1: the VM is allocated; the start task (if any) begins.
    mutating func allocationFinished(_ node: Int, counted: Bool = true) {
        guard !nodes[node].isRemoved else { return }
        let poolIndex = Int(nodes[node].pool)
        if counted {
            pools[poolIndex].pendingAllocations -= 1
            if pools[poolIndex].pendingAllocations == 0 { setPoolAllocationState(poolIndex, .steady) }
        }
        guard let startTask = scenario.pools[poolIndex].startTask, startTask.waitForSuccess else {
            reachAllocationState(node, .idle)
            return
        }
        var stream = random(Purpose.startTask, UInt64(poolIndex) << 32 | UInt64(nodes[node].indexInPool))
        let duration = startTask.duration.sample(&stream)
        if duration == 0 {
            reachAllocationState(node, .idle)
        } else {
            reachAllocationState(node, .waitingforstarttask)
            schedule(.startTaskDone, at: now + duration, phase: Phase.completions, a: node)
        }
    }

    /// Phase 1: the start task succeeded; the node can take tasks.
    mutating func startTaskFinished(_ node: Int) {
        guard !nodes[node].isRemoved else { return }
        reachAllocationState(node, .idle)
    }

    /// Records allocation progress; it becomes visible unless the node is unusable.
    private mutating func reachAllocationState(_ node: Int, _ state: NodeState) {
        nodes[node].allocationState = state
        guard nodes[node].state != .unusable else { return }
        setNodeState(node, state)
        if state == .idle { publishSlots(node) }
    }

    /// Changes a node's visible state, accounting the time spent in the previous one.
    mutating func setNodeState(_ node: Int, _ state: NodeState) {
        let previous = nodes[node].state
        guard previous != state else { return }
        nodes[node].timeInState[previous] += now - nodes[node].stateSince
        nodes[node].stateSince = now
        nodes[node].state = state
        if previous == .unusable { unusableNodes -= 1 }
        if state == .unusable {
            unusableNodes += 1
            peakUnusableNodes = max(peakUnusableNodes, unusableNodes)
        }
        emit(.node, node, .stateChanged, from: previous.rawValue, to: state.rawValue)
    }

    /// Makes a usable node's free slots visible to the scheduler.
    mutating func publishSlots(_ node: Int) {
        let pool = Int(nodes[node].pool)
        pools[pool].slots.set(Int(nodes[node].indexInPool), nodes[node].freeSlots)
        pools[pool].dirty = true
    }

    /// Removes nodes at once, whatever their state; their running tasks are requeued and their
    /// billing stops (SPEC §2 rules 17 and 18).
    mutating func removeNodes(_ removed: [Int]) {
        guard !removed.isEmpty else { return }
        for node in removed {
            let poolIndex = Int(nodes[node].pool)
            let previous = nodes[node].state
            nodes[node].timeInState[previous] += now - nodes[node].stateSince
            nodes[node].stateSince = now
            if previous == .unusable { unusableNodes -= 1 }
            nodes[node].state = .leavingpool
            nodes[node].removedAt = now
            if nodes[node].allocationState == .creating {
                pools[poolIndex].pendingAllocations -= 1
                if pools[poolIndex].pendingAllocations == 0 { setPoolAllocationState(poolIndex, .steady) }
            }
            pools[poolIndex].slots.set(Int(nodes[node].indexInPool), 0)
            emit(.node, node, .nodeRemoved, from: previous.rawValue, to: NodeState.leavingpool.rawValue)
        }
        requeueRunningTasks { $0.isRemoved }
    }

    mutating func removeAllNodes() {
        removeNodes(nodes.indices.filter { !nodes[$0].isRemoved })
    }

    mutating func setPoolAllocationState(_ pool: Int, _ state: PoolAllocationState) {
        let previous = pools[pool].allocationState
        guard previous != state else { return }
        pools[pool].allocationState = state
        emit(.pool, pool, .stateChanged, from: previous.rawValue, to: state.rawValue)
    }
}
