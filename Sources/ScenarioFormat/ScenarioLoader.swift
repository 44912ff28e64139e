internal import AutoscaleFormula
internal import BatchModel
internal import Foundation
internal import SimulationKernel

/// Reads scenario files (YAML, or JSON of the same shape) into validated `Scenario` values (SPEC §3).
///
/// The whole file is read before failing, so a `ScenarioError` lists every error, in file order, each as
/// `file:line:column: error: what was expected, found what`.
public enum ScenarioLoader {
    static let topKeys = [
        "name", "description", "seed", "horizon", "startTime", "vars", "account", "keyVault", "pools", "jobs",
        "timeline", "expect",
    ]

    /// Reads and validates the file at `path`; `overrides` are `--set name=value` pairs for `vars:`.
    ///
    /// A file that cannot be read is one error naming the path and the reason; bytes that are not
    /// UTF-8 are one error at the first bad byte.
    public static func load(path: String, overrides: [String: String] = [:]) throws(ScenarioError) -> LoadedScenario {
        let data = try InputText.read(path: path, what: "scenario", limit: ScenarioLimits.maximumScenarioBytes)
        var loaded = try load(text: String(decoding: data, as: UTF8.self), path: path, overrides: overrides)
        loaded.bytes = data
        return loaded
    }

    /// Reads and validates scenario text; trace files are found relative to `path`'s directory.
    public static func load(
        text: String, path: String = "<inline>", overrides: [String: String] = [:]
    ) throws(ScenarioError) -> LoadedScenario {
        let log = DiagnosticLog(file: path)
        let parsed: YNode?
        do {
            parsed = try YAMLTree.parse(text, file: path)
        } catch {
            guard case .diagnostic(let diagnostic) = error else { throw ScenarioError(diagnostics: []) }
            throw ScenarioError(diagnostics: [diagnostic])
        }
        guard let parsed, !parsed.isNull else {
            throw ScenarioError(diagnostics: [
                Diagnostic(
                    severity: .error, location: nil,
                    message: "the scenario is empty: expected a mapping with name, pools and jobs", file: path)
            ])
        }
        guard let root = Variables.substitute(in: parsed, overrides: overrides, log: log) else {
            throw ScenarioError(diagnostics: log.sorted(.error))
        }
        let traces = TraceLoader(scenarioPath: path, log: log)
        let result = ScenarioBuilder(log: log, path: path, traces: traces).build(root)
        guard !log.hasErrors, let (scenario, expect) = result else {
            throw ScenarioError(diagnostics: log.sorted(.error))
        }
        return LoadedScenario(
            scenario: scenario, expectations: expect.expectations, replications: expect.replications,
            fingerprint: expect.fingerprint, warnings: log.sorted(.warning), path: path, source: text,
            traceFiles: traces.paths)
    }
}

/// Decodes the top level of a scenario and checks the cross-cutting rules: unique ids and the limits.
private struct ScenarioBuilder {
    let log: DiagnosticLog
    let path: String
    let traces: TraceLoader

    func build(_ root: YNode) -> (Scenario, ExpectBlock)? {
        let reader = NodeReader(log: log)
        guard let fields = reader.mapping(root, "the scenario", keys: ScenarioLoader.topKeys) else { return nil }
        let name = fields.string("name", required: true)
        let description = fields.string("description")
        let seed = fields["seed"].flatMap { reader.uint64($0, "seed") } ?? 0
        let horizon = fields.duration("horizon", minimum: 0)
        if let horizon, horizon > ScenarioLimits.maximumHorizon, let node = fields["horizon"] {
            reader.error(
                "horizon: expected at most 366d, found \(node.found); the horizon limit (366d) keeps a run's time "
                    + "and memory bounded: simulate a longer period as several scenarios", at: node)
        }
        let startTime = fields["startTime"].flatMap { self.startTime($0, reader) } ?? Scenario.defaultStartTime
        var anchors = WarningAnchors()
        let account = AccountDecoder(reader: reader).decode(fields["account"], anchors: &anchors)
        let vaultDecoder = KeyVaultDecoder(reader: reader, principal: account.principal)
        anchors.keyVault = fields["keyVault"]?.location
        let keyVault = fields["keyVault"].flatMap { vaultDecoder.decode($0) }

        let pools = decodePools(fields, reader)
        let taskDecoder = TaskBlockDecoder(reader: reader, traces: traces)
        let jobs = decodeJobs(fields, reader, taskDecoder, poolIds: pools.map(\.id))
        let timeline = fields["timeline"].map {
            TimelineDecoder(
                reader: reader, tasks: taskDecoder, vault: vaultDecoder, keyNames: keyVault?.keys.map(\.name) ?? [],
                poolIds: pools.map(\.id), jobIds: jobs.ids, jobTasks: jobs.inheritance
            ).decode($0)
        }
        if let timeline { TimelineChecks(log: log).checkVersionReferences(timeline, vault: keyVault) }
        let metricNames = SummaryKey.all(jobIds: jobs.ids, poolIds: pools.map(\.id)).map(\.description)
        let expect = fields["expect"].map { ExpectationDecoder(reader: reader, metricNames: metricNames).decode($0) }
        let blocks =
            jobs.results.map { ($0.job, $0.tasks) }
            + (timeline?.submissions ?? []).map { ($0.job, $0.tasks) }
        checkTaskLimit(blocks.map(\.1), at: fields.location)
        checkRotationLimit(keyVault, horizon: horizon, at: fields["keyVault"])
        guard let name, !log.hasErrors else { return nil }
        let scenario = Scenario(
            name: name, description: description, seed: seed,
            horizon: horizon, account: account, keyVault: keyVault, pools: pools, jobs: jobs.configs,
            timeline: timeline?.entries ?? [], startTime: startTime)
        WorkloadLimits(log: log).check(
            scenario, blocks: blocks.map { (job: $0.0, result: $0.1) }, timeline: fields["timeline"])
        ScenarioWarnings(log: log).check(
            scenario, anchors: anchors, jobBlocks: blocks, timelineIdentifiers: timeline?.identifiers ?? [])
        if let timeline { TimelineChecks(log: log).warnAboutIneffectiveActions(timeline, scenario: scenario) }
        return (scenario, expect ?? ExpectBlock())
    }

