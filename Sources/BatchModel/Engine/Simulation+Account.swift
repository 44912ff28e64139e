import SimulationKernel

extension Simulation {
    /// Phase 3: the account reacts to its key (SPEC §2 "Account states", rules 5 and 6).
    ///
    /// Runs at most once per instant, after every vault change of that instant, so that
    /// changes within one instant are judged together.
    mutating func accountStep() {
        guard account.lastStep != now else { return }
        account.lastStep = now
        guard account.state != .deleted, account.state != .unrecoverable else { return }
        if vault.accountKeyPurged(account.config) {
            transition(to: .unrecoverable, reason: .keyMissing)
            return
        }
        let problem = vault.accessProblem(for: account.config, at: now)
        // Each pass makes at most one transition; a zero recovery delay needs two.
        for _ in 0..<4 {
            switch account.state {
            case .accessible:
                guard let problem else {
                    account.lossStart = nil
                    return
                }
                let start = account.lossStart ?? now
                account.lossStart = start
                guard now - start >= account.config.detectionDelay else {
                    scheduleAccountStep(at: start + account.config.detectionDelay)
                    return
                }
                transition(to: .keyInaccessible, reason: problem)
            case .keyInaccessible:
                guard problem == nil else { return }
                var stream = random(.recovery, UInt64(account.outages))
                account.recoveryEndsAt = now + account.config.recoveryDelay.sample(&stream)
                transition(to: .recovering, reason: nil)
            case .recovering:
                if let problem {
                    transition(to: .keyInaccessible, reason: problem)
                    return
                }
                guard now >= account.recoveryEndsAt else {
                    scheduleAccountStep(at: account.recoveryEndsAt)
                    return
                }
                account.lossStart = nil
                transition(to: .accessible, reason: nil)
                return
            case .unrecoverable, .deleted:
                return
            }
        }
    }

    /// Moves the account to `state` and applies what that means for nodes and tasks (phase 4).
    mutating func transition(to state: AccountState, reason: AccessProblem?) {
        guard let previous = account.enter(state, at: now) else { return }
        emit(
            .account,
            0,
            .stateChanged,
            from: previous.rawValue,
            to: state.rawValue,
            detail: reason.map { Int64($0.rawValue) } ?? -1
        )
        switch state {
        case .deleted:
            removeAllNodes()
        case .keyInaccessible, .unrecoverable, .accessible:
            // The nodes react in phase 4, after the instant's preemptions (SPEC §6).
            schedule(.nodeReaction, at: now)
        case .recovering:
            break
        }
    }

    /// Every node goes `unusable` and every running task is requeued (SPEC §2 "Nodes and tasks
    /// during an outage").
    mutating func makeNodesUnusable() {
        fleet.heldByOutage = true
        for node in fleet.nodes.indices where !fleet.nodes[node].isRemoved && fleet.nodes[node].state != .preempted {
            setNodeState(node, .unusable)
        }
        fleet.hideAllSlots()
        requeueRunningTasks { _ in true }
    }

    /// Every unusable node returns to the state its allocation has reached by now (rule 11).
    mutating func returnUnusableNodes() {
        fleet.heldByOutage = false
        var returning: [Int] = []
        for node in fleet.nodes.indices where !fleet.nodes[node].isRemoved && fleet.nodes[node].state == .unusable {
            setNodeState(node, fleet.nodes[node].allocationState)
            if fleet.nodes[node].allocationState == .idle { returning.append(node) }
        }
        fleet.publishSlots(ofNodes: returning)
    }

    /// Asks for the account to look at its key in this instant's phase 3.
    mutating func requestAccountStep() {
        scheduleAccountStep(at: now)
    }

    mutating func scheduleAccountStep(at time: SimTime) {
        guard account.lastScheduledStep != time else { return }
        account.lastScheduledStep = time
        schedule(.accountStep, at: time)
    }
}
