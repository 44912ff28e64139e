internal import BatchModel

/// Every field name the loader accepts, gathered in one table so that the JSON Schema
/// (`Scenarios/scenario.schema.json`) can be checked against it: each entry's name is the name of the schema
/// definition that describes the same mapping (`scenario` is the schema's root).
///
/// The decoders own their key lists; this table only points at them, so a new field added to a decoder and
/// not to the schema fails `SchemaSyncTests`.
enum FormatVocabulary {
    /// Mapping name → the keys it accepts.
    static let mappings: [String: [String]] = [
        "scenario": ScenarioLoader.topKeys,
        "account": AccountDecoder.keys,
        "encryption": AccountDecoder.encryptionKeys,
        "keyVault": KeyVaultDecoder.keys,
        "accessPolicy": KeyVaultDecoder.accessPolicyKeys,
        "roleAssignment": KeyVaultDecoder.roleAssignmentKeys,
        "key": KeyVaultDecoder.keyKeys,
        "keyVersion": KeyVaultDecoder.versionKeys,
        "rotationPolicy": KeyVaultDecoder.rotationPolicyKeys,
        "pool": PoolDecoder.keys,
        "startTask": PoolDecoder.startTaskKeys,
        "price": PoolDecoder.priceKeys,
        "preemption": PoolDecoder.preemptionKeys,
        "autoScale": AutoScaleDecoder.keys,
        "job": JobDecoder.keys,
        "client": JobDecoder.clientKeys,
        "retry": JobDecoder.retryKeys,
        "tasks": TaskBlockDecoder.keys,
        "arrival": TaskBlockDecoder.arrivalKeys,
        "poisson": TaskBlockDecoder.poissonKeys,
        "exponential": DistributionDecoder.exponentialKeys,
        "normal": DistributionDecoder.normalKeys,
        "lognormal": DistributionDecoder.lognormalKeys,
        // One-key mappings: the key chooses the form.
        "distribution": DistributionDecoder.forms,
        "expectCheck": ExpectationDecoder.forms,
        "ciCheck": ExpectationDecoder.confidenceForms,
    ]

    /// Timeline action name → every key its entry accepts (`at`, `after`, `action` and the action's own).
    static let actions: [String: [String]] = TimelineDecoder.actionFields.mapValues {
        TimelineDecoder.entryKeys + $0
    }

    /// Enumerations the loader accepts (case-insensitively), by schema definition name.
    static let enumerations: [String: [String]] = [
        "identity": AccountConfig.Identity.allCases.map(\.rawValue),
        "keySource": AccountConfig.KeySource.allCases.map(\.rawValue),
        "permissionModel": KeyVaultConfig.PermissionModel.allCases.map(\.rawValue),
        "nodeFillType": PoolConfig.NodeFillType.allCases.map(\.rawValue),
        "action": TimelineAction.allNames,
        "keyPermission": KeyVaultDecoder.permissions + ["all"],
    ]

    /// The columns of a trace CSV.
    static let traceColumns = TraceLoader.columns
}
