public import BatchModel
import Foundation
public import Reporting
public import ScenarioFormat

/// What a sweep runs: the scenario at every grid point, each with N replications, or the
/// share of those (point, replication) pairs that one shard owns.
public struct SweepPlan: Sendable {
    /// One simulation (scenario + baseline) of the sweep.
    public struct Item: Hashable, Sendable {
        public var point: Int
        public var replication: Int
    }

    public var scenarioPath: String
    public var grid: SweepGrid
    public var replications: Int
    /// The scenario loaded at each grid point (variables substituted).
    public var scenarios: [Scenario]
    /// Shard `index` (1-based) of `count`; nil runs everything.
    public var shard: (index: Int, count: Int)?

    /// Loads the scenario once per grid point, so that a bad value fails before anything runs.
    public init(
        scenarioPath: String,
        grid: SweepGrid,
        replications: Int,
        shard: (index: Int, count: Int)? = nil
    ) throws(ScenarioError) {
        self.scenarioPath = scenarioPath
        self.grid = grid
        self.replications = replications
        self.shard = shard
        var scenarios: [Scenario] = []
        var traces: [String] = []
        for point in 0..<grid.pointCount {
            let overrides = Dictionary(grid.point(point).map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
            let loaded = try ScenarioLoader.load(path: scenarioPath, overrides: overrides)
            scenarios.append(loaded.scenario)
            traces += loaded.traceFiles.filter { !traces.contains($0) }
        }
        self.scenarios = scenarios
        traceFiles = traces
    }

    /// Every trace file a point's scenario read: inputs the sweep must never overwrite.
    public private(set) var traceFiles: [String] = []

    /// The scenario file and its traces.
    public var inputFiles: [String] { [scenarioPath] + traceFiles }

    /// Every (point, replication) pair in a fixed order: point-major, replication-minor.
    public var allItems: [Item] {
        (0..<grid.pointCount).flatMap { point in (0..<replications).map { Item(point: point, replication: $0) } }
    }

    /// The pairs this shard runs: item k belongs to shard (k mod count) + 1, so shards get
    /// equal shares and every pair exactly one shard.
    public var items: [Item] {
        guard let shard else { return allItems }
        return allItems.enumerated().filter { $0.offset % shard.count == shard.index - 1 }.map(\.element)
    }

    /// The scenario of one item: its point's scenario with the replication's seed.
    public func scenario(for item: Item) -> Scenario {
        var scenario = scenarios[item.point]
        scenario.seed = ReplicationSeeds.seed(base: scenario.seed, replication: item.replication)
        return scenario
    }
}
