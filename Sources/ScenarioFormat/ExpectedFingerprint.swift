/// `expect: {fingerprint: <hex>}`: the SHA-256 of the run's canonical event stream.
public struct ExpectedFingerprint: Hashable, Sendable {
    public var hex: String
    public var location: SourceLocation
}
