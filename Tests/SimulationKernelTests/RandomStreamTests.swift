import Testing

@testable import SimulationKernel

@Suite("RandomStream")
struct RandomStreamTests {
    /// The four keys of a stream, as one test argument.
    struct Key: Sendable, CustomTestStringConvertible {
        var seed: UInt64
        var purpose: UInt64
        var entity: UInt64
        var index: UInt64

        var stream: RandomStream {
            RandomStream(seed: seed, purpose: purpose, entity: entity, index: index)
        }

        var testDescription: String { "(\(seed), \(purpose), \(entity), \(index))" }
    }

    private static let base = Key(seed: 42, purpose: 1, entity: 7, index: 0)

    private func outputs(_ stream: RandomStream, count: Int) -> [UInt64] {
        var stream = stream
        return (0..<count).map { _ in stream.next() }
    }

    /// A stream positioned at an exact xoshiro256** state.
    private func stream(state: (UInt64, UInt64, UInt64, UInt64)) -> RandomStream {
        var stream = RandomStream(seed: 0, purpose: 0, entity: 0)
        (stream.s0, stream.s1, stream.s2, stream.s3) = state
        return stream
    }

    // MARK: - Keying

    @Test("The same seed, purpose, entity and index give the same sequence")
    func sameKeysSameSequence() {
        let first = outputs(Self.base.stream, count: 1000)
        let second = outputs(Self.base.stream, count: 1000)
        #expect(first == second)
        #expect(Set(first).count == first.count)
    }

    @Test("Leaving out the index is the same as index 0")
    func defaultIndexIsZero() {
        let implicit = RandomStream(seed: 42, purpose: 1, entity: 7)
        #expect(outputs(implicit, count: 16) == outputs(Self.base.stream, count: 16))
    }

    @Test(
        "Changing any one key changes the whole sequence",
        arguments: [
            Key(seed: 43, purpose: 1, entity: 7, index: 0),
            Key(seed: 42, purpose: 2, entity: 7, index: 0),
            Key(seed: 42, purpose: 1, entity: 8, index: 0),
            Key(seed: 42, purpose: 1, entity: 7, index: 1),
            Key(seed: 42 ^ (1 << 63), purpose: 1, entity: 7, index: 0),
            Key(seed: 42, purpose: 1 ^ (1 << 63), entity: 7, index: 0),
            Key(seed: 42, purpose: 1, entity: 7 ^ (1 << 63), index: 0),
            Key(seed: 42, purpose: 1, entity: 7, index: 1 << 63),
            // Keys moved between positions must not collide either.
            Key(seed: 42, purpose: 7, entity: 1, index: 0),
            Key(seed: 42, purpose: 1, entity: 0, index: 7),
        ]
    )
    func anyKeyChangesSequence(changed: Key) {
        let baseline = outputs(Self.base.stream, count: 64)
        let other = outputs(changed.stream, count: 64)
        // Every position differs: a shared value would be a 1-in-2^64 coincidence.
        for (a, b) in zip(baseline, other) {
            #expect(a != b)
        }
    }

    @Test("Neighbouring entities give uncorrelated first draws")
    func neighbouringEntitiesLookIndependent() {
        // The first unit draw of entities 0..<20_000 should itself look uniform: mean 1/2 and
        // variance 1/12, within 5 standard errors (SE of the mean = sqrt(1/12 / n)).
        var statistics = SampleStatistics()
        let count = 20_000
        for entity in 0..<UInt64(count) {
            var stream = RandomStream(seed: 1, purpose: 3, entity: entity)
            statistics.add(stream.nextUnit())
        }
        let standardError = (1.0 / 12.0 / Double(count)).squareRoot()
        #expect(abs(statistics.mean - 0.5) < 5 * standardError)
        #expect(abs(statistics.variance - 1.0 / 12.0) < 0.05 / 12.0)
    }

    // MARK: - Unit intervals

    @Test("nextUnit lies in [0, 1) and nextOpenUnit in (0, 1]")
    func unitRanges() {
        var stream = RandomStream(seed: 2024, purpose: 9, entity: 1)
        var closed = SampleStatistics()
        var open = SampleStatistics()
        for _ in 0..<100_000 {
            let unit = stream.nextUnit()
            #expect(unit >= 0 && unit < 1)
            closed.add(unit)
            let openUnit = stream.nextOpenUnit()
            #expect(openUnit > 0 && openUnit <= 1)
            open.add(openUnit)
        }
        let standardError = (1.0 / 12.0 / 100_000).squareRoot()
        #expect(abs(closed.mean - 0.5) < 5 * standardError)
        #expect(abs(open.mean - 0.5) < 5 * standardError)
    }

    @Test("Unit draws map all-zero and all-one bits to the documented end points")
    func unitEndPoints() {
        // From state {1, 2, 3, 4}, xoshiro256** gives 11520 and then exactly 0.
        var zero = stream(state: (1, 2, 3, 4))
        _ = zero.next()
        var zeroOpen = zero
        #expect(zero.nextUnit() == 0)
        #expect(zeroOpen.nextOpenUnit() == 0x1.0p-53)

        // With s1 = 0x4FC71C71C71C71C7, rotl(s1 * 5, 7) * 9 is all ones.
        var ones = stream(state: (0, 0x4FC7_1C71_C71C_71C7, 0, 0))
        var onesCopy = ones
        #expect(onesCopy.next() == UInt64.max)
        var onesOpen = ones
        #expect(ones.nextUnit() == 1 - 0x1.0p-53)
        #expect(onesOpen.nextOpenUnit() == 1)
    }

