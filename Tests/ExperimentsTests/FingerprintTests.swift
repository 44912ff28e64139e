import BatchModel
import Experiments
import Foundation
import Reporting
import ScenarioFormat
import TestSupport
import Testing

/// SHA-256 against FIPS 180-4 vectors, and the event-stream fingerprint.
struct FingerprintTests {
    static func hex(_ pieces: [String]) -> String {
        var hasher = SHA256Stream()
        for piece in pieces { hasher.update(piece) }
        return hasher.finalizeHex()
    }

    @Test func sha256MatchesTheStandardVectors() {
        #expect(Self.hex([""]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Self.hex(["abc"]) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            Self.hex(["abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"])
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        )
        // A million 'a's fed in uneven pieces: block boundaries must not matter.
        let piece = String(repeating: "a", count: 999)
        var pieces = Array(repeating: piece, count: 1001)
        pieces.append(String(repeating: "a", count: 1_000_000 - 999 * 1001))
        #expect(Self.hex(pieces) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    static let yaml = """
        name: fingerprinted
        seed: 3
        account:
          name: acct
          encryption: {keyIdentifier: "https://kv-one.vault.azure.net/keys/cmk/0123456789abcdef0123456789abcdef"}
        keyVault:
          name: kv-one
          accessPolicies: [{principal: acct, keyPermissions: [get, wrapKey, unwrapKey]}]
          keys: [{name: cmk, versions: [0123456789abcdef0123456789abcdef]}]
        pools: [{id: pool, dedicatedNodes: 3, taskSlotsPerNode: 2}]
        jobs: [{id: job, pool: pool, tasks: {count: 12, duration: {uniform: [10m, 50m]}}}]
        timeline:
          - {at: 20m, action: disableKey, key: cmk}
          - {at: 25m, action: enableKey, key: cmk}
        """

    static func fingerprint(_ yaml: String, overrides: [String: String] = [:], seed: UInt64? = nil) throws -> String {
        var scenario = try ScenarioFixture.load(yaml, overrides: overrides).scenario
        if let seed { scenario.seed = seed }
        let sinks = (FingerprintSink(), FingerprintSink())
        _ = ScenarioRunner.execute(scenario, sink: sinks.0, baselineSink: sinks.1)
        return FingerprintSink.combine(scenario: sinks.0.digest(), baseline: sinks.1.digest())
    }

    @Test func theSameRunHasTheSameFingerprint() throws {
        let first = try Self.fingerprint(Self.yaml)
        #expect(first.count == 64)
        #expect(try Self.fingerprint(Self.yaml) == first)
    }

    @Test func anyChangeInBehaviourChangesTheFingerprint() throws {
        let original = try Self.fingerprint(Self.yaml)
        #expect(try Self.fingerprint(Self.yaml, seed: 4) != original)
        let laterEnable = Self.yaml.replacingOccurrences(
            of: "at: 25m, action: enableKey", with: "at: 26m, action: enableKey")
        #expect(try Self.fingerprint(laterEnable) != original)
    }

    @Test func theFingerprintCoversTheCanonicalLines() throws {
        // One node, one task of 1 minute: the scenario's stream is known line by line.
        let yaml = """
            name: tiny
            pools: [{id: pool, dedicatedNodes: 1}]
            jobs: [{id: job, pool: pool, tasks: {count: 1, duration: 1m}}]
            """
        let sink = FingerprintSink()
        _ = ScenarioRunner.execute(try ScenarioFixture.load(yaml).scenario, withBaseline: false, sink: sink)
        let lines = [
            "0\tnode\t0\tnodeAdded\t-\tcreating\t0",
            "0\tnode\t0\tstateChanged\tcreating\tidle\t0",
            "0\ttask\t0\ttaskSubmitted\t-\tactive\t1",
            "0\tnode\t0\tstateChanged\tidle\trunning\t0",
            "0\ttask\t0\ttaskStarted\tactive\trunning\t0",
            "60000\tnode\t0\tstateChanged\trunning\tidle\t0",
            "60000\ttask\t0\ttaskCompleted\trunning\tcompleted\t0",
        ]
        #expect(sink.digest() == Self.hex([lines.map { $0 + "\n" }.joined()]))
    }
}
