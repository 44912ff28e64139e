import SimulationKernel

extension Simulation {
    /// Phase 3: the account reacts to its key (SPEC §2 "Account states", rules 5 and 6).
    ///
    /// Runs at most once per instant, after every vault change of that instant, so that
    /// changes within one instant are judged together.
    mutating func accountStep() {
        guard lastAccountStep != now else { return }
        lastAccountStep = now
        guard accountState != .deleted, accountState != .unrecoverable else { return }
        if vault.accountKeyPurged(account) {
            transition(to: .unrecoverable, reason: .keyMissing)
            return
        }
        let problem = vault.accessProblem(for: account, at: now)
        // Each pass makes at most one transition; a zero recovery delay needs two.
        for _ in 0..<4 {
            switch accountState {
            case .accessible:
                guard let problem else {
                    lossStart = nil
                    return
                }
                let start = lossStart ?? now
                lossStart = start
                guard now - start >= account.detectionDelay else {
                    scheduleAccountStep(at: start + account.detectionDelay)
                    return
                }
                transition(to: .keyInaccessible, reason: problem)
            case .keyInaccessible:
                guard problem == nil else { return }
                var stream = random(Purpose.recovery, UInt64(outages))
                recoveryEndsAt = now + account.recoveryDelay.sample(&stream)
                transition(to: .recovering, reason: nil)
            case .recovering:
                if let problem {
                    transition(to: .keyInaccessible, reason: problem)
                    return
                }
                guard now >= recoveryEndsAt else {
                    scheduleAccountStep(at: recoveryEndsAt)
                    return
                }
                lossStart = nil
                transition(to: .accessible, reason: nil)
                return
            case .unrecoverable, .deleted:
                return
            }
        }
    }

    /// Moves the account to `state` and applies what that means for nodes and tasks (phase 4).
    mutating func transition(to state: AccountState, reason: AccessProblem?) {
        let previous = accountState
        guard previous != state else { return }
        timeInAccountState[Int(previous.rawValue)] += now - accountStateSince
        accountState = state
        accountStateSince = now
        emit(
            .account,
            0,
            .stateChanged,
            from: previous.rawValue,
            to: state.rawValue,
            detail: reason.map { Int64($0.rawValue) } ?? -1
        )
        switch state {
        case .keyInaccessible:
            outages += 1
            if previous == .accessible { makeNodesUnusable() }
        case .unrecoverable:
            if previous == .accessible { makeNodesUnusable() }
        case .accessible:
            returnUnusableNodes()
        case .deleted:
            removeAllNodes()
        case .recovering:
            break
        }
    }

    /// Every node goes `unusable` and every running task is requeued (SPEC §2 "Nodes and tasks
    /// during an outage").
    mutating func makeNodesUnusable() {
        for node in nodes.indices where !nodes[node].isRemoved {
            setNodeState(node, .unusable)
        }
        for pool in pools.indices { pools[pool].slots.clear() }
        requeueRunningTasks { _ in true }
    }

    /// Every unusable node returns to the state its allocation has reached by now (rule 11).
    mutating func returnUnusableNodes() {
        for node in nodes.indices where !nodes[node].isRemoved && nodes[node].state == .unusable {
            setNodeState(node, nodes[node].allocationState)
            if nodes[node].allocationState == .idle { publishSlots(node) }
        }
    }

    /// Whether control-plane operations are accepted right now.
    var accountIsAvailable: Bool { accountState == .accessible }
}