    @Test("Unit draws use the top 53 bits of next()")
    func unitDrawsUseTopBits() {
        var stream = Self.base.stream
        for _ in 0..<1000 {
            var copy = stream
            let bits = copy.next()
            var openCopy = stream
            #expect(stream.nextUnit() == Double(bits >> 11) / 9_007_199_254_740_992)
            #expect(openCopy.nextOpenUnit() == Double((bits >> 11) + 1) / 9_007_199_254_740_992)
        }
    }

    // MARK: - Standard normal

    @Test("nextStandardNormal has mean 0 and variance 1, and consumes exactly two draws")
    func standardNormal() {
        var stream = RandomStream(seed: 5, purpose: 5, entity: 5)
        var statistics = SampleStatistics()
        let count = 100_000
        for _ in 0..<count {
            statistics.add(stream.nextStandardNormal())
        }
        // SE of the mean is 1/sqrt(n); SE of the variance of a normal sample is sqrt(2/n).
        #expect(abs(statistics.mean) < 5 / Double(count).squareRoot())
        #expect(abs(statistics.variance - 1) < 5 * (2 / Double(count)).squareRoot())

        var normal = stream
        var raw = stream
        _ = normal.nextStandardNormal()
        _ = raw.next()
        _ = raw.next()
        #expect(normal.next() == raw.next())
    }

    // MARK: - Known answers

    @Test("The reference xoshiro256** gives the published outputs for state {1, 2, 3, 4}")
    func referenceXoshiroKnownAnswer() {
        var reference = Xoshiro256StarStarReference(1, 2, 3, 4)
        let outputs = (0..<4).map { _ in reference.next() }
        #expect(outputs == [11520, 0, 1_509_978_240, 1_215_971_899_390_074_240])
    }

    @Test("The reference SplitMix64 gives the published outputs for state 0")
    func referenceSplitMixKnownAnswer() {
        var reference = SplitMix64Reference(state: 0)
        let outputs = (0..<3).map { _ in reference.next() }
        #expect(outputs == [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F])
    }

    @Test("RandomStream.next is xoshiro256**: the published outputs for state {1, 2, 3, 4}")
    func streamMatchesPublishedXoshiro() {
        #expect(
            outputs(stream(state: (1, 2, 3, 4)), count: 8) == [
                11520, 0, 1_509_978_240, 1_215_971_899_390_074_240, 1_216_172_134_540_287_360,
                607_988_272_756_665_600, 16_172_922_978_634_559_625, 8_476_171_486_693_032_832,
            ]
        )
    }

    @Test(
        "RandomStream.next matches the reference xoshiro256** from any keyed state",
        arguments: [
            Key(seed: 0, purpose: 0, entity: 0, index: 0),
            Key(seed: 42, purpose: 1, entity: 7, index: 0),
            Key(seed: .max, purpose: .max, entity: .max, index: .max),
        ]
    )
    func streamMatchesReference(key: Key) {
        let stream = key.stream
        var reference = Xoshiro256StarStarReference(stream.s0, stream.s1, stream.s2, stream.s3)
        let expected = (0..<10_000).map { _ in reference.next() }
        #expect(outputs(stream, count: 10_000) == expected)
    }

    @Test("The state is four SplitMix64 outputs from the mixed key")
    func stateIsSplitMixOfKey() {
        // Key derivation as documented on `RandomStream`, with the reference SplitMix64's
        // output function as the finaliser.
        func mix(_ value: UInt64) -> UInt64 {
            var finaliser = SplitMix64Reference(state: value &- 0x9E37_79B9_7F4A_7C15)
            return finaliser.next()
        }
        let (seed, purpose, entity, index): (UInt64, UInt64, UInt64, UInt64) = (20_250_101, 3, 17, 2)
        var key = mix(seed &+ 0x9E37_79B9_7F4A_7C15)
        key = mix(key ^ (purpose &* 0xD1B5_4A32_D192_ED03))
        key = mix(key ^ (entity &* 0xAEF1_7502_108E_F2D9))
        key = mix(key ^ (index &* 0xF135_7AEA_2E62_A9C5))
        var splitMix = SplitMix64Reference(state: key)
        let expected = (0..<4).map { _ in splitMix.next() }

        let stream = RandomStream(seed: seed, purpose: purpose, entity: entity, index: index)
        #expect([stream.s0, stream.s1, stream.s2, stream.s3] == expected)
    }

    /// First outputs of committed keys, computed once. If this test fails, every committed
    /// scenario's seed now means different draws: change the algorithm only on purpose.
    @Test(
        "The first outputs of fixed keys never change",
        arguments: [
            (
                Key(seed: 0, purpose: 0, entity: 0, index: 0),
                [
                    7_814_790_287_080_687_793, 7_755_098_096_023_773_601, 17_707_689_163_769_064_902,
                    1_766_270_834_891_533_358,
                ]
            ),
            (
                Key(seed: 42, purpose: 1, entity: 7, index: 0),
                [
                    15_859_821_617_364_548_057, 17_684_201_438_644_509_833, 5_607_011_977_395_926_574,
                    4_981_647_928_447_949_933,
                ]
            ),
            (
                Key(seed: 20_250_101, purpose: 3, entity: 17, index: 2),
                [
                    9_681_226_691_231_491_753, 6_340_237_247_850_343_671, 1_024_531_225_313_707_520,
                    1_609_103_621_321_840_373,
                ]
            ),
        ] as [(Key, [UInt64])]
    )
    func knownAnswers(key: Key, expected: [UInt64]) {
        #expect(outputs(key.stream, count: 4) == expected)
    }
}
