import SimulationKernel

extension Simulation {
    /// Creates the pools' initial nodes and every task, and schedules what is known at t = 0:
    /// timeline actions, key dates, rotations, the first arrivals and a first look at the key.
    mutating func setUp() {
        planTasks()
        markSampledPools()
        for (pool, config) in scenario.pools.enumerated() {
            for _ in 0..<config.dedicatedNodes { addNode(pool: pool, lowPriority: false) }
            for _ in 0..<config.lowPriorityNodes { addNode(pool: pool, lowPriority: true) }
        }
        for (index, entry) in scenario.timeline.enumerated() {
            schedule(.timelineAction(entry: Int32(index: index)), at: entry.time)
        }
        for (keyIndex, key) in vault.keys.enumerated() {
            for versionIndex in key.versions.indices { scheduleVersionDates(key: keyIndex, version: versionIndex) }
            if let first = vault.rotationTime(key: keyIndex, number: 1) {
                schedule(.rotation(key: Int32(index: keyIndex), number: 1), at: first)
            }
        }
        for job in scenario.jobs.indices { startStream(block: job) }
        setUpAutoscale()
        requestAccountStep()
    }

    /// Numbers every task the scenario defines (SPEC §2 rule 8): job blocks in file order,
    /// then `submitTasks` blocks in file order.
    mutating func planTasks() {
        work.tasks.reserveCapacity(scenario.definedTaskCount)
        for (jobIndex, job) in scenario.jobs.enumerated() {
            addBlock(job: jobIndex, tasks: job.tasks)
        }
        for (entryIndex, entry) in scenario.timeline.enumerated() {
            if case .submitTasks(let job, let block) = entry.action {
                submitBlockOfEntry[entryIndex] = work.blocks.count
                addBlock(job: job, tasks: block)
            }
        }
        work.prepareRunningSet()
    }

    private mutating func addBlock(job: Int, tasks block: TaskBlock) {
        var plan = TaskBlockPlan(job: job, firstTask: work.tasks.count, tasks: block)
        if case .trace(let rows) = block.arrival {
            plan.traceOrder = rows.indices.sorted { (rows[$0].submit, $0) < (rows[$1].submit, $1) }.map { Int32($0) }
        }
        let blockIndex = Int32(work.blocks.count)
        work.blocks.append(plan)
        work.settings.append(
            TaskBook.BlockSettings(
                failureProbability: block.failureProbability,
                maxTaskRetryCount: Int32(clamping: block.maxTaskRetryCount),
                checkpointEvery: block.checkpointEvery ?? 0
            )
        )
        let record = TaskRecord(block: blockIndex, job: Int32(job), requiredSlots: Int32(block.requiredSlots))
        guard case .trace(let rows) = block.arrival else {
            // Every task of the block starts out the same: one fill, not a million appends.
            work.tasks.append(contentsOf: repeatElement(record, count: block.count))
            return
        }
        precondition(rows.count == block.count, "a trace block's count is its number of rows")
        for row in rows {
            var traced = record
            traced.requiredSlots = Int32(row.requiredSlots ?? block.requiredSlots)
            traced.sampledDuration = row.duration ?? -1
            work.tasks.append(traced)
        }
    }

    /// Schedules the expiry and not-before events of one key version.
    mutating func scheduleVersionDates(key: Int, version: Int) {
        let dates = vault.keys[key].versions[version]
        if let expires = dates.expires {
            schedule(
                .versionExpiry(
                    key: Int32(index: key), version: Int32(index: version), generation: dates.expiryGeneration),
                at: max(expires, now)
            )
        }
        if let notBefore = dates.notBefore, notBefore > now {
            schedule(.versionNotBefore(key: Int32(index: key), version: Int32(index: version)), at: notBefore)
        }
    }
}
