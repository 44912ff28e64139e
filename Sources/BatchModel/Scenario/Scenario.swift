public import SimulationKernel

/// A validated scenario: everything one simulated run needs, with every default applied,
/// every reference resolved and every timeline time absolute (SPEC §3).
///
/// `ScenarioFormat` builds it from a file; tests may build it in code. The simulation never
/// sees files, names of fields or source positions.
public struct Scenario: Hashable, Sendable {
    public var name: String
    public var description: String?
    public var seed: UInt64
    /// Where the run ends; `nil` means "when all work is done", capped at `Scenario.cap`.
    public var horizon: SimTime?
    public var account: AccountConfig
    public var keyVault: KeyVaultConfig?
    public var pools: [PoolConfig]
    public var jobs: [JobConfig]
    /// Timeline entries in file order, with `after:` offsets already resolved to absolute times.
    public var timeline: [TimelineEntry]
    /// The wall clock at t = 0, in milliseconds since 1970 (`time()` in autoscale formulas).
    public var startTime: Int64

    /// 2026-01-05T00:00:00Z, a Monday.
    public static let defaultStartTime: Int64 = 1_767_571_200_000

    /// A run without a horizon stops here if work never finishes (SPEC §2 rule 1): 30 days.
    public static let cap: SimTime = 30 * SimTime.millisecondsPerDay
    /// The longest horizon a scenario may set (one leap year). The loader enforces it, and a
    /// reader of an event log trusts no end time beyond it.
    public static let maximumHorizon: SimTime = 366 * SimTime.millisecondsPerDay

    public init(
        name: String,
        description: String? = nil,
        seed: UInt64 = 0,
        horizon: SimTime? = nil,
        account: AccountConfig = AccountConfig(),
        keyVault: KeyVaultConfig? = nil,
        pools: [PoolConfig],
        jobs: [JobConfig],
        timeline: [TimelineEntry] = [],
        startTime: Int64 = Scenario.defaultStartTime
    ) {
        self.name = name
        self.description = description
        self.seed = seed
        self.horizon = horizon
        self.account = account
        self.keyVault = keyVault
        self.pools = pools
        self.jobs = jobs
        self.timeline = timeline
        self.startTime = startTime
    }

    /// The same scenario with every key, vault and encryption action removed (SPEC §2
    /// "Randomness and the baseline"). Kept actions keep their absolute times; key
    /// configuration (versions, dates, rotation policy) stays, so a broken start stays broken.
    public var baseline: Scenario {
        var copy = self
        copy.timeline = timeline.filter { $0.action.isKeptInBaseline }
        return copy
    }

    /// Number of tasks the scenario defines: job blocks in file order, then `submitTasks`
    /// blocks in file order (SPEC §2 rule 8).
    public var definedTaskCount: Int {
        jobs.reduce(0) { $0 + $1.tasks.count }
            + timeline.reduce(0) { total, entry in
                if case .submitTasks(_, let block) = entry.action { return total + block.count }
                return total
            }
    }
}
