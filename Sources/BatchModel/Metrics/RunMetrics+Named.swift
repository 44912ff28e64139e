extension RunMetrics {
    /// The value of one run-wide metric, typed for printing (SPEC §4).
    public func value(_ metric: RunMetric) -> MetricValue {
        switch metric {
        case .tasksSubmitted: .count(tasks.submitted)
        case .tasksCompleted: .count(tasks.completed)
        case .tasksFailed: .count(tasks.failed)
        case .tasksIncomplete: .count(tasks.incomplete)
        case .tasksDropped: .count(tasks.dropped)
        case .tasksRetries: .count(tasks.retries)
        case .tasksRequeued: .count(tasks.requeued)
        case .tasksRequeuedDistinct: .count(tasks.requeuedDistinct)
        case .tasksRejectedSubmissions: .count(tasks.rejectedSubmissions)
        case .tasksLostWorkSeconds: .seconds(tasks.lostWork)
        case .tasksMakespanSeconds: .seconds(tasks.makespan)
        case .tasksWaitP50: .seconds(tasks.waitP50)
        case .tasksWaitP95: .seconds(tasks.waitP95)
        case .tasksWaitP99: .seconds(tasks.waitP99)
        case .tasksTurnaroundP50: .seconds(tasks.turnaroundP50)
        case .tasksTurnaroundP95: .seconds(tasks.turnaroundP95)
        case .tasksTurnaroundP99: .seconds(tasks.turnaroundP99)
        case .tasksTurnaroundMax: .seconds(tasks.turnaroundMax)
        case .accountOutages: .count(account.outages)
        case .accountUnavailableSeconds: .seconds(account.unavailable)
        case .accountRecoveringSeconds: .seconds(account.recovering)
        case .accountUnrecoverable: .count(account.unrecoverable ? 1 : 0)
        case .accountRejectedOperations: .count(account.rejectedOperations)
        case .nodesUnusableNodeSeconds: .seconds(nodes.unusableNodeTime)
        case .nodesBilledNodeSeconds: .seconds(nodes.billedNodeTime)
        case .nodesPeakUnusable: .count(nodes.peakUnusable)
        case .nodesPreemptions: .count(nodes.preemptions)
        case .nodesPreemptedNodeSeconds: .seconds(nodes.preemptedNodeTime)
        case .nodesStartTaskFailedNodes: .count(nodes.startTaskFailedNodes)
        case .costTotal: .roundedCost(cost.total)
        case .costWhileUnusable: .roundedCost(cost.whileUnusable)
        }
    }

    /// The value of one job's metric.
    public static func value(_ metric: JobMetric, of job: Job) -> MetricValue {
        switch metric {
        case .completed: .count(job.completed)
        case .failed: .count(job.failed)
        case .makespanSeconds: .seconds(job.makespan)
        }
    }

    /// The value of one pool's metric.
    public static func value(_ metric: PoolMetric, of pool: Pool) -> MetricValue {
        switch metric {
        case .unusableNodeSeconds: .seconds(pool.unusableNodeTime)
        case .billedNodeSeconds: .seconds(pool.billedNodeTime)
        case .cost: .roundedCost(pool.cost)
        case .preemptions: .count(pool.preemptions)
        case .preemptedNodeSeconds: .seconds(pool.preemptedNodeTime)
        case .startTaskFailedNodes: .count(pool.startTaskFailedNodes)
        case .autoscaleEvaluations: .count(pool.autoscaleEvaluations)
        case .autoscaleFailures: .count(pool.autoscaleFailures)
        case .autoscaleSkipped: .count(pool.autoscaleSkipped)
        case .peakNodes: .count(pool.peakNodes)
        }
    }

    /// The run's metrics under their dotted names, in summary order: SPEC §4's (`RunMetric`),
    /// then each job's, then each pool's.
    public var named: [(name: String, value: MetricValue)] {
        var list = RunMetric.allCases.map { (name: $0.rawValue, value: value($0)) }
        for job in jobs {
            list += JobMetric.allCases.map { (MetricKey.job(job.id, $0).name, Self.value($0, of: job)) }
        }
        for pool in pools {
            list += PoolMetric.allCases.map { (MetricKey.pool(pool.id, $0).name, Self.value($0, of: pool)) }
        }
        return list
    }
}
