internal import BatchModel
internal import SimulationKernel

/// Reads one entry of `jobs:` (SPEC §3): id, pool reference, priority, tasks and client policy.
struct JobDecoder {
    static let keys = ["id", "pool", "priority", "tasks", "client"]
    static let clientKeys = ["onRejected"]
    static let retryKeys = ["retryEvery", "maxAttempts"]

    let reader: NodeReader
    let tasks: TaskBlockDecoder
    let poolIds: [String]

    struct Result {
        var job: JobConfig
        var tasks: TaskBlockDecoder.Result
    }

    /// The decoded job, or `nil` (after reporting) when any part is wrong. `id` is reported separately
    /// so that references to a broken job do not cascade into more errors.
    func decode(_ node: YNode, _ field: String) -> (id: String?, result: Result?) {
        guard let fields = reader.mapping(node, field, keys: Self.keys) else { return (nil, nil) }
        let id = fields.required("id").flatMap { reader.identifier($0, "id") }
        let pool = fields.required("pool").flatMap { reader.reference($0, "pool", kind: "pool", among: poolIds) }
        let priority = fields.int("priority", -1000...1000) ?? 0
        let block = fields.mapping("tasks", keys: TaskBlockDecoder.keys, required: true)
        let decoded = block.flatMap { tasks.decode($0, at: $0.location, job: id ?? "", inherit: nil) }
        let client = fields["client"].flatMap(client)
        let clientOK = fields["client"] == nil || client != nil
        guard let id, let pool, let decoded, clientOK else { return (id, nil) }
        let job = JobConfig(id: id, pool: pool, priority: priority, tasks: decoded.block, client: client ?? .drop)
        return (id, Result(job: job, tasks: decoded))
    }

    /// `client: {onRejected: drop | {retryEvery, maxAttempts}}`; both retry fields are required.
    private func client(_ node: YNode) -> ClientPolicy? {
        guard let fields = reader.mapping(node, "client", keys: Self.clientKeys) else { return nil }
        guard let policy = fields["onRejected"] else { return .drop }
        if policy.text?.lowercased() == "drop" { return .drop }
        guard case .mapping = policy.kind else {
            reader.expected("drop or {retryEvery, maxAttempts}", "onRejected", found: policy)
            return nil
        }
        guard let retry = reader.mapping(policy, "onRejected", keys: Self.retryKeys) else { return nil }
        let every = retry.duration("retryEvery", minimum: 1, required: true)
        let attempts = retry.int("maxAttempts", 1...ScenarioLimits.maximumAttempts, required: true)
        guard let every, let attempts else { return nil }
        return .retry(every: every, maxAttempts: attempts)
    }
}
