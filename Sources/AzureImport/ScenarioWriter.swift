import AutoscaleFormula
import BatchModel
import Foundation
import ScenarioFormat

/// Writes an `Estate` as a scenario and a trace CSV (SPEC rule 30): ids, names and settings as read,
/// each line with the file and JSON path it came from; what the JSON cannot tell comes from the
/// options or a stated default, with a warning.
struct ScenarioWriter {
    /// Task duration when neither execution info nor `--task-duration` gives one.
    static let defaultTaskDuration = "10m"

    let estate: Estate
    let options: ImportOptions
    let log: ImportLog
    private var out = YAMLText()
    private var traceRows: [(submit: Int64, row: String, comment: String)] = []
    /// Where key dates and arrivals count from (milliseconds since 1970).
    private let startTime: Int64?

    init(estate: Estate, options: ImportOptions, log: ImportLog) {
        self.estate = estate
        self.options = options
        self.log = log
        let created = estate.tasks.compactMap(\.created)
        if let earliest = created.min() {
            startTime = earliest
        } else {
            startTime = estate.keyVersions.compactMap(\.created).max()
        }
    }

    /// The scenario text and trace text (`nil` without tasks); errors go to the log.
    mutating func write() -> (scenario: String, trace: String?) {
        // A scenario runs at least one job on at least one pool; inventing either would not be the estate.
        if estate.pools.isEmpty {
            log.plainError(
                "error: no pool document among the files: a scenario needs at least one pool "
                    + "(export one with az batch pool show)")
        }
        if estate.jobs.isEmpty {
            log.plainError(
                "error: no job document among the files: a scenario needs at least one job "
                    + "(export one with az batch job show)")
        }
        var body = YAMLText()
        swap(&body, &out)
        writeTop()
        writeAccount()
        writeVault()
        writePools()
        writeJobs()
        writeTimeline()
        swap(&body, &out)
        var header = YAMLText()
        header.line("# yaml-language-server: $schema=scenario.schema.json")
        header.comment("Imported by `batchsim import` from:")
        for file in estate.files { header.comment("  \(file)") }
        header.comment("Each line names the file and JSON path it came from. Add a timeline by hand for a what-if.")
        let warnings = log.warnings + log.unmodelledWarnings
        if !warnings.isEmpty {
            header.comment("Warnings (what the JSON did not say, and what batchsim does not model):")
            for warning in warnings { header.comment("  " + warning) }
        }
        let scenario = header.text + body.text
        guard !traceRows.isEmpty else { return (scenario, nil) }
        var trace =
            "# Imported by `batchsim import`: one row per task, after a comment naming its file and JSON path.\n"
        trace += "submit,duration,requiredSlots,job\n"
        for row in traceRows.enumerated().sorted(by: { ($0.element.submit, $0.offset) < ($1.element.submit, $1.offset) }
        ) {
            trace += "# \(YAMLText.oneLine(row.element.comment))\n\(row.element.row)\n"
        }
        return (scenario, trace)
    }

    private mutating func writeTop() {
        let name = options.name ?? "imported"
        out.line("name: \(YAMLText.scalar(name))", "--name, else the output file's name")
        let counts = [
            (estate.pools.count, "pool"), (estate.jobs.count, "job"), (estate.tasks.count, "task"),
        ].filter { $0.0 > 0 }.map { "\($0.0) \($0.1)\($0.0 == 1 ? "" : "s")" }
        let what = counts.isEmpty ? "" : " (" + counts.joined(separator: ", ") + ")"
        out.line("description: \(YAMLText.scalar("Imported from \(estate.files.count) Azure documents\(what)."))")
    }

    // MARK: Account and vault

    private mutating func writeAccount() {
        guard let account = estate.account else { return }
        out.line("account:")
        if let name = account.name { out.line("  name: \(YAMLText.scalar(name.value))", name.origin.comment) }
        if let region = account.region {
            out.line("  region: \(YAMLText.scalar(region.value))", region.origin.comment)
        }
        if let identity = account.identity {
            out.line("  identity: \(identity.value)", identity.origin.comment)
        } else {
            out.line("  identity: None", "no identity in the account document")
        }
        if let principal = account.principal {
            out.line("  principal: \(YAMLText.scalar(principal.value))", principal.origin.comment)
        }
        if account.keySource != nil || account.keyIdentifier != nil {
            out.line("  encryption:")
            if let source = account.keySource {
                out.line("    keySource: \(YAMLText.scalar(source.value))", source.origin.comment)
            }
            if let identifier = account.keyIdentifier {
                out.line("    keyIdentifier: \(YAMLText.scalar(identifier.value))", identifier.origin.comment)
            }
        }
        log.warn(
            "the account's detection and recovery delays are not in the JSON: defaults (detectionDelay 0s, "
                + "recoveryDelay 10m)")
    }

