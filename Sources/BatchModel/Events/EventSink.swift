/// Where a run's events go: the SQLite log, a test's recorder, a fingerprint.
///
/// The model calls `record` once per event, in order, on the simulating thread. A run with
/// no sink skips building events entirely.
public protocol EventSink: AnyObject {
    func record(_ event: SimEvent)
}

/// Keeps every event in memory: for tests and small runs.
public final class EventRecorder: EventSink {
    public private(set) var events: [SimEvent] = []

    public init() {}

    public func record(_ event: SimEvent) {
        events.append(event)
    }
}
