public import SimulationKernel

/// The Batch account: its identity, encryption settings and how fast it reacts to key loss.
public struct AccountConfig: Hashable, Sendable {
    /// How the account authenticates to Key Vault.
    public enum Identity: String, Hashable, Sendable, CaseIterable {
        case systemAssigned = "SystemAssigned"
        case userAssigned = "UserAssigned"
        case none = "None"
    }

    /// Where the account's encryption key lives; spelled as in the Batch management API.
    public enum KeySource: String, Hashable, Sendable, CaseIterable {
        case microsoftBatch = "Microsoft.Batch"
        case microsoftKeyVault = "Microsoft.KeyVault"
    }

    public var name: String
    public var region: String?
    public var identity: Identity
    /// The identity's principal as named in access policies and role assignments.
    public var principal: String
    public var keySource: KeySource
    public var keyIdentifier: KeyIdentifier?
    /// How long the key must stay inaccessible before the account notices (default 0).
    public var detectionDelay: SimTime
    /// How long the account stays `recovering` after the key is back (default exactly 10 min).
    public var recoveryDelay: DurationDistribution
    /// Whether an expired key version blocks access (Key Vault itself still unwraps: default false).
    public var expiredKeyBlocksAccess: Bool

    public init(
        name: String = "account",
        region: String? = nil,
        identity: Identity = .systemAssigned,
        principal: String? = nil,
        keySource: KeySource? = nil,
        keyIdentifier: KeyIdentifier? = nil,
        detectionDelay: SimTime = 0,
        recoveryDelay: DurationDistribution = .fixed(10 * SimTime.millisecondsPerMinute),
        expiredKeyBlocksAccess: Bool = false
    ) {
        self.name = name
        self.region = region
        self.identity = identity
        self.principal = principal ?? name
        self.keySource = keySource ?? (keyIdentifier == nil ? .microsoftBatch : .microsoftKeyVault)
        self.keyIdentifier = keyIdentifier
        self.detectionDelay = detectionDelay
        self.recoveryDelay = recoveryDelay
        self.expiredKeyBlocksAccess = expiredKeyBlocksAccess
    }
}
