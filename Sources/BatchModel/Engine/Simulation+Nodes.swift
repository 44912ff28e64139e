import SimulationKernel

extension Simulation {
    /// Adds a node to a pool and starts its first allocation (initial nodes and `resizePool`
    /// growth). Billing starts now (SPEC §2 rule 11).
    mutating func addNode(pool: Int, lowPriority: Bool) {
        let config = scenario.pools[pool]
        let node = fleet.add(pool: pool, lowPriority: lowPriority, slots: config.taskSlotsPerNode, at: now)
        emit(.node, node, .nodeAdded, to: NodeState.creating.rawValue, detail: Int64(pool))
        startAllocation(node)
    }

    /// The node's key in keyed draws: pool and index within the pool (rule 12); the allocation
    /// number goes in the draw's index (SPEC §6 rule 19).
    func nodeKey(_ node: Int) -> UInt64 {
        UInt64(fleet.nodes[node].pool) << 32 | UInt64(fleet.nodes[node].indexInPool)
    }

    /// A node in `creating` allocates: its allocation delay, then its start task, keyed by its
    /// allocation number; a low-priority node also draws its time to preemption. An allocating
    /// node of an unavailable account is `unusable` (rule 11).
    mutating func startAllocation(_ node: Int) {
        let pool = Int(fleet.nodes[node].pool)
        let config = scenario.pools[pool]
        let allocation = fleet.nodes[node].allocation
        fleet.nodes[node].allocationState = .creating
        fleet.nodes[node].startTaskAttempt = 0
        var stream = random(.allocation, nodeKey(node), UInt64(allocation))
        let delay = config.allocationDelay.sample(&stream)
        schedulePreemption(node)
        if !account.isAvailable { setNodeState(node, .unusable) }
        if delay == 0 {
            allocationFinished(node, allocation: allocation, counted: false)
        } else {
            fleet.allocationStarted(pool: pool)
            setPoolAllocationState(pool, .resizing)
            schedule(.nodeAllocated(node: Int32(index: node), allocation: allocation), at: now + delay)
        }
    }

    /// Phase 1: the VM is allocated; the start task (if any) begins.
    mutating func allocationFinished(_ node: Int, allocation: Int32, counted: Bool = true) {
        guard !fleet.nodes[node].isRemoved, fleet.nodes[node].allocation == allocation,
            fleet.nodes[node].allocationState == .creating
        else { return }
        let pool = Int(fleet.nodes[node].pool)
        if counted, fleet.allocationEnded(pool: pool) { setPoolAllocationState(pool, .steady) }
        guard let startTask = scenario.pools[pool].startTask, startTask.waitForSuccess else {
            reachAllocationState(node, .idle)
            return
        }
        startTaskAttempt(node, startTask)
    }

    /// Runs start-task attempts from the node's current one: each takes the start task's
    /// duration and fails at its end with its failure probability (drawn per node, allocation and
    /// attempt); a failed attempt is retried at once, up to `maxTaskRetryCount` times (SPEC §6
    /// rule 20). Attempts of zero duration end in the same instant.
    private mutating func startTaskAttempt(_ node: Int, _ startTask: PoolConfig.StartTask) {
        while true {
            let draw = startTaskDraw(node)
            var stream = random(.startTask, nodeKey(node), draw)
            let duration = startTask.duration.sample(&stream)
            guard duration == 0 else {
                reachAllocationState(node, .waitingforstarttask)
                let allocation = fleet.nodes[node].allocation
                schedule(.startTaskDone(node: Int32(index: node), allocation: allocation), at: now + duration)
                return
            }
            guard concludeStartTaskAttempt(node, startTask) else { return }
        }
    }

    /// Phase 1: a start-task attempt ended; it succeeded, or failed and is retried, or failed for good.
    mutating func startTaskAttemptEnded(_ node: Int, allocation: Int32) {
        guard !fleet.nodes[node].isRemoved, fleet.nodes[node].allocation == allocation,
            fleet.nodes[node].allocationState == .waitingforstarttask,
            let startTask = scenario.pools[Int(fleet.nodes[node].pool)].startTask
        else { return }
        guard concludeStartTaskAttempt(node, startTask) else { return }
        startTaskAttempt(node, startTask)
    }

    /// An attempt has ended: the node is `idle` on success; on failure it retries at once or, after
    /// its last attempt, is `starttaskfailed`. Returns whether a new attempt begins.
    private mutating func concludeStartTaskAttempt(_ node: Int, _ startTask: PoolConfig.StartTask) -> Bool {
        guard startTaskAttemptFails(node, startTask) else {
            reachAllocationState(node, .idle)
            return false
        }
        guard fleet.nodes[node].startTaskAttempt < Int32(clamping: startTask.maxTaskRetryCount) else {
            startTaskFailedForGood(node)
            return false
        }
        fleet.nodes[node].startTaskAttempt += 1
        return true
    }

    /// The index of the current attempt's draws: allocation number and attempt (both 0 for the
    /// first attempt of the first allocation, so plain start tasks keep their draws).
    private func startTaskDraw(_ node: Int) -> UInt64 {
        UInt64(fleet.nodes[node].allocation) << 32 | UInt64(fleet.nodes[node].startTaskAttempt)
    }

    private mutating func startTaskAttemptFails(_ node: Int, _ startTask: PoolConfig.StartTask) -> Bool {
        guard startTask.failureProbability > 0 else { return false }
        var stream = random(.startTaskFailure, nodeKey(node), startTaskDraw(node))
        let failed = stream.nextUnit() < startTask.failureProbability
        if failed { emit(.node, node, .startTaskAttemptFailed, detail: Int64(fleet.nodes[node].startTaskAttempt)) }
        return failed
    }

    private mutating func startTaskFailedForGood(_ node: Int) {
        fleet.nodes[node].startTaskFailed = true
        reachAllocationState(node, .starttaskfailed)
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
    mutating func removeNodes(_ removed: [Int], terminating: Bool = false) {
        guard !removed.isEmpty else { return }
        for node in removed {
            let (previous, allocationsDone) = fleet.remove(node, at: now)
            if allocationsDone { setPoolAllocationState(Int(fleet.nodes[node].pool), .steady) }
            emit(.node, node, .nodeRemoved, from: previous.rawValue, to: NodeState.leavingpool.rawValue)
        }
        if terminating {
            terminateRunningTasks { $0.isRemoved }
        } else {
            requeueRunningTasks { $0.isRemoved }
        }
    }

    mutating func removeAllNodes() {
        removeNodes(fleet.nodes.indices.filter { !fleet.nodes[$0].isRemoved })
    }

    mutating func setPoolAllocationState(_ pool: Int, _ state: PoolAllocationState) {
        guard let previous = fleet.setAllocationState(pool: pool, state) else { return }
        emit(.pool, pool, .stateChanged, from: previous.rawValue, to: state.rawValue)
    }
}
