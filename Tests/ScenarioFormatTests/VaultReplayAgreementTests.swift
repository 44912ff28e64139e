import BatchModel
import ScenarioFormat
import Testing

/// The loader's "has no effect" warnings replay the timeline through the engine's own Key Vault
/// state machine, so they agree with what the engine does: every action the engine rejects is
/// warned about, and the other warnings are actions the engine accepts without changing anything.
struct VaultReplayAgreementTests {
    static let yaml = minimalScenario(
        extra: """
            account:
              encryption: {keyIdentifier: https://kv1.vault.azure.net/keys/cmk/v1}
            keyVault:
              name: kv1
              retentionDays: 7
              accessPolicies: [{principal: account, keyPermissions: [get, wrapKey, unwrapKey]}]
              keys: [{name: cmk, versions: [v1]}]
            timeline:
              - {at: 10m, action: enableKey, key: cmk}
              - {at: 20m, action: recoverKey, key: cmk}
              - {at: 1h, action: deleteKey, key: cmk}
              - {at: 2h, action: purgeKey, key: cmk}
              - {at: 7d1h, action: recoverKey, key: cmk}
              - {at: 7d2h, action: deleteKey, key: cmk}
              - {at: 14d2h1s, action: recoverKey, key: cmk}
              - {at: 14d3h, action: denyNetworkAccess}
              - {at: 14d3h, action: denyNetworkAccess}
              - {at: 14d4h, action: removeAccessPolicy, principal: nobody}
            """)

    @Test func theEngineRejectsExactlyTheWarnedActionsThatAreNotMereNoOps() throws {
        let loaded = try load(Self.yaml)
        let timeline = loaded.scenario.timeline
        let warned = Set(
            loaded.warnings.compactMap { warning in
                timeline.firstIndex { $0.line == warning.location?.line }
            })
        let recorder = EventRecorder()
        _ = Simulation.run(loaded.scenario, sink: recorder)
        let rejected = Set(recorder.events.filter { $0.name == .actionRejected }.map { Int($0.detail) })
        let applied = Set(recorder.events.filter { $0.name == .actionApplied }.map { Int($0.detail) })

        #expect(rejected == [1, 3, 6, 9])
        #expect(applied == [0, 2, 4, 5, 7, 8])
        #expect(warned == rejected.union([0, 8]), "enableKey of an enabled version, the same firewall rule again")
        #expect(
            loaded.warnings.map(\.message) == [
                "enableKey at 10m has no effect: version 'v1' of key 'cmk' is already enabled then",
                "recoverKey at 20m has no effect: key 'cmk' is not deleted then",
                "purgeKey at 2h has no effect: purge protection is on, so Key Vault rejects the purge",
                "recoverKey at 14d2h1s has no effect: key 'cmk' is purged by then",
                "denyNetworkAccess at 14d3h has no effect: the same firewall rule is already in place",
                "removeAccessPolicy at 14d4h has no effect: principal 'nobody' has no access policy",
            ])
    }

    @Test func aRetentionPurgeAtTheVeryInstantOfAnActionComesAfterIt() throws {
        // Retention 0: the purge falls due at the deletion's own instant, after its actions.
        let loaded = try load(
            minimalScenario(
                extra: """
                    keyVault:
                      name: kv1
                      retentionDays: 0
                      keys: [{name: cmk, versions: [v1]}]
                    timeline:
                      - {at: 1h, action: deleteKey, key: cmk}
                      - {at: 1h, action: recoverKey, key: cmk}
                      - {at: 2h, action: deleteKey, key: cmk}
                      - {at: 2h1s, action: recoverKey, key: cmk}
                    """))
        let recorder = EventRecorder()
        _ = Simulation.run(loaded.scenario, sink: recorder)
        #expect(recorder.events.filter { $0.name == .actionRejected }.map(\.detail) == [3])
        #expect(
            loaded.warnings.map(\.message).filter { $0.contains("has no effect") } == [
                "recoverKey at 2h1s has no effect: key 'cmk' is purged by then"
            ])
    }

    @Test func anUnjudgedActionOnARotatingKeyStillChangesTheReplayedVault() throws {
        // Before the first rotation the newest version of `spin` is s1: the unjudged disableKey
        // disables it, so enabling s1 afterwards does have an effect.
        let loaded = try load(
            minimalScenario(
                extra: """
                    keyVault:
                      name: kv1
                      keys: [{name: spin, versions: [s1], rotationPolicy: {rotateEvery: 1h}}]
                    timeline:
                      - {at: 10m, action: disableKey, key: spin}
                      - {at: 20m, action: enableKey, key: spin, version: s1}
                      - {at: 2h, action: enableKey, key: spin, version: auto-1}
                    """))
        #expect(
            loaded.warnings.map(\.message).filter { $0.contains("has no effect") } == [
                "enableKey at 2h has no effect: version 'auto-1' of key 'spin' is already enabled then"
            ])
    }

    @Test func aPrincipalListedTwiceHasTheLastPoliciesPermissionsAsInTheEngine() throws {
        let loaded = try load(
            minimalScenario(
                extra: """
                    account:
                      encryption: {keyIdentifier: https://kv1.vault.azure.net/keys/cmk/v1}
                    keyVault:
                      name: kv1
                      accessPolicies:
                        - {principal: account, keyPermissions: [get, wrapKey, unwrapKey]}
                        - {principal: account, keyPermissions: [get]}
                      keys: [{name: cmk, versions: [v1]}]
                    timeline:
                      - {at: 1h, action: setAccessPolicy, keyPermissions: [get]}
                      - {at: 2h, action: setAccessPolicy, keyPermissions: [get, wrapKey, unwrapKey]}
                    """))
        #expect(
            loaded.warnings.map(\.message).filter { $0.contains("has no effect") } == [
                "setAccessPolicy at 1h has no effect: principal 'account' already has exactly these permissions"
            ])
    }
}
