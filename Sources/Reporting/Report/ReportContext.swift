public import BatchModel

/// The names a report uses for indices found in events: pools, jobs, keys and timeline
/// actions. Built from the `Scenario` after a run, or from an event log's tables, so that
/// both paths write the same report.
public struct ReportContext: Sendable {
    public var pools: [String]
    public var jobs: [String]
    public var keys: [String]
    /// Timeline entries in file order: absolute time (ms) and action name.
    public var timeline: [(time: Int64, action: String)]

    public init(pools: [String], jobs: [String], keys: [String], timeline: [(time: Int64, action: String)]) {
        self.pools = pools
        self.jobs = jobs
        self.keys = keys
        self.timeline = timeline
    }

    public init(scenario: Scenario) {
        self.init(
            pools: scenario.pools.map(\.id),
            jobs: scenario.jobs.map(\.id),
            keys: (scenario.keyVault?.keys ?? []).map(\.name),
            timeline: scenario.timeline.map { ($0.time, $0.action.name) }
        )
    }

    /// The action name of timeline entry `index`, or "action #n" if unknown.
    public func actionName(_ index: Int32) -> String {
        let entry = Int(index)
        return timeline.indices.contains(entry) ? timeline[entry].action : "action #\(entry)"
    }

    static func name(_ names: [String], _ index: Int32, _ kind: String) -> String {
        names.indices.contains(Int(index)) ? names[Int(index)] : "\(kind) \(index)"
    }
}
