#if BATCHSIM_INTERNAL_CHECKS
    import SimulationKernel

    extension Simulation {
        /// Checks the engine's bookkeeping after an instant; compiled into debug builds (so
        /// `swift test` runs it) and out of release builds.
        func checkInvariants() {
            precondition(queue.isValidHeap(), "event queue lost its heap order")
            let nodes = fleet.nodes
            let tasks = work.tasks
            var slotsInUse = [Int32](repeating: 0, count: nodes.count)
            var runningCount = 0
            for task in tasks.indices where tasks[task].phase == .running {
                slotsInUse[Int(tasks[task].nodeIndex)] += tasks[task].requiredSlots
                runningCount += 1
            }
            precondition(runningCount == work.running.count, "running list out of step with task phases")
            var unusable = 0
            for node in nodes.indices where !nodes[node].isRemoved {
                let pool = Int(nodes[node].pool)
                let capacity = Int32(scenario.pools[pool].taskSlotsPerNode)
                precondition(nodes[node].freeSlots + slotsInUse[node] == capacity, "slot accounting broken")
                let usable = nodes[node].state == .idle || nodes[node].state == .running
                let published = fleet.pools[pool].slots.value(Int(nodes[node].indexInPool))
                precondition(
                    published == (usable && account.isAvailable ? nodes[node].freeSlots : 0),
                    "slot tree out of step with node \(node)"
                )
                precondition(
                    nodes[node].state != .running || nodes[node].runningTasks > 0,
                    "a running node without tasks"
                )
                if nodes[node].state == .unusable { unusable += 1 }
            }
            precondition(unusable == fleet.unusableCount, "unusable-node count out of step")
            for pool in fleet.pools.indices {
                precondition(fleet.pools[pool].slots.isConsistent(), "slot tree inconsistent")
            }
            let queuedCount = tasks.reduce(0) { $0 + ($1.phase == .queued ? 1 : 0) }
            precondition(queuedCount == work.queued, "queued counter out of step")
        }
    }
#endif
