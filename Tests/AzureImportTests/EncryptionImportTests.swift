import AzureImport
import BatchModel
import Foundation
import ScenarioFormat
import Testing

/// The Batch account, its Key Vault and key versions, as ARM resources and as the CLI prints them.
struct EncryptionImportTests {
    static let account = #"""
        {"name": "acct", "location": "westeurope", "accountEndpoint": "acct.westeurope.batch.azure.com",
         "identity": {"type": "UserAssigned", "userAssignedIdentities": {"/x/ids/batch-mi": {"principalId": "mi-1", "clientId": "c"}}},
         "encryption": {"keySource": "Microsoft.KeyVault",
           "keyVaultProperties": {"keyIdentifier": "https://kv1.vault.azure.net/keys/cmk/0123456789abcdef0123456789abcdef"}}}
        """#
    static let vault = #"""
        {"name": "kv1", "type": "Microsoft.KeyVault/vaults", "properties": {"vaultUri": "https://kv1.vault.azure.net/",
         "enableSoftDelete": true, "enablePurgeProtection": null, "softDeleteRetentionInDays": 30,
         "accessPolicies": [{"objectId": "mi-1", "permissions": {"keys": ["Get", "WRAPKEY", "unwrapKey"]}}],
         "networkAcls": {"defaultAction": "Deny", "bypass": "None"}}}
        """#
    static let versions = #"""
        {"value": [
          {"kid": "https://kv1.vault.azure.net/keys/cmk/0123456789abcdef0123456789abcdef",
           "attributes": {"enabled": true, "created": 1700000000, "exp": 1700086400}},
          {"kid": "https://kv1.vault.azure.net/keys/cmk/fedcba9876543210fedcba9876543210",
           "attributes": {"enabled": false, "created": 1690000000}}]}
        """#

    @Test func theCliAccountVaultAndRestKeyVersionsImportAndValidate() throws {
        let result = try ImportFixtures.run([
            ("account.json", Self.account), ("vault.json", Self.vault), ("keys.json", Self.versions),
            ("pool.json", ImportFixtures.pool), ("job.json", ImportFixtures.job),
        ])
        let values = ImportFixtures.values(result)
        #expect(values.contains("identity: UserAssigned"))
        #expect(values.contains("principal: mi-1"))
        #expect(values.contains("keySource: Microsoft.KeyVault"))
        #expect(values.contains("purgeProtection: false"), "a null enablePurgeProtection is false, as in Azure")
        #expect(values.contains("permissionModel: accessPolicy"))
        #expect(values.contains("retentionDays: 30"))
        #expect(values.contains("keyPermissions: [get, wrapKey, unwrapKey]"))
        // Oldest first by attributes.created; dates count from the newest key's creation (no tasks).
        #expect(values.contains("- {id: fedcba9876543210fedcba9876543210, enabled: false}"))
        #expect(values.contains("- {id: '0123456789abcdef0123456789abcdef', enabled: true, expires: 1d}"))
        #expect(values.contains("- {at: 0s, action: denyNetworkAccess, allowTrustedServices: false}"))
        let loaded = try ImportFixtures.load(result)
        #expect(loaded.scenario.timeline.count == 1)
    }

    @Test func anArmAccountWithPropertiesAndAnRbacVaultImport() throws {
        let account = #"""
            {"type": "Microsoft.Batch/batchAccounts", "name": "acct", "location": "eastus",
             "identity": {"type": "SystemAssigned", "principalId": "p-1", "tenantId": "t"},
             "properties": {"encryption": {"keySource": "Microsoft.Batch"}}}
            """#
        let vault =
            #"{"name": "kv", "properties": {"vaultUri": "https://kv.vault.azure.net/", "enableRbacAuthorization": true}}"#
        let roles =
            #"[{"principalId": "p-1", "roleDefinitionName": "Key Vault Crypto Service Encryption User", "scope": "/x"}]"#
        let result = try ImportFixtures.run([
            ("a.json", account), ("v.json", vault), ("r.json", roles), ("pool.json", ImportFixtures.pool),
            ("job.json", ImportFixtures.job),
        ])
        let values = ImportFixtures.values(result)
        #expect(values.contains("principal: p-1"))
        #expect(values.contains("keySource: Microsoft.Batch"))
        #expect(values.contains("permissionModel: rbac"))
        #expect(values.contains("- {principal: p-1, role: Key Vault Crypto Service Encryption User}"))
        _ = try ImportFixtures.load(result)
    }
}

/// `az keyvault key show` carries the JSON Web Key: its type and modulus length become the key's.
struct KeyShowImportTests {
    @Test func aKeyShowDocumentGivesTheKeysTypeAndSize() throws {
        // 256 bytes of modulus (a 2048-bit key) in base64url: 344 characters without padding, here 342 + "==".
        let modulus = String(repeating: "x", count: 342) + "=="
        let key = #"""
            {"attributes": {"created": "2026-11-03T09:12:44+00:00", "enabled": true},
             "key": {"kid": "https://kv.vault.azure.net/keys/cmk/0123456789abcdef0123456789abcdef", "kty": "RSA",
                     "n": "\#(modulus)", "e": "AQAB", "keyOps": ["wrapKey", "unwrapKey"]}}
            """#
        let result = try ImportFixtures.run([
            ("key.json", key), ("pool.json", ImportFixtures.pool), ("job.json", ImportFixtures.job),
        ])
        let values = ImportFixtures.values(result)
        #expect(values.contains("type: RSA"))
        #expect(values.contains("size: 2048"))
        #expect(result.warnings.contains { $0.contains("key version field 'keyOps'") })
        _ = try ImportFixtures.load(result)
    }
}
