import Dispatch
import EventStore
import Foundation
import ParallelWork

/// SIGINT/SIGTERM during a sweep: no new simulation starts, running ones finish, and the
/// completed points are written before the process exits with 130 (SIGINT) or 143 (SIGTERM).
/// A second signal stops at once, with its own exit status.
final class SweepCancellation: Sendable {
    /// The exit status of the first signal received; nil while none has come.
    private let status = Locked<Int32?>(nil)
    private let sources = Locked<[any DispatchSourceSignal]>([])

    var isCancelled: Bool { status.current != nil }

    /// 130 after SIGINT, 143 after SIGTERM; nil when no signal came.
    var exitStatus: Int32? { status.current }

    static func install() -> SweepCancellation {
        let cancellation = SweepCancellation()
        for (signalNumber, status) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [cancellation] in
                let first = cancellation.status.withLock { current in
                    defer { current = current ?? status }
                    return current == nil
                }
                if first {
                    FileHandle.standardError.write(Data("interrupted: finishing running simulations\n".utf8))
                } else {
                    TemporaryFiles.removeAll()
                    _exit(status)
                }
            }
            source.resume()
            cancellation.sources.withLock { $0.append(source) }
        }
        return cancellation
    }
}
