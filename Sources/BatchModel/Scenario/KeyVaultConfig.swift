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
