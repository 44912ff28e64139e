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
