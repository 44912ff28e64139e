internal import BatchModel
internal import Foundation
internal import SimulationKernel

/// Estimates the work a valid scenario asks for before anything runs, and refuses what no single
/// machine should attempt, with a message that says what to lower (docs/limits.md).
///
/// Every field can be within its own limit while their product is enormous: a retry storm
/// (failure probability 1 × 10,000 retries × 100,000 tasks), a client retrying every millisecond
/// a million times for each of many tasks, or `resizePool` growing and shrinking a pool until a
/// million nodes have existed. The estimates are expected values for failures (what a run would
/// do on average) and worst cases for client retries (the account may be unavailable the whole
/// run).
struct WorkloadLimits {
    /// Task attempts (first attempts and failure retries), expected.
    static let maximumTaskAttempts: Double = 50_000_000
    /// Client submission attempts, at worst.
    static let maximumClientAttempts: Double = 500_000_000
    /// Nodes that ever exist in one run: initial ones and every node a resize adds.
    static let maximumNodesEver = ScenarioLimits.maximumInitialNodes

    let log: DiagnosticLog

    func check(_ scenario: Scenario, blocks: [(job: Int, result: TaskBlockDecoder.Result)], timeline: YNode?) {
        checkAttempts(scenario, blocks: blocks)
        checkNodes(scenario, timeline: timeline)
    }

    private func checkAttempts(_ scenario: Scenario, blocks: [(job: Int, result: TaskBlockDecoder.Result)]) {
        var attempts = 0.0
        var clientAttempts = 0.0
        let length = Double(scenario.horizon ?? Scenario.cap)
        for (job, result) in blocks {
            let block = result.block
            let count = Double(block.count)
            attempts += count * Self.expectedAttempts(block.failureProbability, retries: block.maxTaskRetryCount)
            if attempts > Self.maximumTaskAttempts {
                log.error(
                    "count: the scenario's tasks would make about \(Self.rounded(attempts)) attempts (count × expected "
                        + "attempts with failureProbability \(Self.shown(block.failureProbability)) and maxTaskRetryCount "
                        + "\(block.maxTaskRetryCount)); the attempt limit (\(Self.rounded(Self.maximumTaskAttempts))) "
                        + "keeps a run's work bounded: lower count, failureProbability or maxTaskRetryCount",
                    at: result.countLocation)
                return
            }
            if case .retry(let every, let maxAttempts) = scenario.jobs[job].client, every > 0 {
                clientAttempts += count * min(Double(maxAttempts), (length / Double(every)).rounded(.down) + 1)
                if clientAttempts > Self.maximumClientAttempts {
                    log.error(
                        "count: the clients of the scenario could make \(Self.rounded(clientAttempts)) submission "
                            + "attempts (count × maxAttempts, or the run's length ÷ retryEvery, for job "
                            + "'\(scenario.jobs[job].id)'); the client-attempt limit "
                            + "(\(Self.rounded(Self.maximumClientAttempts))) keeps a run's work bounded: lower count "
                            + "or maxAttempts, or retry less often", at: result.countLocation)
                    return
                }
            }
        }
    }

    /// Nodes are never reused (rule 17): every node a resize adds is a new one, so growing and
    /// shrinking adds up.
    private func checkNodes(_ scenario: Scenario, timeline: YNode?) {
        var live = scenario.pools.map { (dedicated: $0.dedicatedNodes, lowPriority: $0.lowPriorityNodes) }
        var ever = live.reduce(0) { $0 + $1.dedicated + $1.lowPriority }
        var items: [YNode] = []
        if let timeline, case .sequence(let list) = timeline.kind { items = list }
        for (index, entry) in scenario.timeline.enumerated() {
            guard case .resizePool(let pool, let dedicated, let lowPriority) = entry.action else { continue }
            if let dedicated {
                ever += max(0, dedicated - live[pool].dedicated)
                live[pool].dedicated = dedicated
            }
            if let lowPriority {
                ever += max(0, lowPriority - live[pool].lowPriority)
                live[pool].lowPriority = lowPriority
            }
            guard ever > Self.maximumNodesEver else { continue }
            log.error(
                "resizePool: with this resize \(ever) nodes would have existed in the run; the node limit "
                    + "(\(Self.maximumNodesEver)) keeps a run within one machine's memory (a node removed by a "
                    + "shrink is never reused): lower the targets or resize less often",
                at: index < items.count ? items[index].location : nil)
            return
        }
    }

    /// 1 + p + p² + … + pʳ: the expected attempts of a task that fails each attempt with
    /// probability p and is retried at most r times.
    static func expectedAttempts(_ p: Double, retries: Int) -> Double {
        guard p > 0 else { return 1 }
        guard p < 1 else { return Double(retries + 1) }
        return (1 - pow(p, Double(retries + 1))) / (1 - p)
    }

    /// A probability as messages show it: `1`, `0.25`.
    static func shown(_ probability: Double) -> String {
        probability == probability.rounded() ? String(Int(probability)) : String(probability)
    }

    private static func rounded(_ value: Double) -> String {
        value >= 1e15 ? String(format: "%.3g", value) : String(Int64(value.rounded()))
    }
}
