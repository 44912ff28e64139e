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
