import SimulationKernel

extension Simulation {
    /// Starts delivering a block's tasks to their client, relative to now.
    mutating func startStream(block: Int) {
        let count = work.blocks[block].tasks.count
        guard count > 0 else { return }
        clients.unarrived += count
        var stream = ArrivalStream(block: block, base: now)
        stream.nextTime = arrivalTime(of: 0, block: block, base: now, previous: now)
        clients.streams.append(stream)
        schedule(.arrival(stream: Int32(index: clients.streams.count - 1)), at: stream.nextTime)
    }

    /// Arrival time of a block's i-th task in arrival order (SPEC §2 rule 8); `previous` is the
    /// arrival time of task i − 1 (the stream's base for the first), which Poisson gaps add to.
    private func arrivalTime(of index: Int, block: Int, base: SimTime, previous: SimTime) -> SimTime {
        switch work.blocks[block].tasks.arrival {
        case .at(let offset):
            return base + offset
        case .every(let interval, let from):
            return base + from + SimTime(index) * interval
        case .poisson(let perHour):
            let mean = Double(SimTime.millisecondsPerHour) / perHour
            var random = random(.arrival, UInt64(work.blocks[block].firstTask + index))
            return previous + DurationDistribution.exponential(mean: mean).sample(&random)
        case .trace(let rows):
            return base + rows[Int(work.blocks[block].traceOrder[index])].submit
        }
    }

    /// The task number of a block's i-th task in arrival order.
    private func taskNumber(_ index: Int, in block: Int) -> Int {
        work.blocks[block].traceOrder.isEmpty
            ? work.blocks[block].firstTask + index
            : work.blocks[block].firstTask + Int(work.blocks[block].traceOrder[index])
    }

    /// Phase 5: every task of the stream due now reaches its client.
    mutating func deliverArrivals(stream index: Int) {
        let block = clients.streams[index].block
        let count = work.blocks[block].tasks.count
        while clients.streams[index].next < count && clients.streams[index].nextTime == now {
            let task = taskNumber(clients.streams[index].next, in: block)
            clients.streams[index].next += 1
            clients.unarrived -= 1
            work.tasks[task].arrivalTime = now
            attemptSubmission(task)
            if clients.streams[index].next < count {
                clients.streams[index].nextTime = arrivalTime(
                    of: clients.streams[index].next,
                    block: block,
                    base: clients.streams[index].base,
                    previous: now
                )
            }
        }
        if clients.streams[index].next < count {
            schedule(.arrival(stream: Int32(index: index)), at: clients.streams[index].nextTime)
        }
    }

    /// Phase 5: the client of a job tries again with every task whose retry is due now.
    mutating func deliverRetries(job: Int) {
        // Keep `eventPending` set while delivering, so that rejected tasks re-queued below do
        // not schedule an event at their own (later) time ahead of the queue's head.
        clients.retryQueues[job].eventPending = true
        while !clients.retryQueues[job].isEmpty
            && clients.retryQueues[job].times[clients.retryQueues[job].head] == now
        {
            let task = Int(clients.retryQueues[job].tasks[clients.retryQueues[job].head])
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
