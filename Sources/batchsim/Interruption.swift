import Dispatch
import EventStore
import Foundation
import ParallelWork

/// A signal that would end the process stops a run cleanly instead: files and folders being
/// built under temporary names are removed, the previous outputs stay as they were, and the
/// exit status is the shell's 128 + the signal's number (SIGINT 130, SIGTERM 143, SIGHUP 129,
/// SIGXFSZ 153, …).
enum Interruption {
    /// The signals whose default action ends the process and that a process may catch.
    static let catchable: [Int32] = [
        SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGXCPU, SIGXFSZ, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF,
    ]

    /// Kept alive for the life of the process.
    private static let sources = Locked<[any DispatchSourceSignal]>([])

    static func install() {
        handle { signalNumber in
            TemporaryFiles.removeAll()
            FileHandle.standardError.write(
                Data("interrupted: outputs not yet in place were discarded; the previous ones are as they were\n".utf8))
            _exit(128 + signalNumber)
        }
    }

    /// Descriptors the signal sources, the event log and the outputs need at the least; below
    /// it, creating the signal sources would stop the process without a word.
    static let minimumOpenFiles: rlim_t = 5

    /// Routes every catchable fatal signal to `handler` (on a dispatch queue, not in a signal
    /// handler, so it may allocate and remove files).
    static func handle(_ handler: @escaping @Sendable (Int32) -> Void) {
        var limit = rlimit()
        #if os(Linux)
            let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
        #else
            let resource = RLIMIT_NOFILE
        #endif
        if getrlimit(resource, &limit) == 0, limit.rlim_cur < minimumOpenFiles {
            FileHandle.standardError.write(
                Data(
                    ("error: too many open files: the limit is \(limit.rlim_cur) (ulimit -n); batchsim needs at least "
                        + "\(minimumOpenFiles)\n").utf8))
            exit(1)
        }
        for signalNumber in catchable {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { handler(signalNumber) }
            source.resume()
            sources.withLock { $0.append(source) }
        }
    }
}
