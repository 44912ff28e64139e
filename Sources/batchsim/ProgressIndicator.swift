import BatchModel
import Dispatch
import Foundation
import ParallelWork

/// A one-line progress counter on standard error for runs longer than a second: simulated
/// time reached, events so far and wall time, then the current step ("writing the event
/// log…"). Used only when standard error is a terminal; the line is erased when done.
///
/// The simulating thread reports through `sink` every 65,536 events (a lock per report, not
/// per event); a separate thread redraws the line ten times a second.
final class ProgressIndicator: Sendable {
    private struct Shown {
        var simulatedTime: Int64 = 0
        var events = 0
        var step = "simulating"
        var running = true
    }

    private let shown = Locked(Shown())
    private let finished = DispatchSemaphore(value: 0)
    private let started = ContinuousClock.now

    init() {
        let thread = Thread { [self] in loop() }
        thread.start()
    }

    /// A new event sink that feeds the counter (give it to the scenario run).
    var sink: any EventSink { ProgressSink(indicator: self) }

    /// Names what the command is doing now.
    func setStep(_ text: String) {
        shown.withLock { $0.step = text }
    }

    /// Stops redrawing and erases the line; later calls do nothing.
    func stop() {
        let wasRunning = shown.withLock { shown in
            defer { shown.running = false }
            return shown.running
        }
        if wasRunning { finished.wait() }
    }

    fileprivate func report(time: Int64, events count: Int) {
        shown.withLock { shown in
            shown.simulatedTime = time
            shown.events = count
        }
    }

    private func loop() {
        let frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]
        var frame = 0
        var drawn = false
        while true {
            let now = shown.current
            guard now.running else { break }
            let elapsed = ContinuousClock.now - started
            if elapsed >= .seconds(1) {
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                var line = "\(frames[frame % frames.count]) \(now.step)…"
                if now.events > 0 { line += " t = \(clock(now.simulatedTime)), \(now.events / 1000)k events" }
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
    private let indicator: ProgressIndicator
    private var count = 0

    init(indicator: ProgressIndicator) {
        self.indicator = indicator
    }

    func record(_ event: SimEvent) {
        count &+= 1
        if count & 0xFFFF == 0 { indicator.report(time: event.time, events: count) }
    }
}
