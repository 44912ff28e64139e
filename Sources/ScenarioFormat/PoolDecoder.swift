internal import BatchModel
internal import SimulationKernel

/// Reads one entry of `pools:` (SPEC §3) with the defaults of SPEC §2.
struct PoolDecoder {
    static let keys = [
        "id", "vmSize", "dedicatedNodes", "lowPriorityNodes", "taskSlotsPerNode", "nodeFillType", "allocationDelay",
        "startTask", "pricePerNodeHour",
    ]
    static let startTaskKeys = ["duration", "waitForSuccess"]
    static let priceKeys = ["dedicated", "lowPriority"]
    /// Azure's per-node slot limit.
    static let slotRange = 1...256

    let reader: NodeReader

    func decode(_ node: YNode, _ field: String) -> PoolConfig? {
        guard let fields = reader.mapping(node, field, keys: Self.keys) else { return nil }
        let distributions = DistributionDecoder(reader: reader)
        let id = fields.required("id").flatMap { reader.identifier($0, "id") }
        var startTask: PoolConfig.StartTask?
        if let start = fields.mapping("startTask", keys: Self.startTaskKeys),
            let duration = start.required("duration").flatMap({ distributions.decode($0, "duration") })
        {
            startTask = PoolConfig.StartTask(duration: duration, waitForSuccess: start.bool("waitForSuccess") ?? true)
        }
        let pool = PoolConfig(
            id: id ?? "",
            vmSize: fields.string("vmSize"),
            dedicatedNodes: fields.int("dedicatedNodes", 0...ScenarioLimits.maximumInitialNodes) ?? 0,
            lowPriorityNodes: fields.int("lowPriorityNodes", 0...ScenarioLimits.maximumInitialNodes) ?? 0,
            taskSlotsPerNode: fields.int("taskSlotsPerNode", Self.slotRange) ?? 1,
            nodeFillType: fields.enumeration("nodeFillType", PoolConfig.NodeFillType.self) ?? .spread,
            allocationDelay: fields["allocationDelay"].flatMap { distributions.decode($0, "allocationDelay") }
                ?? .fixed(0),
            startTask: startTask,
            pricePerNodeHour: fields["pricePerNodeHour"].flatMap(price) ?? PoolConfig.Price()
        )
        return id == nil ? nil : pool
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
