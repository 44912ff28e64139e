internal import BatchModel
internal import SimulationKernel

/// Reads one entry of `pools:` (SPEC §3) with the defaults of SPEC §2, and its `preemption:` and start task
/// (SPEC §6).
struct PoolDecoder {
    static let keys = [
        "id", "vmSize", "dedicatedNodes", "lowPriorityNodes", "taskSlotsPerNode", "nodeFillType", "allocationDelay",
        "startTask", "pricePerNodeHour", "preemption", "autoScale",
    ]
    static let startTaskKeys = ["duration", "waitForSuccess", "failureProbability", "maxTaskRetryCount"]
    static let priceKeys = ["dedicated", "lowPriority"]
    static let preemptionKeys = ["ratePerNodeHour", "capacityReturnsAfter"]
    /// Azure's per-node slot limit.
    static let slotRange = 1...256
    /// Random preemptions per low-priority node-hour: at most one per node every 3.6 s on average.
    static let preemptionRates = 0.0...1000.0

    let reader: NodeReader

    func decode(_ node: YNode, _ field: String) -> PoolConfig? {
        guard let fields = reader.mapping(node, field, keys: Self.keys) else { return nil }
        let distributions = DistributionDecoder(reader: reader)
        let id = fields.required("id").flatMap { reader.identifier($0, "id") }
        let autoScale = fields.mapping("autoScale", keys: AutoScaleDecoder.keys).flatMap {
            AutoScaleDecoder(reader: reader).decode($0)
        }
        if let node = fields["autoScale"] {
            for fixed in ["dedicatedNodes", "lowPriorityNodes"] where fields.has(fixed) {
                reader.error(
                    "\(fixed): a pool with autoScale takes its targets from the formula; remove \(fixed) or autoScale",
                    at: fields[fixed] ?? node)
            }
        }
        var pool = PoolConfig(
            id: id ?? "",
            vmSize: fields.string("vmSize"),
            dedicatedNodes: fields.int("dedicatedNodes", 0...ScenarioLimits.maximumInitialNodes) ?? 0,
            lowPriorityNodes: fields.int("lowPriorityNodes", 0...ScenarioLimits.maximumInitialNodes) ?? 0,
            taskSlotsPerNode: fields.int("taskSlotsPerNode", Self.slotRange) ?? 1,
            nodeFillType: fields.enumeration("nodeFillType", PoolConfig.NodeFillType.self) ?? .spread,
            allocationDelay: fields["allocationDelay"].flatMap { distributions.decode($0, "allocationDelay") }
                ?? .fixed(0),
            startTask: fields.mapping("startTask", keys: Self.startTaskKeys).flatMap { startTask($0, field) },
            pricePerNodeHour: fields["pricePerNodeHour"].flatMap(price) ?? PoolConfig.Price(),
            preemption: fields.mapping("preemption", keys: Self.preemptionKeys).map { preemption($0, field) }
                ?? PoolConfig.Preemption()
        )
        pool.autoScale = autoScale
        return id == nil ? nil : pool
    }

    /// The start task; every field is read (and its errors reported) even when `duration` is wrong.
    private func startTask(_ fields: Fields, _ pool: String) -> PoolConfig.StartTask? {
        let duration = fields.required("duration").flatMap {
            DistributionDecoder(reader: reader).decode($0, "duration")
        }
        let waitForSuccess = fields.bool("waitForSuccess") ?? true
        let failure = fields.number("failureProbability", 0...1, "a probability from 0 to 1")
        let retries = fields.int("maxTaskRetryCount", 0...ScenarioLimits.maximumTaskRetryCount)
        if let node = fields["failureProbability"] {
            reader.log.remember("\(pool).startTask.failureProbability", at: node.location)
        }
        guard let duration else { return nil }
        return PoolConfig.StartTask(
            duration: duration, waitForSuccess: waitForSuccess, failureProbability: failure ?? 0,
            maxTaskRetryCount: retries ?? 0)
    }

    /// `preemption:`; an absent field takes its default (no random preemption, capacity back after 15m).
    private func preemption(_ fields: Fields, _ pool: String) -> PoolConfig.Preemption {
        reader.log.remember("\(pool).preemption", at: fields.location)
        let defaults = PoolConfig.Preemption()
        return PoolConfig.Preemption(
            ratePerNodeHour: fields.number(
                "ratePerNodeHour", Self.preemptionRates, "a rate from 0 to 1000 preemptions per node-hour")
                ?? defaults.ratePerNodeHour,
            capacityReturnsAfter: fields["capacityReturnsAfter"].flatMap {
                DistributionDecoder(reader: reader).decode($0, "capacityReturnsAfter")
            } ?? defaults.capacityReturnsAfter)
    }

    private func price(_ node: YNode) -> PoolConfig.Price? {
        let what = "a price of at least 0"
        if node.text != nil {
            return reader.number(node, "pricePerNodeHour", 0...1e9, what).map { .init(dedicated: $0, lowPriority: $0) }
        }
        guard case .mapping = node.kind else {
            reader.expected("a number or {dedicated, lowPriority}", "pricePerNodeHour", found: node)
            return nil
        }
        guard let fields = reader.mapping(node, "pricePerNodeHour", keys: Self.priceKeys) else {
            return nil
        }
        return .init(
            dedicated: fields.number("dedicated", 0...1e9, what) ?? 0,
            lowPriority: fields.number("lowPriority", 0...1e9, what) ?? 0)
    }
}
