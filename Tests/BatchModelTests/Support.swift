import BatchModel
import Reporting
import TestSupport
import Testing

/// Version ids (32 hex digits, as Key Vault writes them) used throughout the rule tests.
enum Version {
    static let v1 = String(repeating: "1", count: 32)
    static let v2 = String(repeating: "2", count: 32)
    static let v3 = String(repeating: "3", count: 32)
}

/// The account + Key Vault part of a scenario: by default a healthy CMK account `acct` whose
/// versioned identifier points at `kv/cmk/v1`, on an access-policy vault granting `acct` the
/// three key permissions Batch needs (SPEC §1). Tests change only what they are about.
struct CMK {
    var name = "rule-test"
    var seed: Int?
    var horizon: String?
    var accountName = "acct"
    var principal: String?
    var identity: String?
    var detectionDelay: String?
    var recoveryDelay: String?
    var expiredKeyBlocksAccess: Bool?
    /// The identifier's version; `nil` writes a versionless identifier.
    var identifierVersion: String? = Version.v1
    /// Replaces the whole identifier (for case or dangling-reference tests).
    var keyIdentifier: String?
    var vaultName = "kv"
    /// `accessPolicy` or `rbac`.
    var permissionModel = "accessPolicy"
    var softDelete = true
    var purgeProtection = true
    var retentionDays: Int?
    /// `nil`: the account's principal with get/wrapKey/unwrapKey on an access-policy vault, none on RBAC.
    var accessPolicies: [(principal: String, permissions: String)]?
    /// `nil`: the account's principal as "Key Vault Crypto Service Encryption User" on an RBAC vault,
    /// none on an access-policy vault.
    var roleAssignments: [(principal: String, role: String)]?
    var keyName = "cmk"
    /// YAML items of the key's `versions:` list: plain ids or flow maps.
    var versions: [String] = [Version.v1]
    var rotateEvery: String?
    /// Further keys of the vault, as YAML flow maps.
    var otherKeys: [String] = []

    var effectivePrincipal: String { principal ?? accountName }

    static func identifier(vault: String = "kv", key: String = "cmk", version: String?) -> String {
        let base = "https://\(vault).vault.azure.net/keys/\(key)"
        return version.map { "\(base)/\($0)" } ?? base
    }

