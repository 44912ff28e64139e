import SimulationKernel

extension Simulation {
    /// Puts an accepted task in its pool's queue at its place: job priority, then acceptance
    /// time, then task number. A requeued or retried task keeps its place.
    mutating func enqueue(_ task: Int) {
        let job = clients.jobs[Int(work.tasks[task].job)]
        let pool = job.pool
        work.tasks[task].phase = .queued
        work.queued += 1
        let key = PoolQueue.key(priority: job.priority, acceptedAt: work.tasks[task].acceptedTime)
        fleet.pools[pool].queue.insert(
            PoolQueue.Entry(key: key, task: Int32(task)), slots: work.tasks[task].requiredSlots)
        fleet.pools[pool].dirty = true
    }

    /// Phase 6: starts a task on a node.
    mutating func start(_ task: Int, on node: Int) {
        work.queued -= 1
        let slots = work.tasks[task].requiredSlots
        if work.tasks[task].sampledDuration < 0 {
            let block = Int(work.tasks[task].block)
            var stream = random(.taskDuration, UInt64(task))
            work.tasks[task].sampledDuration = work.blocks[block].tasks.duration.sample(&stream)
        }
        work.tasks[task].phase = .running
        work.tasks[task].nodeIndex = Int32(node)
        work.tasks[task].attemptStart = now
        work.tasks[task].starts += 1
        if work.tasks[task].firstStartTime < 0 { work.tasks[task].firstStartTime = now }
        work.markRunning(task, on: node)

        fleet.occupy(node, slots: slots)
        fleet.pools[Int(fleet.nodes[node].pool)].slots.set(
            Int(fleet.nodes[node].indexInPool), fleet.nodes[node].freeSlots)
        if fleet.nodes[node].state == .idle { setNodeState(node, .running) }

        let remaining = work.tasks[task].sampledDuration - work.tasks[task].checkpoint
        schedule(
            .taskCompletion(task: Int32(task), generation: work.tasks[task].generation, node: Int32(node)),
            at: now + remaining)
        emit(
            .task,
            task,
            .taskStarted,
            from: TaskState.active.rawValue,
            to: TaskState.running.rawValue,
            detail: Int64(node)
        )
    }

    /// Takes a task off its node: frees the slots and, on a usable node, shows them to the scheduler.
    private mutating func release(_ task: Int) {
        let node = Int(work.tasks[task].nodeIndex)
        work.tasks[task].nodeIndex = -1
        work.tasks[task].generation &+= 1
        work.unmarkRunning(task)

        fleet.vacate(node, slots: work.tasks[task].requiredSlots)
        // A leaving node shows no slots and is removed once its last task has ended.
        if fleet.nodes[node].isLeaving {
            if fleet.nodes[node].runningTasks == 0, !fleet.nodes[node].isRemoved {
                drainedNodes.append(Int32(index: node))
            }
            return
        }
        // A removed, unusable or preempted node shows no slots and keeps its state.
        guard !fleet.nodes[node].isRemoved, fleet.nodes[node].state != .unusable,
            fleet.nodes[node].state != .preempted
        else { return }
        if fleet.nodes[node].runningTasks == 0 { setNodeState(node, .idle) }
        fleet.publishSlots(node)
    }

    /// Phase 1: an attempt ends; it succeeds, fails and is retried, or fails for good (rule 10).
    mutating func completeAttempt(_ task: Int, generation: UInt32) {
        guard work.tasks[task].phase == .running, work.tasks[task].generation == generation else { return }
        release(task)
        let block = Int(work.tasks[task].block)
        let failureProbability = work.settings[block].failureProbability
        var attemptFailed = false
        if failureProbability > 0 {
            var stream = random(.failure, UInt64(task), UInt64(work.tasks[task].retries))
            attemptFailed = stream.nextUnit() < failureProbability
        }
        defer { removeDrainedNodes() }
        guard attemptFailed else {
            finish(task, as: .succeeded)
            return
        }
        guard work.tasks[task].retries < work.settings[block].maxTaskRetryCount else {
            finish(task, as: .failed)
            return
        }
        work.tasks[task].retries += 1
        counters.retries += 1
        work.tasks[task].checkpoint = 0
        emit(
            .task,
            task,
            .taskRetried,
            from: TaskState.running.rawValue,
            to: TaskState.active.rawValue,
            detail: Int64(work.tasks[task].retries)
        )
        enqueue(task)
    }

    private mutating func finish(_ task: Int, as phase: TaskPhase) {
        work.tasks[task].phase = phase
        work.tasks[task].finishTime = now
        if phase == .succeeded {
            counters.completed += 1
        } else {
            counters.failed += 1
        }
        countCompletionForSamples(job: Int(work.tasks[task].job), succeeded: phase == .succeeded)
        emit(
            .task,
            task,
            phase == .succeeded ? .taskCompleted : .taskFailed,
            from: TaskState.running.rawValue,
            to: TaskState.completed.rawValue
        )
    }

    /// Requeues the tasks running on one node (a preemption, SPEC §6 rule 19).
    mutating func requeueRunningTasks(onNode node: Int) {
        requeue(work.runningTasks(onNodesWhere: { $0 == node }))
    }

    /// Requeues the running tasks of every node that matches (see `requeue(_:)`).
    mutating func requeueRunningTasks(where matches: (NodeRecord) -> Bool) {
        requeue(work.runningTasks(onNodesWhere: { matches(fleet.nodes[$0]) }))
    }

    /// Stops running tasks, in task-number order, and requeues them: progress since the last
    /// checkpoint is lost (SPEC §2 rule 10). Requeues do not count against `maxTaskRetryCount`.
    private mutating func requeue(_ stopped: [Int]) {
        for task in stopped {
            let block = Int(work.tasks[task].block)
            let progress = work.tasks[task].checkpoint + (now - work.tasks[task].attemptStart)
            let every = work.settings[block].checkpointEvery
            let kept = every > 0 ? progress / every * every : 0
            let lost = progress - kept
            release(task)
            work.tasks[task].checkpoint = kept
            work.tasks[task].lostWork += lost
            work.tasks[task].requeues += 1
            counters.lostWork += lost
            counters.requeued += 1
            emit(
                .task,
                task,
                .taskRequeued,
                from: TaskState.running.rawValue,
                to: TaskState.active.rawValue,
                detail: lost
            )
            enqueue(task)
        }
        removeDrainedNodes()
    }

    /// Ends every running task whose node matches as failed, in task-number order: completed with
    /// failure, never retried, no lost work (`$NodeDeallocationOption = terminate`, SPEC §7 rule 26).
    mutating func terminateRunningTasks(where matches: (NodeRecord) -> Bool) {
        for task in work.runningTasks(onNodesWhere: { matches(fleet.nodes[$0]) }) {
            release(task)
            finish(task, as: .failed)
        }
        removeDrainedNodes()
    }
}
