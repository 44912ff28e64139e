import SimulationKernel

extension Simulation {
    /// Creates the pools' initial nodes and every task, and schedules what is known at t = 0:
    /// timeline actions, key dates, rotations, the first arrivals and a first look at the key.
    mutating func setUp() {
        planTasks()
        for (poolIndex, pool) in scenario.pools.enumerated() {
            for _ in 0..<pool.dedicatedNodes { addNode(pool: poolIndex, lowPriority: false) }
            for _ in 0..<pool.lowPriorityNodes { addNode(pool: poolIndex, lowPriority: true) }
        }
        for (index, entry) in scenario.timeline.enumerated() {
            schedule(.timelineAction, at: entry.time, phase: Phase.timeline, a: index)
        }
        for (keyIndex, key) in vault.keys.enumerated() {
            for versionIndex in key.versions.indices { scheduleVersionDates(key: keyIndex, version: versionIndex) }
            if let first = vault.rotationTime(key: keyIndex, number: 1) {
                schedule(.rotation, at: first, phase: Phase.rotations, a: keyIndex, b: 1)
            }
        }
        for job in scenario.jobs.indices { startStream(block: job) }
        requestAccountStep()
    }

    /// Numbers every task the scenario defines (SPEC §2 rule 8): job blocks in file order,
    /// then `submitTasks` blocks in file order.
    mutating func planTasks() {
        tasks.reserveCapacity(scenario.definedTaskCount)
        for (jobIndex, job) in scenario.jobs.enumerated() {
            addBlock(job: jobIndex, tasks: job.tasks)
        }
        for (entryIndex, entry) in scenario.timeline.enumerated() {
            if case .submitTasks(let job, let block) = entry.action {
                submitBlockOfEntry[entryIndex] = blocks.count
                addBlock(job: job, tasks: block)
            }
        }
        runningPosition = Array(repeating: -1, count: tasks.count)
        running.reserveCapacity(min(tasks.count, 1 << 16))
    }

    private mutating func addBlock(job: Int, tasks block: TaskBlock) {
        var plan = TaskBlockPlan(job: job, firstTask: tasks.count, tasks: block)
        if case .trace(let rows) = block.arrival {
            plan.traceOrder = rows.indices.sorted { (rows[$0].submit, $0) < (rows[$1].submit, $1) }.map { Int32($0) }
        }
        let blockIndex = Int32(blocks.count)
        blocks.append(plan)
        blockRuntime.append(
            BlockRuntime(
                failureProbability: block.failureProbability,
                maxTaskRetryCount: Int32(clamping: block.maxTaskRetryCount),
                checkpointEvery: block.checkpointEvery ?? 0
            )
        )
        for index in 0..<block.count {
            var slots = block.requiredSlots
            var duration: SimTime = -1
            if case .trace(let rows) = block.arrival {
                slots = rows[index].requiredSlots ?? slots
                duration = rows[index].duration ?? -1
            }
            var record = TaskRecord(block: blockIndex, job: Int32(job), requiredSlots: Int32(slots))
            record.duration = duration
            tasks.append(record)
        }
    }

    /// Schedules the expiry and not-before events of one key version.
    mutating func scheduleVersionDates(key: Int, version: Int) {
        let dates = vault.keys[key].versions[version]
        if let expires = dates.expires {
            schedule(
                .versionExpiry,
                at: max(expires, now),
                phase: Phase.vaultDates,
                a: key,
                b: version,
                generation: dates.expiryGeneration
            )
        }
        if let notBefore = dates.notBefore, notBefore > now {
            schedule(.versionNotBefore, at: notBefore, phase: Phase.vaultDates, a: key, b: version)
        }
    }

    /// Asks for the account to look at its key in this instant's phase 3.
    mutating func requestAccountStep() {
        scheduleAccountStep(at: now)
    }

    mutating func scheduleAccountStep(at time: SimTime) {
        guard lastScheduledAccountStep != time else { return }
        lastScheduledAccountStep = time
        schedule(.accountStep, at: time, phase: Phase.account, a: 0)
    }
}
