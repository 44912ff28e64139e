internal import BatchModel
internal import SimulationKernel

/// Warnings (SPEC §3): configurations Azure rejects or discourages, which still run because what-ifs may
/// explore them: malformed or dangling key identifiers, CMK without an identity, a principal without
/// `get`/`wrapKey`/`unwrapKey` at t = 0, tasks needing more slots than their pool's nodes have; and pool
/// settings that would surprise (SPEC §6): preemption on a pool that never has low-priority nodes, a start
/// task whose failures do not matter (`waitForSuccess: false`) or that always fails.
struct ScenarioWarnings {
    let log: DiagnosticLog

    func check(
        _ scenario: Scenario, anchors: WarningAnchors, jobBlocks: [(job: Int, tasks: TaskBlockDecoder.Result)],
        timelineIdentifiers: [(KeyIdentifier, SourceLocation)]
    ) {
        let account = scenario.account
        let place = anchors.account
        if let identifier = account.keyIdentifier {
            self.identifier(
                identifier, at: anchors.keyIdentifier ?? place, vault: scenario.keyVault, checkVersion: true)
        }
        if account.keySource == .microsoftKeyVault {
            if account.keyIdentifier == nil {
                log.warning(
                    "keySource is Microsoft.KeyVault but there is no keyIdentifier: the key is inaccessible "
                        + "from t = 0", at: anchors.keySource ?? place)
            }
            if account.identity == .none {
                log.warning(
                    "the account uses a customer-managed key but has identity None: the key is "
                        + "inaccessible from t = 0", at: anchors.identity ?? place)
            }
            if let vault = scenario.keyVault, account.keyIdentifier?.vault == vault.name.lowercased() {
                permissions(account, vault, at: anchors.keyVault)
            }
        }
        for (identifier, location) in timelineIdentifiers {
            self.identifier(identifier, at: location, vault: scenario.keyVault, checkVersion: false)
        }
        for (job, result) in jobBlocks where job < scenario.jobs.count {
            let jobConfig = scenario.jobs[job]
            guard jobConfig.pool < scenario.pools.count else { continue }
            let pool = scenario.pools[jobConfig.pool]
            var needed = result.block.requiredSlots
            if case .trace(let rows) = result.block.arrival {
                needed = rows.reduce(rows.contains { $0.requiredSlots == nil } ? needed : 0) {
                    max($0, $1.requiredSlots ?? 0)
                }
            }
            if needed > pool.taskSlotsPerNode {
                log.warning(
                    "job '\(jobConfig.id)' has tasks needing \(needed) slots but pool '\(pool.id)' has "
                        + "\(pool.taskSlotsPerNode) per node: they will never run", at: result.slotsLocation)
            }
        }
        for index in scenario.pools.indices {
            poolSettings(index, scenario)
        }
    }

    /// The earliest time pool `pool` may have low-priority nodes: 0 when it starts with some, else the
    /// time of the first `resizePool` asking for some (accepted or not), else nil: it never has any.
    /// An autoscale pool may have some from its first evaluation (t = 0, or its first `enableAutoScale`).
    static func firstLowPriorityTime(pool: Int, in scenario: Scenario) -> SimTime? {
        if scenario.pools[pool].lowPriorityNodes > 0 || scenario.pools[pool].autoScale != nil { return 0 }
        return scenario.timeline.compactMap { entry -> SimTime? in
            switch entry.action {
            case .resizePool(pool, _, let low?) where low > 0: entry.time
            case .enableAutoScale(pool, _): entry.time
            default: nil
            }
        }.min()
    }

    /// Preemption that cannot happen, and start-task failures that do not matter or always happen (SPEC §6).
    private func poolSettings(_ index: Int, _ scenario: Scenario) {
        let pool = scenario.pools[index]
        if pool.preemption != PoolConfig.Preemption(), Self.firstLowPriorityTime(pool: index, in: scenario) == nil {
            log.warning(
                "preemption has no effect: pool '\(pool.id)' has no low-priority nodes (lowPriorityNodes is 0 "
                    + "and no resizePool adds any); only low-priority nodes are preempted",
                at: log.place(of: "pools[\(index)].preemption"))
        }
        guard let start = pool.startTask, start.failureProbability > 0 else { return }
        let place = log.place(of: "pools[\(index)].startTask.failureProbability")
        if !start.waitForSuccess {
            log.warning(
                "the start task of pool '\(pool.id)' fails with probability "
                    + "\(WorkloadLimits.shown(start.failureProbability)) but waitForSuccess is false: as in Azure, "
                    + "its nodes take tasks whether it fails or not", at: place)
        } else if start.failureProbability >= 1 {
            log.warning(
                "the start task of pool '\(pool.id)' always fails (failureProbability 1) and waitForSuccess is "
                    + "true: every node ends starttaskfailed and takes no tasks", at: place)
        }
    }

    /// Malformed identifiers, and identifiers naming an undeclared vault, key or (optionally) version.
    func identifier(
        _ identifier: KeyIdentifier, at location: SourceLocation?, vault: KeyVaultConfig?, checkVersion: Bool
    ) {
        guard let vaultName = identifier.vault, let keyName = identifier.key else {
            log.warning(
                "keyIdentifier '\(identifier.raw)' is malformed: expected "
                    + "https://{vault}.vault.azure.net/keys/{key}[/{version}]", at: location)
            return
        }
        guard let vault, vault.name.lowercased() == vaultName else {
            log.warning(
                "keyIdentifier names vault '\(vaultName)', which is not declared under keyVault: the key is "
                    + "inaccessible", at: location)
            return
        }
        guard let key = vault.keys.first(where: { $0.name.lowercased() == keyName }) else {
            log.warning(
                "keyIdentifier names key '\(keyName)', which vault '\(vault.name)' does not declare", at: location)
            return
        }
        if checkVersion, let version = identifier.version,
            !key.versions.contains(where: { $0.id.lowercased() == version })
        {
            log.warning(
                "keyIdentifier names version '\(version)', which key '\(key.name)' does not list at t = 0",
                at: location)
        }
    }

    private func permissions(_ account: AccountConfig, _ vault: KeyVaultConfig, at location: SourceLocation?) {
        let principal = account.principal.lowercased()
        switch vault.permissionModel {
        case .accessPolicy:
            let granted = Set(
                vault.accessPolicies.filter { $0.principal.lowercased() == principal }
                    .flatMap { $0.keyPermissions.map { $0.lowercased() } })
            let missing = AccessPolicy.requiredPermissions.filter { !granted.contains($0) }
            if !missing.isEmpty {
                log.warning(
                    "principal '\(account.principal)' lacks key permission(s) \(missing.joined(separator: ", ")) "
                        + "in the vault's access policies at t = 0: the key is inaccessible", at: location)
            }
        case .rbac:
            let granted = vault.roleAssignments.contains {
                $0.principal.lowercased() == principal && RoleAssignment.keyUsingRoles.contains($0.role.lowercased())
            }
            if !granted {
                log.warning(
                    "principal '\(account.principal)' has no role assignment granting get, wrapKey and "
                        + "unwrapKey at t = 0 (e.g. '\(RoleAssignment.defaultRole)'): the key is inaccessible",
                    at: location)
            }
        }
    }
}
