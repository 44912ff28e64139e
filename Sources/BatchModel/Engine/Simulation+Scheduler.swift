import SimulationKernel

extension Simulation {
    /// Phase 6: one dispatch pass for every pool whose queue or free capacity changed.
    mutating func dispatchDirtyPools() {
        guard account.isAvailable else { return }
        for pool in fleet.pools.indices where fleet.pools[pool].dirty {
            fleet.pools[pool].dirty = false
            dispatch(pool: pool)
        }
    }

    /// Takes queued tasks in queue order and places each on a node by the pool's fill type;
    /// a task that fits on no node is skipped (SPEC §2 "Scheduling", rule 9).
    private mutating func dispatch(pool: Int) {
        let spread = scenario.pools[pool].nodeFillType == .spread
        while fleet.pools[pool].queue.count > 0 {
            let maxFree = fleet.pools[pool].slots.maxFree
            guard maxFree > 0, let (task, slots) = fleet.pools[pool].queue.popFirst(fittingIn: maxFree),
                let position = fleet.pools[pool].slots.firstNode(withAtLeast: spread ? maxFree : slots)
            else { return }
            start(Int(task), on: Int(fleet.pools[pool].nodes[position]))
        }
    }
}
