public import BatchModel

/// Hashes a run's events as they happen into an event-stream fingerprint (`expect:
/// {fingerprint: …}`), so that any change in behaviour, however small, changes it.
///
/// Canonical serialisation: one line per event, in emission order, fields separated by a tab:
/// `time_ms  entity  entity_index  event  from_state  to_state  detail`, with entity, event and
/// state names spelled as in the event log (`node`, `stateChanged`, `unusable`) and `-` for a
/// missing state, each line ending in `\n`, UTF-8. A run's digest is the SHA-256 of its lines;
/// the fingerprint of a check is the SHA-256 of `scenario <digest>\n` followed, when there is
/// a baseline, by `baseline <digest>\n`. Durations are integer milliseconds, so the text is
/// exact on every platform.
public final class FingerprintSink: EventSink {
    private var hasher = SHA256Stream()
    /// Lines not yet hashed: hashing in 64 KiB batches keeps SHA-256 on whole blocks.
    private var pending: [UInt8] = []
    private static let batch = 1 << 16

    public init() {
        pending.reserveCapacity(Self.batch + 256)
    }

    public func record(_ event: SimEvent) {
        appendDecimal(event.time)
        append(Self.entityNames[Int(event.entity.rawValue)])
        appendDecimal(Int64(event.entityIndex))
        append(Self.eventNames[Int(event.name.rawValue)])
        append(Self.stateNames[Int(event.entity.rawValue)][Int(event.fromState)])
        append(Self.stateNames[Int(event.entity.rawValue)][Int(event.toState)])
        appendDecimal(event.detail, separator: 0x0A)
        if pending.count >= Self.batch { flush() }
    }

    /// UTF-8 names by code, built once: the same spellings as the event log's.
    private static let entityNames = EntityKind.allCases.map { Array($0.description.utf8) }
    private static let eventNames = EventName.allCases.map { Array($0.description.utf8) }
    /// By entity code, then state code (0...255); `-` where a code names no state.
    private static let stateNames: [[[UInt8]]] = EntityKind.allCases.map { entity in
        (0...255).map { code in Array((entity.stateName(UInt8(code)) ?? "-").utf8) }
    }

    private func append(_ field: [UInt8]) {
        pending.append(contentsOf: field)
        pending.append(0x09)
    }

    /// A decimal integer in ASCII, as `String(value)` spells it, then the separator.
    private func appendDecimal(_ value: Int64, separator: UInt8 = 0x09) {
        if value < 0 { pending.append(UInt8(ascii: "-")) }
        let magnitude = value.magnitude
        var divisor: UInt64 = 1
        while magnitude / divisor >= 10 { divisor *= 10 }
        while divisor > 0 {
            pending.append(UInt8(ascii: "0") + UInt8(magnitude / divisor % 10))
            divisor /= 10
        }
        pending.append(separator)
    }

    private func flush() {
        pending.withUnsafeBytes { hasher.update($0) }
        pending.removeAll(keepingCapacity: true)
    }

    /// The digest of the events recorded so far.
    public func digest() -> String {
        flush()
        return hasher.finalizeHex()
    }

    /// The fingerprint of a scenario run and its baseline from their digests.
    public static func combine(scenario: String, baseline: String?) -> String {
        var hasher = SHA256Stream()
        hasher.update("scenario \(scenario)\n")
        if let baseline { hasher.update("baseline \(baseline)\n") }
        return hasher.finalizeHex()
    }
}
