#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A seedable pseudo-random generator whose draws depend only on `(seed, purpose, entity, index)`.
///
/// Algorithm: xoshiro256** (Blackman & Vigna, 2018) for the stream itself; its 256-bit state
/// is filled by four outputs of SplitMix64 (Steele, Lea & Flood, 2014) started from a key that
/// mixes the run seed, a purpose code, an entity number and an index with SplitMix64's
/// finaliser. Because every draw is keyed, the baseline run (the same scenario without its
/// key actions) sees exactly the same task durations, arrivals and allocation delays as the
/// scenario: common random numbers, so that *impact* is not noise.
public struct RandomStream: RandomNumberGenerator, Sendable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    /// A stream keyed by the run seed and what the draw is for.
    ///
    /// - Parameters:
    ///   - seed: the run's seed.
    ///   - purpose: what the draws are for (a task duration, an allocation delay, …).
    ///   - entity: which entity draws (a task number, a node number, an outage number).
    ///   - index: a further key within the entity (a retry number), 0 when unused.
    @inlinable
    public init(seed: UInt64, purpose: UInt64, entity: UInt64, index: UInt64 = 0) {
        var key = Self.mix(seed &+ 0x9E37_79B9_7F4A_7C15)
        key = Self.mix(key ^ (purpose &* 0xD1B5_4A32_D192_ED03))
        key = Self.mix(key ^ (entity &* 0xAEF1_7502_108E_F2D9))
        key = Self.mix(key ^ (index &* 0xF1357_AEA2_E62A_9C5))
        var splitMix = key
        s0 = Self.splitMix64(&splitMix)
        s1 = Self.splitMix64(&splitMix)
        s2 = Self.splitMix64(&splitMix)
        s3 = Self.splitMix64(&splitMix)
    }

    /// SplitMix64's output function (a strong 64-bit finaliser).
    @inlinable
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @inlinable
    static func splitMix64(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return mix(state)
    }

    /// The next 64 random bits (xoshiro256**).
    @inlinable
    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, 45)
        return result
    }

    @inlinable
    func rotateLeft(_ value: UInt64, _ amount: UInt64) -> UInt64 {
        (value << amount) | (value >> (64 - amount))
    }

    /// A uniform double in [0, 1) with 53 random bits.
    @inlinable
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform double in (0, 1]: safe to take the logarithm of.
    @inlinable
    public mutating func nextOpenUnit() -> Double {
        Double((next() >> 11) + 1) * 0x1.0p-53
    }

    /// A standard normal variate (Box–Muller, one value per pair of uniforms so that each
    /// draw consumes a fixed number of uniforms).
    @inlinable
    public mutating func nextStandardNormal() -> Double {
        let radius = (-2.0 * log(nextOpenUnit())).squareRoot()
        return radius * cos(2.0 * Double.pi * nextUnit())
    }
}
