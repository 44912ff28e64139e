internal import BatchModel
internal import SimulationKernel

/// Reads `keyVault:` (SPEC §3) with its keys, versions, access policies and role assignments, and warns
/// about settings Azure rejects or discourages for customer-managed keys.
struct KeyVaultDecoder {
    static let keys = [
        "name", "permissionModel", "softDelete", "purgeProtection", "retentionDays", "accessPolicies",
        "roleAssignments", "keys",
    ]
    static let keyKeys = ["name", "type", "size", "versions", "rotationPolicy"]
    static let versionKeys = ["id", "enabled", "expires", "notBefore"]
    static let accessPolicyKeys = ["principal", "keyPermissions"]
    static let roleAssignmentKeys = ["principal", "role"]
    static let rotationPolicyKeys = ["rotateEvery"]

    /// Key Vault's key permissions; `all` expands to every one of them.
    static let permissions = [
        "get", "list", "update", "create", "import", "delete", "recover", "backup", "restore", "decrypt", "encrypt",
        "unwrapKey", "wrapKey", "verify", "sign", "purge", "release", "rotate", "getRotationPolicy",
        "setRotationPolicy",
    ]

    let reader: NodeReader
    /// The account's principal: the default for policies and role assignments that name none.
    let principal: String

    func decode(_ node: YNode) -> KeyVaultConfig? {
        guard let fields = reader.mapping(node, "keyVault", keys: Self.keys) else { return nil }
        let name = fields.string("name", required: true) ?? ""
        if let value = fields["name"], !name.isEmpty, !Self.isValidVaultName(name) {
            reader.log.warning(
                "vault name '\(name)' is malformed: Azure expects 3-24 letters, digits and hyphens, starting "
                    + "with a letter", at: value.location)
        }
        let softDelete = fields.bool("softDelete") ?? true
        let purgeProtection = fields.bool("purgeProtection") ?? true
        let retention = fields.int("retentionDays", 0...36_500) ?? 90
        let place = { (key: String) in fields[key]?.location ?? fields.location }
        if !purgeProtection {
            reader.log.warning(
                "purge protection is off: Azure requires it for a customer-managed key vault",
                at: place("purgeProtection"))
        }
        if !softDelete {
            reader.log.warning(
                "soft delete is off: Azure requires it for customer-managed keys (deleting the key purges it)",
                at: place("softDelete"))
        }
        if !(7...90).contains(retention) {
            reader.log.warning(
                "retentionDays \(retention) is outside 7-90, which Azure does not allow",
                at: place("retentionDays"))
        }
        return KeyVaultConfig(
            name: name,
            permissionModel: fields.enumeration("permissionModel", KeyVaultConfig.PermissionModel.self)
                ?? .accessPolicy,
            softDelete: softDelete,
            purgeProtection: purgeProtection,
            retentionDays: retention,
            accessPolicies: accessPolicies(fields.list("accessPolicies")),
            roleAssignments: roleAssignments(fields.list("roleAssignments")),
            keys: keys(fields.list("keys"))
        )
    }

    private func accessPolicies(_ items: [YNode]?) -> [AccessPolicy] {
        (items ?? []).enumerated().compactMap { index, item in
            guard let fields = reader.mapping(item, "accessPolicies[\(index)]", keys: Self.accessPolicyKeys)
            else { return nil }
            let permissions = self.permissions(fields, required: true)
            return permissions.map {
                AccessPolicy(principal: fields.string("principal") ?? principal, keyPermissions: $0)
            }
        }
    }

    /// `keyPermissions`, each checked against Key Vault's names and spelled canonically; `all` expands.
    func permissions(_ fields: Fields, required: Bool) -> [String]? {
        guard let node = required ? fields.required("keyPermissions") : fields["keyPermissions"] else { return nil }
        let items: [YNode]
        if node.text != nil {
            items = [node]
        } else if let list = reader.list(node, "keyPermissions") {
            items = list
        } else {
            return nil
        }
        var result: [String] = []
        var ok = true
        for item in items {
            if item.text?.lowercased() == "all" {
                result += Self.permissions
            } else if let name = reader.choose(item, "keyPermissions", Self.permissions + ["all"]) {
                result.append(name)
            } else {
                ok = false
            }
        }
        return ok ? result : nil
    }

