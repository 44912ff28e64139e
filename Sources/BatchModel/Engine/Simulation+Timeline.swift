import SimulationKernel

extension Simulation {
    /// Phase 2: one timeline action, in file order.
    mutating func perform(entry index: Int) {
        timelineRemaining -= 1
        let action = scenario.timeline[index].action
        if action.isControlPlane {
            performControlPlane(action, entry: index)
        } else if case .submitTasks = action {
            // Submissions themselves happen in phase 5 and see the account after it reacts (rule 5).
            emit(.job, jobOf(action), .actionApplied, detail: Int64(index))
            startStream(block: submitBlockOfEntry[index])
        } else if case .preemptNodes(let pool, _) = action {
            // Not a control-plane operation: allowed while the account is unavailable. The nodes
            // are chosen and preempted in phase 4, before they react to the account (SPEC §6).
            emit(.pool, pool, .actionApplied, detail: Int64(index))
            schedule(.preemptNodes(entry: Int32(index: index)), at: now)
        } else {
            performVaultAction(action, entry: index)
        }
    }

    private func jobOf(_ action: TimelineAction) -> Int {
        if case .submitTasks(let job, _) = action { return job }
        return 0
    }

    /// Batch control-plane operations: rejected unless the account is accessible, except
    /// `deleteAccount`, which only a deleted account refuses (SPEC §2, rules 5, 17, 18).
    private mutating func performControlPlane(_ action: TimelineAction, entry index: Int) {
        let allowed = action == .deleteAccount ? account.state != .deleted : account.isAvailable
        guard allowed else {
            account.rejectedOperations += 1
            emit(.account, 0, .operationRejected, detail: Int64(index))
            return
        }
        switch action {
        case .setKeyIdentifier(let identifier):
            account.config.keyIdentifier = identifier
            account.config.keySource = .microsoftKeyVault
            emit(.account, 0, .actionApplied, detail: Int64(index))
            requestAccountStep()
        case .useMicrosoftManagedKey:
            account.config.keySource = .microsoftBatch
            emit(.account, 0, .actionApplied, detail: Int64(index))
            requestAccountStep()
        case .useCustomerManagedKey(let identifier):
            if let identifier { account.config.keyIdentifier = identifier }
            account.config.keySource = .microsoftKeyVault
            emit(.account, 0, .actionApplied, detail: Int64(index))
            requestAccountStep()
        case .deleteAccount:
            emit(.account, 0, .actionApplied, detail: Int64(index))
            transition(to: .deleted, reason: nil)
        case .resizePool(let pool, let dedicated, let lowPriority):
            // Azure refuses a resize of a pool whose autoscale is enabled (SPEC §7 rule 26).
            guard !isAutoscaling(pool) else {
                account.rejectedOperations += 1
                emit(.account, 0, .operationRejected, detail: Int64(index))
                return
            }
            emit(.pool, pool, .actionApplied, detail: Int64(index))
            resize(pool: pool, dedicated: dedicated, lowPriority: lowPriority)
        case .enableAutoScale(let pool, let settings):
            emit(.pool, pool, .actionApplied, detail: Int64(index))
            enableAutoScale(pool: pool, settings)
        case .disableAutoScale(let pool):
            emit(.pool, pool, .actionApplied, detail: Int64(index))
            disableAutoScale(pool: pool)
        default:
            break
        }
    }

    /// Sets a pool's targets (SPEC §2 rule 17): growth adds nodes after the highest index ever
    /// used; shrinking removes the highest indices first within each priority, at once.
    private mutating func resize(pool: Int, dedicated: Int?, lowPriority: Int?) {
        var removed: [Int] = []
        for (isLowPriority, target) in [(false, dedicated), (true, lowPriority)] {
            guard let target else { continue }
            // Nodes leaving after an autoscale shrink no longer count (SPEC §7 rule 26).
            let live = activeNodes(pool: pool, lowPriority: isLowPriority)
            if target > live.count {
                for _ in live.count..<target { addNode(pool: pool, lowPriority: isLowPriority) }
            } else if target < live.count {
                removed += live.suffix(live.count - target).reversed()
            }
        }
        removeNodes(removed)
    }
}
