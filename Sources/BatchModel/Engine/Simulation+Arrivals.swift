import SimulationKernel

extension Simulation {
    /// Starts delivering a block's tasks to their client, relative to now.
    mutating func startStream(block: Int) {
        let count = work.blocks[block].tasks.count
        guard count > 0 else { return }
        clients.unarrived += count
        var stream = ArrivalStream(block: block, base: now)
        stream.nextTime = Self.arrivalTime(of: 0, in: work.blocks[block], seed: scenario.seed, base: now, previous: now)
        clients.streams.append(stream)
        schedule(.arrival(stream: Int32(index: clients.streams.count - 1)), at: stream.nextTime)
    }

    /// Arrival time of a block's i-th task in arrival order (SPEC §2 rule 8); `previous` is the
    /// arrival time of task i − 1 (the stream's base for the first), which Poisson gaps add to.
    ///
    /// Static, over the block it reads: as a method it was called from the mutating arrival
    /// loop with a copy of the whole simulation value.
    private static func arrivalTime(
        of index: Int, in plan: borrowing TaskBlockPlan, seed: UInt64, base: SimTime, previous: SimTime
    ) -> SimTime {
        switch plan.tasks.arrival {
        case .at(let offset):
            return base + offset
        case .every(let interval, let from):
            return base + from + SimTime(index) * interval
        case .poisson(let perHour):
            let mean = Double(SimTime.millisecondsPerHour) / perHour
            var random = RandomStream(
                seed: seed, purpose: Purpose.arrival.rawValue, entity: UInt64(plan.firstTask + index))
            return previous + DurationDistribution.exponential(mean: mean).sample(&random)
        case .trace(let rows):
            return base + rows[Int(plan.traceOrder[index])].submit
        }
    }

    /// The task number of a block's i-th task in arrival order.
    @inline(__always)
    private static func taskNumber(_ index: Int, in plan: borrowing TaskBlockPlan) -> Int {
        plan.traceOrder.isEmpty ? plan.firstTask + index : plan.firstTask + Int(plan.traceOrder[index])
    }

    /// Phase 5: every task of the stream due now reaches its client.
    mutating func deliverArrivals(stream index: Int) {
        let block = clients.streams[index].block
        let count = work.blocks[block].tasks.count
        while clients.streams[index].next < count && clients.streams[index].nextTime == now {
            let task = Self.taskNumber(clients.streams[index].next, in: work.blocks[block])
            clients.streams[index].next += 1
            clients.unarrived -= 1
            work.tasks[task].arrivalTime = now
            attemptSubmission(task)
            if clients.streams[index].next < count {
                clients.streams[index].nextTime = Self.arrivalTime(
                    of: clients.streams[index].next,
                    in: work.blocks[block],
                    seed: scenario.seed,
                    base: clients.streams[index].base,
                    previous: now
                )
            }
        }
        if clients.streams[index].next < count {
            schedule(.arrival(stream: Int32(index: index)), at: clients.streams[index].nextTime)
            work.tasks.prefetch(Self.taskNumber(clients.streams[index].next, in: work.blocks[block]))
        }
    }

    /// How far ahead of the task being retried its client's queue is prefetched.
    private static let retryLookahead = 8

    /// Phase 5: the client of a job tries again with every task whose retry is due now.
    mutating func deliverRetries(job: Int) {
        // Keep `eventPending` set while delivering, so that rejected tasks re-queued below do
        // not schedule an event at their own (later) time ahead of the queue's head.
        clients.retryQueues[job].eventPending = true
        while !clients.retryQueues[job].isEmpty
            && clients.retryQueues[job].times[clients.retryQueues[job].head] == now
        {
            let head = clients.retryQueues[job].head
            let task = Int(clients.retryQueues[job].tasks[head])
            // A long outage leaves tens of thousands of tasks at the client, each retried every
            // interval: bring in the records of those a few places ahead.
            if head + Self.retryLookahead < clients.retryQueues[job].tasks.count {
                work.tasks.prefetch(Int(clients.retryQueues[job].tasks[head + Self.retryLookahead]))
            }
            clients.retryQueues[job].head += 1
            clients.atClient -= 1
            attemptSubmission(task)
        }
        clients.retryQueues[job].eventPending = false
        if !clients.retryQueues[job].isEmpty {
            clients.retryQueues[job].eventPending = true
            let next = clients.retryQueues[job].times[clients.retryQueues[job].head]
            schedule(.retry(job: Int32(index: job)), at: next)
        }
    }

    /// One client attempt to add a task (SPEC §2 rule 4): accepted while the account is
    /// accessible, otherwise rejected and dropped or retried by the job's client.
    mutating func attemptSubmission(_ task: Int) {
        work.tasks[task].clientAttempts += 1
        let attempt = Int64(work.tasks[task].clientAttempts)
        let job = Int(work.tasks[task].job)
        if account.isAvailable {
            work.tasks[task].acceptedTime = now
            counters.submitted += 1
            emit(.task, task, .taskSubmitted, to: TaskState.active.rawValue, detail: attempt)
            enqueue(task)
            return
        }
        counters.rejectedSubmissions += 1
        account.rejectedOperations += 1
        emit(.client, job, .submissionRejected, detail: Int64(task))
        let client = clients.jobs[job]
        if client.retryEvery > 0 && work.tasks[task].clientAttempts < client.maxAttempts {
            work.tasks[task].phase = .atClient
            clients.atClient += 1
            let retryAt = now + client.retryEvery
            clients.retryQueues[job].append(Int32(task), at: retryAt)
            if !clients.retryQueues[job].eventPending {
                clients.retryQueues[job].eventPending = true
                schedule(.retry(job: Int32(index: job)), at: retryAt)
            }
        } else {
            work.tasks[task].phase = .dropped
            counters.dropped += 1
            emit(.client, job, .taskDropped, detail: Int64(task))
        }
    }
}
