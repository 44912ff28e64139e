import AutoscaleFormula
import BatchModel
import ScenarioFormat
import SimulationKernel
import Testing

private let vault = """
    account:
      encryption: {keyIdentifier: https://kv1.vault.azure.net/keys/cmk/v1}
    keyVault:
      name: kv1
      accessPolicies: [{principal: account, keyPermissions: [get, wrapKey, unwrapKey]}]
      keys: [{name: cmk, versions: [v1]}]
    """

private func timeline(_ entries: String) throws -> [TimelineEntry] {
    try load(minimalScenario(extra: vault + "\ntimeline:\n" + entries)).scenario.timeline
}

@Suite struct TimelineTests {
    @Test func afterIsRelativeToThePreviousEntry() throws {
        let entries = try timeline(
            """
              - after: 10m
                action: deleteAccount
              - at: 2h
                action: disableKey
                key: cmk
              - after: 45m
                action: enableKey
                key: CMK
              - after: 0s
                action: allowNetworkAccess
              - at: 1h
                action: purgeVault
              - after: 1h30m
                action: recoverVault
            """)
        #expect(
            entries.map(\.time) == [
                10 * minute, 2 * hour, 2 * hour + 45 * minute, 2 * hour + 45 * minute,
                hour, 2 * hour + 30 * minute,
            ])
        #expect(entries[2].action == .enableKey(key: "cmk", version: nil))
        #expect(entries.map(\.line) == [20, 22, 25, 28, 30, 32])
    }

    @Test func everyActionDecodes() throws {
        let entries = try timeline(
            """
              - {at: 1m, action: disableKey, key: cmk, version: v1}
              - {at: 1m, action: enableKey, key: cmk}
              - {at: 1m, action: addKeyVersion, key: cmk, version: v2}
              - {at: 1m, action: addKeyVersion, key: cmk, version: {id: v3, enabled: false, expires: 3h}}
              - {at: 1m, action: setKeyExpiry, key: cmk, expires: 2h}
              - {at: 1m, action: setKeyExpiry, key: cmk, version: v1, expires: never}
              - {at: 1m, action: deleteKey, key: cmk}
              - {at: 1m, action: recoverKey, key: cmk}
              - {at: 1m, action: purgeKey, key: cmk}
              - {at: 1m, action: setAccessPolicy, keyPermissions: [get]}
              - {at: 1m, action: setAccessPolicy, principal: other, keyPermissions: [get, wrapkey]}
              - {at: 1m, action: removeAccessPolicy}
              - {at: 1m, action: assignRole}
              - {at: 1m, action: removeRoleAssignment, principal: p, role: Key Vault Crypto User}
              - {at: 1m, action: denyNetworkAccess}
              - {at: 1m, action: denyNetworkAccess, allowTrustedServices: false}
              - {at: 1m, action: allowNetworkAccess}
              - {at: 1m, action: deleteVault}
              - {at: 1m, action: recoverVault}
              - {at: 1m, action: purgeVault}
              - {at: 1m, action: setKeyIdentifier, keyIdentifier: "https://kv1.vault.azure.net/keys/cmk/v2"}
              - {at: 1m, action: useMicrosoftManagedKey}
              - {at: 1m, action: useCustomerManagedKey}
              - {at: 1m, action: useCustomerManagedKey, keyIdentifier: "https://kv1.vault.azure.net/keys/cmk"}
              - {at: 1m, action: deleteAccount}
              - {at: 1m, action: resizePool, pool: p1, dedicatedNodes: 5}
              - {at: 1m, action: resizePool, pool: p1, lowPriorityNodes: 0, dedicatedNodes: 1}
              - {at: 1m, action: preemptNodes, pool: P1}
              - {at: 1m, action: preemptNodes, pool: p1, count: 3}
              - {at: 1m, action: enableAutoScale, pool: p1, formula: "$TargetDedicatedNodes = 2;"}
              - {at: 1m, action: enableAutoScale, pool: p1, formula: "$TargetDedicatedNodes = 1;", evaluationInterval: 5m}
              - {at: 1m, action: disableAutoScale, pool: p1}
            """)
        let expected: [TimelineAction] = [
            .disableKey(key: "cmk", version: "v1"), .enableKey(key: "cmk", version: nil),
            .addKeyVersion(key: "cmk", version: KeyVersionConfig(id: "v2")),
            .addKeyVersion(key: "cmk", version: KeyVersionConfig(id: "v3", enabled: false, expires: 3 * hour)),
            .setKeyExpiry(key: "cmk", version: nil, expires: 2 * hour),
            .setKeyExpiry(key: "cmk", version: "v1", expires: nil),
            .deleteKey(key: "cmk"), .recoverKey(key: "cmk"), .purgeKey(key: "cmk"),
            .setAccessPolicy(principal: nil, keyPermissions: ["get"]),
            .setAccessPolicy(principal: "other", keyPermissions: ["get", "wrapKey"]),
            .removeAccessPolicy(principal: nil), .assignRole(principal: nil, role: nil),
            .removeRoleAssignment(principal: "p", role: "Key Vault Crypto User"),
            .denyNetworkAccess(allowTrustedServices: true), .denyNetworkAccess(allowTrustedServices: false),
            .allowNetworkAccess, .deleteVault, .recoverVault, .purgeVault,
            .setKeyIdentifier(KeyIdentifier("https://kv1.vault.azure.net/keys/cmk/v2")),
            .useMicrosoftManagedKey, .useCustomerManagedKey(nil),
            .useCustomerManagedKey(KeyIdentifier("https://kv1.vault.azure.net/keys/cmk")),
            .deleteAccount, .resizePool(pool: 0, dedicatedNodes: 5, lowPriorityNodes: nil),
            .resizePool(pool: 0, dedicatedNodes: 1, lowPriorityNodes: 0),
            .preemptNodes(pool: 0, count: nil), .preemptNodes(pool: 0, count: 3),
            .enableAutoScale(
                pool: 0, autoScale: PoolConfig.AutoScale(formula: try Formula.load("$TargetDedicatedNodes = 2;"))),
            .enableAutoScale(
                pool: 0,
                autoScale: PoolConfig.AutoScale(
                    formula: try Formula.load("$TargetDedicatedNodes = 1;"), evaluationInterval: 5 * minute)),
            .disableAutoScale(pool: 0),
        ]
        #expect(entries.map(\.action) == expected)
        #expect(Set(expected.map(\.name)).count == TimelineAction.allNames.count - 1)  // all but submitTasks
    }

    @Test func submitTasksInheritsFromItsJob() throws {
        let yaml = minimalScenario(
            taskExtra: """
                      requiredSlots: 2
                      maxTaskRetryCount: 4
                      failureProbability: 0.1
                      checkpointEvery: 1m
                      arrival: {every: 1s}
                """,
            extra: """
                timeline:
                  - at: 1h
                    action: submitTasks
                    job: j1
                  - at: 2h
                    action: submitTasks
                    job: j1
                    tasks: {count: 5, arrival: {every: 2s, from: 10s}, duration: 30s, checkpointEvery: none}
                  - at: 3h
                    action: submitTasks
                    job: j1
                    tasks: {requiredSlots: 1, failureProbability: 0}
                """)
        let scenario = try load(yaml).scenario
        let blocks: [TaskBlock] = scenario.timeline.compactMap {
            if case .submitTasks(job: 0, let block) = $0.action { return block }
            return nil
        }
        #expect(
            blocks == [
                TaskBlock(
                    count: 1, arrival: .at(0), duration: .fixed(10 * minute), requiredSlots: 2,
                    maxTaskRetryCount: 4, failureProbability: 0.1, checkpointEvery: minute),
                TaskBlock(
                    count: 5, arrival: .every(2000, from: 10_000), duration: .fixed(30_000), requiredSlots: 2,
                    maxTaskRetryCount: 4, failureProbability: 0.1, checkpointEvery: nil),
                TaskBlock(
                    count: 1, arrival: .at(0), duration: .fixed(10 * minute), requiredSlots: 1,
                    maxTaskRetryCount: 4, failureProbability: 0, checkpointEvery: minute),
            ])
        #expect(scenario.definedTaskCount == 3 + 1 + 5 + 1)
    }

    @Test func actionErrorsAreReportedWithSuggestions() {
        let found = errors(
            minimalScenario(
                extra: vault + """

                    timeline:
                      - at: 1h
                        action: disableKye
                      - at: 1h
                        action: disableKey
                        key: cmx
                      - at: 1h
                        action: resizePool
                        pool: p2
                        dedicatedNodes: 3
                      - at: 1h
                        action: deleteVault
                        key: cmk
                      - at: 1h
                        action: submitTasks
                        job: j2
                    """))
        #expect(
            found.map(\.message) == [
                "action: expected one of 'disableKey', 'enableKey', 'addKeyVersion', 'setKeyExpiry', 'deleteKey', "
                    + "'recoverKey', 'purgeKey', 'setAccessPolicy', 'removeAccessPolicy', 'assignRole', "
                    + "'removeRoleAssignment', 'denyNetworkAccess', 'allowNetworkAccess', 'deleteVault', 'recoverVault', "
                    + "'purgeVault', 'setKeyIdentifier', 'useMicrosoftManagedKey', 'useCustomerManagedKey', "
                    + "'deleteAccount', 'resizePool', 'submitTasks', 'preemptNodes', 'enableAutoScale', 'disableAutoScale', "
                    + "found 'disableKye'; "
                    + "did you mean 'disableKey'?",
                "key: expected a declared key ('cmk'), found 'cmx'; did you mean 'cmk'?",
                "pool: expected a declared pool ('p1'), found 'p2'; did you mean 'p1'?",
                "unknown field 'key' in timeline[3] (deleteVault); expected one of: at, after, action",
                "job: expected a declared job ('j1'), found 'j2'; did you mean 'j1'?",
            ])
        #expect(found.map { $0.location?.line ?? 0 } == [21, 24, 27, 31, 34])
    }
}
