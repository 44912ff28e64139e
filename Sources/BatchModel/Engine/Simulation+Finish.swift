import SimulationKernel

extension Simulation {
    /// Closes every open interval at `end` and computes the run's metrics (SPEC §4).
    mutating func finish(at end: SimTime) -> RunResult {
        now = end
        account.close(at: end)
        fleet.close(at: end)
        var metrics = RunMetrics()
        metrics.endTime = end
        (metrics.tasks, metrics.jobs) = taskAndJobMetrics()
        metrics.account = RunMetrics.Account(
            outages: account.outages,
            unavailable: end - account.time(in: .accessible),
            recovering: account.time(in: .recovering),
            unrecoverable: account.state == .unrecoverable,
            rejectedOperations: account.rejectedOperations,
            finalState: account.state
        )
        (metrics.pools, metrics.nodes, metrics.cost) = nodeMetrics(end: end)
        return RunResult(
            metrics: metrics,
            tasks: work.tasks,
            nodes: fleet.nodes,
            processedEvents: counters.processedEvents,
            emittedEvents: counters.emittedEvents,
            keyVersions: vault.keys.map { $0.versions.map(\.id) },
            autoscaleLog: autoscaleLog
        )
    }

    /// The task and job metrics, in one pass over the task table (a large run's table is
    /// 100 MB: a pass is worth saving on the run's critical path).
    private func taskAndJobMetrics() -> (RunMetrics.Tasks, [RunMetrics.Job]) {
        var jobs = scenario.jobs.map { RunMetrics.Job(id: $0.id) }
        var jobAllDone = Array(repeating: true, count: jobs.count)
        var jobLastFinish = Array(repeating: SimTime(-1), count: jobs.count)
        var metrics = RunMetrics.Tasks()
        metrics.submitted = counters.submitted
        metrics.completed = counters.completed
        metrics.failed = counters.failed
        metrics.incomplete = counters.submitted - counters.completed - counters.failed
        metrics.dropped = counters.dropped
        metrics.retries = counters.retries
        metrics.requeued = counters.requeued
        metrics.rejectedSubmissions = counters.rejectedSubmissions
        metrics.lostWork = counters.lostWork
        var waits: [SimTime] = []
        var turnarounds: [SimTime] = []
        waits.reserveCapacity(work.tasks.count)
        turnarounds.reserveCapacity(work.tasks.count)
        var allDone = true
        var lastFinish: SimTime = -1
        for task in work.tasks {
            let job = Int(task.job)
            if task.requeues > 0 { metrics.requeuedDistinct += 1 }
            if task.firstStartTime >= 0 { waits.append(task.firstStartTime - task.arrivalTime) }
            switch task.phase {
            case .succeeded, .failed:
                turnarounds.append(task.finishTime - task.arrivalTime)
                lastFinish = max(lastFinish, task.finishTime)
                if task.phase == .succeeded { jobs[job].completed += 1 } else { jobs[job].failed += 1 }
                jobLastFinish[job] = max(jobLastFinish[job], task.finishTime)
            case .dropped:
                break
            default:
                allDone = false
                jobAllDone[job] = false
            }
        }
        for job in jobs.indices where jobAllDone[job] && jobLastFinish[job] >= 0 {
            jobs[job].makespan = jobLastFinish[job]
        }
        metrics.makespan = allDone && lastFinish >= 0 ? lastFinish : nil
        let wait = Percentiles.nearestRanks([50, 95, 99, 100], of: &waits)
        (metrics.waitP50, metrics.waitP95, metrics.waitP99) = (wait[0], wait[1], wait[2])
        let turnaround = Percentiles.nearestRanks([50, 95, 99, 100], of: &turnarounds)
        (metrics.turnaroundP50, metrics.turnaroundP95, metrics.turnaroundP99, metrics.turnaroundMax) =
            (turnaround[0], turnaround[1], turnaround[2], turnaround[3])
        return (metrics, jobs)
    }

    private func nodeMetrics(end: SimTime) -> ([RunMetrics.Pool], RunMetrics.Nodes, RunMetrics.Cost) {
        var pools = scenario.pools.map { RunMetrics.Pool(id: $0.id) }
        var totals = RunMetrics.Nodes(peakUnusable: fleet.peakUnusable)
        var cost = RunMetrics.Cost()
        let millisecondsPerHour = Double(SimTime.millisecondsPerHour)
        for node in fleet.nodes {
            let pool = Int(node.pool)
            let price = scenario.pools[pool].pricePerNodeHour
            let hourly = node.isLowPriority ? price.lowPriority : price.dedicated
            let billed = node.billedTime(until: end)
            let unusable = node.timeInState[.unusable]
            let preempted = node.timeInState[.preempted]
            let failed = node.startTaskFailed ? 1 : 0
            pools[pool].preemptions += Int(node.preemptions)
            pools[pool].preemptedNodeTime += preempted
            pools[pool].startTaskFailedNodes += failed
            totals.preemptions += Int(node.preemptions)
            totals.preemptedNodeTime += preempted
            totals.startTaskFailedNodes += failed
            pools[pool].billedNodeTime += billed
            pools[pool].unusableNodeTime += unusable
            pools[pool].cost += Double(billed) * hourly / millisecondsPerHour
            totals.billedNodeTime += billed
            totals.unusableNodeTime += unusable
            cost.whileUnusable += Double(unusable) * hourly / millisecondsPerHour
        }
        for pool in pools.indices {
            pools[pool].autoscaleEvaluations = autoscale[pool].evaluations
            pools[pool].autoscaleFailures = autoscale[pool].failures
            pools[pool].autoscaleSkipped = autoscale[pool].skipped
            pools[pool].peakNodes = fleet.pools[pool].peakNodes
        }
        cost.total = pools.reduce(0) { $0 + $1.cost }
        return (pools, totals, cost)
    }
}
