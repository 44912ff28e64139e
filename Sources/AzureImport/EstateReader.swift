import Foundation

/// Recognises each document by its shape (SPEC rule 29) and reads what batchsim models into an
/// `Estate`; everything else is reported as not modelled.
///
/// Shapes are recognised by the fields Azure's tools print, not by file names, so `az` output, REST
/// bodies, ARM resources and CLI templates can be mixed in any order.
final class EstateReader {
    let log = ImportLog()
    private(set) var estate = Estate()
    /// Values from parameters files, shared by every template.
    private var given: [String: JSONNode] = [:]

    /// Reads parsed documents: parameters files first (they feed every template), then the rest in order.
    func read(_ documents: [(file: String, root: JSONNode)]) {
        estate.files = documents.map(\.file)
        var rest: [(file: String, root: JSONNode)] = []
        for document in documents {
            if let values = Self.parameterValues(document.root) {
                given.merge(values) { _, new in new }
            } else {
                rest.append(document)
            }
        }
        for document in rest {
            readFile(document.file, document.root)
        }
    }

    /// `{"x": {"value": v}}` or an ARM parameters file `{"$schema": …, "parameters": {"x": {"value": v}}}`.
    static func parameterValues(_ root: JSONNode) -> [String: JSONNode]? {
        guard let members = root.members else { return nil }
        let table = root["parameters"].flatMap { $0.members } ?? members
        if root["parameters"] != nil, root["pool"] != nil || root["job"] != nil { return nil }
        guard !table.isEmpty,
            table.allSatisfy({ member in
                member.value.members.map { inner in inner.contains { $0.key == "value" } } ?? false
            })
        else { return nil }
        var values: [String: JSONNode] = [:]
        for member in table {
            if let value = member.value["value"] { values[member.key] = value }
        }
        return values
    }

    private func readFile(_ file: String, _ root: JSONNode) {
        let origin = Origin(file: file, path: "$", line: root.line, column: root.column)
        if let elements = root.elements {
            readList(elements, origin: origin, context: TemplateContext(given: given), job: nil)
        } else if let page = root["value"], let elements = page.elements {
            let pageOrigin = origin.appending("value", page)
            for member in root.members ?? [] where member.key != "value" && !member.key.hasPrefix("odata.") {
                log.unmodelled("page", member.key, at: origin.appending(member.key, member.value))
            }
            readList(elements, origin: pageOrigin, context: TemplateContext(given: given), job: nil)
        } else {
            readDocument(root, origin: origin, context: TemplateContext(given: given), job: nil)
        }
    }

    private func readList(_ elements: [JSONNode], origin: Origin, context: TemplateContext, job: String?) {
        for (index, element) in elements.enumerated() {
            readDocument(element, origin: origin.appending(index: index, element), context: context, job: job)
        }
    }

