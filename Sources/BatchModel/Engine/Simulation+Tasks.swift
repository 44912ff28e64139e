import SimulationKernel

extension Simulation {
    /// Puts an accepted task in its pool's queue at its place: job priority, then acceptance
    /// time, then task number. A requeued or retried task keeps its place.
    mutating func enqueue(_ task: Int) {
        let job = jobRuntime[Int(tasks[task].job)]
        let pool = job.pool
        tasks[task].phase = .queued
        queued += 1
        let key = PoolQueue.key(priority: job.priority, acceptedAt: tasks[task].accepted)
        pools[pool].queue.insert(PoolQueue.Entry(key: key, task: Int32(task)), slots: tasks[task].requiredSlots)
        pools[pool].dirty = true
    }

    /// Phase 6: starts a task on a node.
    mutating func start(_ task: Int, on node: Int) {
        queued -= 1
        let slots = tasks[task].requiredSlots
        if tasks[task].duration < 0 {
            let block = Int(tasks[task].block)
            var stream = random(Purpose.taskDuration, UInt64(task))
            tasks[task].duration = blocks[block].tasks.duration.sample(&stream)
        }
        tasks[task].phase = .running
        tasks[task].node = Int32(node)
        tasks[task].attemptStart = now
        tasks[task].starts += 1
        if tasks[task].firstStart < 0 { tasks[task].firstStart = now }
        runningPosition[task] = Int32(running.count)
        running.append(Int32(task))

        nodes[node].freeSlots -= slots
        nodes[node].runningTasks += 1
        pools[Int(nodes[node].pool)].slots.set(Int(nodes[node].indexInPool), nodes[node].freeSlots)
        if nodes[node].state == .idle { setNodeState(node, .running) }

        let remaining = tasks[task].duration - tasks[task].checkpoint
        schedule(
            .taskCompletion,
            at: now + remaining,
            phase: Phase.completions,
            a: task,
            generation: tasks[task].generation
        )
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
        let node = Int(tasks[task].node)
        tasks[task].node = -1
        tasks[task].generation &+= 1
        let position = Int(runningPosition[task])
        let last = running.removeLast()
        if Int(last) != task {
            running[position] = last
            runningPosition[Int(last)] = Int32(position)
        }
        runningPosition[task] = -1

        nodes[node].freeSlots += tasks[task].requiredSlots
        nodes[node].runningTasks -= 1
        guard !nodes[node].isRemoved, nodes[node].state != .unusable else { return }
        if nodes[node].runningTasks == 0 { setNodeState(node, .idle) }
        publishSlots(node)
    }

    /// Phase 1: an attempt ends; it succeeds, fails and is retried, or fails for good (rule 10).
    mutating func completeAttempt(_ task: Int, generation: UInt32) {
        guard tasks[task].phase == .running, tasks[task].generation == generation else { return }
        release(task)
        let block = Int(tasks[task].block)
        let failureProbability = blockRuntime[block].failureProbability
        var attemptFailed = false
        if failureProbability > 0 {
            var stream = random(Purpose.failure, UInt64(task), UInt64(tasks[task].retries))
            attemptFailed = stream.nextUnit() < failureProbability
        }
        guard attemptFailed else {
            finish(task, as: .succeeded)
            return
        }
        guard tasks[task].retries < blockRuntime[block].maxTaskRetryCount else {
            finish(task, as: .failed)
            return
        }
        tasks[task].retries += 1
        retries += 1
        tasks[task].checkpoint = 0
        emit(
            .task,
            task,
            .taskRetried,
            from: TaskState.running.rawValue,
            to: TaskState.active.rawValue,
            detail: Int64(tasks[task].retries)
        )
        enqueue(task)
    }

    private mutating func finish(_ task: Int, as phase: TaskPhase) {
        tasks[task].phase = phase
        tasks[task].finish = now
        if phase == .succeeded {
            completed += 1
        } else {
            failed += 1
        }
        emit(
            .task,
            task,
            phase == .succeeded ? .taskCompleted : .taskFailed,
            from: TaskState.running.rawValue,
            to: TaskState.completed.rawValue
        )
    }

    /// Stops every running task whose node matches, in task-number order, and requeues it:
    /// progress since its last checkpoint is lost (SPEC §2 rule 10). Requeues do not count
    /// against `maxTaskRetryCount`.
    mutating func requeueRunningTasks(where matches: (NodeRecord) -> Bool) {
        var stopped = running.filter { matches(nodes[Int(tasks[Int($0)].node)]) }
        stopped.sort()
        for task in stopped.map({ Int($0) }) {
            let block = Int(tasks[task].block)
            let progress = tasks[task].checkpoint + (now - tasks[task].attemptStart)
            let every = blockRuntime[block].checkpointEvery
            let kept = every > 0 ? progress / every * every : 0
            let lost = progress - kept
            release(task)
            tasks[task].checkpoint = kept
            tasks[task].lostWork += lost
            tasks[task].requeues += 1
            lostWork += lost
            requeued += 1
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
    }
}
