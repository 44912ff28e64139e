public import SimulationKernel

/// Everything a timeline can do (SPEC §3). Key names and principals compare case-insensitively.
public enum TimelineAction: Hashable, Sendable {
    // Key Vault: keys. `version: nil` means the newest version.
    case disableKey(key: String, version: String?)
    case enableKey(key: String, version: String?)
    case addKeyVersion(key: String, version: KeyVersionConfig)
    case setKeyExpiry(key: String, version: String?, expires: SimTime?)
    case deleteKey(key: String)
    case recoverKey(key: String)
    case purgeKey(key: String)
    // Key Vault: authorisation. `principal: nil` means the account's principal.
    case setAccessPolicy(principal: String?, keyPermissions: [String])
    case removeAccessPolicy(principal: String?)
    case assignRole(principal: String?, role: String?)
    case removeRoleAssignment(principal: String?, role: String?)
    // Key Vault: network and the vault itself.
    case denyNetworkAccess(allowTrustedServices: Bool)
    case allowNetworkAccess
    case deleteVault
    case recoverVault
    case purgeVault
    // Batch control plane: encryption settings.
    case setKeyIdentifier(KeyIdentifier)
    case useMicrosoftManagedKey
    case useCustomerManagedKey(KeyIdentifier?)
    // Batch control plane: everything else.
    case deleteAccount
    /// `nil` leaves that count unchanged. `pool` indexes `Scenario.pools`.
    case resizePool(pool: Int, dedicatedNodes: Int?, lowPriorityNodes: Int?)
    /// `job` indexes `Scenario.jobs`; the block inherits the job's settings (resolved by the loader).
    case submitTasks(job: Int, tasks: TaskBlock)
    /// Spot capacity taken back (SPEC §6 rule 19): the `count` highest-index low-priority nodes of
    /// the pool that are not already preempted (`nil`: all of them). Not a control-plane
    /// operation; the baseline keeps it.
    case preemptNodes(pool: Int, count: Int?)
    /// Replaces the pool's formula and interval and evaluates at once (SPEC §7 rule 26).
    case enableAutoScale(pool: Int, autoScale: PoolConfig.AutoScale)
    /// Stops the pool's evaluations; its targets stay.
    case disableAutoScale(pool: Int)

    /// The action's name as written in scenario files.
    public var name: String {
        switch self {
        case .disableKey: "disableKey"
        case .enableKey: "enableKey"
        case .addKeyVersion: "addKeyVersion"
        case .setKeyExpiry: "setKeyExpiry"
        case .deleteKey: "deleteKey"
        case .recoverKey: "recoverKey"
        case .purgeKey: "purgeKey"
        case .setAccessPolicy: "setAccessPolicy"
        case .removeAccessPolicy: "removeAccessPolicy"
        case .assignRole: "assignRole"
        case .removeRoleAssignment: "removeRoleAssignment"
        case .denyNetworkAccess: "denyNetworkAccess"
        case .allowNetworkAccess: "allowNetworkAccess"
        case .deleteVault: "deleteVault"
        case .recoverVault: "recoverVault"
        case .purgeVault: "purgeVault"
        case .setKeyIdentifier: "setKeyIdentifier"
        case .useMicrosoftManagedKey: "useMicrosoftManagedKey"
        case .useCustomerManagedKey: "useCustomerManagedKey"
        case .deleteAccount: "deleteAccount"
        case .resizePool: "resizePool"
        case .submitTasks: "submitTasks"
        case .preemptNodes: "preemptNodes"
        case .enableAutoScale: "enableAutoScale"
        case .disableAutoScale: "disableAutoScale"
        }
    }

    /// The key a key action names (`disableKey` … `purgeKey`), nil for other actions.
    public var keyName: String? {
        switch self {
        case .disableKey(let key, _), .enableKey(let key, _), .addKeyVersion(let key, _),
            .setKeyExpiry(let key, _, _), .deleteKey(let key), .recoverKey(let key), .purgeKey(let key):
            key
        default:
            nil
        }
    }

    /// Every action name, for "did you mean" suggestions and the schema.
    public static let allNames = [
        "disableKey", "enableKey", "addKeyVersion", "setKeyExpiry", "deleteKey", "recoverKey", "purgeKey",
        "setAccessPolicy", "removeAccessPolicy", "assignRole", "removeRoleAssignment", "denyNetworkAccess",
        "allowNetworkAccess", "deleteVault", "recoverVault", "purgeVault", "setKeyIdentifier",
        "useMicrosoftManagedKey", "useCustomerManagedKey", "deleteAccount", "resizePool", "submitTasks",
        "preemptNodes", "enableAutoScale", "disableAutoScale",
    ]

    /// The baseline keeps workload and capacity actions and drops every key, vault and
    /// encryption action (SPEC §2).
    public var isKeptInBaseline: Bool {
        switch self {
        case .resizePool, .submitTasks, .deleteAccount, .preemptNodes, .enableAutoScale, .disableAutoScale: true
        default: false
        }
    }

    /// Whether the action is a Batch control-plane operation, rejected while the account is unavailable.
    public var isControlPlane: Bool {
        switch self {
        case .setKeyIdentifier, .useMicrosoftManagedKey, .useCustomerManagedKey, .resizePool, .deleteAccount,
            .enableAutoScale, .disableAutoScale:
            true
        default: false
        }
    }
}
