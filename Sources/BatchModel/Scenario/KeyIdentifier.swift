/// A Key Vault key identifier, `https://{vault}.vault.azure.net/keys/{key}[/{version}]`.
///
/// Without a version it is *versionless* and follows the key's newest version, which is how
/// a Key Vault rotation policy rotates the account's key without touching the account.
public struct KeyIdentifier: Hashable, Sendable, CustomStringConvertible {
    /// The text as written in the scenario.
    public var raw: String
    /// The vault name, lowercased; `nil` when the identifier is malformed.
    public var vault: String?
    /// The key name, lowercased; `nil` when the identifier is malformed.
    public var key: String?
    /// The version, lowercased; `nil` for a versionless identifier.
    public var version: String?

    public init(_ raw: String) {
        self.raw = raw
        let parsed = Self.parse(raw)
        vault = parsed?.vault
        key = parsed?.key
        version = parsed?.version
    }

    /// Whether the text has the shape of a Key Vault key identifier.
    public var isWellFormed: Bool { vault != nil && key != nil }

    public var isVersionless: Bool { version == nil }

    public var description: String { raw }

    private static func parse(_ raw: String) -> (vault: String, key: String, version: String?)? {
        let text = raw.lowercased()
        let scheme = "https://"
        guard text.hasPrefix(scheme) else { return nil }
        var parts = text.dropFirst(scheme.count).split(separator: "/", omittingEmptySubsequences: false)
        if parts.last == "" { parts.removeLast() }
        guard parts.count == 3 || parts.count == 4, parts[1] == "keys" else { return nil }
        let host = parts[0]
        let suffix = ".vault.azure.net"
        guard host.hasSuffix(suffix), host.count > suffix.count else { return nil }
        let vault = String(host.dropLast(suffix.count))
        let key = String(parts[2])
        guard !key.isEmpty else { return nil }
        let version = parts.count == 4 ? String(parts[3]) : nil
        if let version, version.isEmpty { return nil }
        return (vault, key, version)
    }
}
