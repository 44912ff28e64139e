import Foundation
import ScenarioFormat
import Testing

private let vault = """
    account:
      encryption: {keyIdentifier: https://kv1.vault.azure.net/keys/cmk/v1}
    keyVault:
      name: kv1
      retentionDays: 7
      accessPolicies: [{principal: account, keyPermissions: [get, wrapKey, unwrapKey]}]
      keys: [{name: cmk, versions: [v1]}, {name: spin, versions: [s1], rotationPolicy: {rotateEvery: 1h}}]
    """

/// The timeline entries of a scenario around `vault`, with the warnings they cause (vault warnings aside).
private func warnings(_ entries: String, vault: String = vault) throws -> [String] {
    let loaded = try load(minimalScenario(extra: vault + "\ntimeline:\n" + entries))
    return loaded.warnings.map(\.message)
}

/// Warnings for timeline actions that certainly have no effect, and errors for versions a key never has.
@Suite struct TimelineEffectWarningsTests {
    @Test func actionsThatChangeNothingAreReported() throws {
        let found = try warnings(
            """
              - {at: 10m, action: enableKey, key: cmk}
              - {at: 20m, action: disableKey, key: cmk, version: v1}
              - {at: 30m, action: disableKey, key: cmk}
              - {at: 40m, action: recoverKey, key: cmk}
              - {at: 50m, action: recoverVault}
              - {at: 1h, action: removeAccessPolicy, principal: someone}
              - {at: 1h, action: allowNetworkAccess}
              - {at: 1h, action: denyNetworkAccess}
              - {at: 1h, action: denyNetworkAccess, allowTrustedServices: true}
              - {at: 1h, action: setAccessPolicy, keyPermissions: [unwrapKey, get, wrapKey]}
              - {at: 1h, action: addKeyVersion, key: cmk, version: V1}
              - {at: 1h, action: purgeKey, key: cmk}
              - {at: 1h, action: purgeVault}
              - {at: 1h, action: assignRole}
              - {at: 1h, action: assignRole}
              - {at: 1h, action: removeRoleAssignment, role: Reader}
            """)
        #expect(
            found == [
                "enableKey at 10m has no effect: version 'v1' of key 'cmk' is already enabled then",
                "disableKey at 30m has no effect: version 'v1' of key 'cmk' is already disabled then",
                "recoverKey at 40m has no effect: key 'cmk' is not deleted then",
                "recoverVault at 50m has no effect: the vault is not deleted then",
                "removeAccessPolicy at 1h has no effect: principal 'someone' has no access policy",
                "allowNetworkAccess at 1h has no effect: the vault's network access is already open",
                "denyNetworkAccess at 1h has no effect: the same firewall rule is already in place",
                "setAccessPolicy at 1h has no effect: principal 'account' already has exactly these permissions",
                "addKeyVersion at 1h has no effect: key 'cmk' already has version 'V1'",
                "purgeKey at 1h has no effect: key 'cmk' is not soft-deleted then, so Key Vault rejects the purge",
                "purgeVault at 1h has no effect: the vault is not soft-deleted then, so Key Vault rejects the purge",
                "assignRole at 1h has no effect: principal 'account' already has role "
                    + "'Key Vault Crypto Service Encryption User'",
                "removeRoleAssignment at 1h has no effect: principal 'account' has no such role assignment",
            ])
    }

    @Test func theWarningPointsAtTheEntry() throws {
        let loaded = try load(
            minimalScenario(extra: vault + "\ntimeline:\n  - {at: 1h, action: recoverVault}"))
        #expect(
            loaded.warnings.map(\.description) == ["<inline>:21:5: warning: " + (loaded.warnings.first?.message ?? "")])
    }

    @Test func deletedKeysAndVaultsAcceptOnlyRecoveryAndPurge() throws {
        let found = try warnings(
            """
              - {at: 10m, action: deleteKey, key: cmk}
              - {at: 20m, action: enableKey, key: cmk}
              - {at: 30m, action: purgeKey, key: cmk}
              - {at: 40m, action: recoverKey, key: cmk}
              - {at: 1h, action: deleteVault}
              - {at: 1h10m, action: setAccessPolicy, keyPermissions: [get]}
              - {at: 1h20m, action: deleteVault}
              - {at: 1h30m, action: recoverVault}
              - {at: 1h40m, action: assignRole, role: Key Vault Crypto User}
            """)
        #expect(
            found == [
                "enableKey at 20m has no effect: key 'cmk' is soft-deleted then, and Key Vault accepts only "
                    + "recoverKey and purgeKey",
                "purgeKey at 30m has no effect: purge protection is on, so Key Vault rejects the purge",
                "setAccessPolicy at 1h10m has no effect: the vault is soft-deleted then, and Key Vault accepts only "
                    + "recoverVault and purgeVault",
                "deleteVault at 1h20m has no effect: the vault is soft-deleted then, and Key Vault accepts only "
                    + "recoverVault and purgeVault",
            ])
    }

    @Test func purgedThingsAreGone() throws {
        let unprotected = vault.replacingOccurrences(of: "retentionDays: 7", with: "purgeProtection: false")
        let found = try warnings(
            """
              - {at: 10m, action: deleteKey, key: cmk}
              - {at: 20m, action: purgeKey, key: cmk}
              - {at: 30m, action: recoverKey, key: cmk}
              - {at: 40m, action: deleteVault}
              - {at: 50m, action: purgeVault}
              - {at: 1h, action: recoverVault}
            """, vault: unprotected)
        #expect(
            found == [
                "purge protection is off: Azure requires it for a customer-managed key vault",
                "recoverKey at 30m has no effect: key 'cmk' is purged by then",
                "recoverVault at 1h has no effect: the vault is purged by then",
            ])
    }

    @Test func actionsThatMayHaveAnEffectAreNotReported() throws {
        let found = try warnings(
            """
              - {at: 2h, action: enableKey, key: cmk}
              - {at: 1h, action: disableKey, key: cmk}
              - {at: 3h, action: disableKey, key: spin}
              - {at: 3h, action: disableKey, key: spin}
              - {at: 3h, action: enableKey, key: spin, version: auto-2}
              - {at: 4h, action: deleteKey, key: cmk}
              - {at: 7d4h, action: recoverKey, key: cmk}
              - {at: 8d, action: useMicrosoftManagedKey}
              - {at: 8d, action: useMicrosoftManagedKey}
              - {at: 8d, action: resizePool, pool: p1, dedicatedNodes: 2}
              - {at: 8d, action: setAccessPolicy, keyPermissions: [get]}
              - {at: 8d, action: denyNetworkAccess, allowTrustedServices: false}
              - {at: 8d, action: denyNetworkAccess}
              - {at: 8d, action: allowNetworkAccess}
            """)
        #expect(found.isEmpty, "\(found)")
    }

    @Test func aVersionAddedLaterDoesNotExistYet() throws {
        let found = try warnings(
            """
              - {at: 1h, action: enableKey, key: cmk, version: v2}
              - {at: 2h, action: addKeyVersion, key: cmk, version: {id: v2, enabled: false}}
              - {at: 3h, action: enableKey, key: cmk, version: v2}
            """)
        #expect(found == ["enableKey at 1h has no effect: key 'cmk' has no version 'v2' then (it is added later)"])
    }

    @Test func aVersionTheKeyNeverHasIsAnError() {
        let found = errors(
            minimalScenario(
                extra: vault + """

                    timeline:
                      - {at: 1h, action: disableKey, key: cmk, version: v2}
                      - {at: 1h, action: setKeyExpiry, key: spin, version: auto-7, expires: 2h}
                      - {at: 1h, action: setKeyExpiry, key: spin, version: s2, expires: 2h}
                    """))
        #expect(
            found.map(\.description) == [
                "<inline>:21:53: error: version: expected a version of key 'cmk' ('v1') or one added by "
                    + "addKeyVersion, found 'v2'; did you mean 'v1'?",
                "<inline>:23:56: error: version: expected a version of key 'spin' ('s1') or one added by "
                    + "addKeyVersion, found 's2'; did you mean 's1'?",
            ])
    }
}
