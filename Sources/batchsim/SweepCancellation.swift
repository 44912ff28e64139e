import Dispatch
import EventStore
import Foundation

/// SIGINT/SIGTERM during a sweep: no new simulation starts, running ones finish, and the
/// completed points are written before the process exits with 130.
final class SweepCancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false
    private var sources: [any DispatchSourceSignal] = []

    var isCancelled: Bool { lock.withLock { cancelled } }

    static func install() -> SweepCancellation {
        let cancellation = SweepCancellation()
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [cancellation] in
                let first = cancellation.lock.withLock {
                    defer { cancellation.cancelled = true }
                    return !cancellation.cancelled
                }
                if first {
                    FileHandle.standardError.write(Data("interrupted: finishing running simulations\n".utf8))
                } else {
                    TemporaryFiles.removeAll()
                    _exit(130)
                }
            }
            source.resume()
            cancellation.sources.append(source)
        }
        return cancellation
    }
}

/// A one-line progress bar with ETA on standard error, drawn only on a terminal.
final class ProgressLine: @unchecked Sendable {
    private let enabled: Bool
    private let label: String
    private let lock = NSLock()
    private let started = Date()

    init(enabled: Bool, label: String) {
        self.enabled = enabled
        self.label = label
    }

    func update(_ done: Int, of total: Int) {
        guard enabled, total > 0 else { return }
        lock.withLock {
            let fraction = Double(done) / Double(total)
            let elapsed = Date().timeIntervalSince(started)
            let remaining = fraction > 0 ? elapsed / fraction - elapsed : 0
            let width = 30
            let filled = Int(fraction * Double(width))
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            let line = "\r\(label) [\(bar)] \(done)/\(total)  ETA \(Int(remaining.rounded())) s "
            FileHandle.standardError.write(Data(line.utf8))
        }
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