    private mutating func writeVault() {
        let vault = estate.vault
        guard vault != nil || !estate.keyVersions.isEmpty else { return }
        out.line("keyVault:")
        let name = vault?.name.value ?? estate.keyVersions.first?.vault ?? "vault"
        if let vault {
            out.line("  name: \(YAMLText.scalar(vault.name.value))", vault.name.origin.comment)
            let rbac = vault.rbac?.value ?? false
            out.line(
                "  permissionModel: \(rbac ? "rbac" : "accessPolicy")",
                vault.rbac.map { $0.origin.comment } ?? "enableRbacAuthorization absent: false, as in Azure")
            if let soft = vault.softDelete {
                out.line("  softDelete: \(soft.value)", soft.origin.comment)
            } else {
                out.line("  softDelete: true", "enableSoftDelete absent: true, as in Azure")
            }
            out.line(
                "  purgeProtection: \(vault.purgeProtection?.value ?? false)",
                vault.purgeProtection.map { $0.origin.comment } ?? "enablePurgeProtection absent: false, as in Azure")
            if let retention = vault.retentionDays {
                out.line("  retentionDays: \(retention.value)", retention.origin.comment)
            }
            if !vault.accessPolicies.isEmpty {
                out.line("  accessPolicies:")
                for policy in vault.accessPolicies {
                    out.line(
                        "    - principal: \(YAMLText.scalar(policy.principal.value))", policy.principal.origin.comment)
                    let permissions = policy.permissions.value.map(Self.permission).map(YAMLText.scalar)
                    out.line(
                        "      keyPermissions: [\(permissions.joined(separator: ", "))]",
                        policy.permissions.origin.comment)
                }
            }
        } else {
            out.line("  name: \(YAMLText.scalar(name))", "from the key versions' kid (no vault document)")
            log.warn("no Key Vault document: the vault's settings are defaults (soft delete and purge protection on)")
        }
        if !estate.roleAssignments.isEmpty {
            out.line("  roleAssignments:")
            for assignment in estate.roleAssignments {
                out.line(
                    "    - {principal: \(YAMLText.scalar(assignment.principal.value)), role: "
                        + "\(YAMLText.scalar(assignment.role.value))}", assignment.role.origin.comment)
            }
        }
        writeKeys(vault: name)
    }

    /// Canonical spellings of key permissions (the loader compares names exactly).
    static func permission(_ text: String) -> String {
        let names = [
            "get", "list", "update", "create", "import", "delete", "recover", "backup", "restore", "decrypt", "encrypt",
            "unwrapKey", "wrapKey", "verify", "sign", "purge", "release", "rotate", "getRotationPolicy",
            "setRotationPolicy", "all",
        ]
        return names.first { $0.lowercased() == text.lowercased() } ?? text
    }

    private mutating func writeKeys(vault: String) {
        var keys: [String] = []
        for version in estate.keyVersions where !keys.contains(version.key) { keys.append(version.key) }
        guard !keys.isEmpty else { return }
        out.line("  keys:")
        for key in keys {
            let versions = estate.keyVersions.enumerated().filter { $0.element.key == key }
                .sorted { ($0.element.created ?? 0, $0.offset) < ($1.element.created ?? 0, $1.offset) }
                .map(\.element)
            out.line("    - name: \(YAMLText.scalar(key))", versions.first?.origin.comment)
            if let type = versions.last(where: { $0.keyType != nil })?.keyType {
                out.line("      type: \(YAMLText.scalar(type.value))", type.origin.comment)
            }
            if let size = versions.last(where: { $0.keySize != nil })?.keySize {
                out.line("      size: \(size.value)", size.origin.comment + " (modulus length)")
            }
            out.line("      versions:", "oldest first (attributes.created)")
            for version in versions {
                if version.vault.lowercased() != vault.lowercased() {
                    log.warn("key version \(version.version) is in vault '\(version.vault)', not '\(vault)'")
                }
                var parts = ["id: \(YAMLText.scalar(version.version))"]
                if let enabled = version.enabled { parts.append("enabled: \(enabled)") }
                if let expires = version.expires { parts.append("expires: \(relative(expires))") }
                if let notBefore = version.notBefore { parts.append("notBefore: \(relative(notBefore))") }
                out.line("        - {\(parts.joined(separator: ", "))}", version.origin.comment)
            }
        }
    }

