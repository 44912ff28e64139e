internal import BatchModel
internal import SimulationKernel

/// Reads `account:` (SPEC §3); a missing block is a healthy account on platform-managed keys.
struct AccountDecoder {
    static let keys = [
        "name", "region", "identity", "principal", "encryption", "detectionDelay", "recoveryDelay",
        "expiredKeyBlocksAccess",
    ]
    static let encryptionKeys = ["keySource", "keyIdentifier"]

    let reader: NodeReader

    func decode(_ node: YNode?, anchors: inout WarningAnchors) -> AccountConfig {
        guard let node else { return AccountConfig() }
        anchors.account = node.location
        guard let fields = reader.mapping(node, "account", keys: Self.keys) else { return AccountConfig() }
        let defaults = AccountConfig()
        var keySource: AccountConfig.KeySource?
        var identifier: KeyIdentifier?
        if let encryption = fields.mapping("encryption", keys: Self.encryptionKeys) {
            keySource = encryption.enumeration("keySource", AccountConfig.KeySource.self)
            if let value = encryption["keyIdentifier"], let text = reader.string(value, "keyIdentifier") {
                identifier = KeyIdentifier(text)
                anchors.keyIdentifier = value.location
            }
            anchors.keySource = encryption["keySource"]?.location ?? encryption.location
        }
        anchors.identity = fields["identity"]?.location ?? node.location
        let distributions = DistributionDecoder(reader: reader)
        return AccountConfig(
            name: fields.string("name") ?? defaults.name,
            region: fields.string("region"),
            identity: fields.enumeration("identity", AccountConfig.Identity.self) ?? defaults.identity,
            principal: fields.string("principal"),
            keySource: keySource,
            keyIdentifier: identifier,
            detectionDelay: fields.duration("detectionDelay") ?? defaults.detectionDelay,
            recoveryDelay: fields["recoveryDelay"].flatMap { distributions.decode($0, "recoveryDelay") }
                ?? defaults.recoveryDelay,
            expiredKeyBlocksAccess: fields.bool("expiredKeyBlocksAccess") ?? defaults.expiredKeyBlocksAccess
        )
    }
}
