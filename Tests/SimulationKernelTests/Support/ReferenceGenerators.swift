// Test-only reference generators, written from the published algorithms and kept independent
// of `RandomStream`, so that the kernel can be checked against them rather than against itself.

/// SplitMix64 (Steele, Lea & Flood, 2014), as in Vigna's reference `splitmix64.c`.
struct SplitMix64Reference: RandomNumberGenerator {
    var state: UInt64

    init(state: UInt64) {
        self.state = state
    }

    mutating func next() -> UInt64 {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// xoshiro256** 1.0 (Blackman & Vigna, 2018), transcribed from the reference `xoshiro256starstar.c`.
struct Xoshiro256StarStarReference {
    var s: [UInt64]

    init(_ s0: UInt64, _ s1: UInt64, _ s2: UInt64, _ s3: UInt64) {
        s = [s0, s1, s2, s3]
    }

    private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }

    mutating func next() -> UInt64 {
        let result = Self.rotl(s[1] &* 5, 7) &* 9
        let t = s[1] << 17
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = Self.rotl(s[3], 45)
        return result
    }
}