    /// Writes `autoScale: {formula, evaluationInterval}` when batchsim can simulate it: a formula it
    /// loads and an interval in the service's range (5 minutes to 168 hours; absent: the default 15
    /// minutes). Otherwise the pool keeps the node counts it has, with a warning saying why.
    private mutating func writeAutoScale(_ autoScale: Estate.AutoScale, of pool: String) -> Bool {
        func keepCounts(_ why: String) -> Bool {
            log.warn(
                "pool '\(pool)' autoscales, but \(why); it keeps the node counts it has (\(autoScale.origin.comment))")
            return false
        }
        guard let formula = autoScale.formula else { return keepCounts("no formula is given") }
        do {
            _ = try Formula.load(formula.value)
        } catch {
            return keepCounts("its formula does not load in batchsim (\(error.description))")
        }
        let fallback = DurationSyntax.format(PoolConfig.AutoScale.defaultInterval)
        var interval = (text: fallback, comment: "evaluationInterval absent: the service's \(fallback)")
        if let given = autoScale.interval {
            guard case .milliseconds(let milliseconds) = given.value,
                PoolConfig.AutoScale.intervals.contains(milliseconds)
            else { return keepCounts("its evaluation interval is outside 5 minutes to 168 hours") }
            interval = (DurationSyntax.format(milliseconds), given.origin.comment)
        }
        out.line("    autoScale:", autoScale.origin.comment)
        out.text(key: "formula", formula.value, indent: 6, comment: formula.origin.comment)
        out.line("      evaluationInterval: \(interval.text)", interval.comment)
        return true
    }

    private func relative(_ milliseconds: Int64) -> String {
        DurationSyntax.format(max(0, milliseconds - (startTime ?? milliseconds)))
    }

    // MARK: Pools

    private mutating func writePools() {
        guard !estate.pools.isEmpty else { return }
        out.line("pools:")
        var matchedPrices = Set<String>()
        for pool in estate.pools {
            out.line("  - id: \(YAMLText.scalar(pool.id.value))", pool.id.origin.comment)
            if let size = pool.vmSize { out.line("    vmSize: \(YAMLText.scalar(size.value))", size.origin.comment) }
            if let autoScale = pool.autoScale, writeAutoScale(autoScale, of: pool.id.value) {
                // The scenario's pool starts empty and the formula sizes it (`autoScale` excludes node counts).
            } else if let dedicated = pool.dedicatedNodes {
                out.line("    dedicatedNodes: \(dedicated.value)", dedicated.origin.comment)
            } else {
                out.line("    dedicatedNodes: 0", "targetDedicatedNodes absent: 0")
            }
            if let low = pool.lowPriorityNodes {
                out.line("    lowPriorityNodes: \(low.value)", low.origin.comment)
            }
            if let slots = pool.taskSlotsPerNode {
                out.line("    taskSlotsPerNode: \(slots.value)", slots.origin.comment)
            }
            if let fill = pool.nodeFillType { out.line("    nodeFillType: \(fill.value)", fill.origin.comment) }
            if let start = pool.startTask {
                out.line("    startTask:", start.origin.comment)
                out.line("      duration: 0s", "not in the JSON: 0s")
                log.warn("start task durations are not in the JSON: 0s (edit startTask.duration)")
                if let wait = start.waitForSuccess {
                    out.line("      waitForSuccess: \(wait.value)", wait.origin.comment)
                }
                if let retries = start.maxTaskRetryCount {
                    out.line("      maxTaskRetryCount: \(retryCount(retries))", retries.origin.comment)
                }
            }
            if let size = pool.vmSize?.value,
                let price = options.prices.first(where: { $0.vmSize.lowercased() == size.lowercased() })
            {
                matchedPrices.insert(price.vmSize.lowercased())
                out.line("    pricePerNodeHour: \(price.perHour)", "--price \(price.vmSize)=\(price.perHour)")
            } else {
                log.warn("prices are not in the JSON: pools without a --price vmSize=perHour cost 0")
            }
        }
        for price in options.prices where !matchedPrices.contains(price.vmSize.lowercased()) {
            log.warn("--price \(price.vmSize)=\(price.perHour) matches no pool's vmSize")
        }
        log.warn("allocation delays are not in the JSON: nodes are ready at once (edit allocationDelay)")
    }

    /// Azure's -1 (retry without limit) as the scenario's largest count.
    private func retryCount(_ retries: Sourced<Int>) -> Int {
        guard retries.value < 0 else { return retries.value }
        log.warn("maxTaskRetryCount -1 (unlimited) is imported as 10000 (\(retries.origin.comment))")
        return 10_000
    }

    // MARK: Jobs and tasks

