import BatchModel
import Dispatch
import Foundation

/// A one-line progress counter on standard error for runs longer than a second: simulated
/// time reached, events so far and wall time, then the current step ("writing the event
/// log…"). Used only when standard error is a terminal; the line is erased when done.
///
/// The simulating thread reports through `sink` every 65,536 events (a lock per report, not
/// per event); a separate thread redraws the line ten times a second.
final class ProgressIndicator: @unchecked Sendable {
    private let lock = NSLock()
    private var simulatedTime: Int64 = 0
    private var events = 0
    private var step = "simulating"
    private var running = true
    private var drawn = false
    private let finished = DispatchSemaphore(value: 0)
    private let started = ContinuousClock.now

    init() {
        let thread = Thread { [self] in loop() }
        thread.start()
    }

    /// The event sink that feeds the counter (the scenario run's events).
    lazy var sink: any EventSink = ProgressSink(indicator: self)

    /// Names what the command is doing now.
    func setStep(_ text: String) {
        lock.withLock { step = text }
    }

    /// Stops redrawing and erases the line; later calls do nothing.
    func stop() {
        let wasRunning = lock.withLock {
            defer { running = false }
            return running
        }
        if wasRunning { finished.wait() }
    }

    fileprivate func report(time: Int64, events count: Int) {
        lock.withLock {
            simulatedTime = time
            events = count
        }
    }

    private func loop() {
        let frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]
        var frame = 0
        while true {
            let (isRunning, time, count, text) = lock.withLock { (running, simulatedTime, events, step) }
            guard isRunning else { break }
            let elapsed = ContinuousClock.now - started
            if elapsed >= .seconds(1) {
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                var line = "\(frames[frame % frames.count]) \(text)…"
                if count > 0 { line += " t = \(clock(time)), \(count / 1000)k events" }
                line += String(format: " (%.1f s)", seconds)
                write("\r\u{1B}[2K\u{1B}[36m" + line + "\u{1B}[0m")
                drawn = true
                frame += 1
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        if drawn { write("\r\u{1B}[2K") }
        finished.signal()
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    private func clock(_ milliseconds: Int64) -> String {
        let minutes = milliseconds / 60_000
        return "\(minutes / 60)h\(minutes % 60 < 10 ? "0" : "")\(minutes % 60)m"
    }
}

/// Counts events and passes the latest simulated time to the indicator now and then.
private final class ProgressSink: EventSink {
    private unowned let indicator: ProgressIndicator
    private var count = 0

    init(indicator: ProgressIndicator) {
        self.indicator = indicator
    }

    func record(_ event: SimEvent) {
        count &+= 1
        if count & 0xFFFF == 0 { indicator.report(time: event.time, events: count) }
    }
}
