/// Keeps every event in memory: for tests and small runs.
public final class EventRecorder: EventSink {
    public private(set) var events: [SimEvent] = []

    public init() {}

    public func record(_ event: SimEvent) {
        events.append(event)
    }
}
