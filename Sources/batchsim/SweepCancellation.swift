import Dispatch
import EventStore
import Foundation
import ParallelWork

/// SIGINT/SIGTERM during a sweep: no new simulation starts, running ones finish, and the
/// sweep's outputs are written (with `--partial`) or left as they were before the process exits
/// with 128 + the signal's number (SIGINT 130, SIGTERM 143).
/// A second signal stops at once, with its own exit status.
final class SweepCancellation: Sendable {
    /// The exit status of the first signal received; nil while none has come.
    private let status = Locked<Int32?>(nil)

    var isCancelled: Bool { status.current != nil }

    /// 130 after SIGINT, 143 after SIGTERM; nil when no signal came.
    var exitStatus: Int32? { status.current }

    static func install() -> SweepCancellation {
        let cancellation = SweepCancellation()
        Interruption.handle { [cancellation] signalNumber in
            let status = 128 + signalNumber
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
        return cancellation
    }
}
