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
    private var line: [UInt8] = []

    public init() {
        line.reserveCapacity(96)
    }

    public func record(_ event: SimEvent) {
        line.removeAll(keepingCapacity: true)
        append(String(event.time))
        append(event.entity.description)
        append(String(event.entityIndex))
        append(event.name.description)
        append(event.entity.stateName(event.fromState) ?? "-")
        append(event.entity.stateName(event.toState) ?? "-")
        line.append(contentsOf: String(event.detail).utf8)
        line.append(0x0A)
        hasher.update(line)
    }

    private func append(_ field: String) {
        line.append(contentsOf: field.utf8)
        line.append(0x09)
    }

    /// The digest of the events recorded so far.
    public func digest() -> String {
        hasher.finalizeHex()
    }

    /// The fingerprint of a scenario run and its baseline from their digests.
    public static func combine(scenario: String, baseline: String?) -> String {
        var hasher = SHA256Stream()
        hasher.update("scenario \(scenario)\n")
        if let baseline { hasher.update("baseline \(baseline)\n") }
        return hasher.finalizeHex()
    }
}
