import SimulationKernel

extension Simulation {
    /// Closes every open interval at `end` and computes the run's metrics (SPEC §4).
    mutating func finish(at end: SimTime) -> RunResult {
        now = end
        timeInAccountState[Int(accountState.rawValue)] += end - accountStateSince
        accountStateSince = end
        for node in nodes.indices where !nodes[node].isRemoved {
            nodes[node].timeInState[nodes[node].state] += end - nodes[node].stateSince
            nodes[node].stateSince = end
        }
        var metrics = RunMetrics()
        metrics.endTime = end
        metrics.tasks = taskMetrics()
        metrics.account = RunMetrics.Account(
            outages: outages,
            unavailable: end - timeInAccountState[Int(AccountState.accessible.rawValue)],
            recovering: timeInAccountState[Int(AccountState.recovering.rawValue)],
            unrecoverable: accountState == .unrecoverable,
            rejectedOperations: rejectedOperations,
            finalState: accountState
        )
        metrics.jobs = jobMetrics()
        (metrics.pools, metrics.nodes, metrics.cost) = nodeMetrics(end: end)
        return RunResult(
            metrics: metrics,
            tasks: tasks,
            nodes: nodes,
            processedEvents: processedEvents,
            emittedEvents: emittedEvents,
            keyVersions: vault.keys.map { $0.versions.map(\.id) }
        )
    }

    private func taskMetrics() -> RunMetrics.Tasks {
        var metrics = RunMetrics.Tasks()
        metrics.submitted = submitted
        metrics.completed = completed
        metrics.failed = failed
        metrics.incomplete = submitted - completed - failed
        metrics.dropped = dropped
        metrics.retries = retries
        metrics.requeued = requeued
        metrics.rejectedSubmissions = rejectedSubmissions
        metrics.lostWork = lostWork
        var waits: [SimTime] = []
        var turnarounds: [SimTime] = []
        waits.reserveCapacity(tasks.count)
        turnarounds.reserveCapacity(tasks.count)
        var allDone = true
        var lastFinish: SimTime = -1
        for task in tasks {
            if task.requeues > 0 { metrics.requeuedDistinct += 1 }
            if task.firstStart >= 0 { waits.append(task.firstStart - task.arrival) }
            switch task.phase {
            case .succeeded, .failed:
                turnarounds.append(task.finish - task.arrival)
                lastFinish = max(lastFinish, task.finish)
            case .dropped:
                break
            default:
                allDone = false
            }
        }
        metrics.makespan = allDone && lastFinish >= 0 ? lastFinish : nil
        let wait = Percentiles.nearestRanks([50, 95, 99, 100], of: &waits)
        (metrics.waitP50, metrics.waitP95, metrics.waitP99) = (wait[0], wait[1], wait[2])
        let turnaround = Percentiles.nearestRanks([50, 95, 99, 100], of: &turnarounds)
        (metrics.turnaroundP50, metrics.turnaroundP95, metrics.turnaroundP99, metrics.turnaroundMax) =
            (turnaround[0], turnaround[1], turnaround[2], turnaround[3])
        return metrics
    }

    private func jobMetrics() -> [RunMetrics.Job] {
        var jobs = scenario.jobs.map { RunMetrics.Job(id: $0.id) }
        var allDone = Array(repeating: true, count: jobs.count)
        var lastFinish = Array(repeating: SimTime(-1), count: jobs.count)
        for task in tasks {
            let job = Int(task.job)
            switch task.phase {
            case .succeeded:
                jobs[job].completed += 1
                lastFinish[job] = max(lastFinish[job], task.finish)
            case .failed:
                jobs[job].failed += 1
                lastFinish[job] = max(lastFinish[job], task.finish)
            case .dropped:
                break
            default:
                allDone[job] = false
            }
        }
        for job in jobs.indices where allDone[job] && lastFinish[job] >= 0 {
            jobs[job].makespan = lastFinish[job]
        }
        return jobs
    }

    private func nodeMetrics(end: SimTime) -> ([RunMetrics.Pool], RunMetrics.Nodes, RunMetrics.Cost) {
        var pools = scenario.pools.map { RunMetrics.Pool(id: $0.id) }
        var totals = RunMetrics.Nodes(peakUnusable: peakUnusableNodes)
        var cost = RunMetrics.Cost()
        let millisecondsPerHour = Double(SimTime.millisecondsPerHour)
        for node in nodes {
            let pool = Int(node.pool)
            let price = scenario.pools[pool].pricePerNodeHour
            let hourly = node.isLowPriority ? price.lowPriority : price.dedicated
            let billed = (node.isRemoved ? node.removedAt : end) - node.requestedAt
            let unusable = node.timeInState[.unusable]
            pools[pool].billedNodeTime += billed
            pools[pool].unusableNodeTime += unusable
            pools[pool].cost += Double(billed) * hourly / millisecondsPerHour
            totals.billedNodeTime += billed
            totals.unusableNodeTime += unusable
            cost.whileUnusable += Double(unusable) * hourly / millisecondsPerHour
        }
        cost.total = pools.reduce(0) { $0 + $1.cost }
        return (pools, totals, cost)
    }
}
