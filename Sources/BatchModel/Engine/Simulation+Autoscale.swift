import AutoscaleFormula
import SimulationKernel

/// One autoscale evaluation as logged (SPEC §7 rule 27): when, which pool, how it ended, the
/// results string in the service's format or the error (`line:column: error: …`), and the pool's
/// targets before and after — what the report's target chart and the `autoscale_runs` table show.
public struct AutoscaleRecord: Hashable, Sendable {
    public enum Outcome: Int64, Hashable, Sendable {
        case applied = 0
        case failed = 1
        case skipped = 2
    }

    /// A pool's targets: its nodes of each priority that are not leaving (rule 26).
    public struct Targets: Hashable, Sendable {
        public var dedicated: Int
        public var lowPriority: Int

        public init(dedicated: Int, lowPriority: Int) {
            self.dedicated = dedicated
            self.lowPriority = lowPriority
        }
    }

    public var time: SimTime
    public var pool: Int
    public var outcome: Outcome
    /// The results string of an applied evaluation; empty when it failed or was skipped.
    public var results: String
    /// The evaluation error of a failed evaluation (positions in the formula); nil otherwise.
    public var error: String?
    /// The targets when the evaluation was due, and after it (the same unless it was applied).
    public var before: Targets
    public var after: Targets

    /// Public so that the event log's reader can rebuild the records a report reads.
    public init(
        time: SimTime, pool: Int, outcome: Outcome, results: String, error: String? = nil, before: Targets,
        after: Targets
    ) {
        self.time = time
        self.pool = pool
        self.outcome = outcome
        self.results = results
        self.error = error
        self.before = before
        self.after = after
    }
}

/// A pool's autoscale state: its formula while enabled, when it is next evaluated, its sample
/// histories and the counts behind its `autoscale*` metrics.
struct AutoscaleRuntime {
    /// The formula and interval in force; nil while autoscale is disabled (or never enabled).
    var settings: PoolConfig.AutoScale?
    /// When the next evaluation is due; -1 while disabled.
    var nextEvaluation: SimTime = -1
    /// Whether the pool is sampled (it autoscales at some point of the scenario).
    var isSampled = false
    var samples: [SampledVariable: [Sample]] = [:]
    /// Tasks of the pool's jobs that completed with success / final failure since the last sample.
    var succeededSinceSample = 0
    var failedSinceSample = 0
    /// Evaluations that ran (failed ones included), failed, and were skipped.
    var evaluations = 0
    var failures = 0
    var skipped = 0
}

/// Autoscale formulas in the simulation (SPEC §7 rule 26): samples every 30 s after the dispatch
/// pass, evaluations in phase 2 after the instant's timeline actions (pools in file order), and
/// the targets applied as a resize with the formula's `$NodeDeallocationOption`.
extension Simulation {
    /// The sampling period (rule 25).
    static let samplePeriod: SimTime = 30 * SimTime.millisecondsPerSecond

    /// Set-up, before any node exists: every pool that autoscales at some point is sampled, and
    /// the fleet keeps the pool tallies the samples and evaluations read.
    mutating func markSampledPools() {
        for entry in scenario.timeline {
            if case .enableAutoScale(let pool, _) = entry.action { autoscale[pool].isSampled = true }
        }
        for (pool, config) in scenario.pools.enumerated() where config.autoScale != nil {
            autoscale[pool].isSampled = true
        }
        fleet.keepsTallies = autoscale.contains(where: \.isSampled)
    }

    /// Set-up: sampling from t = 0; a pool with `autoScale` is evaluated at t = 0.
    mutating func setUpAutoscale() {
        for (pool, config) in scenario.pools.enumerated() {
            guard let settings = config.autoScale else { continue }
            autoscale[pool].settings = settings
            autoscale[pool].nextEvaluation = 0
        }
        if fleet.keepsTallies { schedule(.sampleTick, at: 0) }
        if autoscale.contains(where: { $0.nextEvaluation == 0 }) { schedule(.autoscaleDue, at: 0) }
    }

    /// Whether `resizePool` is refused on the pool (Azure refuses it while autoscale is enabled).
    func isAutoscaling(_ pool: Int) -> Bool {
        autoscale[pool].settings != nil
    }

    /// Phase 2 (control plane): `enableAutoScale` replaces formula and interval and evaluates at
    /// once, replacing an evaluation already due at this instant.
    mutating func enableAutoScale(pool: Int, _ settings: PoolConfig.AutoScale) {
        autoscale[pool].settings = settings
        autoscale[pool].nextEvaluation = now
        schedule(.autoscaleDue, at: now)
    }

