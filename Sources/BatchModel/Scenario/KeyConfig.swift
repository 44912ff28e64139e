public import SimulationKernel

/// A key in the vault with its versions, oldest first.
public struct KeyConfig: Hashable, Sendable {
    public var name: String
    public var type: String
    public var size: Int
    public var versions: [KeyVersionConfig]
    /// `rotationPolicy: {rotateEvery: D}`: a new version `auto-N` at N·D.
    public var rotateEvery: SimTime?

    public init(
        name: String,
        type: String = "RSA",
        size: Int = 2048,
        versions: [KeyVersionConfig],
        rotateEvery: SimTime? = nil
    ) {
        self.name = name
        self.type = type
        self.size = size
        self.versions = versions
        self.rotateEvery = rotateEvery
    }
}
