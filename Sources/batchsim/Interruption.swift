import Dispatch
import EventStore
import Foundation
import ParallelWork

/// SIGINT and SIGTERM stop a run cleanly: files being built under temporary names are
/// removed, the previous outputs stay as they were, and the exit status is 130 or 143.
enum Interruption {
    /// Kept alive for the life of the process.
    private static let sources = Locked<[any DispatchSourceSignal]>([])

    static func install() {
        for (signalNumber, status) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                TemporaryFiles.removeAll()
                FileHandle.standardError.write(Data("interrupted: nothing was written\n".utf8))
                _exit(status)
            }
            source.resume()
            sources.withLock { $0.append(source) }
        }
    }
}