    private func readDocument(_ node: JSONNode, origin: Origin, context: TemplateContext, job: String?) {
        guard node.members != nil else {
            log.error(
                "expected a JSON object describing a Batch account, Key Vault, key, pool, job or task, "
                    + "found \(node.found)", at: origin)
            return
        }
        if let resources = node["resources"]?.elements, node["$schema"] != nil || node["contentVersion"] != nil {
            readDeployment(node, resources: resources, origin: origin, context: context)
            return
        }
        if let template = templateBody(node, origin: origin) {
            var context = context
            context.parameters = node["parameters"]
            context.variables = node["variables"]
            readDocument(template.body, origin: template.origin, context: context, job: job)
            return
        }
        let type = node["type"]?.string?.lowercased() ?? ""
        let properties = node["properties"]
        switch true {
        case type == "microsoft.batch/batchaccounts/pools" && properties?["scaleSettings"] != nil,
            properties?["scaleSettings"] != nil, properties?["vmSize"] != nil && type.hasSuffix("/pools"):
            readManagementPool(node, origin: origin, context: context)
        case type.hasSuffix("batchaccounts/pools") && properties != nil:
            // A template's `{"type": …/pools, "properties": {…}}` without a wrapper: the data-plane body.
            readDocument(
                properties ?? node, origin: origin.appending("properties", properties ?? node), context: context,
                job: job)
        case type.hasSuffix("batchaccounts/jobs") && properties != nil:
            readDocument(
                properties ?? node, origin: origin.appending("properties", properties ?? node), context: context,
                job: job)
        case type == "microsoft.batch/batchaccounts", node["accountEndpoint"] != nil,
            properties?["accountEndpoint"] != nil, node["poolAllocationMode"] != nil,
            properties?["poolAllocationMode"] != nil:
            readAccount(node, origin: origin, context: context)
        case type == "microsoft.keyvault/vaults", properties?["vaultUri"] != nil, properties?["accessPolicies"] != nil,
            properties?["enableSoftDelete"] != nil:
            readVault(node, origin: origin, context: context)
        case node["kid"] != nil, node["key"]?["kid"] != nil:
            readKeyVersion(node, origin: origin, context: context)
        case node["roleDefinitionName"] != nil, node["roleDefinitionId"] != nil:
            readRoleAssignment(node, origin: origin, context: context)
        case node["poolInfo"] != nil:
            readJob(node, origin: origin, context: context)
        case [
            "vmSize", "targetDedicatedNodes", "targetLowPriorityNodes", "taskSlotsPerNode", "maxTasksPerNode",
            "enableAutoScale", "virtualMachineConfiguration", "cloudServiceConfiguration",
        ]
        .contains(where: { node[$0] != nil }):
            readPool(node, origin: origin, context: context)
        case node["id"] != nil
            && ["commandLine", "executionInfo", "requiredSlots", "multiInstanceSettings"].contains(where: {
                node[$0] != nil
            }):
            readTask(node, origin: origin, context: context, job: job)
        default:
            log.error(
                "unknown document: not a Batch account, Key Vault, key version, role assignment, pool, job or "
                    + "task (no field such as vmSize, poolInfo, commandLine, kid or properties.vaultUri)", at: origin)
        }
    }

    /// An ARM deployment template (`az group export`): its Batch and Key Vault resources, with the
    /// template's parameters and variables; resources of other types are listed as not modelled.
    private func readDeployment(
        _ node: JSONNode, resources: [JSONNode], origin: Origin, context: TemplateContext
    ) {
        var context = context
        context.parameters = node["parameters"]
        context.variables = node["variables"]
        let resourcesOrigin = origin.appending("resources", node["resources"] ?? node)
        let known = [
            "microsoft.batch/batchaccounts", "microsoft.batch/batchaccounts/pools", "microsoft.keyvault/vaults",
        ]
        for (index, resource) in resources.enumerated() {
            readResource(
                resource, parentType: nil, origin: resourcesOrigin.appending(index: index, resource),
                context: context, known: known)
        }
    }

    /// One template resource; child resources (`"type": "pools"` inside the account) take their parent's
    /// type as a prefix, as ARM does.
    private func readResource(
        _ resource: JSONNode, parentType: String?, origin: Origin, context: TemplateContext, known: [String]
    ) {
        var type = resource["type"]?.string ?? ""
        if let parentType, !type.contains("/") { type = parentType + "/" + type }
        var node = resource
        if let children = resource["resources"]?.elements {
            let childrenOrigin = origin.appending("resources", resource["resources"] ?? resource)
            for (index, child) in children.enumerated() {
                readResource(
                    child, parentType: type, origin: childrenOrigin.appending(index: index, child),
                    context: context, known: known)
            }
            node = JSONNode(
                .object((resource.members ?? []).filter { $0.key != "resources" }), line: resource.line,
                column: resource.column)
        }
        guard known.contains(type.lowercased()) else {
            log.unmodelled("template resource", type.isEmpty ? "(no type)" : type, at: origin)
            return
        }
        if let members = node.members, resource["type"]?.string != type {
            node = JSONNode(
                .object(
                    members.map { $0.key == "type" ? JSONNode.Member(key: "type", value: JSONNode(.string(type))) : $0 }
                ),
                line: node.line, column: node.column)
        }
        readDocument(node, origin: origin, context: context, job: nil)
    }

