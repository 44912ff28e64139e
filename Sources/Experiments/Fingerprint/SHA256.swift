/// SHA-256 (FIPS 180-4) of a whole message, for the run's identity: `summary.json` and the
/// event log name the exact scenario file a run came from by the hash of its bytes. The
/// algorithm itself lives in `SHA256Stream`, which also hashes event streams piece by piece.
public enum SHA256 {
    /// The digest of `bytes` as 64 lowercase hexadecimal digits.
    public static func hex<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        var hasher = SHA256Stream()
        hasher.update(bytes)
        return hasher.finalizeHex()
    }

    /// The 32-byte digest of `message`.
    public static func digest(_ message: [UInt8]) -> [UInt8] {
        var hasher = SHA256Stream()
        hasher.update(message)
        return hasher.finalize()
    }
}