    private func roleAssignments(_ items: [YNode]?) -> [RoleAssignment] {
        (items ?? []).enumerated().compactMap { index, item in
            guard let fields = reader.mapping(item, "roleAssignments[\(index)]", keys: Self.roleAssignmentKeys),
                let role = fields.string("role", required: true)
            else { return nil }
            return RoleAssignment(principal: fields.string("principal") ?? principal, role: role)
        }
    }

    private func keys(_ items: [YNode]?) -> [KeyConfig] {
        var seen: Set<String> = []
        var result: [KeyConfig] = []
        for (index, item) in (items ?? []).enumerated() {
            guard let fields = reader.mapping(item, "keys[\(index)]", keys: Self.keyKeys),
                let name = fields.string("name", required: true)
            else { continue }
            if !seen.insert(name.lowercased()).inserted, let node = fields["name"] {
                reader.error("name: expected a key name not used before in this vault, found '\(name)' again", at: node)
            }
            let type = fields.string("type") ?? "RSA"
            let size = fields.int("size", 1...65_536) ?? 2048
            if !["rsa", "rsa-hsm"].contains(type.lowercased()) || ![2048, 3072, 4096].contains(size) {
                reader.log.warning(
                    "key '\(name)' is \(type) \(size): Batch customer-managed keys must be RSA 2048, 3072 or 4096",
                    at: fields["type"]?.location ?? fields["size"]?.location ?? fields.location)
            }
            result.append(
                KeyConfig(
                    name: name, type: type, size: size, versions: versions(fields.list("versions")),
                    rotateEvery: fields["rotationPolicy"].flatMap(rotation)))
        }
        return result
    }

    private func versions(_ items: [YNode]?) -> [KeyVersionConfig] {
        var seen: Set<String> = []
        var result: [KeyVersionConfig] = []
        for (index, item) in (items ?? []).enumerated() {
            guard let version = version(item, "versions[\(index)]") else { continue }
            if !seen.insert(version.id.lowercased()).inserted {
                reader.error(
                    "versions[\(index)]: expected a version id not listed before, found '\(version.id)' again",
                    at: item)
            }
            result.append(version)
        }
        return result
    }

    /// A key version: a plain id or `{id, enabled, expires, notBefore}` (dates are simulated times).
    func version(_ node: YNode, _ field: String) -> KeyVersionConfig? {
        if node.text != nil {
            return reader.string(node, field).map { KeyVersionConfig(id: $0) }
        }
        guard case .mapping = node.kind else {
            reader.expected("a version id or {id, enabled, expires, notBefore}", field, found: node)
            return nil
        }
        guard let fields = reader.mapping(node, field, keys: Self.versionKeys),
            let id = fields.string("id", required: true)
        else { return nil }
        return KeyVersionConfig(
            id: id, enabled: fields.bool("enabled") ?? true, expires: fields.duration("expires"),
            notBefore: fields.duration("notBefore"))
    }

    private func rotation(_ node: YNode) -> SimTime? {
        if node.text?.lowercased() == "none" { return nil }
        guard case .mapping = node.kind else {
            reader.expected("none or {rotateEvery: DURATION}", "rotationPolicy", found: node)
            return nil
        }
        return reader.mapping(node, "rotationPolicy", keys: Self.rotationPolicyKeys)?
            .duration("rotateEvery", minimum: 1, required: true)
    }

    /// Azure's vault naming rule: 3-24 characters, letters, digits and hyphens, starting with a letter,
    /// not ending with a hyphen, no two hyphens in a row.
    static func isValidVaultName(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        guard (3...24).contains(scalars.count), let first = scalars.first, let last = scalars.last,
            first.isASCII, first.properties.isAlphabetic, last != "-", !name.contains("--")
        else { return false }
        return scalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-")
        }
    }
}
