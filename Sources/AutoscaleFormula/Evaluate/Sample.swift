/// One recorded value of a sampled variable and when it was taken (rule 25), in seconds since 1970.
public struct Sample: Equatable, Sendable {
    public var time: Double
    public var value: Double

    public init(time: Double, value: Double) {
        self.time = time
        self.value = value
    }
}
