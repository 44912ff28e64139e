import SimulationKernel

/// Spot capacity that comes and goes (SPEC §6 rule 19), and the nodes' reaction to the account
/// in phase 4: preemptions first (the instant's `preemptNodes` actions in file order, then
/// random ones by pool and node index), then the reaction to the account's state, then capacity
/// returns, so a node preempted at an outage's instant is `preempted`, not `unusable`.
extension Simulation {
    /// Draws a low-priority node's time to preemption as it enters `creating` (exponential at
    /// the pool's rate per node-hour, keyed by node and allocation number) and schedules it.
    mutating func schedulePreemption(_ node: Int) {
        guard fleet.nodes[node].isLowPriority else { return }
        let rate = scenario.pools[Int(fleet.nodes[node].pool)].preemption.ratePerNodeHour
        guard rate > 0 else { return }
        var stream = random(.preemption, nodeKey(node), UInt64(fleet.nodes[node].allocation))
        let mean = Double(SimTime.millisecondsPerHour) / rate
        let delay = DurationDistribution.exponential(mean: mean).sample(&stream)
        let generation = fleet.nodes[node].capacityGeneration
        schedule(.randomPreemption(node: Int32(index: node), generation: generation), at: now + delay)
    }

    /// Phase 4: a `preemptNodes` action takes the `count` highest-index low-priority nodes of its
    /// pool that are not already preempted (all of them without `count`).
    mutating func preemptNodes(entry: Int) {
        guard case .preemptNodes(let pool, let count) = scenario.timeline[entry].action else { return }
        let candidates = fleet.liveNodes(pool: pool, lowPriority: true).filter { fleet.nodes[$0].state != .preempted }
        for node in candidates.suffix(count ?? candidates.count).reversed() { preempt(node) }
    }

    /// Phase 4: a random preemption falls due; it is applied with the instant's others.
    mutating func randomPreemptionDue(_ node: Int, generation: UInt32) {
        guard !fleet.nodes[node].isRemoved, fleet.nodes[node].capacityGeneration == generation else { return }
        if duePreemptions.isEmpty { schedule(.preemptionsDue, at: now) }
        duePreemptions.append(Int32(index: node))
    }

    /// Phase 4: the instant's random preemptions, by pool and node index.
    mutating func applyDuePreemptions() {
        let due = duePreemptions.sorted { a, b in
            let (x, y) = (fleet.nodes[Int(a)], fleet.nodes[Int(b)])
            return (x.pool, x.indexInPool) < (y.pool, y.indexInPool)
        }
        duePreemptions.removeAll(keepingCapacity: true)
        for node in due where fleet.nodes[Int(node)].state != .preempted { preempt(Int(node)) }
    }

    /// The node goes `preempted` from whatever state it is in: its running tasks are requeued as
    /// in an outage, its billing stops, its pending random preemption and allocation are void,
    /// and its capacity returns after the pool's `capacityReturnsAfter` (drawn per node and
    /// allocation number).
    mutating func preempt(_ node: Int) {
        guard !fleet.nodes[node].isRemoved else { return }
        let pool = Int(fleet.nodes[node].pool)
        if fleet.nodes[node].allocationState == .creating, fleet.allocationWasPending(node) {
            if fleet.allocationEnded(pool: pool) { setPoolAllocationState(pool, .steady) }
        }
        fleet.nodes[node].allocationState = .preempted
        fleet.nodes[node].preemptions += 1
        fleet.nodes[node].capacityGeneration &+= 1
        fleet.hideSlots(node)
        setNodeState(node, .preempted)
        requeueRunningTasks(onNode: node)
        var stream = random(.capacityReturn, nodeKey(node), UInt64(fleet.nodes[node].allocation))
        let delay = scenario.pools[pool].preemption.capacityReturnsAfter.sample(&stream)
        let generation = fleet.nodes[node].capacityGeneration
        schedule(.capacityReturn(node: Int32(index: node), generation: generation), at: now + delay)
    }

    /// Phase 4: the nodes follow the account's state of this instant: all of them go `unusable`
    /// when it became unavailable (their tasks requeued), and come back when it is accessible
    /// again (SPEC §2 "Nodes and tasks during an outage").
    mutating func reactToAccount() {
        if account.isAvailable {
            if fleet.heldByOutage { returnUnusableNodes() }
        } else if account.state != .deleted, !fleet.heldByOutage {
            makeNodesUnusable()
        }
    }

    /// Phase 4: a preempted node's capacity returns: it keeps its index and allocates again as a
    /// new node does; billing restarts now.
    mutating func capacityReturned(_ node: Int, generation: UInt32) {
        guard !fleet.nodes[node].isRemoved, fleet.nodes[node].state == .preempted,
            fleet.nodes[node].capacityGeneration == generation
        else { return }
        fleet.nodes[node].allocation += 1
        setNodeState(node, .creating)
        startAllocation(node)
    }
}
