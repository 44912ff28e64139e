import BatchModel
import ScenarioFormat
import Testing

@Suite struct WarningsTests {
    private func warnings(_ extra: String, pool: String = "", taskExtra: String = "") throws -> [String] {
        try load(minimalScenario(pool: pool, taskExtra: taskExtra, extra: extra)).warnings.map(\.message)
    }

    @Test func vaultSettingsAzureRejects() throws {
        let found = try warnings(
            """
            keyVault:
              name: 1kv
              softDelete: false
              purgeProtection: false
              retentionDays: 120
              keys: [{name: k, type: EC, size: 256}]
            """)
        #expect(found.count == 5, "\(found)")
        #expect(found.contains { $0.contains("vault name '1kv' is malformed") })
        #expect(found.contains { $0.contains("soft delete is off") })
        #expect(found.contains { $0.contains("purge protection is off") })
        #expect(found.contains { $0.contains("retentionDays 120 is outside 7-90") })
        #expect(found.contains { $0.contains("key 'k' is EC 256") })
    }

    @Test func identifierProblems() throws {
        let vault = """
            keyVault:
              name: kv1
              accessPolicies: [{keyPermissions: [get, wrapKey, unwrapKey]}]
              keys: [{name: k, versions: [v1]}]
            """
        #expect(
            try warnings("account: {encryption: {keyIdentifier: not-a-url}}\n" + vault)
                == [
                    "keyIdentifier 'not-a-url' is malformed: expected https://{vault}.vault.azure.net/keys/{key}[/{version}]"
                ])
        #expect(
            try warnings("account: {encryption: {keyIdentifier: 'https://other.vault.azure.net/keys/k'}}\n" + vault)
                .first?.contains("names vault 'other', which is not declared") == true)
        #expect(
            try warnings("account: {encryption: {keyIdentifier: 'https://kv1.vault.azure.net/keys/x'}}\n" + vault)
                .first?.contains("names key 'x', which vault 'kv1' does not declare") == true)
        #expect(
            try warnings("account: {encryption: {keyIdentifier: 'https://kv1.vault.azure.net/keys/k/v9'}}\n" + vault)
                .first?.contains("names version 'v9'") == true)
        #expect(
            try warnings("account: {encryption: {keyIdentifier: 'https://KV1.vault.azure.net/keys/K/V1'}}\n" + vault)
                .isEmpty)
        let action =
            "timeline: [{at: 1h, action: setKeyIdentifier, keyIdentifier: 'https://kv1.vault.azure.net/keys/y'}]"
        #expect(try warnings(vault + "\n" + action).first?.contains("names key 'y'") == true)
    }

    @Test func accountWithoutAccess() throws {
        let none = try warnings(
            """
            account: {identity: None, encryption: {keyIdentifier: 'https://kv1.vault.azure.net/keys/k'}}
            keyVault: {name: kv1, accessPolicies: [{keyPermissions: [get]}], keys: [{name: k}]}
            """)
        #expect(none.contains { $0.contains("identity None") })
        #expect(none.contains { $0.contains("lacks key permission(s) wrapkey, unwrapkey") })
        let rbac = try warnings(
            """
            account: {encryption: {keyIdentifier: 'https://kv1.vault.azure.net/keys/k'}}
            keyVault:
              name: kv1
              permissionModel: rbac
              roleAssignments: [{role: Reader}]
              keys: [{name: k}]
            """)
        #expect(rbac.count == 1 && rbac[0].contains("has no role assignment granting get, wrapKey and unwrapKey"))
        let granted = try warnings(
            """
            account: {encryption: {keyIdentifier: 'https://kv1.vault.azure.net/keys/k'}}
            keyVault:
              name: kv1
              permissionModel: rbac
              roleAssignments: [{role: key vault crypto service encryption user}]
              keys: [{name: k}]
            """)
        #expect(granted.isEmpty)
        let noIdentifier = try warnings("account: {encryption: {keySource: Microsoft.KeyVault}}")
        #expect(noIdentifier.first?.contains("there is no keyIdentifier") == true)
    }

    @Test func tasksNeedingMoreSlotsThanNodesHave() throws {
        let found = try load(minimalScenario(taskExtra: "      requiredSlots: 3")).warnings
        #expect(
            found.map(\.message) == [
                "job 'j1' has tasks needing 3 slots but pool 'p1' has 1 per node: they will never run"
            ])
        #expect(found.first?.location?.line == 12)
        #expect(found.first?.description.hasPrefix("<inline>:12:22: warning: ") == true)
    }
}
