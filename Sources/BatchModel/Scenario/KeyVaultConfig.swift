public import SimulationKernel

/// The Key Vault holding the account's key, as it stands at t = 0.
public struct KeyVaultConfig: Hashable, Sendable {
    /// How the vault authorises principals: its own access policies, or Azure RBAC.
    public enum PermissionModel: String, Hashable, Sendable, CaseIterable {
        case accessPolicy
        case rbac
    }

    public var name: String
    public var permissionModel: PermissionModel
    public var softDelete: Bool
    public var purgeProtection: Bool
    public var retentionDays: Int
    public var accessPolicies: [AccessPolicy]
    public var roleAssignments: [RoleAssignment]
    public var keys: [KeyConfig]

    public init(
        name: String,
        permissionModel: PermissionModel = .accessPolicy,
        softDelete: Bool = true,
        purgeProtection: Bool = true,
        retentionDays: Int = 90,
        accessPolicies: [AccessPolicy] = [],
        roleAssignments: [RoleAssignment] = [],
        keys: [KeyConfig] = []
    ) {
        self.name = name
        self.permissionModel = permissionModel
        self.softDelete = softDelete
        self.purgeProtection = purgeProtection
        self.retentionDays = retentionDays
        self.accessPolicies = accessPolicies
        self.roleAssignments = roleAssignments
        self.keys = keys
    }
}

/// Key permissions granted to one principal by a vault access policy.
public struct AccessPolicy: Hashable, Sendable {
    public var principal: String
    /// Permission names as written (`get`, `wrapKey`, `unwrapKey`, …), compared case-insensitively.
    public var keyPermissions: [String]

    public init(principal: String, keyPermissions: [String]) {
        self.principal = principal
        self.keyPermissions = keyPermissions
    }

    /// The three permissions Batch needs on the key (SPEC §1).
    public static let requiredPermissions = ["get", "wrapkey", "unwrapkey"]
}

/// An Azure RBAC role assignment on the vault.
public struct RoleAssignment: Hashable, Sendable {
    public var principal: String
    public var role: String

    public init(principal: String, role: String) {
        self.principal = principal
        self.role = role
    }

    /// Roles that grant `get`, `wrapKey` and `unwrapKey` on keys (SPEC §2), lowercased.
    public static let keyUsingRoles: Set<String> = [
        "key vault crypto service encryption user",
        "key vault crypto user",
        "key vault crypto officer",
        "key vault administrator",
    ]

    /// The role `assignRole` grants when none is named.
    public static let defaultRole = "Key Vault Crypto Service Encryption User"
}

/// A key in the vault with its versions, oldest first.
public struct KeyConfig: Hashable, Sendable {
    public var name: String
    public var type: String
    public var size: Int
    public var versions: [KeyVersionConfig]
    /// `rotationPolicy: {rotateEvery: D}`: a new version `auto-N` at N·D.
    public var rotateEvery: SimTime?

    public init(
        name: String,
        type: String = "RSA",
        size: Int = 2048,
        versions: [KeyVersionConfig],
        rotateEvery: SimTime? = nil
    ) {
        self.name = name
        self.type = type
        self.size = size
        self.versions = versions
        self.rotateEvery = rotateEvery
    }
}

/// One version of a key. Dates are absolute simulated times.
public struct KeyVersionConfig: Hashable, Sendable {
    public var id: String
    public var enabled: Bool
    public var expires: SimTime?
    public var notBefore: SimTime?

    public init(id: String, enabled: Bool = true, expires: SimTime? = nil, notBefore: SimTime? = nil) {
        self.id = id
        self.enabled = enabled
        self.expires = expires
        self.notBefore = notBefore
    }
}