    /// A Batch CLI template `{"pool"|"job": {…}}`, with or without `type`/`apiVersion`/`properties`.
    private func templateBody(_ node: JSONNode, origin: Origin) -> (body: JSONNode, origin: Origin)? {
        let wrapperKeys: Set<String> = ["pool", "job", "parameters", "variables", "$schema", "contentVersion"]
        guard let members = node.members, members.allSatisfy({ wrapperKeys.contains($0.key) }) else { return nil }
        for key in ["pool", "job"] {
            guard let wrapped = node[key], wrapped.members != nil else { continue }
            let wrappedOrigin = origin.appending(key, wrapped)
            if let properties = wrapped["properties"], properties.members != nil {
                for member in wrapped.members ?? [] where !["type", "apiVersion", "properties"].contains(member.key) {
                    log.unmodelled(key + " template", member.key, at: wrappedOrigin.appending(member.key, member.value))
                }
                return (properties, wrappedOrigin.appending("properties", properties))
            }
            return (stripping(["type", "apiVersion"], from: wrapped), wrappedOrigin)
        }
        return nil
    }

    private func stripping(_ keys: Set<String>, from node: JSONNode) -> JSONNode {
        JSONNode(
            .object((node.members ?? []).filter { !keys.contains($0.key) }), line: node.line, column: node.column)
    }

    // MARK: Pools

    private func readPool(_ node: JSONNode, origin: Origin, context: TemplateContext) {
        let fields = DocumentFields(node, origin: origin, kind: "pool", context: context, log: log)
        guard let id = fields.string("id") else {
            if !fields.has("id") { log.error("pool without an id", at: origin) }
            fields.finish()
            return
        }
        var pool = Estate.Pool(id: id)
        pool.vmSize = fields.informationalString("vmSize")
        pool.dedicatedNodes = fields.int("targetDedicatedNodes", 0...1_000_000)
        pool.lowPriorityNodes = fields.int("targetLowPriorityNodes", 0...1_000_000)
        pool.taskSlotsPerNode = fields.int("taskSlotsPerNode", 1...256) ?? fields.int("maxTasksPerNode", 1...256)
        if let policy = fields.child("taskSchedulingPolicy") {
            pool.nodeFillType = fillType(policy)
            policy.finish()
        }
        pool.startTask = startTask(fields)
        if let autoScale = fields.bool("enableAutoScale"), autoScale.value {
            pool.autoScale = Estate.AutoScale(
                origin: autoScale.origin, formula: fields.string("autoScaleFormula"),
                interval: fields.duration("autoScaleEvaluationInterval"))
            if pool.dedicatedNodes == nil, let current = fields.int("currentDedicatedNodes", 0...1_000_000) {
                pool.dedicatedNodes = current
            }
            if pool.lowPriorityNodes == nil, let current = fields.int("currentLowPriorityNodes", 0...1_000_000) {
                pool.lowPriorityNodes = current
            }
        }
        fields.finish()
        addPool(pool)
    }

    private func readManagementPool(_ node: JSONNode, origin: Origin, context: TemplateContext) {
        let top = DocumentFields(node, origin: origin, kind: "pool (ARM)", context: context, log: log)
        top.skip("id", "type", "etag")
        let name = top.string("name")
        guard let properties = top.child("properties", kind: "pool") else {
            top.finish()
            return
        }
        guard let name else {
            if !top.has("name") { log.error("ARM pool without a name", at: origin) }
            top.finish()
            return
        }
        let id = name.value.split(separator: "/").last.map(String.init) ?? name.value
        var pool = Estate.Pool(id: Sourced(value: id, origin: name.origin))
        pool.vmSize = properties.informationalString("vmSize")
        pool.taskSlotsPerNode =
            properties.int("taskSlotsPerNode", 1...256) ?? properties.int("maxTasksPerNode", 1...256)
        if let policy = properties.child("taskSchedulingPolicy") {
            pool.nodeFillType = fillType(policy)
            policy.finish()
        }
        if let scale = properties.child("scaleSettings") {
            if let fixed = scale.child("fixedScale") {
                pool.dedicatedNodes = fixed.int("targetDedicatedNodes", 0...1_000_000)
                pool.lowPriorityNodes = fixed.int("targetLowPriorityNodes", 0...1_000_000)
                fixed.finish()
            }
            if let auto = scale.child("autoScale") {
                pool.autoScale = Estate.AutoScale(
                    origin: auto.origin, formula: auto.string("formula"), interval: auto.duration("evaluationInterval"))
                auto.finish()
            }
            scale.finish()
        }
        if pool.autoScale != nil {
            pool.dedicatedNodes = pool.dedicatedNodes ?? properties.int("currentDedicatedNodes", 0...1_000_000)
            pool.lowPriorityNodes =
                pool.lowPriorityNodes ?? properties.int("currentLowPriorityNodes", 0...1_000_000)
        }
        pool.startTask = startTask(properties)
        properties.finish()
        top.finish()
        addPool(pool)
    }

