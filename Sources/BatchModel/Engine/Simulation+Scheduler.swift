import SimulationKernel

extension Simulation {
    /// Phase 6: one dispatch pass for every pool whose queue or free capacity changed.
    mutating func dispatchDirtyPools() {
        guard accountState == .accessible else { return }
        for pool in pools.indices where pools[pool].dirty {
            pools[pool].dirty = false
            dispatch(pool: pool)
        }
    }

    /// Takes queued tasks in queue order and places each on a node by the pool's fill type;
    /// a task that fits on no node is skipped (SPEC §2 "Scheduling", rule 9).
    private mutating func dispatch(pool: Int) {
        let spread = scenario.pools[pool].nodeFillType == .spread
        while pools[pool].queue.count > 0 {
            let maxFree = pools[pool].slots.maxFree
            guard maxFree > 0, let (task, slots) = pools[pool].queue.popFirst(fittingIn: maxFree),
                let position = pools[pool].slots.firstNode(withAtLeast: spread ? maxFree : slots)
            else { return }
            start(Int(task), on: Int(pools[pool].nodes[position]))
        }
    }
}
