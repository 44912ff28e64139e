import Experiments
import Reporting
import Testing

/// The FIPS 180-4 / NIST example vectors.
struct SHA256Tests {
    @Test func emptyMessage() {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func abc() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func the448BitMessage() {
        let message = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
        #expect(
            SHA256.hex(Array(message.utf8)) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func aMillionAs() {
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(SHA256.hex(message) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func messagesAroundTheBlockBoundary() {
        // 55, 56 and 64 bytes exercise the padding's one- and two-block cases.
        #expect(
            SHA256.hex([UInt8](repeating: 0x61, count: 55))
                == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
        #expect(
            SHA256.hex([UInt8](repeating: 0x61, count: 56))
                == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
        #expect(
            SHA256.hex([UInt8](repeating: 0x61, count: 64))
                == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
    }

    @Test(arguments: [1, 7, 63, 64, 65, 1000])
    func feedingInPiecesOfAnySizeGivesTheSameDigest(pieceSize: Int) {
        let message = (0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        var hasher = SHA256Stream()
        var start = 0
        while start < message.count {
            let end = min(start + pieceSize, message.count)
            hasher.update(message[start..<end])
            start = end
        }
        #expect(hasher.finalizeHex() == SHA256.hex(message))
        #expect(SHA256.hex(message) == "\(Self.reference5000)")
    }

    /// SHA-256 of the 5,000-byte message above, from Python's hashlib.
    static let reference5000 = "1e92fd98f113aba0a78e0830ca06e2775912370feab112dfc57bf3258b810595"
}