    private func fillType(_ policy: DocumentFields) -> Sourced<String>? {
        guard let fill = policy.string("nodeFillType") else { return nil }
        let lowered = fill.value.lowercased()
        guard ["spread", "pack"].contains(lowered) else {
            log.error("nodeFillType: expected spread or pack, found \"\(fill.value)\"", at: fill.origin)
            return nil
        }
        return Sourced(value: lowered, origin: fill.origin)
    }

    private func startTask(_ fields: DocumentFields) -> Estate.StartTask? {
        guard let start = fields.child("startTask") else { return nil }
        let task = Estate.StartTask(
            origin: start.origin, waitForSuccess: start.bool("waitForSuccess"),
            maxTaskRetryCount: start.int("maxTaskRetryCount", -1...10_000))
        start.finish()
        return task
    }

    private func addPool(_ pool: Estate.Pool) {
        if let earlier = estate.pools.first(where: { $0.id.value == pool.id.value }) {
            log.error(
                "pool '\(pool.id.value)' is defined twice (also at \(earlier.id.origin.comment))",
                at: pool.id.origin)
            return
        }
        estate.pools.append(pool)
    }

    // MARK: Jobs and tasks

    private func readJob(_ node: JSONNode, origin: Origin, context: TemplateContext) {
        let fields = DocumentFields(node, origin: origin, kind: "job", context: context, log: log)
        let id = fields.string("id")
        let info = fields.child("poolInfo")
        let pool = info?.string("poolId")
        if let info, pool == nil, !info.has("poolId") {
            log.error("job's poolInfo names no poolId (auto pools are not imported)", at: info.origin)
        }
        info?.finish()
        let priority = fields.int("priority", -1000...1000)
        var retries: Sourced<Int>?
        if let constraints = fields.child("constraints") {
            retries = constraints.int("maxTaskRetryCount", -1...10_000)
            constraints.finish()
        }
        if let factory = fields.child("taskFactory"), let id {
            if factory.raw("type")?.node.string?.lowercased() == "taskcollection",
                let (tasks, tasksOrigin) = factory.raw("tasks"), let elements = tasks.elements
            {
                readList(elements, origin: tasksOrigin, context: context, job: id.value)
            }
            factory.finish()
        }
        fields.finish()
        guard let id else {
            if !fields.has("id") { log.error("job without an id", at: origin) }
            return
        }
        guard let pool else { return }
        if estate.jobs.contains(where: { $0.id.value == id.value }) {
            log.error("job '\(id.value)' is defined twice", at: id.origin)
            return
        }
        estate.jobs.append(Estate.Job(id: id, pool: pool, priority: priority, maxTaskRetryCount: retries))
    }

    private func readTask(_ node: JSONNode, origin: Origin, context: TemplateContext, job: String?) {
        let fields = DocumentFields(node, origin: origin, kind: "task", context: context, log: log)
        let id = fields.string("id")
        var task = Estate.Task(origin: origin, id: id?.value ?? "", job: job)
        if let url = fields.string("url"), let range = url.value.range(of: "/jobs/") {
            let rest = url.value[range.upperBound...]
            if let end = rest.range(of: "/tasks") {
                task.job = String(rest[..<end.lowerBound]).removingPercentEncoding ?? String(rest[..<end.lowerBound])
            }
        }
        task.requiredSlots = fields.int("requiredSlots", 1...256)
        if let constraints = fields.child("constraints") {
            task.maxTaskRetryCount = constraints.int("maxTaskRetryCount", -1...10_000)
            constraints.finish()
        }
        task.created = fields.timestamp("creationTime")?.value
        if let execution = fields.child("executionInfo") {
            let start = execution.timestamp("startTime")
            let end = execution.timestamp("endTime")
            if let start, let end {
                if end.value >= start.value {
                    task.measured = end.value - start.value
                } else {
                    log.error("executionInfo.endTime is before startTime", at: end.origin)
                }
            }
            if let result = execution.string("result") {
                task.failed = result.value.lowercased() == "failure"
            }
            execution.finish()
        }
        fields.finish()
        estate.tasks.append(task)
    }

