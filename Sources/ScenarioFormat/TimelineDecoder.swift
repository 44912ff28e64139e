internal import BatchModel
internal import SimulationKernel

/// Reads `timeline:` (SPEC §3): entries `{at: D | after: D, action: NAME, …fields}` in file order, with
/// `after:` resolved against the previous entry's time (the first against 0), names checked against the
/// declared keys, pools and jobs, and `submitTasks` blocks completed from their job.
struct TimelineDecoder {
    /// The fields each action takes besides `at`/`after` and `action`.
    static let actionFields: [String: [String]] = [
        "disableKey": ["key", "version"], "enableKey": ["key", "version"], "addKeyVersion": ["key", "version"],
        "setKeyExpiry": ["key", "version", "expires"], "deleteKey": ["key"], "recoverKey": ["key"],
        "purgeKey": ["key"], "setAccessPolicy": ["principal", "keyPermissions"], "removeAccessPolicy": ["principal"],
        "assignRole": ["principal", "role"], "removeRoleAssignment": ["principal", "role"],
        "denyNetworkAccess": ["allowTrustedServices"], "allowNetworkAccess": [], "deleteVault": [],
        "recoverVault": [], "purgeVault": [], "setKeyIdentifier": ["keyIdentifier"], "useMicrosoftManagedKey": [],
        "useCustomerManagedKey": ["keyIdentifier"], "deleteAccount": [],
        "resizePool": ["pool", "dedicatedNodes", "lowPriorityNodes"], "submitTasks": ["job", "tasks"],
        "preemptNodes": ["pool", "count"], "enableAutoScale": ["pool", "formula", "evaluationInterval"],
        "disableAutoScale": ["pool"],
    ]

    /// The fields every entry takes besides its action's own.
    static let entryKeys = ["at", "after", "action"]

    struct Submission {
        var job: Int
        var tasks: TaskBlockDecoder.Result
    }

    /// Where an entry is written, for later checks: the entry and its `version:` field, if any.
    struct Place {
        var entry: SourceLocation
        var version: SourceLocation?
    }

    /// The decoded timeline: entries with their places, `submitTasks` blocks and key identifiers.
    struct Decoded {
        var entries: [TimelineEntry] = []
        var places: [Place] = []
        var submissions: [Submission] = []
        var identifiers: [(KeyIdentifier, SourceLocation)] = []
    }

    let reader: NodeReader
    let tasks: TaskBlockDecoder
    let vault: KeyVaultDecoder
    let keyNames: [String]
    let poolIds: [String]
    let jobIds: [String]
    /// Decoded task blocks of the jobs, by job index (`nil` where the job itself had errors).
    let jobTasks: [TaskBlockDecoder.Inheritance?]

    func decode(_ node: YNode) -> Decoded {
        var decoded = Decoded()
        guard let items = reader.list(node, "timeline") else { return decoded }
        var previous: SimTime = 0
        for (index, item) in items.enumerated() {
            let field = "timeline[\(index)]"
            guard case .mapping(let pairs) = item.kind else {
                reader.expected("an entry {at: TIME, action: NAME, ...}", field, found: item)
                continue
            }
            guard let actionNode = pairs.first(where: { $0.key.text == "action" })?.value else {
                reader.log.error("missing required field 'action' in \(field)", at: item.location)
                continue
            }
            guard let action = reader.choose(actionNode, "action", TimelineAction.allNames),
                let extra = Self.actionFields[action],
                let fields = reader.mapping(item, "\(field) (\(action))", keys: Self.entryKeys + extra)
            else { continue }
            let time = self.time(fields, field, previous: previous)
            if let time { previous = time }
            var context = Context(fields: fields, submissions: [], identifiers: [])
            let value = self.action(action, &context)
            decoded.submissions += context.submissions
            decoded.identifiers += context.identifiers
            if let time, let value {
                decoded.entries.append(TimelineEntry(time: time, action: value, line: item.location.line))
                decoded.places.append(Place(entry: item.location, version: fields["version"]?.location))
            }
        }
        return decoded
    }

    private struct Context {
        var fields: Fields
        var submissions: [Submission]
        var identifiers: [(KeyIdentifier, SourceLocation)]
    }

    private func time(_ fields: Fields, _ field: String, previous: SimTime) -> SimTime? {
        switch (fields["at"], fields["after"]) {
        case (let at?, nil):
            return reader.duration(at, "at")
        case (nil, let after?):
            guard let offset = reader.duration(after, "after") else { return nil }
            let (sum, overflow) = previous.addingReportingOverflow(offset)
            guard !overflow, sum <= DurationSyntax.maximum else {
                reader.error("after: the resolved time is beyond 1000 years", at: after)
                return nil
            }
            return sum
        case (_?, let after?):
            reader.error("\(field): expected either 'at' or 'after', found both", at: after)
            return nil
        case (nil, nil):
            reader.log.error(
                "\(field): expected 'at' (absolute time) or 'after' (relative to the previous entry), "
                    + "found neither", at: fields.location)
            return nil
        }
    }

