extension RunMetrics {
    /// The run's metrics under their SPEC §4 names, in SPEC §4 order, then per job and per pool.
    public var named: [(name: String, value: MetricValue)] {
        let run = self
        let tasks = run.tasks
        var list: [(name: String, value: MetricValue)] = [
            ("tasks.submitted", .count(tasks.submitted)),
            ("tasks.completed", .count(tasks.completed)),
            ("tasks.failed", .count(tasks.failed)),
            ("tasks.incomplete", .count(tasks.incomplete)),
            ("tasks.dropped", .count(tasks.dropped)),
            ("tasks.retries", .count(tasks.retries)),
            ("tasks.requeued", .count(tasks.requeued)),
            ("tasks.requeuedDistinct", .count(tasks.requeuedDistinct)),
            ("tasks.rejectedSubmissions", .count(tasks.rejectedSubmissions)),
            ("tasks.lostWorkSeconds", .seconds(tasks.lostWork)),
            ("tasks.makespanSeconds", .seconds(tasks.makespan)),
            ("tasks.waitSeconds.p50", .seconds(tasks.waitP50)),
            ("tasks.waitSeconds.p95", .seconds(tasks.waitP95)),
            ("tasks.waitSeconds.p99", .seconds(tasks.waitP99)),
            ("tasks.turnaroundSeconds.p50", .seconds(tasks.turnaroundP50)),
            ("tasks.turnaroundSeconds.p95", .seconds(tasks.turnaroundP95)),
            ("tasks.turnaroundSeconds.p99", .seconds(tasks.turnaroundP99)),
            ("tasks.turnaroundSeconds.max", .seconds(tasks.turnaroundMax)),
            ("account.outages", .count(run.account.outages)),
            ("account.unavailableSeconds", .seconds(run.account.unavailable)),
            ("account.recoveringSeconds", .seconds(run.account.recovering)),
            ("account.unrecoverable", .count(run.account.unrecoverable ? 1 : 0)),
            ("account.rejectedOperations", .count(run.account.rejectedOperations)),
            ("nodes.unusableNodeSeconds", .seconds(run.nodes.unusableNodeTime)),
            ("nodes.billedNodeSeconds", .seconds(run.nodes.billedNodeTime)),
            ("nodes.peakUnusable", .count(run.nodes.peakUnusable)),
            ("cost.total", .roundedCost(run.cost.total)),
            ("cost.whileUnusable", .roundedCost(run.cost.whileUnusable)),
        ]
        for job in run.jobs {
            list.append(("jobs.\(job.id).completed", .count(job.completed)))
            list.append(("jobs.\(job.id).failed", .count(job.failed)))
            list.append(("jobs.\(job.id).makespanSeconds", .seconds(job.makespan)))
        }
        for pool in run.pools {
            list.append(("pools.\(pool.id).unusableNodeSeconds", .seconds(pool.unusableNodeTime)))
            list.append(("pools.\(pool.id).billedNodeSeconds", .seconds(pool.billedNodeTime)))
            list.append(("pools.\(pool.id).cost", .roundedCost(pool.cost)))
        }
        return list
    }
}