    // MARK: Account, vault, keys

    private func readAccount(_ node: JSONNode, origin: Origin, context: TemplateContext) {
        let top = DocumentFields(node, origin: origin, kind: "account", context: context, log: log)
        top.skip("id", "type")
        var account = Estate.Account()
        account.name = top.string("name")
        account.region = top.informationalString("location")
        if let identity = top.child("identity") {
            if let type = identity.string("type") {
                let lowered = type.value.lowercased().replacingOccurrences(of: " ", with: "")
                let mapped: String
                switch lowered {
                case "systemassigned": mapped = "SystemAssigned"
                case "userassigned": mapped = "UserAssigned"
                case "none": mapped = "None"
                default:
                    // "SystemAssigned, UserAssigned": the system identity when it has a principal.
                    mapped = identity.has("principalId") ? "SystemAssigned" : "UserAssigned"
                    log.warn("identity type \"\(type.value)\" has two identities; imported as \(mapped)")
                }
                account.identity = Sourced(value: mapped, origin: type.origin)
            }
            account.principal = identity.string("principalId")
            if account.principal == nil, let users = identity.child("userAssignedIdentities") {
                let entries = users.node.members ?? []
                if entries.count == 1, let only = entries.first, let inner = users.child(only.key) {
                    account.principal = inner.string("principalId")
                    inner.finish()
                } else if entries.count > 1 {
                    log.warn(
                        "the account has \(entries.count) user-assigned identities; none imported as its principal")
                    users.skip(contentsOf: entries.map(\.key))
                }
                users.finish()
            }
            identity.skip("tenantId")
            identity.finish()
        }
        let properties = top.child("properties", kind: "account") ?? top
        if properties !== top { top.finish() }
        if let encryption = properties.child("encryption") {
            account.keySource = encryption.string("keySource")
            if let vaultProperties = encryption.child("keyVaultProperties") {
                account.keyIdentifier = vaultProperties.string("keyIdentifier")
                vaultProperties.finish()
            }
            encryption.finish()
        }
        properties.finish()
        if estate.account != nil {
            log.error("a second Batch account: one scenario models one account", at: origin)
            return
        }
        estate.account = account
    }

    private func readVault(_ node: JSONNode, origin: Origin, context: TemplateContext) {
        let top = DocumentFields(node, origin: origin, kind: "vault", context: context, log: log)
        top.skip("id", "type")
        let name = top.string("name")
        guard let properties = top.child("properties", kind: "vault"), let name else {
            top.finish()
            if !top.has("name") { log.error("Key Vault without a name", at: origin) }
            return
        }
        top.finish()
        var vault = Estate.Vault(name: name, accessPolicies: [], allowTrustedServices: true)
        vault.softDelete = properties.bool("enableSoftDelete")
        vault.purgeProtection = properties.bool("enablePurgeProtection")
        vault.retentionDays = properties.int("softDeleteRetentionInDays", 0...36_500)
        vault.rbac = properties.bool("enableRbacAuthorization")
        if let (policies, policiesOrigin) = properties.raw("accessPolicies"), let list = policies.elements {
            for (index, policy) in list.enumerated() {
                let fields = DocumentFields(
                    policy, origin: policiesOrigin.appending(index: index, policy), kind: "vault.accessPolicies[]",
                    context: context, log: log)
                let principal = fields.string("objectId")
                let permissions = fields.child("permissions")
                var keys: Sourced<[String]>?
                if let (value, keysOrigin) = permissions?.raw("keys") {
                    keys = Sourced(value: (value.elements ?? []).compactMap(\.string), origin: keysOrigin)
                }
                permissions?.finish()
                fields.finish()
                if let principal {
                    vault.accessPolicies.append(
                        (principal, keys ?? Sourced(value: [], origin: permissions?.origin ?? fields.origin)))
                }
            }
        }
        if let acls = properties.child("networkAcls") {
            if let action = acls.string("defaultAction") {
                vault.denyNetwork = Sourced(value: action.value.lowercased() == "deny", origin: action.origin)
            }
            let bypass = acls.string("bypass")?.value.lowercased() ?? "azureservices"
            vault.allowTrustedServices = bypass.contains("azureservices")
            acls.finish()
        }
        properties.finish()
        if estate.vault != nil {
            log.error("a second Key Vault: one scenario models one vault", at: origin)
            return
        }
        estate.vault = vault
    }

