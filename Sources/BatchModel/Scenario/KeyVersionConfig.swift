public import SimulationKernel

/// One version of a key. Dates are absolute simulated times.
public struct KeyVersionConfig: Hashable, Sendable {
    public var id: String
    public var enabled: Bool
    public var expires: SimTime?
    public var notBefore: SimTime?

    public init(id: String, enabled: Bool = true, expires: SimTime? = nil, notBefore: SimTime? = nil) {
        self.id = id
        self.enabled = enabled
        self.expires = expires
        self.notBefore = notBefore
    }
}
