/// The five figures people quote, each an alias of a longer impact name (SPEC §4).
public enum ShortImpact: String, CaseIterable, Sendable {
    case makespanDelaySeconds = "impact.makespanDelaySeconds"
    case lostWorkSeconds = "impact.lostWorkSeconds"
    case extraNodeSeconds = "impact.extraNodeSeconds"
    case extraCost = "impact.extraCost"
    case turnaroundP95 = "impact.turnaroundSeconds.p95"

    /// The run metric whose impact this names.
    public var metric: RunMetric {
        switch self {
        case .makespanDelaySeconds: .tasksMakespanSeconds
        case .lostWorkSeconds: .tasksLostWorkSeconds
        case .extraNodeSeconds: .nodesBilledNodeSeconds
        case .extraCost: .costTotal
        case .turnaroundP95: .tasksTurnaroundP95
        }
    }
}