    /// The `name:` … `keyVault:` head of a scenario file.
    var yaml: String {
        var lines = ["name: \(name)"]
        if let seed { lines.append("seed: \(seed)") }
        if let horizon { lines.append("horizon: \(horizon)") }
        lines.append("account:")
        lines.append("  name: \(accountName)")
        if let principal { lines.append("  principal: \(principal)") }
        if let identity { lines.append("  identity: \(identity)") }
        lines.append("  encryption:")
        let identifier =
            keyIdentifier ?? Self.identifier(vault: vaultName, key: keyName, version: identifierVersion)
        lines.append("    keyIdentifier: \(identifier)")
        if let detectionDelay { lines.append("  detectionDelay: \(detectionDelay)") }
        if let recoveryDelay { lines.append("  recoveryDelay: \(recoveryDelay)") }
        if let expiredKeyBlocksAccess { lines.append("  expiredKeyBlocksAccess: \(expiredKeyBlocksAccess)") }
        lines.append("keyVault:")
        lines.append("  name: \(vaultName)")
        lines.append("  permissionModel: \(permissionModel)")
        lines.append("  softDelete: \(softDelete)")
        lines.append("  purgeProtection: \(purgeProtection)")
        if let retentionDays { lines.append("  retentionDays: \(retentionDays)") }
        let rbac = permissionModel == "rbac"
        let policies =
            accessPolicies ?? (rbac ? [] : [(effectivePrincipal, "[get, wrapKey, unwrapKey]")])
        if !policies.isEmpty {
            lines.append("  accessPolicies:")
            for policy in policies {
                lines.append("    - {principal: \(policy.principal), keyPermissions: \(policy.permissions)}")
            }
        }
        let roles =
            roleAssignments ?? (rbac ? [(effectivePrincipal, "Key Vault Crypto Service Encryption User")] : [])
        if !roles.isEmpty {
            lines.append("  roleAssignments:")
            for role in roles {
                lines.append("    - {principal: \(role.principal), role: \(role.role)}")
            }
        }
        lines.append("  keys:")
        var key = "    - {name: \(keyName), versions: [\(versions.joined(separator: ", "))]"
        if let rotateEvery { key += ", rotationPolicy: {rotateEvery: \(rotateEvery)}" }
        lines.append(key + "}")
        for other in otherKeys { lines.append("    - \(other)") }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Builders for the pools, jobs and timeline of a scenario file.
enum Build {
    /// One pool as a YAML list item.
    static func pool(
        _ id: String = "p",
        dedicated: Int = 1,
        lowPriority: Int? = nil,
        slots: Int? = nil,
        fill: String? = nil,
        allocationDelay: String? = nil,
        startTask: String? = nil,
        price: String? = nil
    ) -> String {
        var fields = ["id: \(id)", "dedicatedNodes: \(dedicated)"]
        if let lowPriority { fields.append("lowPriorityNodes: \(lowPriority)") }
        if let slots { fields.append("taskSlotsPerNode: \(slots)") }
        if let fill { fields.append("nodeFillType: \(fill)") }
        if let allocationDelay { fields.append("allocationDelay: \(allocationDelay)") }
        if let startTask { fields.append("startTask: {duration: \(startTask)}") }
        if let price { fields.append("pricePerNodeHour: \(price)") }
        return "  - {" + fields.joined(separator: ", ") + "}"
    }

    /// One job as a YAML list item; `tasks` holds extra task fields (`requiredSlots: 2`, …).
    static func job(
        _ id: String = "j",
        pool: String = "p",
        priority: Int? = nil,
        count: Int = 1,
        duration: String = "60m",
        arrival: String? = nil,
        tasks extra: [String] = [],
        client: String? = nil
    ) -> String {
        var task = ["count: \(count)", "duration: \(duration)"]
        if let arrival { task.append("arrival: \(arrival)") }
        task += extra
        var lines = ["  - id: \(id)", "    pool: \(pool)"]
        if let priority { lines.append("    priority: \(priority)") }
        lines.append("    tasks: {" + task.joined(separator: ", ") + "}")
        if let client { lines.append("    client: \(client)") }
        return lines.joined(separator: "\n")
    }

    /// One timeline entry at an absolute time, as a YAML flow map.
    static func at(_ time: String, _ action: String, _ fields: String...) -> String {
        "  - {" + (["at: \(time)", "action: \(action)"] + fields).joined(separator: ", ") + "}"
    }

    /// One timeline entry relative to the previous one.
    static func after(_ offset: String, _ action: String, _ fields: String...) -> String {
        "  - {" + (["after: \(offset)", "action: \(action)"] + fields).joined(separator: ", ") + "}"
    }

    /// A whole scenario: the account/vault head, then pools, jobs and timeline.
    static func scenario(
        _ head: CMK = CMK(),
        pools: [String] = [pool()],
        jobs: [String] = [job()],
        timeline: [String] = []
    ) -> String {
        var text = head.yaml
        text += "pools:\n" + pools.joined(separator: "\n") + "\n"
        text += "jobs:\n" + jobs.joined(separator: "\n") + "\n"
        if !timeline.isEmpty {
            text += "timeline:\n" + timeline.joined(separator: "\n") + "\n"
        }
        return text
    }

    /// The standard one-node, one-task-of-60-minutes scenario with the given timeline.
    static func oneTask(_ head: CMK = CMK(), timeline: [String]) -> String {
        scenario(head, timeline: timeline)
    }
}

/// Shorthand for `setKeyIdentifier`'s field.
func identifierField(_ version: String?, key: String = "cmk") -> String {
    "keyIdentifier: " + CMK.identifier(key: key, version: version)
}

extension Summary {
    /// Every metric name under `impact.` (long and short names).
    var impactNames: [String] { names.filter { $0.hasPrefix("impact.") } }
}

/// Milliseconds in a minute, for event-time checks.
let minuteMs: Int64 = 60_000

extension EventRecorder {
    /// Events with the given name.
    func events(named name: EventName) -> [SimEvent] {
        events.filter { $0.name == name }
    }
}

/// Checks named metrics of a summary: a number, or `nil` for a metric that must be null.
func expectMetrics(
    _ summary: Summary,
    _ expected: KeyValuePairs<String, Double?>,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    for (name, value) in expected {
        if let value {
            #expect(summary.number(name) == value, "\(name)", sourceLocation: sourceLocation)
        } else {
            #expect(
                summary.isNull(name), "\(name) should be null, is \(String(describing: summary[name]))",
                sourceLocation: sourceLocation)
        }
    }
}
