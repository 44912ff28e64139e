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
            precondition(runningCount == work.runningCount, "running count out of step with task phases")
            precondition(
                work.running.filter { $0 >= 0 }.count == runningCount
                    && work.running.allSatisfy { $0 < 0 || tasks[Int($0)].phase == .running },
                "running list out of step with task phases")
            precondition(
                work.runningNodes.allSatisfy { tasks[Int($0.task)].nodeIndex == $0.node },
                "running list's nodes out of step with the tasks")
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
            if fleet.keepsTallies { checkPoolTallies() }
            for pool in fleet.pools.indices {
                precondition(fleet.pools[pool].slots.isConsistent(), "slot tree inconsistent")
            }
            let queuedCount = tasks.reduce(0) { $0 + ($1.phase == .queued ? 1 : 0) }
            precondition(queuedCount == work.queued, "queued counter out of step")
        }

        /// Every pool's tally equals a recount of its nodes.
        private func checkPoolTallies() {
            for pool in fleet.pools.indices {
                var recount = PoolTally()
                for node in fleet.pools[pool].nodes.map(Int.init) where !fleet.nodes[node].isRemoved {
                    let record = fleet.nodes[node]
                    recount.count(lowPriority: record.isLowPriority, 1)
                    if record.isLeaving { recount.countLeaving(lowPriority: record.isLowPriority, 1) }
                    recount.moved(from: .leavingpool, to: record.state, busySlots: fleet.busySlots(node))
                    recount.runningTasks += Int(record.runningTasks)
                }
                let tally = fleet.pools[pool].tally
                precondition(
                    tally.dedicated == recount.dedicated && tally.lowPriority == recount.lowPriority
                        && tally.leavingDedicated == recount.leavingDedicated
                        && tally.leavingLowPriority == recount.leavingLowPriority && tally.usable == recount.usable
                        && tally.busyUsableSlots == recount.busyUsableSlots && tally.preempted == recount.preempted
                        && tally.runningTasks == recount.runningTasks,
                    "pool \(pool)'s tally out of step: \(tally) against \(recount)")
            }
        }
    }
#endif