    private func action(_ name: String, _ context: inout Context) -> TimelineAction? {
        let fields = context.fields
        switch name {
        case "disableKey", "enableKey", "setKeyExpiry", "deleteKey", "recoverKey", "purgeKey", "addKeyVersion":
            return keyAction(name, fields)
        case "setAccessPolicy":
            return vault.permissions(fields, required: true).map {
                .setAccessPolicy(principal: fields.string("principal"), keyPermissions: $0)
            }
        case "removeAccessPolicy": return .removeAccessPolicy(principal: fields.string("principal"))
        case "assignRole": return .assignRole(principal: fields.string("principal"), role: fields.string("role"))
        case "removeRoleAssignment":
            return .removeRoleAssignment(principal: fields.string("principal"), role: fields.string("role"))
        case "denyNetworkAccess":
            return .denyNetworkAccess(allowTrustedServices: fields.bool("allowTrustedServices") ?? true)
        case "allowNetworkAccess": return .allowNetworkAccess
        case "deleteVault": return .deleteVault
        case "recoverVault": return .recoverVault
        case "purgeVault": return .purgeVault
        case "useMicrosoftManagedKey": return .useMicrosoftManagedKey
        case "deleteAccount": return .deleteAccount
        case "setKeyIdentifier", "useCustomerManagedKey":
            let required = name == "setKeyIdentifier"
            guard let node = required ? fields.required("keyIdentifier") : fields["keyIdentifier"] else {
                return required ? nil : .useCustomerManagedKey(nil)
            }
            guard let text = reader.string(node, "keyIdentifier") else { return nil }
            let identifier = KeyIdentifier(text)
            context.identifiers.append((identifier, node.location))
            return required ? .setKeyIdentifier(identifier) : .useCustomerManagedKey(identifier)
        case "resizePool":
            let pool = fields.required("pool").flatMap { reader.reference($0, "pool", kind: "pool", among: poolIds) }
            let nodes = 0...ScenarioLimits.maximumInitialNodes
            let dedicated = fields.int("dedicatedNodes", nodes)
            let low = fields.int("lowPriorityNodes", nodes)
            guard let pool, fields.has("dedicatedNodes") == (dedicated != nil),
                fields.has("lowPriorityNodes") == (low != nil)
            else { return nil }
            return .resizePool(pool: pool, dedicatedNodes: dedicated, lowPriorityNodes: low)
        case "preemptNodes":
            let pool = fields.required("pool").flatMap { reader.reference($0, "pool", kind: "pool", among: poolIds) }
            let count = fields.int("count", 1...ScenarioLimits.maximumInitialNodes)
            guard let pool, fields.has("count") == (count != nil) else { return nil }
            return .preemptNodes(pool: pool, count: count)
        case "enableAutoScale":
            let pool = fields.required("pool").flatMap { reader.reference($0, "pool", kind: "pool", among: poolIds) }
            let settings = AutoScaleDecoder(reader: reader).decode(fields)
            guard let pool, let settings else { return nil }
            return .enableAutoScale(pool: pool, autoScale: settings)
        case "disableAutoScale":
            let pool = fields.required("pool").flatMap { reader.reference($0, "pool", kind: "pool", among: poolIds) }
            return pool.map { .disableAutoScale(pool: $0) }
        default:
            return submitTasks(&context)
        }
    }

    private func keyAction(_ name: String, _ fields: Fields) -> TimelineAction? {
        guard let keyNode = fields.required("key") else { return nil }
        guard let index = keyNames.isEmpty ? nil : reader.reference(keyNode, "key", kind: "key", among: keyNames)
        else {
            if keyNames.isEmpty {
                reader.expected("a key declared under keyVault.keys (none is declared)", "key", found: keyNode)
            }
            return nil
        }
        let key = keyNames[index]
        let version = name == "addKeyVersion" ? nil : fields.string("version")
        switch name {
        case "disableKey": return .disableKey(key: key, version: version)
        case "enableKey": return .enableKey(key: key, version: version)
        case "deleteKey": return .deleteKey(key: key)
        case "recoverKey": return .recoverKey(key: key)
        case "purgeKey": return .purgeKey(key: key)
        case "addKeyVersion":
            return fields.required("version").flatMap { vault.version($0, "version") }.map {
                .addKeyVersion(key: key, version: $0)
            }
        default:
            guard let expiresNode = fields.required("expires") else { return nil }
            if expiresNode.text?.lowercased() == "never" {
                return .setKeyExpiry(key: key, version: version, expires: nil)
            }
            return reader.duration(expiresNode, "expires (a time or never)").map {
                .setKeyExpiry(key: key, version: version, expires: $0)
            }
        }
    }

    private func submitTasks(_ context: inout Context) -> TimelineAction? {
        let fields = context.fields
        guard let jobNode = fields.required("job"),
            let job = reader.reference(jobNode, "job", kind: "job", among: jobIds)
        else { return nil }
        let block = fields.mapping("tasks", keys: TaskBlockDecoder.keys)
        if fields.has("tasks"), block == nil { return nil }
        guard job < jobTasks.count, let inherit = jobTasks[job] else { return nil }  // the job has its own errors
        guard let result = tasks.decode(block, at: fields.location, job: jobIds[job], inherit: inherit) else {
            return nil
        }
        context.submissions.append(Submission(job: job, tasks: result))
        return .submitTasks(job: job, tasks: result.block)
    }
}
