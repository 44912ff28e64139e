/// Where a run's events go: the SQLite log, a test's recorder, a fingerprint.
///
/// The model calls `record` once per event, in order, on the simulating thread. A run with
/// no sink skips building events entirely.
public protocol EventSink: AnyObject {
    func record(_ event: SimEvent)
}
