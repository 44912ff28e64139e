import SimulationKernel

extension Simulation {
    /// Starts delivering a block's tasks to their client, relative to now.
    mutating func startStream(block: Int) {
        let count = blocks[block].tasks.count
        guard count > 0 else { return }
        unarrived += count
        var stream = ArrivalStream(block: block, base: now)
        stream.nextTime = arrivalTime(of: 0, block: block, base: now, previous: now)
        streams.append(stream)
        schedule(.arrival, at: stream.nextTime, phase: Phase.submissions, a: streams.count - 1)
    }

    /// Arrival time of a block's i-th task in arrival order (SPEC §2 rule 8); `previous` is the
    /// arrival time of task i − 1 (the stream's base for the first), which Poisson gaps add to.
    private func arrivalTime(of index: Int, block: Int, base: SimTime, previous: SimTime) -> SimTime {
        switch blocks[block].tasks.arrival {
        case .at(let offset):
            return base + offset
        case .every(let interval, let from):
            return base + from + SimTime(index) * interval
        case .poisson(let perHour):
            let mean = Double(SimTime.millisecondsPerHour) / perHour
            var random = random(Purpose.arrival, UInt64(blocks[block].firstTask + index))
            return previous + DurationDistribution.exponential(mean: mean).sample(&random)
        case .trace(let rows):
            return base + rows[Int(blocks[block].traceOrder[index])].submit
        }
    }

    /// The task number of a block's i-th task in arrival order.
    private func taskNumber(_ index: Int, in block: Int) -> Int {
        blocks[block].traceOrder.isEmpty
            ? blocks[block].firstTask + index : blocks[block].firstTask + Int(blocks[block].traceOrder[index])
    }

    /// Phase 5: every task of the stream due now reaches its client.
    mutating func deliverArrivals(stream index: Int) {
        let block = streams[index].block
        let count = blocks[block].tasks.count
        while streams[index].next < count && streams[index].nextTime == now {
            let task = taskNumber(streams[index].next, in: block)
            streams[index].next += 1
            unarrived -= 1
            tasks[task].arrival = now
            attemptSubmission(task)
            if streams[index].next < count {
                streams[index].nextTime = arrivalTime(
                    of: streams[index].next,
                    block: block,
                    base: streams[index].base,
                    previous: now
                )
            }
        }
        if streams[index].next < count {
            schedule(.arrival, at: streams[index].nextTime, phase: Phase.submissions, a: index)
        }
    }

    /// Phase 5: the client of a job tries again with every task whose retry is due now.
    mutating func deliverRetries(job: Int) {
        // Keep `eventPending` set while delivering, so that rejected tasks re-queued below do
        // not schedule an event at their own (later) time ahead of the queue's head.
        retryQueues[job].eventPending = true
        while !retryQueues[job].isEmpty && retryQueues[job].times[retryQueues[job].head] == now {
            let task = Int(retryQueues[job].tasks[retryQueues[job].head])
            retryQueues[job].head += 1
            atClient -= 1
            attemptSubmission(task)
        }
        retryQueues[job].eventPending = false
        if !retryQueues[job].isEmpty {
            retryQueues[job].eventPending = true
            schedule(.retry, at: retryQueues[job].times[retryQueues[job].head], phase: Phase.submissions, a: job)
        }
    }

    /// One client attempt to add a task (SPEC §2 rule 4): accepted while the account is
    /// accessible, otherwise rejected and dropped or retried by the job's client.
    mutating func attemptSubmission(_ task: Int) {
        tasks[task].clientAttempts += 1
        let attempt = Int64(tasks[task].clientAttempts)
        let job = Int(tasks[task].job)
        if accountIsAvailable {
            tasks[task].accepted = now
            submitted += 1
            emit(.task, task, .taskSubmitted, to: TaskState.active.rawValue, detail: attempt)
            enqueue(task)
            return
        }
        rejectedSubmissions += 1
        rejectedOperations += 1
        emit(.client, job, .submissionRejected, detail: Int64(task))
        let client = jobRuntime[job]
        if client.retryEvery > 0 && tasks[task].clientAttempts < client.maxAttempts {
            tasks[task].phase = .atClient
            atClient += 1
            let retryAt = now + client.retryEvery
            retryQueues[job].append(Int32(task), at: retryAt)
            if !retryQueues[job].eventPending {
                retryQueues[job].eventPending = true
                schedule(.retry, at: retryAt, phase: Phase.submissions, a: job)
            }
        } else {
            tasks[task].phase = .dropped
            dropped += 1
            emit(.client, job, .taskDropped, detail: Int64(task))
        }
    }
}