    private func readKeyVersion(_ node: JSONNode, origin: Origin, context: TemplateContext) {
        let top = DocumentFields(node, origin: origin, kind: "key version", context: context, log: log)
        let fields = top.has("kid") ? top : (top.child("key", kind: "key version") ?? top)
        guard let kid = fields.string("kid") else { return }
        let parts = kid.value.split(separator: "/", omittingEmptySubsequences: true)
        guard let keysIndex = parts.firstIndex(of: "keys"), parts.count >= keysIndex + 3,
            let host = parts.dropFirst().first
        else {
            log.error(
                "kid: expected https://VAULT.vault.azure.net/keys/NAME/VERSION, found \"\(kid.value)\"",
                at: kid.origin)
            fields.finish()
            return
        }
        var version = Estate.KeyVersion(
            origin: kid.origin, vault: String(host.split(separator: ".").first ?? host),
            key: String(parts[keysIndex + 1]), version: String(parts[keysIndex + 2]))
        if fields !== top {
            // `az keyvault key show` nests the JSON Web Key: its type and modulus give the key's type and size.
            version.keyType = fields.string("kty")
            if let modulus = fields.string("n") {
                version.keySize = Sourced(value: Self.modulusBits(modulus.value), origin: modulus.origin)
            }
            fields.finish()
        }
        if let attributes = top.child("attributes") {
            version.enabled = attributes.bool("enabled")?.value
            version.created = time(attributes, "created")
            version.expires = time(attributes, "exp") ?? time(attributes, "expires")
            version.notBefore = time(attributes, "nbf") ?? time(attributes, "notBefore")
            attributes.finish()
        }
        top.skip("name")
        top.finish()
        estate.keyVersions.append(version)
    }

    /// The bit length of a base64url-encoded RSA modulus (leading zero bytes, which some encoders keep
    /// for the sign, do not count).
    static func modulusBits(_ text: String) -> Int {
        let body = text.filter { $0 != "=" }
        var bytes = body.count * 6 / 8
        if body.hasPrefix("AA") { bytes -= 1 }
        return bytes * 8
    }

    /// Unix seconds (REST) or a timestamp (CLI), in milliseconds since 1970.
    private func time(_ fields: DocumentFields, _ key: String) -> Int64? {
        guard let (value, place) = fields.raw(key) else { return nil }
        if case .number(let text) = value.kind, let seconds = Double(text) { return Int64(seconds * 1000) }
        if let text = value.string, let milliseconds = AzureTimestamp.milliseconds(text) { return milliseconds }
        log.error("\(key): expected Unix seconds or a timestamp, found \(value.found)", at: place)
        return nil
    }

    private func readRoleAssignment(_ node: JSONNode, origin: Origin, context: TemplateContext) {
        let fields = DocumentFields(node, origin: origin, kind: "role assignment", context: context, log: log)
        fields.skip("id", "name", "type", "roleDefinitionId", "scope")
        let principal = fields.string("principalId")
        let role = fields.string("roleDefinitionName")
        fields.finish()
        guard let principal, let role else {
            log.error("role assignment without principalId and roleDefinitionName", at: origin)
            return
        }
        estate.roleAssignments.append(Estate.RoleAssignment(principal: principal, role: role))
    }
}
