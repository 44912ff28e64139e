import BatchModel
import ScenarioFormat
import SimulationKernel
import Testing

@Suite struct DefaultsTests {
    @Test func minimalScenarioGetsEveryDefault() throws {
        let loaded = try load(minimalScenario())
        let scenario = loaded.scenario
        #expect(scenario.description == nil)
        #expect(scenario.seed == 0)
        #expect(scenario.horizon == nil)
        #expect(scenario.account == AccountConfig())
        #expect(scenario.account.name == "account")
        #expect(scenario.account.keySource == .microsoftBatch)
        #expect(scenario.account.identity == .systemAssigned)
        #expect(scenario.account.recoveryDelay == .fixed(10 * minute))
        #expect(scenario.keyVault == nil)
        #expect(scenario.timeline.isEmpty)
        #expect(loaded.expectations.isEmpty)
        #expect(loaded.warnings.isEmpty)
        let pool = scenario.pools[0]
        #expect(pool == PoolConfig(id: "p1", dedicatedNodes: 2))
        #expect(pool.lowPriorityNodes == 0 && pool.taskSlotsPerNode == 1 && pool.nodeFillType == .spread)
        #expect(pool.allocationDelay == .fixed(0) && pool.startTask == nil)
        #expect(pool.pricePerNodeHour == PoolConfig.Price(dedicated: 0, lowPriority: 0))
        let job = scenario.jobs[0]
        #expect(job == JobConfig(id: "j1", pool: 0, tasks: TaskBlock(count: 3, duration: .fixed(10 * minute))))
        #expect(job.priority == 0 && job.client == .drop)
        #expect(job.tasks.arrival == .at(0) && job.tasks.requiredSlots == 1 && job.tasks.maxTaskRetryCount == 0)
        #expect(job.tasks.failureProbability == 0 && job.tasks.checkpointEvery == nil)
    }

    @Test func accountAndVaultDefaults() throws {
        let yaml = minimalScenario(
            extra: """
                account:
                  principal: batch-identity
                  encryption:
                    keyIdentifier: https://kv1.vault.azure.net/keys/k1
                keyVault:
                  name: kv1
                  accessPolicies:
                    - keyPermissions: [get, wrapKey, unwrapKey]
                  roleAssignments:
                    - role: Key Vault Crypto User
                  keys:
                    - name: k1
                      versions: [v1, {id: v2, enabled: false, expires: 2h, notBefore: 1h}]
                      rotationPolicy: {rotateEvery: 90d}
                """)
        let loaded = try load(yaml)
        let account = loaded.scenario.account
        #expect(account.name == "account" && account.principal == "batch-identity")
        #expect(account.keySource == .microsoftKeyVault)
        #expect(account.keyIdentifier?.isVersionless == true)
        let vault = try #require(loaded.scenario.keyVault)
        #expect(vault.permissionModel == .accessPolicy && vault.softDelete && vault.purgeProtection)
        #expect(vault.retentionDays == 90)
        #expect(
            vault.accessPolicies == [
                AccessPolicy(principal: "batch-identity", keyPermissions: ["get", "wrapKey", "unwrapKey"])
            ])
        #expect(vault.roleAssignments == [RoleAssignment(principal: "batch-identity", role: "Key Vault Crypto User")])
        let key = vault.keys[0]
        #expect(key.type == "RSA" && key.size == 2048)
        #expect(key.rotateEvery == 90 * SimTime.millisecondsPerDay)
        #expect(
            key.versions == [
                KeyVersionConfig(id: "v1"),
                KeyVersionConfig(id: "v2", enabled: false, expires: 2 * hour, notBefore: hour),
            ])
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
    }

    @Test func explicitKeySourceWins() throws {
        let yaml = minimalScenario(
            extra: """
                account:
                  identity: userassigned
                  encryption: {keySource: Microsoft.Batch, keyIdentifier: https://kv1.vault.azure.net/keys/k1}
                  detectionDelay: 30s
                  recoveryDelay: {uniform: [0s, 10m]}
                  expiredKeyBlocksAccess: true
                """)
        let account = try load(yaml).scenario.account
        #expect(account.keySource == .microsoftBatch)
        #expect(account.identity == .userAssigned)
        #expect(account.detectionDelay == 30_000)
        #expect(account.recoveryDelay == .uniform(low: 0, high: 600_000))
        #expect(account.expiredKeyBlocksAccess)
    }

    @Test func poolAndTaskSettings() throws {
        let yaml = minimalScenario(
            pool: """
                    lowPriorityNodes: 3
                    taskSlotsPerNode: 8
                    nodeFillType: pack
                    startTask: {duration: {exponential: {mean: 1m}}, waitForSuccess: false}
                    pricePerNodeHour: 0.5
                """,
            taskExtra: """
                      requiredSlots: 2
                      maxTaskRetryCount: 2
                      failureProbability: 0.25
                      checkpointEvery: 5m
                      arrival: {every: 10s, from: 1m}
                    client: {onRejected: drop}
                    priority: -1000
                """)
        let scenario = try load(yaml).scenario
        let pool = scenario.pools[0]
        #expect(pool.lowPriorityNodes == 3 && pool.taskSlotsPerNode == 8 && pool.nodeFillType == .pack)
        #expect(pool.startTask == PoolConfig.StartTask(duration: .exponential(mean: 60_000), waitForSuccess: false))
        #expect(pool.pricePerNodeHour == PoolConfig.Price(dedicated: 0.5, lowPriority: 0.5))
        let job = scenario.jobs[0]
        #expect(job.priority == -1000 && job.client == .drop)
        #expect(
            job.tasks
                == TaskBlock(
                    count: 3, arrival: .every(10_000, from: 60_000), duration: .fixed(10 * minute), requiredSlots: 2,
                    maxTaskRetryCount: 2, failureProbability: 0.25, checkpointEvery: 5 * minute))
    }

    @Test func arrivalForms() throws {
        func arrival(_ text: String) throws -> ArrivalPattern {
            try load(minimalScenario(taskExtra: "      arrival: \(text)")).scenario.jobs[0].tasks.arrival
        }
        #expect(try arrival("{at: 2h}") == .at(2 * hour))
        #expect(try arrival("{every: 5s}") == .every(5000, from: 0))
        #expect(try arrival("{poisson: {perHour: 600}}") == .poisson(perHour: 600))
    }

    @Test func nullOptionalFieldsCountAsAbsent() throws {
        let yaml = minimalScenario(pool: "    vmSize:\n    allocationDelay: ~", extra: "description: null")
        let scenario = try load(yaml).scenario
        #expect(scenario.description == nil && scenario.pools[0].vmSize == nil)
    }

    @Test func mergeKeysShareSettings() throws {
        let yaml = """
            name: merged
            pools:
              - &base {id: a, dedicatedNodes: 2, taskSlotsPerNode: 4}
              - <<: *base
                id: b
            jobs:
              - {id: j, pool: b, tasks: {count: 1, duration: 1m}}
            """
        let pools = try load(yaml).scenario.pools
        #expect(pools.map(\.id) == ["a", "b"])
        #expect(pools[1].taskSlotsPerNode == 4 && pools[1].dedicatedNodes == 2)
    }
}
