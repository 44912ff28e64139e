public import BatchModel

/// Collects one run's events in chunks and hands each full chunk to the writer thread, so
/// that the simulation never waits on SQLite for a single row.
public final class EventLogSink: EventSink {
    /// Events per chunk, and per transaction on the writer side.
    static let chunkSize = 65_536

    let run: Int64
    private let writer: EventLogWriter
    private var buffer: [SimEvent]
    private var nextSequence: Int64 = 0

    init(run: Int64, writer: EventLogWriter) {
        self.run = run
        self.writer = writer
        buffer = []
        buffer.reserveCapacity(Self.chunkSize)
    }

    public func record(_ event: SimEvent) {
        buffer.append(event)
        if buffer.count == Self.chunkSize { flush() }
    }

    /// Hands over what is buffered; called by the writer before the run's summary rows.
    func flush() {
        guard !buffer.isEmpty else { return }
        writer.enqueue(.events(run: run, firstSequence: nextSequence, buffer))
        nextSequence += Int64(buffer.count)
        buffer = []
        buffer.reserveCapacity(Self.chunkSize)
    }
}