    /// Phase 2 (control plane): `disableAutoScale` stops the evaluations; the targets stay.
    mutating func disableAutoScale(pool: Int) {
        autoscale[pool].settings = nil
        autoscale[pool].nextEvaluation = -1
    }

    /// Phase 2, after the timeline actions: the evaluations due now, pools in file order. Each
    /// schedules the next one; an evaluation while the account is not accessible is skipped.
    mutating func evaluateDuePools() {
        for pool in autoscale.indices where autoscale[pool].nextEvaluation == now {
            guard let settings = autoscale[pool].settings else { continue }
            autoscale[pool].nextEvaluation = now + settings.evaluationInterval
            schedule(.autoscaleDue, at: now + settings.evaluationInterval)
            guard account.isAvailable else {
                autoscale[pool].skipped += 1
                let targets = currentTargets(pool: pool)
                autoscaleLog.append(
                    AutoscaleRecord(
                        time: now, pool: pool, outcome: .skipped, results: "", before: targets, after: targets))
                emit(.pool, pool, .autoscaleSkipped)
                continue
            }
            evaluate(pool: pool, settings.formula)
        }
    }

    /// Runs the formula against the pool's samples and variables; applies the targets on success.
    private mutating func evaluate(pool: Int, _ formula: Formula) {
        let number = autoscale[pool].evaluations
        autoscale[pool].evaluations += 1
        let before = currentTargets(pool: pool)
        let (seed, purpose) = (scenario.seed, Purpose.autoscaleRand.rawValue)
        let entity = UInt64(pool) << 32 | UInt64(number)
        var context = EvaluationContext(
            now: Double(scenario.startTime + now) / 1000,
            samples: autoscale[pool].samples,
            currentDedicatedNodes: Double(fleet.countNodes(pool: pool, lowPriority: false, countingLeaving: true)),
            currentLowPriorityNodes: Double(fleet.countNodes(pool: pool, lowPriority: true, countingLeaving: true)),
            taskSlotsPerNode: Double(scenario.pools[pool].taskSlotsPerNode),
            currentTargetDedicated: Double(before.dedicated),
            currentTargetLowPriority: Double(before.lowPriority),
            random: { call in
                var stream = RandomStream(seed: seed, purpose: purpose, entity: entity, index: UInt64(call))
                return stream.nextUnit()
            }
        )
        context.samplesAreInTimeOrder = true
        switch formula.evaluate(context: context).flatMap(Self.clampedTargets) {
        case .failure(let error):
            autoscale[pool].failures += 1
            autoscaleLog.append(
                AutoscaleRecord(
                    time: now, pool: pool, outcome: .failed, results: "", error: error.description, before: before,
                    after: before))
            emit(.pool, pool, .autoscaleEvaluated, detail: AutoscaleRecord.Outcome.failed.rawValue)
        case .success(let (evaluation, targets)):
            let after = AutoscaleRecord.Targets(
                dedicated: targets.dedicated ?? before.dedicated, lowPriority: targets.lowPriority ?? before.lowPriority
            )
            autoscaleLog.append(
                AutoscaleRecord(
                    time: now, pool: pool, outcome: .applied, results: evaluation.resultsString, before: before,
                    after: after))
            emit(.pool, pool, .autoscaleEvaluated, detail: AutoscaleRecord.Outcome.applied.rawValue)
            apply(
                pool: pool, dedicated: targets.dedicated, lowPriority: targets.lowPriority,
                option: evaluation.nodeDeallocationOption ?? .requeue)
        }
    }

    /// The pool's current targets: its nodes of each priority that are not leaving (rule 26).
    func currentTargets(pool: Int) -> AutoscaleRecord.Targets {
        AutoscaleRecord.Targets(
            dedicated: fleet.countNodes(pool: pool, lowPriority: false, countingLeaving: false),
            lowPriority: fleet.countNodes(pool: pool, lowPriority: true, countingLeaving: false))
    }