    private mutating func writeJobs() {
        let poolIds = Set(estate.pools.map(\.id.value))
        let jobIds = estate.jobs.map(\.id.value)
        var tasksByJob: [String: [Estate.Task]] = [:]
        for task in estate.tasks {
            guard let job = task.job ?? (jobIds.count == 1 ? jobIds.first : nil) else {
                log.error(
                    "task '\(task.id)' belongs to no job: its url names none and there are \(jobIds.count) jobs",
                    at: task.origin)
                continue
            }
            guard jobIds.contains(job) else {
                log.error("task '\(task.id)' belongs to job '\(job)', which no file defines", at: task.origin)
                continue
            }
            tasksByJob[job, default: []].append(task)
        }
        guard !estate.jobs.isEmpty else { return }
        out.line("jobs:")
        for job in estate.jobs {
            if !poolIds.contains(job.pool.value) {
                log.error(
                    "job '\(job.id.value)' runs on pool '\(job.pool.value)', which no file defines", at: job.pool.origin
                )
            }
            writeJob(job, tasks: tasksByJob[job.id.value] ?? [])
        }
    }

    private mutating func writeJob(_ job: Estate.Job, tasks: [Estate.Task]) {
        out.line("  - id: \(YAMLText.scalar(job.id.value))", job.id.origin.comment)
        out.line("    pool: \(YAMLText.scalar(job.pool.value))", job.pool.origin.comment)
        if let priority = job.priority { out.line("    priority: \(priority.value)", priority.origin.comment) }
        out.line("    tasks:")
        if tasks.isEmpty {
            out.line("      count: 0", "no task documents for this job")
            log.warn("job '\(job.id.value)' has no task documents: it imports with no tasks")
        } else {
            out.line("      arrival: {trace: \(YAMLText.scalar(options.traceFileName))}", "\(tasks.count) tasks")
        }
        if tasks.isEmpty || tasks.contains(where: { $0.measured == nil }) {
            if let duration = options.taskDuration {
                out.line("      duration: \(duration)", "--task-duration")
            } else {
                out.line("      duration: \(Self.defaultTaskDuration)", "not in the JSON: default")
                log.warn(
                    "tasks without executionInfo have no measured duration: \(Self.defaultTaskDuration) "
                        + "(set --task-duration)")
            }
        }
        let taskRetries = tasks.compactMap(\.maxTaskRetryCount)
        if let retries = job.maxTaskRetryCount {
            out.line("      maxTaskRetryCount: \(retryCount(retries))", retries.origin.comment)
        } else if let first = taskRetries.first {
            if taskRetries.contains(where: { $0.value != first.value }) {
                log.warn("job '\(job.id.value)': tasks differ in maxTaskRetryCount; the first task's value is used")
            }
            out.line("      maxTaskRetryCount: \(retryCount(first))", first.origin.comment)
        }
        let results = tasks.compactMap(\.failed)
        if !results.isEmpty {
            let failed = results.filter { $0 }.count
            let probability = Double(failed) / Double(results.count)
            out.line(
                "      failureProbability: \(Self.decimal(probability))",
                "\(failed) of \(results.count) tasks with executionInfo.result failed")
        }
        for task in tasks { addTraceRow(task, job: job.id.value) }
    }

    private mutating func addTraceRow(_ task: Estate.Task, job: String) {
        var submit: Int64 = 0
        if let created = task.created, let startTime {
            submit = created - startTime
        } else if startTime != nil {
            log.warn("tasks without creationTime arrive at 0s")
        }
        let duration = task.measured.map { DurationSyntax.format($0) } ?? ""
        let slots = task.requiredSlots.map { String($0.value) } ?? ""
        let row = "\(DurationSyntax.format(submit)),\(duration),\(slots),\(Self.csvField(job))"
        traceRows.append((submit, row, "\(task.origin.comment) (\(task.id))"))
    }

    private static func csvField(_ text: String) -> String {
        guard text.contains(where: { ",\"\n\r#".contains($0) }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// At most six decimals, no trailing zeros: the same bytes on every platform.
    static func decimal(_ value: Double) -> String {
        let scaled = Int64((value * 1_000_000).rounded())
        let whole = scaled / 1_000_000
        var fraction = String(scaled % 1_000_000)
        fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return fraction.isEmpty ? "\(whole)" : "\(whole).\(fraction)"
    }

    // MARK: Timeline

    private mutating func writeTimeline() {
        guard let vault = estate.vault, let deny = vault.denyNetwork, deny.value else { return }
        out.line("timeline:")
        out.line(
            "  - {at: 0s, action: denyNetworkAccess, allowTrustedServices: \(vault.allowTrustedServices)}",
            deny.origin.comment + " (the firewall as exported)")
    }
}