    /// A rotation policy adds a version every period for the whole run, wanted or not: a
    /// period tiny against the run's length would fill memory with versions.
    /// `startTime`: the wall clock at t = 0 (ISO 8601), in milliseconds since 1970.
    private func startTime(_ node: YNode, _ reader: NodeReader) -> Int64? {
        guard let text = reader.string(node, "startTime") else { return nil }
        guard let seconds = TimestampText.parse(text), seconds.isFinite, abs(seconds) < 1e12 else {
            reader.expected("an ISO 8601 timestamp such as 2026-01-05T08:00:00Z", "startTime", found: node)
            return nil
        }
        return Int64((seconds * 1000).rounded())
    }

    private func checkRotationLimit(_ vault: KeyVaultConfig?, horizon: SimTime?, at node: YNode?) {
        guard let node else { return }
        let length = horizon ?? Scenario.cap
        for key in vault?.keys ?? [] {
            guard let every = key.rotateEvery, every > 0, length / every > ScenarioLimits.maximumRotations else {
                continue
            }
            log.error(
                "keys: the rotation policy of '\(key.name)' (every \(DurationSyntax.format(every))) would add "
                    + "\(length / every) versions within the run; the rotation limit "
                    + "(\(ScenarioLimits.maximumRotations)) keeps memory bounded: rotate less often or set a shorter horizon",
                at: node.location)
        }
    }

    private func nonEmptyList(_ fields: Fields, _ key: String, _ reader: NodeReader) -> [YNode] {
        guard let items = fields.list(key, required: true) else { return [] }
        if items.isEmpty, let node = fields[key] {
            log.error("\(key): expected at least one entry, found an empty list", at: node.location)
        }
        return items
    }

    private func decodePools(_ fields: Fields, _ reader: NodeReader) -> [PoolConfig] {
        var pools: [PoolConfig] = []
        var seen: Set<String> = []
        var nodes = 0
        let decoder = PoolDecoder(reader: reader)
        for (index, item) in nonEmptyList(fields, "pools", reader).enumerated() {
            guard let pool = decoder.decode(item, "pools[\(index)]") else { continue }
            if !seen.insert(pool.id.lowercased()).inserted {
                reader.log.error(
                    "id: expected a pool id not used before, found '\(pool.id)' again",
                    at: idLocation(item))
            }
            nodes += pool.dedicatedNodes + pool.lowPriorityNodes
            pools.append(pool)
        }
        if nodes > ScenarioLimits.maximumInitialNodes, let node = fields["pools"] {
            reader.error(
                "pools declare \(nodes) initial nodes; the node limit (\(ScenarioLimits.maximumInitialNodes)) keeps "
                    + "a run within one machine's memory: split the pools over several scenarios", at: node)
        }
        return pools
    }

    private struct Jobs {
        var ids: [String] = []
        var inheritance: [TaskBlockDecoder.Inheritance?] = []
        var configs: [JobConfig] = []
        var results: [(job: Int, tasks: TaskBlockDecoder.Result)] = []
    }

    private func decodeJobs(_ fields: Fields, _ reader: NodeReader, _ tasks: TaskBlockDecoder, poolIds: [String])
        -> Jobs
    {
        var jobs = Jobs()
        let decoder = JobDecoder(reader: reader, tasks: tasks, poolIds: poolIds)
        for (index, item) in nonEmptyList(fields, "jobs", reader).enumerated() {
            let (id, result) = decoder.decode(item, "jobs[\(index)]")
            guard let id else { continue }
            if jobs.ids.contains(where: { $0.lowercased() == id.lowercased() }) {
                reader.log.error("id: expected a job id not used before, found '\(id)' again", at: idLocation(item))
            }
            jobs.ids.append(id)
            jobs.inheritance.append(result.map { .init(block: $0.tasks.block, hasDuration: $0.tasks.hasDuration) })
            if let result {
                jobs.results.append((jobs.configs.count, result.tasks))
                jobs.configs.append(result.job)
            }
        }
        return jobs
    }

    private func idLocation(_ item: YNode) -> SourceLocation {
        if case .mapping(let pairs) = item.kind, let pair = pairs.first(where: { $0.key.text == "id" }) {
            return pair.value.location
        }
        return item.location
    }

    private func checkTaskLimit(_ blocks: [TaskBlockDecoder.Result], at location: SourceLocation) {
        var total = 0
        for block in blocks {
            total += block.block.count
            if total > ScenarioLimits.maximumTasks {
                log.error(
                    "the scenario defines more than \(ScenarioLimits.maximumTasks) tasks; the task limit "
                        + "(\(ScenarioLimits.maximumTasks)) keeps a run within one machine's memory: split the "
                        + "workload over several scenarios", at: block.countLocation)
                return
            }
        }
    }
}