    /// Each assigned target clamped to ≥ 0 and rounded down; one still above 100,000 (or not a
    /// number) is an evaluation error.
    private static func clampedTargets(
        _ evaluation: Evaluation
    ) -> Result<(Evaluation, (dedicated: Int?, lowPriority: Int?)), FormulaError> {
        var targets: [Int?] = []
        for (name, value) in [
            ("$TargetDedicatedNodes", evaluation.dedicatedTarget),
            ("$TargetLowPriorityNodes", evaluation.lowPriorityTarget),
        ] {
            guard let value else {
                targets.append(nil)
                continue
            }
            let clamped = max(0, value).rounded(.down)
            guard !clamped.isNaN, clamped <= 100_000 else {
                return .failure(
                    .invalidArgument("\(name) is \(value), above the limit of 100,000 nodes", at: .start))
            }
            targets.append(Int(clamped))
        }
        return .success((evaluation, (targets[0], targets[1])))
    }

    /// Applies targets as a resize (rule 17), removals before additions: a target is compared with
    /// the nodes of its priority that are not leaving, and a shrink takes the highest-index ones.
    private mutating func apply(pool: Int, dedicated: Int?, lowPriority: Int?, option: DeallocationOption) {
        var removed: [Int] = []
        var additions: [(lowPriority: Bool, count: Int)] = []
        for (isLowPriority, target) in [(false, dedicated), (true, lowPriority)] {
            guard let target else { continue }
            let count = fleet.countNodes(pool: pool, lowPriority: isLowPriority, countingLeaving: false)
            if target > count {
                additions.append((isLowPriority, target - count))
            } else if target < count {
                let active = activeNodes(pool: pool, lowPriority: isLowPriority)
                removed += active.suffix(active.count - target).reversed()
            }
        }
        switch option {
        case .requeue:
            removeNodes(removed)
        case .terminate:
            removeNodes(removed, terminating: true)
        case .taskcompletion, .retaineddata:
            removeNodes(removed.filter { fleet.nodes[$0].runningTasks == 0 })
            for node in removed where !fleet.nodes[node].isRemoved {
                fleet.markLeaving(node)
                fleet.hideSlots(node)
                setNodeState(node, .leavingpool)
            }
        }
        for (isLowPriority, count) in additions {
            for _ in 0..<count { addNode(pool: pool, lowPriority: isLowPriority) }
        }
    }

    /// The pool's nodes of one priority that are in it and not leaving, by index.
    func activeNodes(pool: Int, lowPriority: Bool) -> [Int] {
        fleet.liveNodes(pool: pool, lowPriority: lowPriority).filter { !fleet.nodes[$0].isLeaving }
    }

    /// Removes the leaving nodes whose last task has just ended (billing stops).
    mutating func removeDrainedNodes() {
        guard !drainedNodes.isEmpty else { return }
        let drained = drainedNodes.map(Int.init).filter { !fleet.nodes[$0].isRemoved }
        drainedNodes.removeAll(keepingCapacity: true)
        removeNodes(drained)
    }

    /// A task of `job` completed with success or final failure (for `$SucceededTasks`/`$FailedTasks`).
    mutating func countCompletionForSamples(job: Int, succeeded: Bool) {
        let pool = clients.jobs[job].pool
        guard autoscale[pool].isSampled else { return }
        if succeeded {
            autoscale[pool].succeededSinceSample += 1
        } else {
            autoscale[pool].failedSinceSample += 1
        }
    }

    /// After the dispatch pass of a multiple of 30 s: one sample of every sampled variable for
    /// every sampled pool, whatever the account state; then the next tick.
    mutating func recordSamples() {
        let time = Double(scenario.startTime + now) / 1000
        for pool in autoscale.indices where autoscale[pool].isSampled {
            let tally = fleet.pools[pool].tally
            let (running, busySlots, usable) = (tally.runningTasks, tally.busyUsableSlots, tally.usable)
            let slots = usable * scenario.pools[pool].taskSlotsPerNode
            let preempted = tally.preempted
            let active = fleet.pools[pool].queue.count
            let values: [(SampledVariable, Double)] = [
                (.activeTasks, Double(active)), (.runningTasks, Double(running)),
                (.pendingTasks, Double(active + running)),
                (.succeededTasks, Double(autoscale[pool].succeededSinceSample)),
                (.failedTasks, Double(autoscale[pool].failedSinceSample)),
                (.cpuPercent, slots == 0 ? 0 : 100 * Double(busySlots) / Double(slots)),
                (.sampleNodeCount, Double(usable)), (.preemptedNodeCount, Double(preempted)),
            ]
            for (variable, value) in values {
                autoscale[pool].samples[variable, default: []].append(Sample(time: time, value: value))
            }
            autoscale[pool].succeededSinceSample = 0
            autoscale[pool].failedSinceSample = 0
        }
    }
}
